// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
/**
 * Packed R-trees over 2D and 3D axis-aligned boxes: {@link org.twin4j.index.rtree.PackedRTree2D},
 * {@link org.twin4j.index.rtree.PackedRTree3D}, and {@link org.twin4j.index.rtree.LayeredRTree3D},
 * which absorbs edits.
 *
 * <p>The packed trees are built once, bottom-up, from boxes sorted along a Hilbert curve through
 * their centres (Kamel and Faloutsos 1993), and are immutable afterwards: safe for any number of
 * concurrent queries, with no locks. Boxes live in one {@code double[]} (leaves first, then each
 * level of nodes), ids in one {@code int[]}; a node's children are found by arithmetic, not
 * pointers. Queries report ids to primitive visitors and allocate nothing per hit.
 */
@NullMarked
package org.twin4j.index.rtree;

import org.jspecify.annotations.NullMarked;
