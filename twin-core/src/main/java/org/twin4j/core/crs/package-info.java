// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
/**
 * Coordinate reference system identifiers: the EPSG codes (horizontal and optional vertical) and/or
 * the WKT a file names its CRS with, parsed from the forms CityGML, CityJSON and LAS use. Core
 * never reprojects; transforms live in the modules that use Apache SIS.
 */
@NullMarked
package org.twin4j.core.crs;

import org.jspecify.annotations.NullMarked;
