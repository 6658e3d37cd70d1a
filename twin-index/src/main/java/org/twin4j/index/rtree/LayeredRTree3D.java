// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.index.rtree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A persistent index of 3D boxes that absorbs edits: a few {@link PackedRTree3D} layers of
 * geometrically decreasing size, a short unindexed tail of recent additions, and a persistent set
 * of removed ids. It is immutable: {@link #withChanges} returns a new version that shares every
 * untouched layer with this one, so old versions stay valid snapshots.
 *
 * <p><b>Edits:</b> an addition goes to the tail; when the tail exceeds {@value #TAIL_CAPACITY}
 * boxes it becomes a packed layer, merged with the smaller layers below it while their sizes are
 * comparable (the logarithmic method of Bentley and Saxe, 1980): each box is rebuilt O(log n) times
 * over its life, and there are O(log n) layers. A removal marks the id dead; a layer drops its dead
 * boxes when it is merged, and when dead boxes exceed a quarter of the live ones everything is
 * rebuilt into one layer. Queries are exact at every version.
 *
 * <p><b>Ids</b> are non-negative and unique among live boxes; a removed id may be added again.
 * <b>Memory:</b> that of the layers (about 52 bytes per box), plus one bit per id value up to the
 * largest for the live and dead sets. <b>Thread safety:</b> immutable; concurrent queries are safe.
 *
 * @since 1.0
 */
public final class LayeredRTree3D {

  /** The number of recent additions kept unindexed before they become a layer. */
  public static final int TAIL_CAPACITY = 32;

  private static final LayeredRTree3D EMPTY =
      new LayeredRTree3D(
          new PackedRTree3D[0], new double[0], new int[0], Tombstones.EMPTY, Tombstones.EMPTY, 0);

  private final PackedRTree3D[] layers;
  private final double[] tailBounds;
  private final int[] tailIds;
  private final Tombstones live;
  private final Tombstones dead;
  private final int size;

  private LayeredRTree3D(
      PackedRTree3D[] layers,
      double[] tailBounds,
      int[] tailIds,
      Tombstones live,
      Tombstones dead,
      int size) {
    this.layers = layers;
    this.tailBounds = tailBounds;
    this.tailIds = tailIds;
    this.live = live;
    this.dead = dead;
    this.size = size;
  }

  /**
   * Returns the empty index.
   *
   * @return the shared empty instance
   */
  public static LayeredRTree3D empty() {
    return EMPTY;
  }

  /**
   * Builds an index of one packed layer.
   *
   * @param ids distinct non-negative ids, one per box
   * @param bounds six values per box: minX, minY, minZ, maxX, maxY, maxZ
   * @return the index
   * @throws IllegalArgumentException if an id is negative or repeated, the lengths disagree, or a
   *     box is NaN or inverted
   */
  public static LayeredRTree3D of(int[] ids, double[] bounds) {
    return EMPTY.withChanges(new int[0], ids, bounds);
  }

  /**
   * Returns the number of live boxes.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * Returns the number of packed layers, for monitoring.
   *
   * @return the layer count (the tail not counted)
   */
  public int layerCount() {
    return layers.length;
  }

  /**
   * Tells whether a box with an id is live in this version.
   *
   * @param id the id
   * @return true if present
   */
  public boolean contains(int id) {
    return id >= 0 && live.contains(id);
  }

  /**
   * Returns a version with one box added.
   *
   * @param id a non-negative id not live in this version
   * @param minX minimum x
   * @param minY minimum y
   * @param minZ minimum z
   * @param maxX maximum x
   * @param maxY maximum y
   * @param maxZ maximum z
   * @return the new version
   * @throws IllegalArgumentException if the id is negative or live, or the box is NaN or inverted
   */
  public LayeredRTree3D with(
      int id, double minX, double minY, double minZ, double maxX, double maxY, double maxZ) {
    return withChanges(
        new int[0], new int[] {id}, new double[] {minX, minY, minZ, maxX, maxY, maxZ});
  }

  /**
   * Returns a version with one box removed.
   *
   * @param id a live id
   * @return the new version
   * @throws IllegalArgumentException if the id is not live
   */
  public LayeredRTree3D without(int id) {
    return withChanges(new int[] {id}, new int[0], new double[0]);
  }

  /**
   * Returns a version with boxes removed, then boxes added (so an id may be replaced in one call).
   *
   * @param removedIds live ids to remove
   * @param addedIds distinct non-negative ids to add, not live after the removals
   * @param addedBounds six values per added id
   * @return the new version; this one is unchanged
   * @throws IllegalArgumentException if an id is not live when removed, negative or live when
   *     added, repeated, the lengths disagree, or a box is NaN or inverted
   */
  public LayeredRTree3D withChanges(int[] removedIds, int[] addedIds, double[] addedBounds) {
    if (addedBounds.length != 6L * addedIds.length) {
      throw new IllegalArgumentException(
          "need 6 bound values per added id: "
              + addedIds.length
              + " ids, "
              + addedBounds.length
              + " values");
    }
    PackedTree.checkBoxes(addedBounds, addedIds, addedIds.length, 6);
    // removals: drop from the tail directly, else mark dead
    double[] tb = tailBounds;
    int[] ti = tailIds;
    int tailCount = ti.length;
    int[] newlyDead = new int[removedIds.length];
    int deadCount = 0;
    Tombstones nextLive = live;
    for (int id : removedIds) {
      if (!contains(id)) {
        throw new IllegalArgumentException("cannot remove id " + id + ": it is not in the index");
      }
      int t = indexOf(ti, tailCount, id);
      if (t >= 0) {
        if (ti == tailIds) {
          tb = tb.clone();
          ti = ti.clone();
        }
        tailCount--;
        ti[t] = ti[tailCount];
        System.arraycopy(tb, 6 * tailCount, tb, 6 * t, 6);
      } else {
        newlyDead[deadCount++] = id;
      }
    }
    nextLive = nextLive.with(removedIds, removedIds.length, false);
    if (nextLive.count() != live.count() - removedIds.length) {
      throw new IllegalArgumentException("an id is repeated among the removed ids");
    }
    Tombstones nextDead = dead.with(newlyDead, deadCount, true);
    LayeredRTree3D v =
        new LayeredRTree3D(
            layers,
            Arrays.copyOf(tb, 6 * tailCount),
            Arrays.copyOf(ti, tailCount),
            nextLive,
            nextDead,
            size - removedIds.length);
    if (addedIds.length == 0) {
      return v.purgeIfDeadHeavy();
    }
    boolean revived = false;
    for (int id : addedIds) {
      if (id < 0) {
        throw new IllegalArgumentException("ids must be non-negative, got " + id);
      }
      if (nextLive.contains(id)) {
        throw new IllegalArgumentException("cannot add id " + id + ": it is already in the index");
      }
      revived |= nextDead.contains(id);
    }
    Tombstones addedLive = nextLive.with(addedIds, addedIds.length, true);
    if (addedLive.count() != nextLive.count() + addedIds.length) {
      throw new IllegalArgumentException("an id is repeated among the added ids");
    }
    if (revived) {
      v = v.rebuildAll(); // a dead copy of a re-added id must go before the new one arrives
    }
    return v.append(addedIds, addedBounds, addedLive);
  }

  private static int indexOf(int[] a, int n, int v) {
    for (int i = 0; i < n; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    return -1;
  }

  /** Adds validated boxes to the tail, turning it into a layer when it overflows. */
  private LayeredRTree3D append(int[] ids, double[] bounds, Tombstones newLive) {
    int n = tailIds.length + ids.length;
    int[] ti = Arrays.copyOf(tailIds, n);
    double[] tb = Arrays.copyOf(tailBounds, 6 * n);
    System.arraycopy(ids, 0, ti, tailIds.length, ids.length);
    System.arraycopy(bounds, 0, tb, tailBounds.length, bounds.length);
    int newSize = size + ids.length;
    if (n <= TAIL_CAPACITY) {
      return new LayeredRTree3D(layers, tb, ti, newLive, dead, newSize);
    }
    // the tail becomes a layer; merge it with smaller layers while sizes are comparable
    List<PackedRTree3D> stack = new ArrayList<>(Arrays.asList(layers));
    Tombstones d = dead;
    int[] buildIds = ti;
    double[] buildBounds = tb;
    int buildCount = n;
    while (!stack.isEmpty() && stack.get(stack.size() - 1).size() <= 2 * buildCount) {
      PackedRTree3D last = stack.remove(stack.size() - 1);
      Gathered g = gather(new PackedRTree3D[] {last}, buildIds, buildBounds, buildCount, d);
      buildIds = g.ids;
      buildBounds = g.bounds;
      buildCount = g.count;
      d = d.with(g.droppedDead, g.droppedCount, false);
    }
    stack.add(PackedRTree3D.of(buildIds, buildBounds, buildCount, PackedRTree3D.DEFAULT_NODE_SIZE));
    return new LayeredRTree3D(
            stack.toArray(new PackedRTree3D[0]), new double[0], new int[0], newLive, d, newSize)
        .purgeIfDeadHeavy();
  }

  private LayeredRTree3D purgeIfDeadHeavy() {
    int d = dead.count();
    return d > TAIL_CAPACITY && d > size / 4 ? rebuildAll() : this;
  }

  /** One packed layer of every live box; no dead boxes, empty tail. */
  private LayeredRTree3D rebuildAll() {
    Gathered g = gather(layers, tailIds, tailBounds, tailIds.length, dead);
    PackedRTree3D[] one =
        g.count == 0
            ? new PackedRTree3D[0]
            : new PackedRTree3D[] {
              PackedRTree3D.of(g.ids, g.bounds, g.count, PackedRTree3D.DEFAULT_NODE_SIZE)
            };
    return new LayeredRTree3D(one, new double[0], new int[0], live, Tombstones.EMPTY, size);
  }

  /** Live boxes of some layers plus extra boxes, and the dead ids that were left out. */
  private static Gathered gather(
      PackedRTree3D[] from, int[] extraIds, double[] extraBounds, int extraCount, Tombstones dead) {
    int total = extraCount;
    for (PackedRTree3D l : from) {
      total += l.size();
    }
    Gathered g = new Gathered(total);
    System.arraycopy(extraIds, 0, g.ids, 0, extraCount);
    System.arraycopy(extraBounds, 0, g.bounds, 0, 6 * extraCount);
    g.count = extraCount;
    for (PackedRTree3D l : from) {
      for (int i = 0; i < l.size; i++) {
        int id = l.ids[i];
        if (dead.count() > 0 && dead.contains(id)) {
          g.droppedDead[g.droppedCount++] = id;
        } else {
          System.arraycopy(l.boxes, 6 * i, g.bounds, 6 * g.count, 6);
          g.ids[g.count++] = id;
        }
      }
    }
    return g;
  }

  private static final class Gathered {
    final int[] ids;
    final double[] bounds;
    final int[] droppedDead;
    int count;
    int droppedCount;

    Gathered(int capacity) {
      ids = new int[capacity];
      bounds = new double[6 * capacity];
      droppedDead = new int[capacity];
    }
  }

  /**
   * Reports every live box intersecting a query box (boundaries included; infinite bounds allowed).
   *
   * @param minX query minimum x
   * @param minY query minimum y
   * @param minZ query minimum z
   * @param maxX query maximum x
   * @param maxY query maximum y
   * @param maxZ query maximum z
   * @param visitor receives each id once, in no particular order
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
    IntConsumer v =
        dead.count() == 0
            ? visitor
            : id -> {
              if (!dead.contains(id)) {
                visitor.accept(id);
              }
            };
    for (PackedRTree3D l : layers) {
      l.search(minX, minY, minZ, maxX, maxY, maxZ, v);
    }
    for (int i = 0; i < tailIds.length; i++) {
      int o = 6 * i;
      if (tailBounds[o] <= maxX
          && tailBounds[o + 1] <= maxY
          && tailBounds[o + 2] <= maxZ
          && tailBounds[o + 3] >= minX
          && tailBounds[o + 4] >= minY
          && tailBounds[o + 5] >= minZ) {
        visitor.accept(tailIds[i]);
      }
    }
  }

  /**
   * Finds the k live boxes nearest to a point.
   *
   * @param x point x
   * @param y point y
   * @param z point z
   * @param k the number wanted
   * @param outIds receives ids, nearest first
   * @param outDistances receives distances
   * @return the number found
   * @throws IllegalArgumentException if the point is not finite, k negative or an array short
   */
  public int nearest(double x, double y, double z, int k, int[] outIds, double[] outDistances) {
    if (k < 0 || outIds.length < k || outDistances.length < k) {
      throw new IllegalArgumentException(
          "k must be >= 0 and the arrays hold k results, got k = " + k);
    }
    Cursor c = nearest(x, y, z);
    int n = 0;
    while (n < k && c.next()) {
      outIds[n] = c.id();
      outDistances[n++] = c.distance();
    }
    return n;
  }

  /**
   * Reports every live box within a distance of a point.
   *
   * @param x point x
   * @param y point y
   * @param z point z
   * @param distance the largest distance, not negative
   * @param visitor receives each id once, in no particular order
   * @throws IllegalArgumentException if the point is not finite or the distance negative or NaN
   */
  public void withinDistance(double x, double y, double z, double distance, IntConsumer visitor) {
    PackedTree.checkPoint(x, y, z);
    if (!(distance >= 0)) {
      throw new IllegalArgumentException("distance must be >= 0, got " + distance);
    }
    IntConsumer v =
        dead.count() == 0
            ? visitor
            : id -> {
              if (!dead.contains(id)) {
                visitor.accept(id);
              }
            };
    for (PackedRTree3D l : layers) {
      l.withinImpl(x, y, z, distance, v);
    }
    double maxSq = distance * distance;
    for (int i = 0; i < tailIds.length; i++) {
      if (tailDistanceSq(i, x, y, z) <= maxSq) {
        visitor.accept(tailIds[i]);
      }
    }
  }

  /**
   * Returns a cursor over the live boxes by increasing distance from a point.
   *
   * @param x point x
   * @param y point y
   * @param z point z
   * @return a new cursor, for one thread
   * @throws IllegalArgumentException if the point is not finite
   */
  public Cursor nearest(double x, double y, double z) {
    PackedTree.checkPoint(x, y, z);
    return new Cursor(x, y, z, 0, 0, 0, Double.POSITIVE_INFINITY, false);
  }

  /**
   * Returns a cursor over the live boxes a ray enters, by increasing entry distance.
   *
   * @param ox origin x
   * @param oy origin y
   * @param oz origin z
   * @param dx direction x
   * @param dy direction y
   * @param dz direction z (distances in units of the direction's length)
   * @param maxDistance boxes entered beyond this are not reported
   * @return a new cursor, for one thread
   * @throws IllegalArgumentException if a value is not finite, the direction zero or the limit
   *     negative
   */
  public Cursor ray(
      double ox, double oy, double oz, double dx, double dy, double dz, double maxDistance) {
    PackedRTree3D.checkRay(ox, oy, oz, dx, dy, dz, maxDistance);
    return new Cursor(ox, oy, oz, dx, dy, dz, maxDistance, true);
  }

  private double tailDistanceSq(int i, double x, double y, double z) {
    int o = 6 * i;
    double dx = Math.max(0, Math.max(tailBounds[o] - x, x - tailBounds[o + 3]));
    double dy = Math.max(0, Math.max(tailBounds[o + 1] - y, y - tailBounds[o + 4]));
    double dz = Math.max(0, Math.max(tailBounds[o + 2] - z, z - tailBounds[o + 5]));
    return dx * dx + dy * dy + dz * dz;
  }

  private double tailEntry(
      int i, double ox, double oy, double oz, double dx, double dy, double dz, double maxT) {
    final double[] b = tailBounds;
    int o = 6 * i;
    return PackedRTree3D.slab(
        b[o], b[o + 1], b[o + 2], b[o + 3], b[o + 4], b[o + 5], ox, oy, oz, dx, dy, dz, maxT);
  }

  /**
   * Walks live boxes best-first, over all layers and the tail at once, by distance to a point or by
   * entry distance along a ray. Not thread-safe.
   */
  public final class Cursor {
    private final double ax;
    private final double ay;
    private final double az;
    private final double dx;
    private final double dy;
    private final double dz;
    private final double limit;
    private final boolean ray;
    private final MinHeap heap = new MinHeap(64);
    private int id = -1;
    private double distance = Double.NaN;

    private Cursor(
        double ax,
        double ay,
        double az,
        double dx,
        double dy,
        double dz,
        double limit,
        boolean ray) {
      this.ax = ax;
      this.ay = ay;
      this.az = az;
      this.dx = dx;
      this.dy = dy;
      this.dz = dz;
      this.limit = limit;
      this.ray = ray;
      for (int l = 0; l < layers.length; l++) {
        offer(l, layers[l].root());
      }
      for (int i = 0; i < tailIds.length; i++) {
        offer(layers.length, i);
      }
    }

    private void offer(int layer, int box) {
      double key;
      if (layer == layers.length) {
        key =
            ray
                ? tailEntry(box, ax, ay, az, dx, dy, dz, limit)
                : Math.sqrt(tailDistanceSq(box, ax, ay, az));
      } else {
        PackedRTree3D t = layers[layer];
        key =
            ray
                ? t.entry(box, ax, ay, az, dx, dy, dz, limit)
                : Math.sqrt(t.distanceSq(box, ax, ay, az));
      }
      if (key >= 0 && key <= limit) {
        heap.push(key, ((long) layer << 32) | box);
      }
    }

    /**
     * Moves to the next box.
     *
     * @return false when there is none left
     */
    public boolean next() {
      while (!heap.isEmpty()) {
        double key = heap.peekKey();
        long v = heap.peekValue();
        heap.pop();
        int layer = (int) (v >>> 32);
        int box = (int) v;
        if (layer == layers.length) {
          id = tailIds[box];
          distance = key;
          return true;
        }
        PackedRTree3D t = layers[layer];
        if (box < t.size) {
          int candidate = t.ids[box];
          if (dead.count() > 0 && dead.contains(candidate)) {
            continue;
          }
          id = candidate;
          distance = key;
          return true;
        }
        int level = t.levelOf(box);
        int end = t.childEnd(level, box);
        for (int c = t.childStart(level, box); c < end; c++) {
          offer(layer, c);
        }
      }
      id = -1;
      distance = Double.NaN;
      return false;
    }

    /**
     * Returns the current id; valid after {@link #next()} returned true.
     *
     * @return the id
     */
    public int id() {
      return id;
    }

    /**
     * Returns the current distance (to the point, or along the ray to the entry point).
     *
     * @return the distance, never smaller than the one before
     */
    public double distance() {
      return distance;
    }
  }
}
