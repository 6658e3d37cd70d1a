// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
/**
 * Buildings from points: {@link org.twin4j.mesh.building.Footprint footprints}, LOD1 blocks and
 * LOD2 roofs reconstructed from classified LiDAR, and a validator for the solids they make.
 */
@NullMarked
package org.twin4j.mesh.building;

import org.jspecify.annotations.NullMarked;
