// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.index.rtree;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.twin4j.core.geom.Bounds3D;

/**
 * An immutable R-tree over 3D boxes, packed by sort-tile-recursive tiling of the x/y centres of the
 * boxes (city data is wide and flat, so x/y locality is what queries need): box, k-nearest,
 * incremental nearest, within-distance and ray queries, all exact.
 *
 * <p><b>Memory:</b> about 67 bytes per item: 48 for the exact box, 12 for the 16-bit copy the
 * traversal reads, 4 for the id, and about 3 for the nodes at the default node size of 16.
 * <b>Build:</b> O(n log n): a radix sort of quantised centres per tree level, then an O(n)
 * bottom-up pass. <b>Thread safety:</b> immutable after {@link Builder#build()}; any number of
 * threads may query concurrently; each query allocates at most a few small arrays.
 *
 * @since 1.0
 */
public final class PackedRTree3D extends PackedTree {

  /** The default number of children per node. */
  public static final int DEFAULT_NODE_SIZE = 16;

  private PackedRTree3D(int nodeSize) {
    super(6, nodeSize);
  }

  private PackedRTree3D(int nodeSize, double[] raw, int[] rawIds, int n) {
    super(6, nodeSize, raw, rawIds, n);
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
   * @param bounds six values per box: minX, minY, minZ, maxX, maxY, maxZ; not modified
   * @return the tree
   * @throws IllegalArgumentException if the lengths disagree or a box is NaN or inverted
   */
  public static PackedRTree3D of(int[] ids, double[] bounds) {
    return of(ids, bounds, ids.length, DEFAULT_NODE_SIZE);
  }

  /** Builds from the first n entries of the arrays, checking them. */
  static PackedRTree3D of(int[] ids, double[] bounds, int n, int nodeSize) {
    if (bounds.length < 6L * n || ids.length < n) {
      throw new IllegalArgumentException(
          "need 6 bound values per id: " + n + " ids, " + bounds.length + " values");
    }
    checkBoxes(bounds, ids, n, 6);
    return n == 0 ? new PackedRTree3D(nodeSize) : new PackedRTree3D(nodeSize, bounds, ids, n);
  }

  /**
   * Returns the exact bounds of all items.
   *
   * @return the bounds, or empty for an empty tree
   */
  public Optional<Bounds3D> bounds() {
    if (size == 0) {
      return Optional.empty();
    }
    double[] e = exactBounds;
    return Optional.of(new Bounds3D(e[0], e[1], e[2], e[3], e[4], e[5]));
  }

  /**
   * Reports every item whose box intersects a query box (boundaries included). Infinite bounds are
   * allowed: a 2D window is the box from minus to plus infinity in z.
   *
   * @param minX query minimum x
   * @param minY query minimum y
   * @param minZ query minimum z
   * @param maxX query maximum x
   * @param maxY query maximum y
   * @param maxZ query maximum z
   * @param visitor receives each intersecting id once, in no particular order
   * @throws IllegalArgumentException if the box is NaN or inverted
   */
  public void search(
      double minX,
      double minY,
      double minZ,
      double maxX,
      double maxY,
      double maxZ,
      IntConsumer visitor) {
    if (!(minX <= maxX) || !(minY <= maxY) || !(minZ <= maxZ)) {
      throw new IllegalArgumentException(
          "query box must have min <= max and no NaN, got x ["
              + minX
              + ", "
              + maxX
              + "], y ["
              + minY
              + ", "
              + maxY
              + "], z ["
              + minZ
              + ", "
              + maxZ
              + "]");
    }
    if (size == 0) {
      return;
    }
    Query q = Query.acquire(minX, minY, minZ, maxX, maxY, maxZ);
    try {
      int r = root();
      if (!q.misses(fnodes, 6 * (r - size))) {
        search(topLevel(), r, q, visitor);
      }
    } finally {
      q.busy = false;
    }
  }

  /** A query box rounded outwards and inwards to floats, and exact; see {@link PackedRTree2D}. */
  private static final class Query {
    final float[] out = new float[6];
    final float[] in = new float[6];
    final double[] exact = new double[6];

    /** One query per thread, reused; a visitor querying from inside a query gets a new one. */
    private static final ThreadLocal<Query> PER_THREAD = new ThreadLocal<>();

    boolean busy;

    static Query acquire(
        double minX, double minY, double minZ, double maxX, double maxY, double maxZ) {
      Query q = PER_THREAD.get();
      if (q == null || q.busy) {
        q = new Query();
        if (PER_THREAD.get() == null) {
          PER_THREAD.set(q);
        }
      }
      q.set(minX, minY, minZ, maxX, maxY, maxZ);
      q.busy = true;
      return q;
    }

    void set(double minX, double minY, double minZ, double maxX, double maxY, double maxZ) {
      exact[0] = minX;
      exact[1] = minY;
      exact[2] = minZ;
      exact[3] = maxX;
      exact[4] = maxY;
      exact[5] = maxZ;
      for (int k = 0; k < 3; k++) {
        out[k] = down(exact[k]);
        out[3 + k] = up(exact[3 + k]);
        in[k] = up(exact[k]);
        in[3 + k] = down(exact[3 + k]);
      }
    }

    boolean misses(float[] f, int o) {
      final float[] q = out;
      return f[o] > q[3]
          || f[o + 1] > q[4]
          || f[o + 2] > q[5]
          || f[o + 3] < q[0]
          || f[o + 4] < q[1]
          || f[o + 5] < q[2];
    }

    boolean covers(float[] f, int o) {
      final float[] q = in;
      return f[o] >= q[0]
          && f[o + 1] >= q[1]
          && f[o + 2] >= q[2]
          && f[o + 3] <= q[3]
          && f[o + 4] <= q[4]
          && f[o + 5] <= q[5];
    }

    boolean meetsExactly(double[] b, int o) {
      final double[] q = exact;
      return b[o] <= q[3]
          && b[o + 1] <= q[4]
          && b[o + 2] <= q[5]
          && b[o + 3] >= q[0]
          && b[o + 4] >= q[1]
          && b[o + 5] >= q[2];
    }
  }

  private void search(int level, int node, Query q, IntConsumer visitor) {
    int first = childStart(level, node);
    int end = childEnd(level, node);
    if (level == 1) {
      searchLeaves(node - size, first, end, q, visitor);
      return;
    }
    final float[] f = fnodes;
    for (int i = first; i < end; i++) {
      int o = 6 * (i - size);
      if (!q.misses(f, o)) {
        if (q.covers(f, o)) {
          reportAll(level - 1, i, visitor);
        } else {
          search(level - 1, i, q, visitor);
        }
      }
    }
  }

  /**
   * Tests the leaves of leaf node j on its 16-bit grid: see {@link PackedRTree2D}; codes within one
   * of a threshold are decided on the exact box.
   */
  private void searchLeaves(int j, int first, int end, Query q, IntConsumer visitor) {
    final long[] b = blocks;
    int base = blockLongs * j;
    final double[] e = q.exact;
    int minX = minThreshold(e[0], blockDouble(base), blockDouble(base + 1), blockDouble(base + 2));
    int maxX = maxThreshold(e[3], blockDouble(base), blockDouble(base + 1), blockDouble(base + 2));
    int minY =
        minThreshold(e[1], blockDouble(base + 3), blockDouble(base + 4), blockDouble(base + 5));
    int maxY =
        maxThreshold(e[4], blockDouble(base + 3), blockDouble(base + 4), blockDouble(base + 5));
    int minZ =
        minThreshold(e[2], blockDouble(base + 6), blockDouble(base + 7), blockDouble(base + 8));
    int maxZ =
        maxThreshold(e[5], blockDouble(base + 6), blockDouble(base + 7), blockDouble(base + 8));
    final int rejectMaxX = maxX + 1;
    final int rejectMaxY = maxY + 1;
    final int rejectMaxZ = maxZ + 1;
    final int rejectMinX = minX - 1;
    final int rejectMinY = minY - 1;
    final int rejectMinZ = minZ - 1;
    final int sureMaxX = maxX - 1;
    final int sureMaxY = maxY - 1;
    final int sureMaxZ = maxZ - 1;
    final int sureMinX = minX + 1;
    final int sureMinY = minY + 1;
    final int sureMinZ = minZ + 1;
    int codes = base + 9 - 2 * first;
    for (int i = first; i < end; i++) {
      long mins = b[codes + 2 * i];
      long maxs = b[codes + 2 * i + 1];
      int a0 = (int) mins & 0xFFFF;
      int a1 = (int) (mins >>> 16) & 0xFFFF;
      int a2 = (int) (mins >>> 32) & 0xFFFF;
      int b0 = (int) maxs & 0xFFFF;
      int b1 = (int) (maxs >>> 16) & 0xFFFF;
      int b2 = (int) (maxs >>> 32) & 0xFFFF;
      if ((a0 <= rejectMaxX)
          & (a1 <= rejectMaxY)
          & (a2 <= rejectMaxZ)
          & (b0 >= rejectMinX)
          & (b1 >= rejectMinY)
          & (b2 >= rejectMinZ)) {
        if (((a0 < sureMaxX)
                & (a1 < sureMaxY)
                & (a2 < sureMaxZ)
                & (b0 > sureMinX)
                & (b1 > sureMinY)
                & (b2 > sureMinZ))
            || q.meetsExactly(boxes, 6 * i)) {
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
   * @param z point z
   * @param k the number wanted
   * @param outIds receives the ids, nearest first (equal distances by id); at least k long
   * @param outDistances receives the distances; at least k long
   * @return the number found, {@code min(k, size())}
   * @throws IllegalArgumentException if the point is not finite, k is negative or an array is short
   */
  public int nearest(double x, double y, double z, int k, int[] outIds, double[] outDistances) {
    checkPoint(x, y, z);
    return nearestImpl(x, y, z, k, outIds, outDistances);
  }

  /**
   * Reports items by increasing distance from a point to their boxes until the visitor stops or the
   * distance exceeds a limit.
   *
   * @param x point x
   * @param y point y
   * @param z point z
   * @param maxDistance no item farther than this is reported (may be infinite)
   * @param visitor receives ids and distances, nearest first
   * @throws IllegalArgumentException if the point is not finite or the limit is NaN
   */
  public void nearest(double x, double y, double z, double maxDistance, DistanceVisitor visitor) {
    checkPoint(x, y, z);
    if (Double.isNaN(maxDistance)) {
      throw new IllegalArgumentException("maxDistance must not be NaN");
    }
    nearestImpl(x, y, z, maxDistance, visitor);
  }

  /**
   * Reports every item whose box lies within a distance of a point.
   *
   * @param x point x
   * @param y point y
   * @param z point z
   * @param distance the largest distance, not negative
   * @param visitor receives each id once, in no particular order
   * @throws IllegalArgumentException if the point is not finite or the distance negative or NaN
   */
  public void withinDistance(double x, double y, double z, double distance, IntConsumer visitor) {
    checkPoint(x, y, z);
    withinImpl(x, y, z, distance, visitor);
  }

  /**
   * Reports the items whose boxes a ray enters, by increasing distance along the ray to the entry
   * point (0 for a box containing the origin), until the visitor stops. To find the first surface a
   * sightline hits, test each reported item's geometry and stop once the entry distance exceeds the
   * nearest hit found.
   *
   * @param ox origin x
   * @param oy origin y
   * @param oz origin z
   * @param dx direction x
   * @param dy direction y
   * @param dz direction z; distances are in units of the direction's length (use a unit vector for
   *     distances in CRS units)
   * @param maxDistance boxes entered beyond this are not reported
   * @param visitor receives ids and entry distances
   * @throws IllegalArgumentException if a value is not finite, the direction is zero or the limit
   *     negative
   */
  public void ray(
      double ox,
      double oy,
      double oz,
      double dx,
      double dy,
      double dz,
      double maxDistance,
      DistanceVisitor visitor) {
    checkRay(ox, oy, oz, dx, dy, dz, maxDistance);
    if (size == 0) {
      return;
    }
    MinHeap heap = new MinHeap(4 * nodeSize);
    int r = root();
    double t = entry(r, ox, oy, oz, dx, dy, dz, maxDistance);
    if (t >= 0) {
      heap.push(t, r);
    }
    while (!heap.isEmpty()) {
      double d = heap.peekKey();
      int b = (int) heap.peekValue();
      heap.pop();
      if (b < size) {
        if (!visitor.visit(ids[b], d)) {
          return;
        }
        continue;
      }
      int level = levelOf(b);
      int end = childEnd(level, b);
      for (int c = childStart(level, b); c < end; c++) {
        double ct = entry(c, ox, oy, oz, dx, dy, dz, maxDistance);
        if (ct >= 0) {
          heap.push(ct, c);
        }
      }
    }
  }

  static void checkRay(
      double ox, double oy, double oz, double dx, double dy, double dz, double maxDistance) {
    checkPoint(ox, oy, oz);
    checkPoint(dx, dy, dz);
    if (dx == 0 && dy == 0 && dz == 0) {
      throw new IllegalArgumentException("ray direction must not be zero");
    }
    if (!(maxDistance >= 0)) {
      throw new IllegalArgumentException("maxDistance must be >= 0, got " + maxDistance);
    }
  }

  /**
   * The distance at which a ray enters a box, or -1 if it misses within maxT: exact for leaves, a
   * lower bound (on the box rounded outwards) for nodes.
   */
  double entry(
      int box, double ox, double oy, double oz, double dx, double dy, double dz, double maxT) {
    if (box < size) {
      final double[] b = boxes;
      int o = 6 * box;
      return slab(
          b[o], b[o + 1], b[o + 2], b[o + 3], b[o + 4], b[o + 5], ox, oy, oz, dx, dy, dz, maxT);
    }
    final float[] f = fnodes;
    int o = 6 * (box - size);
    return slab(
        f[o], f[o + 1], f[o + 2], f[o + 3], f[o + 4], f[o + 5], ox, oy, oz, dx, dy, dz, maxT);
  }

  /** Slab test of a ray against a box: entry distance, or -1. */
  static double slab(
      double minX,
      double minY,
      double minZ,
      double maxX,
      double maxY,
      double maxZ,
      double ox,
      double oy,
      double oz,
      double dx,
      double dy,
      double dz,
      double maxT) {
    double t0 = 0;
    double t1 = maxT;
    for (int axis = 0; axis < 3; axis++) {
      double origin = axis == 0 ? ox : axis == 1 ? oy : oz;
      double dir = axis == 0 ? dx : axis == 1 ? dy : dz;
      double min = axis == 0 ? minX : axis == 1 ? minY : minZ;
      double max = axis == 0 ? maxX : axis == 1 ? maxY : maxZ;
      if (dir == 0) {
        if (origin < min || origin > max) {
          return -1;
        }
      } else {
        double ta = (min - origin) / dir;
        double tb = (max - origin) / dir;
        t0 = Math.max(t0, Math.min(ta, tb));
        t1 = Math.min(t1, Math.max(ta, tb));
        if (t0 > t1) {
          return -1;
        }
      }
    }
    return t0;
  }

  @Override
  double nodeDistanceSq(int node, double x, double y, double z) {
    final float[] f = fnodes;
    int o = 6 * (node - size);
    double dx = Math.max(0, Math.max(f[o] - x, x - f[o + 3]));
    double dy = Math.max(0, Math.max(f[o + 1] - y, y - f[o + 4]));
    double dz = Math.max(0, Math.max(f[o + 2] - z, z - f[o + 5]));
    return dx * dx + dy * dy + dz * dz;
  }

  @Override
  void codeDistancesSq(int j, int first, int end, double x, double y, double z, double[] out) {
    double minBaseX = gridMinBase(j, 0);
    double minBaseY = gridMinBase(j, 1);
    double minBaseZ = gridMinBase(j, 2);
    double maxBaseX = gridMaxBase(j, 0);
    double maxBaseY = gridMaxBase(j, 1);
    double maxBaseZ = gridMaxBase(j, 2);
    double stepX = gridStepOf(j, 0);
    double stepY = gridStepOf(j, 1);
    double stepZ = gridStepOf(j, 2);
    final long[] b = blocks;
    int codes = blockLongs * j + 9 - 2 * first;
    for (int i = first; i < end; i++) {
      long mins = b[codes + 2 * i];
      long maxs = b[codes + 2 * i + 1];
      double dx =
          Math.max(
              0,
              Math.max(
                  minBaseX + ((int) mins & 0xFFFF) * stepX - x,
                  x - (maxBaseX + ((int) maxs & 0xFFFF) * stepX)));
      double dy =
          Math.max(
              0,
              Math.max(
                  minBaseY + ((int) (mins >>> 16) & 0xFFFF) * stepY - y,
                  y - (maxBaseY + ((int) (maxs >>> 16) & 0xFFFF) * stepY)));
      double dz =
          Math.max(
              0,
              Math.max(
                  minBaseZ + ((int) (mins >>> 32) & 0xFFFF) * stepZ - z,
                  z - (maxBaseZ + ((int) (maxs >>> 32) & 0xFFFF) * stepZ)));
      out[i - first] = dx * dx + dy * dy + dz * dz;
    }
  }

  @Override
  double leafDistanceSq(int leaf, double x, double y, double z) {
    final double[] b = boxes;
    int o = 6 * leaf;
    double dx = Math.max(0, Math.max(b[o] - x, x - b[o + 3]));
    double dy = Math.max(0, Math.max(b[o + 1] - y, y - b[o + 4]));
    double dz = Math.max(0, Math.max(b[o + 2] - z, z - b[o + 5]));
    return dx * dx + dy * dy + dz * dz;
  }

  /** Collects items for a {@link PackedRTree3D}. Single-use; not thread-safe. */
  public static final class Builder {
    private double[] bounds;
    private int[] ids;
    private int count;
    private int nodeSize = DEFAULT_NODE_SIZE;
    private boolean built;

    private Builder(int expectedSize) {
      int cap = Math.max(16, expectedSize);
      bounds = new double[6 * cap];
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
     * Adds an item. A flat or zero-size box is valid.
     *
     * @param id the item's id, reported by queries; need not be unique
     * @param minX minimum x
     * @param minY minimum y
     * @param minZ minimum z
     * @param maxX maximum x
     * @param maxY maximum y
     * @param maxZ maximum z
     * @return this builder
     * @throws IllegalArgumentException if a value is NaN or a minimum exceeds its maximum
     */
    public Builder add(
        int id, double minX, double minY, double minZ, double maxX, double maxY, double maxZ) {
      if (count == ids.length) {
        ids = Arrays.copyOf(ids, count * 2);
        bounds = Arrays.copyOf(bounds, 12 * count);
      }
      int o = 6 * count;
      bounds[o] = minX;
      bounds[o + 1] = minY;
      bounds[o + 2] = minZ;
      bounds[o + 3] = maxX;
      bounds[o + 4] = maxY;
      bounds[o + 5] = maxZ;
      ids[count] = id;
      checkBox(bounds, count, id, 6);
      count++;
      return this;
    }

    /**
     * Builds the tree.
     *
     * @return the immutable tree
     * @throws IllegalStateException if called twice
     */
    public PackedRTree3D build() {
      if (built) {
        throw new IllegalStateException("build() was already called on this builder");
      }
      built = true;
      PackedRTree3D tree =
          count == 0
              ? new PackedRTree3D(nodeSize)
              : new PackedRTree3D(nodeSize, bounds, ids, count);
      bounds = new double[0];
      ids = new int[0];
      return tree;
    }
  }
}
