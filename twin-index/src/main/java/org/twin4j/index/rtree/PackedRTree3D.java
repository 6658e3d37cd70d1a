// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.index.rtree;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.twin4j.core.geom.Bounds3D;

/**
 * An immutable R-tree over 3D boxes, packed along a Hilbert curve through the x/y centres of the
 * boxes (city data is wide and flat, so x/y locality is what queries need): box, k-nearest,
 * incremental nearest, within-distance and ray queries.
 *
 * <p><b>Memory:</b> about 52 bytes per item (48 for the box, 4 for the id) plus 1/15 of that for
 * the nodes at the default node size of 16. <b>Build:</b> O(n) Hilbert keys, an O(n) radix sort and
 * an O(n) bottom-up pass. <b>Thread safety:</b> immutable after {@link Builder#build()}; any number
 * of threads may query concurrently; each query allocates at most one small heap.
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

  /** Builds from the first n entries of validated-or-not arrays. */
  static PackedRTree3D of(int[] ids, double[] bounds, int n, int nodeSize) {
    if (bounds.length < 6L * n || ids.length < n) {
      throw new IllegalArgumentException(
          "need 6 bound values per id: " + n + " ids, " + bounds.length + " values");
    }
    checkBoxes(bounds, ids, n, 6);
    return n == 0 ? new PackedRTree3D(nodeSize) : new PackedRTree3D(nodeSize, bounds, ids, n);
  }

  /**
   * Returns the bounds of all items.
   *
   * @return the root box, or empty for an empty tree
   */
  public Optional<Bounds3D> bounds() {
    if (size == 0) {
      return Optional.empty();
    }
    int o = 6 * root();
    return Optional.of(
        new Bounds3D(
            boxes[o], boxes[o + 1], boxes[o + 2], boxes[o + 3], boxes[o + 4], boxes[o + 5]));
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
    if (size == 0 || !intersects(root(), minX, minY, minZ, maxX, maxY, maxZ)) {
      return;
    }
    search(topLevel(), root(), minX, minY, minZ, maxX, maxY, maxZ, visitor);
  }

  private boolean intersects(
      int box, double minX, double minY, double minZ, double maxX, double maxY, double maxZ) {
    final double[] b = boxes;
    int o = box * 6;
    return b[o] <= maxX
        && b[o + 1] <= maxY
        && b[o + 2] <= maxZ
        && b[o + 3] >= minX
        && b[o + 4] >= minY
        && b[o + 5] >= minZ;
  }

  private void search(
      int level,
      int node,
      double minX,
      double minY,
      double minZ,
      double maxX,
      double maxY,
      double maxZ,
      IntConsumer visitor) {
    final double[] b = boxes;
    int first = childStart(level, node);
    int end = childEnd(level, node);
    if (level == 1) {
      final int[] leafIds = ids;
      for (int i = first; i < end; i++) {
        if (intersects(i, minX, minY, minZ, maxX, maxY, maxZ)) {
          visitor.accept(leafIds[i]);
        }
      }
      return;
    }
    for (int i = first; i < end; i++) {
      if (intersects(i, minX, minY, minZ, maxX, maxY, maxZ)) {
        int o = i * 6;
        if (b[o] >= minX
            && b[o + 1] >= minY
            && b[o + 2] >= minZ
            && b[o + 3] <= maxX
            && b[o + 4] <= maxY
            && b[o + 5] <= maxZ) {
          reportAll(level - 1, i, visitor);
        } else {
          search(level - 1, i, minX, minY, minZ, maxX, maxY, maxZ, visitor);
        }
      }
    }
  }

  /**
   * Finds the k items whose boxes are nearest to a point (distance 0 for boxes containing it), by
   * an exact best-first traversal.
   *
   * @param x point x
   * @param y point y
   * @param z point z
   * @param k the number wanted
   * @param outIds receives the ids, nearest first; at least k long
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
    checkPoint(ox, oy, oz);
    checkPoint(dx, dy, dz);
    if (dx == 0 && dy == 0 && dz == 0) {
      throw new IllegalArgumentException("ray direction must not be zero");
    }
    if (!(maxDistance >= 0)) {
      throw new IllegalArgumentException("maxDistance must be >= 0, got " + maxDistance);
    }
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

  /** Slab test: the distance at which the ray enters a box, or -1 if it misses within maxT. */
  double entry(
      int box, double ox, double oy, double oz, double dx, double dy, double dz, double maxT) {
    int o = box * 6;
    double t0 = 0;
    double t1 = maxT;
    for (int axis = 0; axis < 3; axis++) {
      double origin = axis == 0 ? ox : axis == 1 ? oy : oz;
      double dir = axis == 0 ? dx : axis == 1 ? dy : dz;
      double min = boxes[o + axis];
      double max = boxes[o + 3 + axis];
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
  double distanceSq(int box, double x, double y, double z) {
    int o = box * 6;
    double dx = Math.max(0, Math.max(boxes[o] - x, x - boxes[o + 3]));
    double dy = Math.max(0, Math.max(boxes[o + 1] - y, y - boxes[o + 4]));
    double dz = Math.max(0, Math.max(boxes[o + 2] - z, z - boxes[o + 5]));
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
     * @param value 2 to 256
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
