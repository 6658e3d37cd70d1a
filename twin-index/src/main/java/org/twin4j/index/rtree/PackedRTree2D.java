// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.index.rtree;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.twin4j.core.geom.Bounds2D;

/**
 * An immutable R-tree over 2D boxes, packed along a Hilbert curve: window, k-nearest, incremental
 * nearest, within-distance and segment queries.
 *
 * <p><b>Memory:</b> about 36 bytes per item (32 for the box, 4 for the id) plus 1/15 of that for
 * the nodes at the default node size of 16. <b>Build:</b> O(n) Hilbert keys, an O(n) radix sort and
 * an O(n) bottom-up pass. <b>Queries:</b> O(log n + k) for k results on well-distributed data; each
 * query allocates at most one small heap, never anything per hit. <b>Thread safety:</b> immutable
 * after {@link Builder#build()}; any number of threads may query concurrently.
 *
 * <pre>{@code
 * PackedRTree2D.Builder b = PackedRTree2D.builder(buildings.size());
 * for (int i = 0; i < buildings.size(); i++) {
 *   Bounds2D f = buildings.get(i).footprint();
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
   * Returns the bounds of all items.
   *
   * @return the root box, or empty for an empty tree
   */
  public Optional<Bounds2D> bounds() {
    if (size == 0) {
      return Optional.empty();
    }
    int o = 4 * root();
    return Optional.of(new Bounds2D(boxes[o], boxes[o + 1], boxes[o + 2], boxes[o + 3]));
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
    int r = root();
    int o = r << 2;
    double[] b = boxes;
    if (b[o] > maxX || b[o + 1] > maxY || b[o + 2] < minX || b[o + 3] < minY) {
      return;
    }
    search(topLevel(), r, minX, minY, maxX, maxY, visitor);
  }

  private void search(
      int level,
      int node,
      double minX,
      double minY,
      double maxX,
      double maxY,
      IntConsumer visitor) {
    final double[] b = boxes;
    int first = childStart(level, node);
    int end = childEnd(level, node);
    if (level == 1) {
      final int[] leafIds = ids;
      for (int i = first; i < end; i++) {
        int o = i << 2;
        if (b[o] <= maxX && b[o + 1] <= maxY && b[o + 2] >= minX && b[o + 3] >= minY) {
          visitor.accept(leafIds[i]);
        }
      }
      return;
    }
    for (int i = first; i < end; i++) {
      int o = i << 2;
      double bMinX = b[o];
      double bMinY = b[o + 1];
      double bMaxX = b[o + 2];
      double bMaxY = b[o + 3];
      if (bMinX <= maxX && bMinY <= maxY && bMaxX >= minX && bMaxY >= minY) {
        if (bMinX >= minX && bMinY >= minY && bMaxX <= maxX && bMaxY <= maxY) {
          reportAll(level - 1, i, visitor); // the window covers the node: no test needed below
        } else {
          search(level - 1, i, minX, minY, maxX, maxY, visitor);
        }
      }
    }
  }

  /**
   * Finds the k items whose boxes are nearest to a point (distance 0 for boxes containing it), by a
   * best-first traversal (Hjaltason and Samet 1999) that is exact.
   *
   * @param x point x
   * @param y point y
   * @param k the number wanted
   * @param outIds receives the ids, nearest first; at least k long
   * @param outDistances receives the distances; at least k long
   * @return the number found, {@code min(k, size())}
   * @throws IllegalArgumentException if the point is not finite, k is negative or an array is short
   */
  public int nearest(double x, double y, int k, int[] outIds, double[] outDistances) {
    checkPoint(x, y, 0);
    return nearestImpl(x, y, 0, k, outIds, outDistances);
  }

  /**
   * Reports items by increasing distance from a point to their boxes until the visitor stops or the
   * distance exceeds a limit.
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
    if (segmentHits(r, x0, y0, x1 - x0, y1 - y0)) {
      searchSegment(topLevel(), r, x0, y0, x1 - x0, y1 - y0, visitor);
    }
  }

  private void searchSegment(
      int level, int node, double x0, double y0, double dx, double dy, IntConsumer visitor) {
    int end = childEnd(level, node);
    for (int c = childStart(level, node); c < end; c++) {
      if (segmentHits(c, x0, y0, dx, dy)) {
        if (level == 1) {
          visitor.accept(ids[c]);
        } else {
          searchSegment(level - 1, c, x0, y0, dx, dy, visitor);
        }
      }
    }
  }

  /** Slab test of the segment (x0, y0) + t (dx, dy), t in [0, 1], against a box. */
  private boolean segmentHits(int box, double x0, double y0, double dx, double dy) {
    int o = box << 2;
    double t0 = 0;
    double t1 = 1;
    for (int axis = 0; axis < 2; axis++) {
      double origin = axis == 0 ? x0 : y0;
      double dir = axis == 0 ? dx : dy;
      double min = boxes[o + axis];
      double max = boxes[o + 2 + axis];
      if (dir == 0) {
        if (origin < min || origin > max) {
          return false;
        }
      } else {
        double ta = (min - origin) / dir;
        double tb = (max - origin) / dir;
        t0 = Math.max(t0, Math.min(ta, tb));
        t1 = Math.min(t1, Math.max(ta, tb));
        if (t0 > t1) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  double distanceSq(int box, double x, double y, double z) {
    int o = box << 2;
    double dx = Math.max(0, Math.max(boxes[o] - x, x - boxes[o + 2]));
    double dy = Math.max(0, Math.max(boxes[o + 1] - y, y - boxes[o + 3]));
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
     * @param value 2 to 256
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
