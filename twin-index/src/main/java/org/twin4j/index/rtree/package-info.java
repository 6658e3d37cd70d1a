// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
/**
 * Packed R-trees over 2D and 3D axis-aligned boxes: {@link org.twin4j.index.rtree.PackedRTree2D},
 * {@link org.twin4j.index.rtree.PackedRTree3D}, and {@link org.twin4j.index.rtree.LayeredRTree3D},
 * which absorbs edits.
 *
 * <p>The packed trees are built once, top-down, by sort-tile-recursive tiling at every level (see
 * {@code Packing}), and are immutable afterwards: safe for any number of concurrent queries, with
 * no locks. Nodes are float32 boxes rounded outwards; each leaf node keeps its leaves as 16-bit
 * codes on a grid over its box, in one contiguous block; exact double boxes decide the rare cases
 * the codes cannot. A node's children are found by arithmetic, not pointers. Queries report ids to
 * primitive visitors and allocate nothing per hit.
 */
@NullMarked
package org.twin4j.index.rtree;

import org.jspecify.annotations.NullMarked;
