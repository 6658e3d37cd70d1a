// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.ServiceLoader;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.appearance.Appearances;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.geom.Bounds2D;
import org.twin4j.core.geom.Bounds3D;
import org.twin4j.core.geom.Geometries;
import org.twin4j.core.geom.Geometry;
import org.twin4j.core.geom.Ray;
import org.twin4j.core.model.spi.DistanceCursor;
import org.twin4j.core.model.spi.SpatialIndex;
import org.twin4j.core.model.spi.SpatialIndexFactory;

/**
 * One immutable state of a city model. Safe to share between threads; every method may be called
 * concurrently.
 *
 * <p>Snapshots are persistent: {@link #edit()} starts an {@link Edit} whose {@link Edit#apply()}
 * returns a new snapshot sharing all unchanged structure with this one, so an edit costs time and
 * memory in proportion to its size (plus O(n / 1024) for a chunk table), not to the model. This is
 * how {@link CityModel} lets readers query while a writer edits, and how a scenario ("the model
 * plus a proposed hotel") sits beside its baseline without copying it.
 *
 * <p>The spatial index is built on the first spatial query (through the {@link SpatialIndexFactory}
 * that the {@code twin-index} module registers) and carried forward incrementally by edits. Memory:
 * per top-level object about 4 bytes of slot, 12 to 16 bytes of id map per id, and the index (about
 * 70 bytes per object with geometry), plus the objects themselves. {@code ModelBenchmark} measures
 * the whole: about 770 bytes per LOD1 building with a 10-vertex footprint.
 *
 * @since 1.0
 */
public final class CitySnapshot implements CityView {

  /** Compaction starts when removed slots exceed both this and the number of live objects. */
  private static final int MIN_DEAD_SLOTS_TO_COMPACT = 1024;

  private final @Nullable CrsIdentifier crs;
  private final Metadata metadata;
  private final Appearances appearances;
  private final SlotArray slots;
  private final IdMap ids;
  private final int size;
  private final int objectCount;
  private final Object indexLock = new Object();
  private volatile @Nullable SpatialIndex index;
  private volatile @Nullable Bounds3D boundsCache;
  private volatile boolean boundsComputed;

  private CitySnapshot(
      @Nullable CrsIdentifier crs,
      Metadata metadata,
      Appearances appearances,
      SlotArray slots,
      IdMap ids,
      int size,
      int objectCount,
      @Nullable SpatialIndex index) {
    this.crs = crs;
    this.metadata = metadata;
    this.appearances = appearances;
    this.slots = slots;
    this.ids = ids;
    this.size = size;
    this.objectCount = objectCount;
    this.index = index;
  }

  /**
   * Returns an empty snapshot.
   *
   * @param crs the coordinate reference system, or null if unknown
   * @param metadata the metadata
   * @return a snapshot with no objects
   */
  public static CitySnapshot empty(@Nullable CrsIdentifier crs, Metadata metadata) {
    return new CitySnapshot(
        crs,
        Objects.requireNonNull(metadata, "metadata"),
        Appearances.none(),
        SlotArray.EMPTY,
        IdMap.EMPTY,
        0,
        0,
        null);
  }

  /**
   * Starts an edit of this snapshot. The snapshot itself never changes.
   *
   * @return a new, single-use edit
   */
  public Edit edit() {
    return new Edit(this);
  }

  /**
   * Returns a snapshot with another CRS, sharing everything else.
   *
   * @param newCrs the CRS, or null
   * @return the new snapshot
   */
  public CitySnapshot withCrs(@Nullable CrsIdentifier newCrs) {
    return new CitySnapshot(newCrs, metadata, appearances, slots, ids, size, objectCount, index);
  }

  /**
   * Returns a snapshot with other metadata, sharing everything else.
   *
   * @param newMetadata the metadata
   * @return the new snapshot
   */
  public CitySnapshot withMetadata(Metadata newMetadata) {
    return new CitySnapshot(
        crs,
        Objects.requireNonNull(newMetadata, "metadata"),
        appearances,
        slots,
        ids,
        size,
        objectCount,
        index);
  }

  /**
   * Returns a snapshot with other material and texture tables, sharing everything else.
   *
   * @param newAppearances the tables the geometries' appearances index into
   * @return the new snapshot
   */
  public CitySnapshot withAppearances(Appearances newAppearances) {
    return new CitySnapshot(
        crs,
        metadata,
        Objects.requireNonNull(newAppearances, "appearances"),
        slots,
        ids,
        size,
        objectCount,
        index);
  }

  @Override
  public Appearances appearances() {
    return appearances;
  }

  @Override
  public Optional<CrsIdentifier> crs() {
    return Optional.ofNullable(crs);
  }

  @Override
  public Metadata metadata() {
    return metadata;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int objectCount() {
    return objectCount;
  }

  @Override
  public Optional<CityObject> get(String id) {
    int slot = ids.get(id);
    if (slot < 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(Objects.requireNonNull(slots.get(slot)).findOrNull(id));
  }

  @Override
  public boolean contains(String id) {
    return ids.get(id) >= 0;
  }

  @Override
  public Optional<CityObject> parentOf(String id) {
    int slot = ids.get(id);
    if (slot < 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(Objects.requireNonNull(slots.get(slot)).parentOf(id));
  }

  @Override
  public Stream<CityObject> stream() {
    Spliterator<CityObject> sp =
        new Spliterators.AbstractSpliterator<>(
            size,
            Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.SIZED | Spliterator.IMMUTABLE) {
          private int next;

          @Override
          public boolean tryAdvance(Consumer<? super CityObject> action) {
            while (next < slots.length()) {
              CityObject o = slots.get(next++);
              if (o != null) {
                action.accept(o);
                return true;
              }
            }
            return false;
          }
        };
    return StreamSupport.stream(sp, false);
  }

  @Override
  public Stream<CityObject> allObjects() {
    return stream()
        .flatMap(
            o -> {
              List<CityObject> tree = new ArrayList<>();
              o.forEachInTree(tree::add);
              return tree.stream();
            });
  }

  @Override
  public Optional<Bounds3D> bounds() {
    if (!boundsComputed) {
      Bounds3D acc = null;
      for (int s = 0; s < slots.length(); s++) {
        CityObject o = slots.get(s);
        if (o != null) {
          Bounds3D b = o.bounds().orElse(null);
          if (b != null) {
            acc = acc == null ? b : acc.union(b);
          }
        }
      }
      boundsCache = acc;
      boundsComputed = true;
    }
    return Optional.ofNullable(boundsCache);
  }

  @Override
  public List<CityObject> intersecting(Bounds2D window) {
    List<CityObject> out = new ArrayList<>();
    for (int slot : searchSlots(Bounds3D.ofFootprint(window))) {
      CityObject o = Objects.requireNonNull(slots.get(slot));
      if (footprintIntersects(o, window)) {
        out.add(o);
      }
    }
    return out;
  }

  @Override
  public List<CityObject> intersecting(Bounds3D box) {
    List<CityObject> out = new ArrayList<>();
    for (int slot : searchSlots(box)) {
      out.add(Objects.requireNonNull(slots.get(slot)));
    }
    return out;
  }

  @Override
  public void forEachIntersecting(Bounds3D box, Consumer<CityObject> action) {
    index()
        .search(
            box.minX(),
            box.minY(),
            box.minZ(),
            box.maxX(),
            box.maxY(),
            box.maxZ(),
            slot -> action.accept(Objects.requireNonNull(slots.get(slot))));
  }

  private int[] searchSlots(Bounds3D box) {
    int[][] buf = {new int[16]};
    int[] n = {0};
    index()
        .search(
            box.minX(),
            box.minY(),
            box.minZ(),
            box.maxX(),
            box.maxY(),
            box.maxZ(),
            slot -> {
              if (n[0] == buf[0].length) {
                buf[0] = Arrays.copyOf(buf[0], n[0] * 2);
              }
              buf[0][n[0]++] = slot;
            });
    int[] found = Arrays.copyOf(buf[0], n[0]);
    Arrays.sort(found);
    return found;
  }

  private static boolean footprintIntersects(CityObject o, Bounds2D window) {
    for (Geometry g : o.geometries()) {
      if (Geometries.intersects2D(g, window)) {
        return true;
      }
    }
    for (CityObject c : o.children()) {
      if (footprintIntersects(c, window)) {
        return true;
      }
    }
    return false;
  }

  private static double distance(CityObject o, double x, double y, double z) {
    double best = Double.POSITIVE_INFINITY;
    for (Geometry g : o.geometries()) {
      best = Math.min(best, Geometries.distance(g, x, y, z));
    }
    for (CityObject c : o.children()) {
      best = Math.min(best, distance(c, x, y, z));
    }
    return best;
  }

  private static double rayDistance(CityObject o, Ray ray, double maxDistance) {
    double best = Double.POSITIVE_INFINITY;
    for (Geometry g : o.geometries()) {
      best = Math.min(best, Geometries.rayDistance(g, ray, Math.min(best, maxDistance)));
    }
    for (CityObject c : o.children()) {
      best = Math.min(best, rayDistance(c, ray, Math.min(best, maxDistance)));
    }
    return best;
  }

  @Override
  public List<Neighbor> nearest(double x, double y, double z, int k) {
    checkPoint(x, y, z);
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    List<Neighbor> out = new ArrayList<>(Math.min(k, 64));
    // box distances bound the exact ones from below: an exact candidate is final once no box is
    // nearer
    PriorityQueue<Candidate> exact = new PriorityQueue<>();
    DistanceCursor boxes = index().nearest(x, y, z);
    boolean more = boxes.next();
    while (out.size() < k) {
      double bound = more ? boxes.distance() : Double.POSITIVE_INFINITY;
      Candidate head = exact.peek();
      if (head != null && head.distance <= bound) {
        exact.poll();
        out.add(new Neighbor(Objects.requireNonNull(slots.get(head.slot)), head.distance));
      } else if (more) {
        int slot = boxes.slot();
        exact.add(new Candidate(distance(Objects.requireNonNull(slots.get(slot)), x, y, z), slot));
        more = boxes.next();
      } else {
        break;
      }
    }
    return out;
  }

  @Override
  public List<Neighbor> withinDistance(double x, double y, double z, double distance) {
    checkPoint(x, y, z);
    if (!(distance >= 0)) {
      throw new IllegalArgumentException("distance must be >= 0, got " + distance);
    }
    List<Candidate> found = new ArrayList<>();
    for (int slot :
        searchSlots(
            new Bounds3D(
                x - distance,
                y - distance,
                z - distance,
                x + distance,
                y + distance,
                z + distance))) {
      double d = distance(Objects.requireNonNull(slots.get(slot)), x, y, z);
      if (d <= distance) {
        found.add(new Candidate(d, slot));
      }
    }
    found.sort(null);
    List<Neighbor> out = new ArrayList<>(found.size());
    for (Candidate c : found) {
      out.add(new Neighbor(Objects.requireNonNull(slots.get(c.slot)), c.distance));
    }
    return out;
  }

  @Override
  public Optional<RayHit> firstHit(Ray ray, double maxDistance) {
    if (!(maxDistance >= 0)) {
      throw new IllegalArgumentException("maxDistance must be >= 0, got " + maxDistance);
    }
    DistanceCursor boxes =
        index().ray(ray.ox(), ray.oy(), ray.oz(), ray.dx(), ray.dy(), ray.dz(), maxDistance);
    double best = Double.POSITIVE_INFINITY;
    int bestSlot = -1;
    while (boxes.next() && boxes.distance() <= Math.min(best, maxDistance)) {
      int slot = boxes.slot();
      double t =
          rayDistance(Objects.requireNonNull(slots.get(slot)), ray, Math.min(best, maxDistance));
      if (t < best || (t == best && slot < bestSlot)) {
        best = t;
        bestSlot = slot;
      }
    }
    if (bestSlot < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new RayHit(Objects.requireNonNull(slots.get(bestSlot)), best, ray.pointAt(best)));
  }

  private static void checkPoint(double x, double y, double z) {
    if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
      throw new IllegalArgumentException(
          "query point must be finite, got (" + x + ", " + y + ", " + z + ")");
    }
  }

  /** The spatial index, built on first use. */
  SpatialIndex index() {
    SpatialIndex ix = index;
    if (ix == null) {
      synchronized (indexLock) {
        ix = index;
        if (ix == null) {
          ix = buildIndex(slots);
          index = ix;
        }
      }
    }
    return ix;
  }

  /** Whether the index was built; for tests of laziness and incremental upkeep. */
  boolean hasIndex() {
    return index != null;
  }

  private static SpatialIndex buildIndex(SlotArray slots) {
    int[] found = new int[Math.max(16, slots.length())];
    double[] bounds = new double[6 * found.length];
    int n = 0;
    for (int s = 0; s < slots.length(); s++) {
      CityObject o = slots.get(s);
      if (o != null && putBounds(o, bounds, 6 * n)) {
        found[n++] = s;
      }
    }
    return IndexFactoryHolder.get().build(Arrays.copyOf(found, n), Arrays.copyOf(bounds, 6 * n));
  }

  /** Writes an object's bounds at an offset; false if it has no geometry. */
  private static boolean putBounds(CityObject o, double[] out, int at) {
    Bounds3D b = o.bounds().orElse(null);
    if (b == null) {
      return false;
    }
    out[at] = b.minX();
    out[at + 1] = b.minY();
    out[at + 2] = b.minZ();
    out[at + 3] = b.maxX();
    out[at + 4] = b.maxY();
    out[at + 5] = b.maxZ();
    return true;
  }

  /** The index factory found by ServiceLoader, looked up once. */
  private static final class IndexFactoryHolder {
    private static final @Nullable SpatialIndexFactory FACTORY =
        ServiceLoader.load(SpatialIndexFactory.class, CitySnapshot.class.getClassLoader())
            .findFirst()
            .orElse(null);

    static SpatialIndexFactory get() {
      if (FACTORY == null) {
        throw new IllegalStateException(
            "spatial queries need a spatial index, and none is on the class path: add the module "
                + "org.twin4j:twin-index");
      }
      return FACTORY;
    }
  }

  /** An exact distance to a slot's object, ordered by distance then slot. */
  private static final class Candidate implements Comparable<Candidate> {
    final double distance;
    final int slot;

    Candidate(double distance, int slot) {
      this.distance = distance;
      this.slot = slot;
    }

    @Override
    public int compareTo(Candidate o) {
      int c = Double.compare(distance, o.distance);
      return c != 0 ? c : Integer.compare(slot, o.slot);
    }
  }

  /**
   * A batch of changes to a snapshot: add, replace and remove objects at any level. Single use and
   * not thread-safe. If an operation throws, the edit must be discarded ({@link CityModel#edit}
   * does so): nothing is published until {@link #apply()}.
   */
  public static final class Edit {
    private final CitySnapshot base;
    private final SlotArray.Editor slots;
    private final IdMap.Editor ids;
    private int size;
    private int objectCount;
    private int[] removedSlots = new int[8];
    private int removedCount;
    private boolean applied;

    private Edit(CitySnapshot base) {
      this.base = base;
      this.slots = base.slots.edit();
      this.ids = base.ids.edit();
      this.size = base.size;
      this.objectCount = base.objectCount;
    }

    /**
     * Adds a top-level object.
     *
     * @param object the object; neither its id nor any id in its tree may exist in the model
     * @return this edit
     * @throws IllegalArgumentException if an id exists already
     */
    public Edit add(CityObject object) {
      check();
      Objects.requireNonNull(object, "object");
      object.forEachInTree(
          o -> {
            if (ids.get(o.id()) >= 0) {
              throw new IllegalArgumentException(
                  "an object with id '" + o.id() + "' exists already");
            }
          });
      int slot = slots.append(object);
      int[] count = {0};
      object.forEachInTree(
          o -> {
            ids.put(o.id(), slot);
            count[0]++;
          });
      size++;
      objectCount += count[0];
      return this;
    }

    /**
     * Replaces the object with the same id as the given one, at any level; a nested object is
     * replaced within its parent.
     *
     * @param object the new object
     * @return this edit
     * @throws NoSuchElementException if no object has that id
     * @throws IllegalArgumentException if an id in the new object's tree exists elsewhere
     */
    public Edit replace(CityObject object) {
      check();
      int slot = ids.get(object.id());
      if (slot < 0) {
        throw new NoSuchElementException("no object with id '" + object.id() + "' to replace");
      }
      CityObject top = Objects.requireNonNull(slots.get(slot));
      CityObject replacement =
          top.id().equals(object.id()) ? object : top.withDescendantReplaced(object.id(), object);
      removeTop(slot, top);
      add(Objects.requireNonNull(replacement));
      return this;
    }

    /**
     * Removes an object at any level; a nested object is removed from its parent, with its
     * descendants.
     *
     * @param id the id
     * @return true if an object was removed, false if none had the id
     */
    public boolean remove(String id) {
      check();
      int slot = ids.get(id);
      if (slot < 0) {
        return false;
      }
      CityObject top = Objects.requireNonNull(slots.get(slot));
      removeTop(slot, top);
      if (!top.id().equals(id)) {
        add(Objects.requireNonNull(top.withDescendantReplaced(id, null)));
      }
      return true;
    }

    /**
     * Finds an object by id as it stands in this edit.
     *
     * @param id the id
     * @return the object, or empty
     */
    public Optional<CityObject> get(String id) {
      int slot = ids.get(id);
      return slot < 0
          ? Optional.empty()
          : Optional.ofNullable(Objects.requireNonNull(slots.get(slot)).findOrNull(id));
    }

    private void removeTop(int slot, CityObject top) {
      slots.set(slot, null);
      int[] count = {0};
      top.forEachInTree(
          o -> {
            ids.remove(o.id());
            count[0]++;
          });
      size--;
      objectCount -= count[0];
      if (removedCount == removedSlots.length) {
        removedSlots = Arrays.copyOf(removedSlots, removedCount * 2);
      }
      removedSlots[removedCount++] = slot;
    }

    /**
     * Makes the new snapshot. The edited snapshot is unchanged.
     *
     * @return the snapshot with every change of this edit
     * @throws IllegalStateException if called twice
     */
    public CitySnapshot apply() {
      check();
      applied = true;
      SlotArray newSlots = slots.done();
      IdMap newIds = ids.done();
      int dead = newSlots.length() - size;
      SpatialIndex oldIndex = base.index;
      if (dead > MIN_DEAD_SLOTS_TO_COMPACT && dead > size) {
        return compact(newSlots, oldIndex != null);
      }
      SpatialIndex newIndex = null;
      if (oldIndex != null) {
        newIndex = carryIndex(oldIndex, newSlots);
      }
      return new CitySnapshot(
          base.crs, base.metadata, base.appearances, newSlots, newIds, size, objectCount, newIndex);
    }

    /**
     * Applies the slot changes to the base index: removals of indexed old slots, additions of live
     * new ones.
     */
    private SpatialIndex carryIndex(SpatialIndex oldIndex, SlotArray newSlots) {
      int baseLength = base.slots.length();
      int[] removed = new int[removedCount];
      int nr = 0;
      for (int i = 0; i < removedCount; i++) {
        int s = removedSlots[i];
        if (s < baseLength && Objects.requireNonNull(base.slots.get(s)).hasGeometry()) {
          removed[nr++] = s;
        }
      }
      int added = newSlots.length() - baseLength;
      int[] addedSlots = new int[added];
      double[] addedBounds = new double[6 * added];
      int na = 0;
      for (int s = baseLength; s < newSlots.length(); s++) {
        CityObject o = newSlots.get(s);
        if (o != null && putBounds(o, addedBounds, 6 * na)) {
          addedSlots[na++] = s;
        }
      }
      if (nr == 0 && na == 0) {
        return oldIndex;
      }
      return oldIndex.withChanges(
          Arrays.copyOf(removed, nr),
          Arrays.copyOf(addedSlots, na),
          Arrays.copyOf(addedBounds, 6 * na));
    }

    private CitySnapshot compact(SlotArray sparse, boolean buildIndex) {
      SlotArray.Editor dense = SlotArray.EMPTY.edit();
      IdMap.Editor denseIds = IdMap.EMPTY.edit();
      for (int s = 0; s < sparse.length(); s++) {
        CityObject o = sparse.get(s);
        if (o != null) {
          int slot = dense.append(o);
          o.forEachInTree(c -> denseIds.put(c.id(), slot));
        }
      }
      SlotArray packed = dense.done();
      return new CitySnapshot(
          base.crs,
          base.metadata,
          base.appearances,
          packed,
          denseIds.done(),
          size,
          objectCount,
          buildIndex ? buildIndex(packed) : null);
    }

    private void check() {
      if (applied) {
        throw new IllegalStateException("this edit was already applied");
      }
    }
  }
}
