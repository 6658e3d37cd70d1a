// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
/**
 * GIS formats for the model. {@link org.twin4j.tiles.FootprintFiles} reads building footprints from
 * GeoJSON and OGC GeoPackage files into a {@link org.twin4j.tiles.FootprintSet}, repairing what
 * reconstruction cannot use (repeated vertices, wrong ring orientation, self-intersections,
 * degenerate rings) and reporting every repair per footprint id as a {@link
 * org.twin4j.tiles.FootprintIssue}; it writes footprints, with any attributes added since, back to
 * either format.
 *
 * <p>Coordinates are kept as the file gives them, in the units of its CRS; nothing here reprojects
 * or swaps axes. Malformed files raise {@link org.twin4j.core.io.TwinFormatException} naming the
 * file and the line (GeoJSON) or feature id (GeoPackage). No Jackson, JTS or NGA GeoPackage type
 * appears in this API.
 */
@NullMarked
package org.twin4j.tiles;

import org.jspecify.annotations.NullMarked;
