// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
/**
 * Triangulated surfaces: {@link org.twin4j.mesh.DelaunayTriangulation}, our own 2.5D Delaunay
 * triangulation (x and y triangulated, z carried) built on the exact {@link
 * org.twin4j.mesh.Predicates}.
 */
@NullMarked
package org.twin4j.mesh;

import org.jspecify.annotations.NullMarked;
