// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.index.rtree;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.twin4j.core.geom.Bounds2D;

/**
 * An immutable R-tree over 2D boxes, packed by sort-tile-recursive tiling: window, k-nearest,
 * incremental nearest, within-distance and segment queries, all exact.
 *
 * <p><b>Memory:</b> about 45 bytes per item: 32 for the exact box, 8 for the 16-bit copy the
 * traversal reads, 4 for the id, and about 2 for the nodes at the default node size of 16.
 * <b>Build:</b> O(n log n): a radix sort of quantised centres per tree level, then an O(n)
 * bottom-up pass. <b>Queries:</b> O(log n + k) for k results on well-distributed data; each query
 * allocates at most a few small arrays, never anything per hit. <b>Thread safety:</b> immutable
 * after {@link Builder#build()}; any number of threads may query concurrently.
 *
 * <pre>{@code
 * PackedRTree2D.Builder b = PackedRTree2D.builder(footprints.size());
 * for (int i = 0; i < footprints.size(); i++) {
 *   Bounds2D f = footprints.get(i);
 *   b.add(i, f.minX(), f.minY(), f.maxX(), f.maxY());
 * }
 * PackedRTree2D tree = b.build();
 * tree.search(84_000, 446_000, 84_500, 446_500, id -> System.out.println(id));
 * }</pre>
 *
 * @since 1.0
 */
public final class PackedRTree2D extends PackedTree {

  /** The default number of children per node. */
  public static final int DEFAULT_NODE_SIZE = 16;

  private PackedRTree2D(int nodeSize) {
    super(4, nodeSize);
  }

  private PackedRTree2D(int nodeSize, double[] raw, int[] rawIds, int n) {
    super(4, nodeSize, raw, rawIds, n);
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder(16);
  }

  /**
   * Returns a builder with room for a number of items.
   *
   * @param expectedSize the expected number of items
   * @return a new builder
   */
  public static Builder builder(int expectedSize) {
    return new Builder(expectedSize);
  }

  /**
   * Builds a tree from parallel arrays.
   *
   * @param ids one id per box
   * @param bounds four values per box: minX, minY, maxX, maxY; not modified
   * @return the tree
   * @throws IllegalArgumentException if the lengths disagree or a box is NaN or inverted
   */
  public static PackedRTree2D of(int[] ids, double[] bounds) {
    if (bounds.length != 4L * ids.length) {
      throw new IllegalArgumentException(
          "need 4 bound values per id: " + ids.length + " ids, " + bounds.length + " values");
    }
    checkBoxes(bounds, ids, ids.length, 4);
    return ids.length == 0
        ? new PackedRTree2D(DEFAULT_NODE_SIZE)
        : new PackedRTree2D(DEFAULT_NODE_SIZE, bounds, ids, ids.length);
  }

  /**
   * Returns the exact bounds of all items.
   *
   * @return the bounds, or empty for an empty tree
   */
  public Optional<Bounds2D> bounds() {
    if (size == 0) {
      return Optional.empty();
    }
    double[] e = exactBounds;
    return Optional.of(new Bounds2D(e[0], e[1], e[2], e[3]));
  }

  /**
   * Reports every item whose box intersects a window (boundaries included).
   *
   * @param minX window minimum x
   * @param minY window minimum y
   * @param maxX window maximum x
   * @param maxY window maximum y
   * @param visitor receives each intersecting id once, in no particular order
   * @throws IllegalArgumentException if the window is NaN or inverted
   */
  public void search(double minX, double minY, double maxX, double maxY, IntConsumer visitor) {
    if (!(minX <= maxX) || !(minY <= maxY)) {
      throw new IllegalArgumentException(
          "query window must have min <= max and no NaN, got x ["
              + minX
              + ", "
              + maxX
              + "], y ["
              + minY
              + ", "
              + maxY
              + "]");
    }
    if (size == 0) {
      return;
    }
    Window w = Window.acquire(minX, minY, maxX, maxY);
    try {
      int r = root();
      if (!w.misses(fnodes, (r - size) << 2)) {
        search(topLevel(), r, w, visitor);
      }
    } finally {
      w.busy = false;
    }
  }

  /**
   * A query window three ways: rounded outwards to floats (a node box it misses holds nothing that
   * meets the window), rounded inwards (a node box inside it holds only boxes inside the window),
   * and exact, for the leaves' grid thresholds and the rare exact check.
   */
  private static final class Window {
    float oMinX;
    float oMinY;
    float oMaxX;
    float oMaxY;
    float iMinX;
    float iMinY;
    float iMaxX;
    float iMaxY;
    double minX;
    double minY;
    double maxX;
    double maxY;

    /**
     * One window per thread, reused: a query then allocates nothing. A visitor that queries again
     * from inside a query finds it busy and gets a new one.
     */
    private static final ThreadLocal<Window> PER_THREAD = new ThreadLocal<>();

    boolean busy;

    static Window acquire(double minX, double minY, double maxX, double maxY) {
      Window w = PER_THREAD.get();
      if (w == null || w.busy) {
        w = new Window();
        if (PER_THREAD.get() == null) {
          PER_THREAD.set(w);
        }
      }
      w.set(minX, minY, maxX, maxY);
      w.busy = true;
      return w;
    }

    void set(double minX, double minY, double maxX, double maxY) {
      this.minX = minX;
      this.minY = minY;
      this.maxX = maxX;
      this.maxY = maxY;
      oMinX = down(minX);
      oMinY = down(minY);
      oMaxX = up(maxX);
      oMaxY = up(maxY);
      iMinX = up(minX);
      iMinY = up(minY);
      iMaxX = down(maxX);
      iMaxY = down(maxY);
    }

    boolean misses(float[] f, int o) {
      return f[o] > oMaxX || f[o + 1] > oMaxY || f[o + 2] < oMinX || f[o + 3] < oMinY;
    }

    boolean meetsExactly(double[] b, int o) {
      return b[o] <= maxX && b[o + 1] <= maxY && b[o + 2] >= minX && b[o + 3] >= minY;
    }
  }

  private void search(int level, int node, Window w, IntConsumer visitor) {
    int first = childStart(level, node);
    int end = childEnd(level, node);
    if (level == 1) {
      searchLeaves(node - size, first, end, w, visitor);
      return;
    }
    final float[] f = fnodes;
    final float oMinX = w.oMinX;
    final float oMinY = w.oMinY;
    final float oMaxX = w.oMaxX;
    final float oMaxY = w.oMaxY;
    final float iMinX = w.iMinX;
    final float iMinY = w.iMinY;
    final float iMaxX = w.iMaxX;
    final float iMaxY = w.iMaxY;
    // non-short-circuit '&': one well-predicted branch per box instead of up to four random ones
    for (int i = first; i < end; i++) {
      int o = (i - size) << 2;
      float a = f[o];
      float b = f[o + 1];
      float c = f[o + 2];
      float d = f[o + 3];
      if ((a <= oMaxX) & (b <= oMaxY) & (c >= oMinX) & (d >= oMinY)) {
        if ((a >= iMinX) & (b >= iMinY) & (c <= iMaxX) & (d <= iMaxY)) {
          reportAll(level - 1, i, visitor); // the window covers the node: no test below
        } else {
          search(level - 1, i, w, visitor);
        }
      }
    }
  }

  /**
   * Tests the leaves of leaf node j on its 16-bit grid. Codes beyond a threshold by more than one
   * reject, codes inside it by more than one accept; the rest (a band of three codes at each window
   * edge, millimetres wide on a building block) are decided on the exact box.
   */
  private void searchLeaves(int j, int first, int end, Window w, IntConsumer visitor) {
    final long[] b = blocks;
    int base = blockLongs * j;
    double loX = Double.longBitsToDouble(b[base]);
    double stepX = Double.longBitsToDouble(b[base + 1]);
    double invX = Double.longBitsToDouble(b[base + 2]);
    double loY = Double.longBitsToDouble(b[base + 3]);
    double stepY = Double.longBitsToDouble(b[base + 4]);
    double invY = Double.longBitsToDouble(b[base + 5]);
    int maxX = maxThreshold(w.maxX, loX, stepX, invX);
    int maxY = maxThreshold(w.maxY, loY, stepY, invY);
    int minX = minThreshold(w.minX, loX, stepX, invX);
    int minY = minThreshold(w.minY, loY, stepY, invY);
    final int rejectMaxX = maxX + 1;
    final int rejectMaxY = maxY + 1;
    final int rejectMinX = minX - 1;
    final int rejectMinY = minY - 1;
    final int sureMaxX = maxX - 1;
    final int sureMaxY = maxY - 1;
    final int sureMinX = minX + 1;
    final int sureMinY = minY + 1;
    int codes = base + 6 - first;
    for (int i = first; i < end; i++) {
      long v = b[codes + i];
      int a = (int) v & 0xFFFF;
      int bb = (int) (v >>> 16) & 0xFFFF;
      int c = (int) (v >>> 32) & 0xFFFF;
      int d = (int) (v >>> 48);
      if ((a <= rejectMaxX) & (bb <= rejectMaxY) & (c >= rejectMinX) & (d >= rejectMinY)) {
        if (((a < sureMaxX) & (bb < sureMaxY) & (c > sureMinX) & (d > sureMinY))
            || w.meetsExactly(boxes, i << 2)) {
          visitor.accept(ids[i]);
        }
      }
    }
  }

  /**
   * Finds the k items whose boxes are nearest to a point (distance 0 for boxes containing it),
   * exactly, by a depth-first branch-and-bound search.
   *
   * @param x point x
   * @param y point y
   * @param k the number wanted
   * @param outIds receives the ids, nearest first (equal distances by id); at least k long
   * @param outDistances receives the distances; at least k long
   * @return the number found, {@code min(k, size())}
   * @throws IllegalArgumentException if the point is not finite, k is negative or an array is short
   */
  public int nearest(double x, double y, int k, int[] outIds, double[] outDistances) {
    checkPoint(x, y, 0);
    return nearestImpl(x, y, 0, k, outIds, outDistances);
  }

  /**
   * Reports items by increasing distance from a point to their boxes (Hjaltason and Samet's
   * best-first order) until the visitor stops or the distance exceeds a limit.
   *
   * @param x point x
   * @param y point y
   * @param maxDistance no item farther than this is reported (may be infinite)
   * @param visitor receives ids and distances, nearest first
   * @throws IllegalArgumentException if the point is not finite or the limit is NaN
   */
  public void nearest(double x, double y, double maxDistance, DistanceVisitor visitor) {
    checkPoint(x, y, 0);
    if (Double.isNaN(maxDistance)) {
      throw new IllegalArgumentException("maxDistance must not be NaN");
    }
    nearestImpl(x, y, 0, maxDistance, visitor);
  }

  /**
   * Reports every item whose box lies within a distance of a point.
   *
   * @param x point x
   * @param y point y
   * @param distance the largest distance, not negative
   * @param visitor receives each id once, in no particular order
   * @throws IllegalArgumentException if the point is not finite or the distance negative or NaN
   */
  public void withinDistance(double x, double y, double distance, IntConsumer visitor) {
    checkPoint(x, y, 0);
    withinImpl(x, y, 0, distance, visitor);
  }

  /**
   * Reports every item whose box a line segment touches, as a sightline on a map does.
   *
   * @param x0 start x
   * @param y0 start y
   * @param x1 end x
   * @param y1 end y
   * @param visitor receives each id once, in no particular order
   * @throws IllegalArgumentException if a coordinate is not finite
   */
  public void searchSegment(double x0, double y0, double x1, double y1, IntConsumer visitor) {
    checkPoint(x0, y0, 0);
    checkPoint(x1, y1, 0);
    if (size == 0) {
      return;
    }
    int r = root();
    if (segmentHits(fnodes, (r - size) << 2, x0, y0, x1 - x0, y1 - y0)) {
      searchSegment(topLevel(), r, x0, y0, x1 - x0, y1 - y0, visitor);
    }
  }

  private void searchSegment(
      int level, int node, double x0, double y0, double dx, double dy, IntConsumer visitor) {
    int end = childEnd(level, node);
    for (int c = childStart(level, node); c < end; c++) {
      if (level > 1) {
        if (segmentHits(fnodes, (c - size) << 2, x0, y0, dx, dy)) {
          searchSegment(level - 1, c, x0, y0, dx, dy, visitor);
        }
      } else if (segmentHits(boxes, c << 2, x0, y0, dx, dy)) {
        visitor.accept(ids[c]);
      }
    }
  }

  /** Slab test of the segment (x0, y0) + t (dx, dy), t in [0, 1], against box values at o. */
  private static boolean segmentHits(float[] f, int o, double x0, double y0, double dx, double dy) {
    return segmentHits(f[o], f[o + 1], f[o + 2], f[o + 3], x0, y0, dx, dy);
  }

  private static boolean segmentHits(
      double[] b, int o, double x0, double y0, double dx, double dy) {
    return segmentHits(b[o], b[o + 1], b[o + 2], b[o + 3], x0, y0, dx, dy);
  }

  private static boolean segmentHits(
      double minX,
      double minY,
      double maxX,
      double maxY,
      double x0,
      double y0,
      double dx,
      double dy) {
    double t0 = 0;
    double t1 = 1;
    if (dx == 0) {
      if (x0 < minX || x0 > maxX) {
        return false;
      }
    } else {
      double ta = (minX - x0) / dx;
      double tb = (maxX - x0) / dx;
      t0 = Math.max(t0, Math.min(ta, tb));
      t1 = Math.min(t1, Math.max(ta, tb));
    }
    if (dy == 0) {
      return y0 >= minY && y0 <= maxY && t0 <= t1;
    }
    double ta = (minY - y0) / dy;
    double tb = (maxY - y0) / dy;
    t0 = Math.max(t0, Math.min(ta, tb));
    t1 = Math.min(t1, Math.max(ta, tb));
    return t0 <= t1;
  }

  @Override
  double nodeDistanceSq(int node, double x, double y, double z) {
    final float[] f = fnodes;
    int o = (node - size) << 2;
    double dx = Math.max(0, Math.max(f[o] - x, x - f[o + 2]));
    double dy = Math.max(0, Math.max(f[o + 1] - y, y - f[o + 3]));
    return dx * dx + dy * dy;
  }

  @Override
  void codeDistancesSq(int j, int first, int end, double x, double y, double z, double[] out) {
    double minBaseX = gridMinBase(j, 0);
    double minBaseY = gridMinBase(j, 1);
    double maxBaseX = gridMaxBase(j, 0);
    double maxBaseY = gridMaxBase(j, 1);
    double stepX = gridStepOf(j, 0);
    double stepY = gridStepOf(j, 1);
    final long[] b = blocks;
    int codes = blockLongs * j + 6 - first;
    for (int i = first; i < end; i++) {
      long v = b[codes + i];
      double dx =
          Math.max(
              0,
              Math.max(
                  minBaseX + ((int) v & 0xFFFF) * stepX - x,
                  x - (maxBaseX + ((int) (v >>> 32) & 0xFFFF) * stepX)));
      double dy =
          Math.max(
              0,
              Math.max(
                  minBaseY + ((int) (v >>> 16) & 0xFFFF) * stepY - y,
                  y - (maxBaseY + (int) (v >>> 48) * stepY)));
      out[i - first] = dx * dx + dy * dy;
    }
  }

  @Override
  double leafDistanceSq(int leaf, double x, double y, double z) {
    final double[] b = boxes;
    int o = leaf << 2;
    double dx = Math.max(0, Math.max(b[o] - x, x - b[o + 2]));
    double dy = Math.max(0, Math.max(b[o + 1] - y, y - b[o + 3]));
    return dx * dx + dy * dy;
  }

  /** Collects items for a {@link PackedRTree2D}. Single-use; not thread-safe. */
  public static final class Builder {
    private double[] bounds;
    private int[] ids;
    private int count;
    private int nodeSize = DEFAULT_NODE_SIZE;
    private boolean built;

    private Builder(int expectedSize) {
      int cap = Math.max(16, expectedSize);
      bounds = new double[4 * cap];
      ids = new int[cap];
    }

    /**
     * Sets the number of children per node (default 16).
     *
     * @param value a power of two from 2 to 64
     * @return this builder
     */
    public Builder nodeSize(int value) {
      nodeSize = checkNodeSize(value);
      return this;
    }

    /**
     * Adds an item. A zero-width or zero-height box (a point, a segment) is valid.
     *
     * @param id the item's id, reported by queries; need not be unique
     * @param minX minimum x
     * @param minY minimum y
     * @param maxX maximum x
     * @param maxY maximum y
     * @return this builder
     * @throws IllegalArgumentException if a value is NaN or a minimum exceeds its maximum
     */
    public Builder add(int id, double minX, double minY, double maxX, double maxY) {
      if (count == ids.length) {
        ids = Arrays.copyOf(ids, count * 2);
        bounds = Arrays.copyOf(bounds, 8 * count);
      }
      int o = 4 * count;
      bounds[o] = minX;
      bounds[o + 1] = minY;
      bounds[o + 2] = maxX;
      bounds[o + 3] = maxY;
      ids[count] = id;
      checkBox(bounds, count, id, 4);
      count++;
      return this;
    }

    /**
     * Builds the tree.
     *
     * @return the immutable tree
     * @throws IllegalStateException if called twice
     */
    public PackedRTree2D build() {
      if (built) {
        throw new IllegalStateException("build() was already called on this builder");
      }
      built = true;
      PackedRTree2D tree =
          count == 0
              ? new PackedRTree2D(nodeSize)
              : new PackedRTree2D(nodeSize, bounds, ids, count);
      bounds = new double[0];
      ids = new int[0];
      return tree;
    }
  }
}
