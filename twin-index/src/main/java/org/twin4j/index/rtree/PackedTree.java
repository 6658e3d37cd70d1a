// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.index.rtree;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The storage and the dimension-independent algorithms of the packed trees: Hilbert packing, level
 * arithmetic, best-first nearest neighbours. Package-private; {@link PackedRTree2D} and {@link
 * PackedRTree3D} add the queries.
 *
 * <p>Layout: box {@code b} occupies {@code boxes[stride * b .. stride * b + stride - 1]} as all
 * minima then all maxima. Boxes {@code 0 .. size - 1} are the leaves (the items, in Hilbert order,
 * with their ids in {@code ids}); the levels of nodes follow, the root last. The children of node
 * {@code b} at level {@code l} are boxes {@code childStart(l, b)} to {@code childEnd(l, b) - 1} of
 * level {@code l - 1}; the leaves below it are the contiguous range {@code (b - levelStarts[l]) *
 * nodeSize^l} onward.
 */
abstract class PackedTree {

  final int nodeSize;
  final int size;
  final int stride;
  final double[] boxes;
  final int[] ids;
  final int[] levelStarts;

  /** nodeSize^level, capped: the number of leaves under a full node of each level. */
  final long[] leafSpan;

  /** An empty tree. */
  PackedTree(int stride, int nodeSize) {
    this.stride = stride;
    this.nodeSize = nodeSize;
    this.size = 0;
    this.boxes = new double[0];
    this.ids = new int[0];
    this.levelStarts = new int[] {0, 0};
    this.leafSpan = new long[] {1, nodeSize};
  }

  /**
   * Packs boxes: sorts them along the Hilbert curve and builds the node levels bottom-up.
   *
   * @param stride values per box
   * @param nodeSize children per node
   * @param raw the boxes, validated; {@code stride * n} values used
   * @param rawIds the ids; {@code n} used
   * @param n the number of boxes, at least 1
   */
  PackedTree(int stride, int nodeSize, double[] raw, int[] rawIds, int n) {
    this.stride = stride;
    this.nodeSize = nodeSize;
    this.size = n;
    int[] order = Hilbert.order(raw, stride, n);
    levelStarts = Hilbert.levelStarts(n, nodeSize);
    boxes = new double[stride * levelStarts[levelStarts.length - 1]];
    ids = new int[n];
    for (int i = 0; i < n; i++) {
      int src = order[i];
      System.arraycopy(raw, stride * src, boxes, stride * i, stride);
      ids[i] = rawIds[src];
    }
    int half = stride / 2;
    for (int level = 1; level < levelStarts.length - 1; level++) {
      for (int node = levelStarts[level]; node < levelStarts[level + 1]; node++) {
        int first = childStart(level, node);
        int end = childEnd(level, node);
        int o = stride * node;
        System.arraycopy(boxes, stride * first, boxes, o, stride);
        for (int c = first + 1; c < end; c++) {
          int co = stride * c;
          for (int k = 0; k < half; k++) {
            boxes[o + k] = Math.min(boxes[o + k], boxes[co + k]);
            boxes[o + half + k] = Math.max(boxes[o + half + k], boxes[co + half + k]);
          }
        }
      }
    }
    leafSpan = new long[levelStarts.length - 1];
    long span = 1;
    for (int l = 0; l < leafSpan.length; l++) {
      leafSpan[l] = span;
      span = Math.min(span * nodeSize, Integer.MAX_VALUE);
    }
  }

  /** Checks a node size argument. */
  static int checkNodeSize(int nodeSize) {
    if (nodeSize < 2 || nodeSize > 256) {
      throw new IllegalArgumentException("node size must be 2 to 256, got " + nodeSize);
    }
    return nodeSize;
  }

  /**
   * Checks boxes given by callers: every value not NaN, every minimum not above its maximum.
   *
   * @throws IllegalArgumentException naming the first offending box and its id
   */
  static void checkBoxes(double[] raw, int[] rawIds, int n, int stride) {
    for (int i = 0; i < n; i++) {
      checkBox(raw, i, rawIds[i], stride);
    }
  }

  /**
   * Checks box {@code i} of an array.
   *
   * @throws IllegalArgumentException if it is NaN or inverted on an axis
   */
  static void checkBox(double[] raw, int i, int id, int stride) {
    int half = stride / 2;
    int o = stride * i;
    for (int k = 0; k < half; k++) {
      double min = raw[o + k];
      double max = raw[o + half + k];
      if (!(min <= max)) {
        throw new IllegalArgumentException(
            "box "
                + i
                + " (id "
                + id
                + ") is "
                + (Double.isNaN(min) || Double.isNaN(max) ? "NaN" : "inverted")
                + " on axis "
                + "xyz".charAt(k)
                + ": min "
                + min
                + ", max "
                + max);
      }
    }
  }

  final int childStart(int level, int node) {
    return levelStarts[level - 1] + (node - levelStarts[level]) * nodeSize;
  }

  final int childEnd(int level, int node) {
    return Math.min(
        levelStarts[level - 1] + (node - levelStarts[level] + 1) * nodeSize, levelStarts[level]);
  }

  /** The level of a node box (at least 1). */
  final int levelOf(int box) {
    int l = 1;
    while (box >= levelStarts[l + 1]) {
      l++;
    }
    return l;
  }

  /** The top level (holding only the root); at least 1. */
  final int topLevel() {
    return levelStarts.length - 2;
  }

  /** The root box index; meaningful when size > 0. */
  final int root() {
    return levelStarts[levelStarts.length - 2];
  }

  /** Reports every leaf under a box of a level. */
  final void reportAll(int level, int box, IntConsumer visitor) {
    if (level == 0) {
      visitor.accept(ids[box]);
      return;
    }
    long span = leafSpan[level];
    int from = (int) ((box - levelStarts[level]) * span);
    int to = (int) Math.min(from + span, size);
    for (int i = from; i < to; i++) {
      visitor.accept(ids[i]);
    }
  }

  /** Squared distance from a point to a box (2D trees ignore z). */
  abstract double distanceSq(int box, double x, double y, double z);

  /** Best-first k-nearest search; see the public wrappers. */
  final int nearestImpl(double x, double y, double z, int k, int[] outIds, double[] outDistances) {
    if (k < 0) {
      throw new IllegalArgumentException("k must not be negative, got " + k);
    }
    if (outIds.length < k || outDistances.length < k) {
      throw new IllegalArgumentException(
          "output arrays must hold k = "
              + k
              + " results, got "
              + outIds.length
              + " and "
              + outDistances.length);
    }
    if (size == 0 || k == 0) {
      return 0;
    }
    MinHeap heap = new MinHeap(4 * nodeSize);
    int r = root();
    heap.push(distanceSq(r, x, y, z), r);
    int count = 0;
    // the k-th smallest leaf distance pushed so far bounds the answer: farther boxes need not be
    // queued
    double bound = Double.POSITIVE_INFINITY;
    double[] best = new double[k];
    int bestCount = 0;
    while (!heap.isEmpty()) {
      double d = heap.peekKey();
      int b = (int) heap.peekValue();
      heap.pop();
      if (b < size) {
        outIds[count] = ids[b];
        outDistances[count] = Math.sqrt(d);
        if (++count == k) {
          break;
        }
        continue;
      }
      int level = levelOf(b);
      int end = childEnd(level, b);
      for (int c = childStart(level, b); c < end; c++) {
        double cd = distanceSq(c, x, y, z);
        if (cd > bound) {
          continue;
        }
        heap.push(cd, c);
        if (level == 1) {
          // keep the k smallest leaf distances seen (insertion into a short sorted array)
          if (bestCount < k) {
            int i = bestCount++;
            while (i > 0 && best[i - 1] > cd) {
              best[i] = best[i - 1];
              i--;
            }
            best[i] = cd;
            if (bestCount == k) {
              bound = best[k - 1];
            }
          } else if (cd < bound) {
            int i = k - 1;
            while (i > 0 && best[i - 1] > cd) {
              best[i] = best[i - 1];
              i--;
            }
            best[i] = cd;
            bound = best[k - 1];
          }
        }
      }
    }
    return count;
  }

  /** Best-first incremental search by distance to a point. */
  final void nearestImpl(
      double x, double y, double z, double maxDistance, DistanceVisitor visitor) {
    if (size == 0) {
      return;
    }
    double maxSq = maxDistance * maxDistance;
    MinHeap heap = new MinHeap(4 * nodeSize);
    int r = root();
    heap.push(distanceSq(r, x, y, z), r);
    while (!heap.isEmpty()) {
      double d = heap.peekKey();
      if (d > maxSq) {
        return;
      }
      int b = (int) heap.peekValue();
      heap.pop();
      if (b < size) {
        if (!visitor.visit(ids[b], Math.sqrt(d))) {
          return;
        }
        continue;
      }
      int level = levelOf(b);
      int end = childEnd(level, b);
      for (int c = childStart(level, b); c < end; c++) {
        double cd = distanceSq(c, x, y, z);
        if (cd <= maxSq) {
          heap.push(cd, c);
        }
      }
    }
  }

  /** Depth-first search of the boxes within a distance of a point. */
  final void withinImpl(
      int level, int node, double x, double y, double z, double maxSq, IntConsumer visitor) {
    int end = childEnd(level, node);
    for (int c = childStart(level, node); c < end; c++) {
      if (distanceSq(c, x, y, z) <= maxSq) {
        if (level == 1) {
          visitor.accept(ids[c]);
        } else {
          withinImpl(level - 1, c, x, y, z, maxSq, visitor);
        }
      }
    }
  }

  /** Runs the within-distance search from the root. */
  final void withinImpl(double x, double y, double z, double distance, IntConsumer visitor) {
    if (!(distance >= 0)) {
      throw new IllegalArgumentException("distance must be >= 0, got " + distance);
    }
    if (size == 0) {
      return;
    }
    double maxSq = distance * distance;
    int r = root();
    if (distanceSq(r, x, y, z) <= maxSq) {
      withinImpl(topLevel(), r, x, y, z, maxSq, visitor);
    }
  }

  /** Copies the boxes and ids of the leaves in Hilbert order, for rebuilding. */
  final double[] leafBoxes() {
    return Arrays.copyOf(boxes, stride * size);
  }

  final int[] leafIds() {
    return ids.clone();
  }

  /**
   * Returns the approximate heap footprint of the tree's arrays.
   *
   * @return bytes used by boxes, ids and level tables
   */
  public final long memoryBytes() {
    return 16L
        + 8L * boxes.length
        + 16
        + 4L * ids.length
        + 16
        + 4L * levelStarts.length
        + 16
        + 8L * leafSpan.length
        + 40;
  }

  /**
   * Returns the number of items.
   *
   * @return the size
   */
  public final int size() {
    return size;
  }

  /**
   * Tells whether the tree holds no item.
   *
   * @return true if empty
   */
  public final boolean isEmpty() {
    return size == 0;
  }

  /**
   * Returns the number of children per node.
   *
   * @return the node size
   */
  public final int nodeSize() {
    return nodeSize;
  }

  static void checkPoint(double x, double y, double z) {
    if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
      throw new IllegalArgumentException(
          "query point must be finite, got (" + x + ", " + y + ", " + z + ")");
    }
  }
}
