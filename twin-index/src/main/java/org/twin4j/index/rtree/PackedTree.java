// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.index.rtree;

import java.util.function.IntConsumer;

/**
 * The storage and the dimension-independent algorithms of the packed trees: packing, level
 * arithmetic, nearest-neighbour searches. Package-private; {@link PackedRTree2D} and {@link
 * PackedRTree3D} add the queries.
 *
 * <p><b>Layout.</b> Boxes are numbered leaves first: {@code 0 .. size - 1} are the items in packing
 * order (ids in {@code ids}), the levels of nodes follow, the root last. The children of node
 * {@code b} at level {@code l} are {@code childStart(l, b) .. childEnd(l, b) - 1} of level {@code l
 * - 1}; the leaves under it are the contiguous range from {@code (b - levelStarts[l]) *
 * nodeSize^l}.
 *
 * <p><b>Three precisions, one answer.</b> The traversal reads compact, conservative boxes and the
 * answer is decided on exact ones:
 *
 * <ul>
 *   <li>node boxes are float32 rounded outwards ({@code fnodes}, {@code stride} floats per node);
 *   <li>each leaf node (level 1) owns one contiguous block of {@code blocks}: a header with, per
 *       axis, the origin, step and inverse step of a 65 536-step grid spanning its float box, then
 *       its leaves' boxes as 16-bit grid codes, each minimum rounded down and each maximum up, so a
 *       code box contains its exact box (8 bytes per 2D leaf, 12 per 3D leaf). A query on a leaf
 *       node reads one block, a few adjacent cache lines on one page;
 *   <li>leaf boxes are also kept exactly ({@code boxes}, doubles), read only when a code lands
 *       within one grid step of a query edge, and for the distances reported.
 * </ul>
 *
 * Outward boxes can only make a query look at more, never miss anything.
 */
abstract class PackedTree {

  /** The largest leaf code. */
  static final int MAX_CODE = 65535;

  final int nodeSize;
  final int size;
  final int stride;

  /** Exact leaf boxes, {@code stride} doubles each. */
  final double[] boxes;

  /** Outward-rounded float boxes of the nodes; node b at {@code (b - size) * stride}. */
  final float[] fnodes;

  /** One block per leaf node: grid header, then leaf codes; see the class comment. */
  final long[] blocks;

  /** Longs per block. */
  final int blockLongs;

  /** Longs of the header: origin, step and inverse step per axis. */
  final int headerLongs;

  /** Longs of codes per leaf: 1 in 2D (four codes), 2 in 3D (three minima, three maxima). */
  final int codeLongs;

  final int[] ids;
  final int[] levelStarts;

  /** nodeSize^level, capped: the number of leaves under a full node of each level. */
  final long[] leafSpan;

  /** Exact bounds of all leaves, or empty for an empty tree. */
  final double[] exactBounds;

  /** An empty tree. */
  PackedTree(int stride, int nodeSize) {
    this.stride = stride;
    this.nodeSize = nodeSize;
    this.size = 0;
    this.boxes = new double[0];
    this.fnodes = new float[0];
    this.blocks = new long[0];
    this.headerLongs = 3 * (stride / 2);
    this.codeLongs = stride == 4 ? 1 : 2;
    this.blockLongs = headerLongs + nodeSize * codeLongs;
    this.ids = new int[0];
    this.levelStarts = new int[] {0, 0};
    this.leafSpan = new long[] {1, nodeSize};
    this.exactBounds = new double[0];
  }

  /**
   * Packs boxes: orders them by {@link Packing}, then builds the leaf blocks and the node levels
   * bottom-up.
   *
   * @param stride values per box: 4 or 6
   * @param nodeSize children per node, a power of two
   * @param raw the boxes, validated; {@code stride * n} values used
   * @param rawIds the ids; {@code n} used
   * @param n the number of boxes, at least 1
   */
  PackedTree(int stride, int nodeSize, double[] raw, int[] rawIds, int n) {
    this.stride = stride;
    this.nodeSize = nodeSize;
    this.size = n;
    int half = stride / 2;
    headerLongs = 3 * half;
    codeLongs = stride == 4 ? 1 : 2;
    blockLongs = headerLongs + nodeSize * codeLongs;
    levelStarts = Packing.levelStarts(n, nodeSize);
    int[] order = Packing.order(raw, stride, n, nodeSize, levelStarts.length - 2);
    boxes = new double[stride * n];
    fnodes = new float[stride * (levelStarts[levelStarts.length - 1] - n)];
    ids = new int[n];
    exactBounds = new double[stride];
    for (int k = 0; k < half; k++) {
      exactBounds[k] = Double.POSITIVE_INFINITY;
      exactBounds[half + k] = Double.NEGATIVE_INFINITY;
    }
    for (int i = 0; i < n; i++) {
      int src = stride * order[i];
      System.arraycopy(raw, src, boxes, stride * i, stride);
      for (int k = 0; k < half; k++) {
        exactBounds[k] = Math.min(exactBounds[k], raw[src + k]);
        exactBounds[half + k] = Math.max(exactBounds[half + k], raw[src + half + k]);
      }
      ids[i] = rawIds[order[i]];
    }
    // leaf nodes: float boxes from the exact leaves, then the block of grid and codes
    int leafNodes = levelStarts[2] - levelStarts[1];
    blocks = new long[blockLongs * leafNodes];
    for (int j = 0; j < leafNodes; j++) {
      int node = levelStarts[1] + j;
      int o = stride * j;
      int base = blockLongs * j;
      int first = childStart(1, node);
      int end = childEnd(1, node);
      for (int k = 0; k < half; k++) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int c = first; c < end; c++) {
          lo = Math.min(lo, boxes[stride * c + k]);
          hi = Math.max(hi, boxes[stride * c + half + k]);
        }
        fnodes[o + k] = down(lo);
        fnodes[o + half + k] = up(hi);
        double gridLo = fnodes[o + k];
        double step = gridStep(gridLo, fnodes[o + half + k]);
        blocks[base + 3 * k] = Double.doubleToRawLongBits(gridLo);
        blocks[base + 3 * k + 1] = Double.doubleToRawLongBits(step);
        blocks[base + 3 * k + 2] = Double.doubleToRawLongBits(step > 0 ? 1 / step : 0);
        for (int c = first; c < end; c++) {
          setCode(base, c - first, k, lowerCode(boxes[stride * c + k], gridLo, step));
          setCode(base, c - first, half + k, upperCode(boxes[stride * c + half + k], gridLo, step));
        }
      }
    }
    for (int level = 2; level < levelStarts.length - 1; level++) {
      for (int node = levelStarts[level]; node < levelStarts[level + 1]; node++) {
        int first = childStart(level, node);
        int end = childEnd(level, node);
        int o = stride * (node - n);
        System.arraycopy(fnodes, stride * (first - n), fnodes, o, stride);
        for (int c = first + 1; c < end; c++) {
          int co = stride * (c - n);
          for (int k = 0; k < half; k++) {
            fnodes[o + k] = Math.min(fnodes[o + k], fnodes[co + k]);
            fnodes[o + half + k] = Math.max(fnodes[o + half + k], fnodes[co + half + k]);
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

  /**
   * Stores the 16-bit code of value {@code slot} (minima 0.., maxima from stride / 2) of the leaf
   * at position p of a block: 2D packs the four codes of a leaf in one long, 3D the minima in one
   * long and the maxima in the next.
   */
  private void setCode(int base, int p, int slot, int code) {
    int half = stride >> 1;
    int word = base + headerLongs + p * codeLongs + (codeLongs == 1 ? 0 : slot / half);
    int shift = 16 * (codeLongs == 1 ? slot : slot % half);
    blocks[word] |= ((long) code) << shift;
  }

  /** The largest float not above v. */
  static float down(double v) {
    float f = (float) v;
    return f > v ? Math.nextDown(f) : f;
  }

  /** The smallest float not below v. */
  static float up(double v) {
    float f = (float) v;
    return f < v ? Math.nextUp(f) : f;
  }

  /**
   * The step of a 16-bit grid from lo covering hi: code q stands for {@code lo + q * step}, and
   * code 65535 reaches at least hi. Zero for a flat extent (every value is lo); NaN for an infinite
   * one, where codes say nothing and the exact boxes decide.
   */
  static double gridStep(double lo, double hi) {
    double ext = hi - lo;
    if (!(ext > 0)) {
      return 0;
    }
    if (ext == Double.POSITIVE_INFINITY) {
      return Double.NaN;
    }
    double step = ext / MAX_CODE;
    while (lo + MAX_CODE * step < hi) {
      step = Math.nextUp(step);
    }
    return step;
  }

  /** The largest code whose grid value is at most v (v within the grid; 0 without a grid). */
  static int lowerCode(double v, double lo, double step) {
    if (!(step > 0)) {
      return 0;
    }
    int q = (int) Math.max(0, Math.min(MAX_CODE, Math.floor((v - lo) / step)));
    while (q > 0 && lo + q * step > v) {
      q--;
    }
    while (q < MAX_CODE && lo + (q + 1) * step <= v) {
      q++;
    }
    return q;
  }

  /** The smallest code whose grid value is at least v (v within the grid; 0 without a grid). */
  static int upperCode(double v, double lo, double step) {
    if (!(step > 0)) {
      return 0;
    }
    int q = (int) Math.max(0, Math.min(MAX_CODE, Math.ceil((v - lo) / step)));
    while (q < MAX_CODE && lo + q * step < v) {
      q++;
    }
    while (q > 0 && lo + (q - 1) * step >= v) {
      q--;
    }
    return q;
  }

  /**
   * For a query maximum w: about the largest code whose grid value is at most w, off by at most one
   * (the quotient is taken with a precomputed inverse, a relative error near 1e-16 on values below
   * 65 536). A leaf whose minimum code exceeds it by more than one lies beyond w; one whose minimum
   * code is more than one below it has an exact minimum at most w; the three codes between go to
   * the exact box. A flat grid gives a threshold that settles every leaf, no grid (NaN step) one
   * that settles none.
   */
  static int maxThreshold(double w, double lo, double step, double inverse) {
    if (!(step > 0)) {
      return step == 0 ? (lo <= w ? MAX_CODE + 2 : -2) : 0;
    }
    double t = Math.floor((w - lo) * inverse);
    return t >= MAX_CODE + 2 ? MAX_CODE + 2 : t <= -2 ? -2 : (int) t;
  }

  /**
   * For a query minimum w: about the smallest code whose grid value is at least w, off by at most
   * one; the mirror of {@link #maxThreshold}: a leaf whose maximum code is more than one below it
   * lies before w, more than one above it meets w for sure.
   */
  static int minThreshold(double w, double lo, double step, double inverse) {
    if (!(step > 0)) {
      return step == 0 ? (lo >= w ? -2 : MAX_CODE + 2) : 0;
    }
    double t = Math.ceil((w - lo) * inverse);
    return t >= MAX_CODE + 2 ? MAX_CODE + 2 : t <= -2 ? -2 : (int) t;
  }

  /** A double stored in a block. */
  final double blockDouble(int index) {
    return Double.longBitsToDouble(blocks[index]);
  }

  /**
   * The base from which a leaf node's codes give lower bounds of minima on an axis: the grid
   * origin, or minus infinity where there is no grid.
   */
  final double gridMinBase(int j, int axis) {
    int h = blockLongs * j + 3 * axis;
    double step = blockDouble(h + 1);
    return step != step ? Double.NEGATIVE_INFINITY : blockDouble(h);
  }

  /**
   * The base from which a leaf node's codes give upper bounds of maxima on an axis: the grid
   * origin, or plus infinity where there is no grid.
   */
  final double gridMaxBase(int j, int axis) {
    int h = blockLongs * j + 3 * axis;
    double step = blockDouble(h + 1);
    return step != step ? Double.POSITIVE_INFINITY : blockDouble(h);
  }

  /** The grid step of a leaf node's axis, 0 where there is none. */
  final double gridStepOf(int j, int axis) {
    double step = blockDouble(blockLongs * j + 3 * axis + 1);
    return step != step ? 0 : step;
  }

  /** Checks a node size argument. */
  static int checkNodeSize(int nodeSize) {
    if (nodeSize < 2 || nodeSize > 64 || Integer.bitCount(nodeSize) != 1) {
      throw new IllegalArgumentException(
          "node size must be a power of two from 2 to 64, got " + nodeSize);
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

  /** Squared distance from a point to a node's float box: a lower bound (2D trees ignore z). */
  abstract double nodeDistanceSq(int node, double x, double y, double z);

  /** Exact squared distance from a point to a leaf box (2D trees ignore z). */
  abstract double leafDistanceSq(int leaf, double x, double y, double z);

  /**
   * Writes, for the leaves {@code first .. end - 1} of leaf node j, a lower bound of their squared
   * distance to a point, computed on their codes, into {@code out} from index 0.
   */
  abstract void codeDistancesSq(
      int j, int first, int end, double x, double y, double z, double[] out);

  /** Exact for leaves, a lower bound for nodes. */
  final double distanceSq(int box, double x, double y, double z) {
    return box < size ? leafDistanceSq(box, x, y, z) : nodeDistanceSq(box, x, y, z);
  }

  /**
   * Depth-first branch-and-bound k-nearest search: children visited nearest first, pruned once the
   * k-th best distance found is smaller than their bound. Touches fewer nodes than a global
   * priority queue on packed trees and keeps no heap of nodes.
   */
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
    KnnSearch s = KnnSearch.forThread(k, levelStarts.length, nodeSize);
    int top = topLevel();
    int r = root();
    if (top == 1) {
      nearestLeaves(r, x, y, z, s);
      return s.drain(outIds, outDistances);
    }
    // an explicit stack rather than recursion: the JIT compiles a loop well wherever it inlines it
    int[] pos = s.stackPos;
    int[] count = s.stackCount;
    double[] sd = s.dist;
    int[] sc = s.child;
    expand(top, r, x, y, z, s);
    int level = top;
    while (level <= top) {
      int off = level * nodeSize;
      if (pos[level] == count[level]) {
        level++;
        continue;
      }
      int i = pos[level]++;
      if (sd[off + i] >= s.bound) {
        pos[level] = count[level]; // children are sorted: the rest are farther
        continue;
      }
      int child = sc[off + i];
      if (level == 2) {
        nearestLeaves(child, x, y, z, s);
      } else {
        expand(level - 1, child, x, y, z, s);
        level--;
      }
    }
    return s.drain(outIds, outDistances);
  }

  /** Puts a node's children that may beat the bound in its stack slot, nearest first. */
  private void expand(int level, int node, double x, double y, double z, KnnSearch s) {
    double[] sd = s.dist;
    int[] sc = s.child;
    int off = level * nodeSize;
    int m = 0;
    int end = childEnd(level, node);
    for (int c = childStart(level, node); c < end; c++) {
      double d = nodeDistanceSq(c, x, y, z);
      if (d < s.bound) {
        int i = off + m++;
        while (i > off && sd[i - 1] > d) {
          sd[i] = sd[i - 1];
          sc[i] = sc[i - 1];
          i--;
        }
        sd[i] = d;
        sc[i] = c;
      }
    }
    s.stackPos[level] = 0;
    s.stackCount[level] = m;
  }

  /** Offers the leaves of a leaf node whose code bound beats the bound, by exact distance. */
  private void nearestLeaves(int node, double x, double y, double z, KnnSearch s) {
    int first = childStart(1, node);
    int end = childEnd(1, node);
    double[] lower = s.lower;
    codeDistancesSq(node - size, first, end, x, y, z, lower);
    for (int c = first; c < end; c++) {
      if (lower[c - first] < s.bound) {
        double d = leafDistanceSq(c, x, y, z);
        if (d < s.bound) {
          s.offer(d, ids[c]);
        }
      }
    }
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
    heap.push(nodeDistanceSq(r, x, y, z), r);
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
        double cd = level == 1 ? leafDistanceSq(c, x, y, z) : nodeDistanceSq(c, x, y, z);
        if (cd <= maxSq) {
          heap.push(cd, c);
        }
      }
    }
  }

  /** Depth-first search of the boxes within a distance of a point. */
  private void within(
      int level, int node, double x, double y, double z, double maxSq, IntConsumer visitor) {
    int end = childEnd(level, node);
    for (int c = childStart(level, node); c < end; c++) {
      if (level > 1) {
        if (nodeDistanceSq(c, x, y, z) <= maxSq) {
          within(level - 1, c, x, y, z, maxSq, visitor);
        }
      } else if (leafDistanceSq(c, x, y, z) <= maxSq) {
        visitor.accept(ids[c]);
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
    if (nodeDistanceSq(r, x, y, z) <= maxSq) {
      within(topLevel(), r, x, y, z, maxSq, visitor);
    }
  }

  /**
   * Returns the approximate heap footprint of the tree's arrays.
   *
   * @return bytes used by the double leaf boxes, float boxes, ids and level tables
   */
  public final long memoryBytes() {
    return 16L
        + 8L * boxes.length
        + 16
        + 4L * fnodes.length
        + 16
        + 8L * blocks.length
        + 16
        + 4L * ids.length
        + 16
        + 4L * levelStarts.length
        + 16
        + 8L * leafSpan.length
        + 16
        + 8L * exactBounds.length
        + 48;
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

  /**
   * The k best distances found so far, as a max-heap, plus the scratch of the descent. One per
   * thread, reused, so that a k-nearest query allocates nothing (about 1.7 KB per query otherwise,
   * which at hundreds of thousands of queries a second sends the heap through fresh pages).
   */
  static final class KnnSearch {
    private static final ThreadLocal<KnnSearch> PER_THREAD = new ThreadLocal<>();

    /** Returns this thread's search state, reset, with room for k results and the given shape. */
    static KnnSearch forThread(int k, int levels, int nodeSize) {
      KnnSearch s = PER_THREAD.get();
      if (s == null
          || s.heapD.length < k
          || s.stackPos.length < levels
          || s.lower.length < nodeSize) {
        s =
            new KnnSearch(
                Math.max(k, s == null ? 0 : s.heapD.length),
                Math.max(levels, s == null ? 0 : s.stackPos.length),
                Math.max(nodeSize, s == null ? 0 : s.lower.length));
        PER_THREAD.set(s);
      }
      s.k = k;
      s.count = 0;
      s.bound = Double.POSITIVE_INFINITY;
      return s;
    }

    int k;
    final double[] heapD;
    final int[] heapId;
    int count;

    /** The k-th best squared distance once k are found, else infinity: prune what is not below. */
    double bound = Double.POSITIVE_INFINITY;

    final double[] dist;
    final int[] child;
    final double[] lower;
    final int[] stackPos;
    final int[] stackCount;

    KnnSearch(int k, int levels, int nodeSize) {
      this.k = k;
      heapD = new double[k];
      heapId = new int[k];
      dist = new double[levels * nodeSize];
      child = new int[levels * nodeSize];
      lower = new double[nodeSize];
      stackPos = new int[levels];
      stackCount = new int[levels];
    }

    void offer(double d, int id) {
      if (count < k) {
        int i = count++;
        while (i > 0) {
          int p = (i - 1) >>> 1;
          if (heapD[p] >= d) {
            break;
          }
          heapD[i] = heapD[p];
          heapId[i] = heapId[p];
          i = p;
        }
        heapD[i] = d;
        heapId[i] = id;
        if (count == k) {
          bound = heapD[0];
        }
        return;
      }
      // replace the worst and sift down
      int i = 0;
      while (true) {
        int c = 2 * i + 1;
        if (c >= k) {
          break;
        }
        if (c + 1 < k && heapD[c + 1] > heapD[c]) {
          c++;
        }
        if (heapD[c] <= d) {
          break;
        }
        heapD[i] = heapD[c];
        heapId[i] = heapId[c];
        i = c;
      }
      heapD[i] = d;
      heapId[i] = id;
      bound = heapD[0];
    }

    /** Writes the results nearest first (ties by id) and returns their number; O(k log k). */
    int drain(int[] outIds, double[] outDistances) {
      int n = count;
      // pop the max-heap from the back: distances come out in decreasing order
      for (int last = n - 1; last >= 0; last--) {
        outDistances[last] = heapD[0];
        outIds[last] = heapId[0];
        double d = heapD[last];
        int id = heapId[last];
        int i = 0;
        while (true) {
          int c = 2 * i + 1;
          if (c >= last) {
            break;
          }
          if (c + 1 < last && heapD[c + 1] > heapD[c]) {
            c++;
          }
          if (heapD[c] <= d) {
            break;
          }
          heapD[i] = heapD[c];
          heapId[i] = heapId[c];
          i = c;
        }
        heapD[i] = d;
        heapId[i] = id;
      }
      // equal distances: order by id, so results do not depend on the traversal
      for (int i = 1; i < n; i++) {
        double d = outDistances[i];
        int id = outIds[i];
        int j = i;
        while (j > 0 && outDistances[j - 1] == d && outIds[j - 1] > id) {
          outIds[j] = outIds[j - 1];
          j--;
        }
        outIds[j] = id;
      }
      for (int i = 0; i < n; i++) {
        outDistances[i] = Math.sqrt(outDistances[i]);
      }
      return n;
    }
  }
}
