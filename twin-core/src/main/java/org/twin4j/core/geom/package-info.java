// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
/**
 * Immutable geometry values with packed primitive storage: points, 2D and 3D bounds, polygons with
 * holes, multi-surfaces whose surfaces carry a semantic type, solids, multi-solids, lines, points
 * and triangle meshes.
 *
 * <p>Single values ({@link org.twin4j.core.geom.Point3D}, {@link org.twin4j.core.geom.Bounds3D})
 * are records. Geometries counted in thousands of vertices keep their coordinates in one
 * interleaved {@code double[] xyz} array and their topology in {@code int}/{@code char} index
 * arrays; faces and rings are exposed through index accessors or as views made on demand.
 * Coordinates are in the units of the city model's coordinate reference system (metres in a
 * projected CRS); no geometry reprojects or swaps axes.
 */
@NullMarked
package org.twin4j.core.geom;

import org.jspecify.annotations.NullMarked;
