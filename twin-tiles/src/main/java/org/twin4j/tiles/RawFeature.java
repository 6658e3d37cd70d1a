// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.tiles;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.attribute.Attributes;
import org.twin4j.core.io.SourceLocation;

/**
 * One feature as a format reader found it, before ids are assigned and geometry is repaired.
 *
 * @param position the 1-based position of the feature in the file
 * @param featureId the format's own feature id (GeoJSON {@code id}, GeoPackage primary key), or
 *     null
 * @param attributes the properties or columns, nulls left out
 * @param geometryType the geometry type as the file names it, or null if the geometry is null
 * @param parts for Polygon and MultiPolygon: the polygons, each an array of rings, each ring x/y
 *     pairs as given (closed or not); null for other types
 * @param location where the feature starts
 */
record RawFeature(
    int position,
    @Nullable String featureId,
    Attributes attributes,
    @Nullable String geometryType,
    @Nullable List<double[][]> parts,
    SourceLocation location) {}
