// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.appearance.Appearances;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.geom.Bounds2D;
import org.twin4j.core.geom.Bounds3D;
import org.twin4j.core.geom.Ray;

/**
 * A city model that applications hold in memory and edit: city objects with a CRS and metadata,
 * looked up by id, iterated by type, and queried spatially (window, k nearest, first hit along a
 * ray, within a distance).
 *
 * <p><b>Concurrency: snapshots.</b> The model holds one immutable {@link CitySnapshot} at a time.
 * Every read method reads the snapshot current when it is called, so any number of threads may
 * query without locks and without ever seeing a half-applied edit. Edits ({@link #add}, {@link
 * #replace}, {@link #remove}, {@link #edit}) are serialised by a lock: each builds a new snapshot
 * from the current one (sharing everything unchanged) and publishes it atomically. A reader that
 * needs several answers from one consistent state takes {@link #snapshot()} once and queries that.
 * Edit cost is proportional to the edit; group many changes in one {@link #edit} call.
 *
 * <pre>{@code
 * CityModel model = CityModel.builder().crs(CrsIdentifier.ofEpsg(7415)).add(house).build();
 * List<CityObject> inView = model.intersecting(new Bounds2D(84_000, 446_000, 84_500, 446_500));
 * List<Neighbor> near = model.nearest(84_250, 446_250, 0, 10);
 * model.edit(e -> e.remove("old-shed").add(hotel));
 * }</pre>
 *
 * @since 1.0
 */
public final class CityModel implements CityView {

  private final ReentrantLock writeLock = new ReentrantLock();
  private volatile CitySnapshot current;

  private CityModel(CitySnapshot initial) {
    this.current = initial;
  }

  /**
   * Returns a builder for a new model.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a live model whose first state is a snapshot.
   *
   * @param snapshot the initial state
   * @return the model
   */
  public static CityModel of(CitySnapshot snapshot) {
    return new CityModel(Objects.requireNonNull(snapshot, "snapshot"));
  }

  /**
   * Returns the current state. It never changes; later edits of the model make new snapshots.
   *
   * @return the current snapshot
   */
  public CitySnapshot snapshot() {
    return current;
  }

  /**
   * Adds a top-level object.
   *
   * @param object the object; no id in its tree may exist in the model
   * @throws IllegalArgumentException if an id exists already
   */
  public void add(CityObject object) {
    edit(e -> e.add(object));
  }

  /**
   * Replaces the object (at any level) that has the id of the given one.
   *
   * @param object the new object
   * @throws java.util.NoSuchElementException if no object has that id
   */
  public void replace(CityObject object) {
    edit(e -> e.replace(object));
  }

  /**
   * Removes an object (at any level) with its descendants.
   *
   * @param id the id
   * @return true if an object was removed
   */
  public boolean remove(String id) {
    boolean[] removed = new boolean[1];
    edit(e -> removed[0] = e.remove(id));
    return removed[0];
  }

  /**
   * Applies a batch of changes atomically: readers see all of them or none. If the action throws,
   * nothing is published and the exception propagates.
   *
   * @param changes receives the edit to fill
   */
  public void edit(Consumer<CitySnapshot.Edit> changes) {
    update(
        s -> {
          CitySnapshot.Edit e = s.edit();
          changes.accept(e);
          return e.apply();
        });
  }

  /**
   * Replaces the current state by a function of it, atomically with respect to other writers (for
   * example to set the CRS or the metadata).
   *
   * @param function maps the current snapshot to the next one
   */
  public void update(UnaryOperator<CitySnapshot> function) {
    writeLock.lock();
    try {
      current = Objects.requireNonNull(function.apply(current), "the update returned null");
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public Optional<CrsIdentifier> crs() {
    return current.crs();
  }

  @Override
  public Metadata metadata() {
    return current.metadata();
  }

  @Override
  public Appearances appearances() {
    return current.appearances();
  }

  @Override
  public int size() {
    return current.size();
  }

  @Override
  public int objectCount() {
    return current.objectCount();
  }

  @Override
  public Optional<CityObject> get(String id) {
    return current.get(id);
  }

  @Override
  public boolean contains(String id) {
    return current.contains(id);
  }

  @Override
  public Optional<CityObject> parentOf(String id) {
    return current.parentOf(id);
  }

  @Override
  public Stream<CityObject> stream() {
    return current.stream();
  }

  @Override
  public Stream<CityObject> allObjects() {
    return current.allObjects();
  }

  @Override
  public Optional<Bounds3D> bounds() {
    return current.bounds();
  }

  @Override
  public List<CityObject> intersecting(Bounds2D window) {
    return current.intersecting(window);
  }

  @Override
  public List<CityObject> intersecting(Bounds3D box) {
    return current.intersecting(box);
  }

  @Override
  public void forEachIntersecting(Bounds3D box, Consumer<CityObject> action) {
    current.forEachIntersecting(box, action);
  }

  @Override
  public List<Neighbor> nearest(double x, double y, double z, int k) {
    return current.nearest(x, y, z, k);
  }

  @Override
  public List<Neighbor> withinDistance(double x, double y, double z, double distance) {
    return current.withinDistance(x, y, z, distance);
  }

  @Override
  public Optional<RayHit> firstHit(Ray ray, double maxDistance) {
    return current.firstHit(ray, maxDistance);
  }

  @Override
  public String toString() {
    CitySnapshot s = current;
    return "CityModel["
        + s.size()
        + " top-level objects, "
        + s.objectCount()
        + " in all, crs "
        + s.crs().map(Object::toString).orElse("none")
        + "]";
  }

  /** Collects the first state of a model. Single-use; not thread-safe. */
  public static final class Builder {
    private @Nullable CrsIdentifier crs;
    private Metadata metadata = Metadata.empty();
    private Appearances appearances = Appearances.none();
    private CitySnapshot.@Nullable Edit edit;
    private boolean built;

    private Builder() {}

    /**
     * Sets the coordinate reference system.
     *
     * @param value the CRS, or null if unknown
     * @return this builder
     */
    public Builder crs(@Nullable CrsIdentifier value) {
      checkNotStarted();
      crs = value;
      return this;
    }

    /**
     * Sets the metadata.
     *
     * @param value the metadata
     * @return this builder
     */
    public Builder metadata(Metadata value) {
      checkNotStarted();
      metadata = Objects.requireNonNull(value, "metadata");
      return this;
    }

    /**
     * Adds a top-level object.
     *
     * @param object the object
     * @return this builder
     * @throws IllegalArgumentException if an id in its tree was added before
     */
    public Builder add(CityObject object) {
      if (built) {
        throw new IllegalStateException("build() was already called on this builder");
      }
      if (edit == null) {
        edit = CitySnapshot.empty(crs, metadata).edit();
      }
      edit.add(object);
      return this;
    }

    /**
     * Sets the material and texture tables.
     *
     * @param value the tables
     * @return this builder
     */
    public Builder appearances(Appearances value) {
      appearances = Objects.requireNonNull(value, "appearances");
      return this;
    }

    private void checkNotStarted() {
      if (edit != null || built) {
        throw new IllegalStateException("set the CRS and metadata before adding objects");
      }
    }

    /**
     * Builds the first snapshot, without a live model around it.
     *
     * @return the snapshot
     * @throws IllegalStateException if called twice
     */
    public CitySnapshot buildSnapshot() {
      if (built) {
        throw new IllegalStateException("build() was already called on this builder");
      }
      built = true;
      CitySnapshot s = edit == null ? CitySnapshot.empty(crs, metadata) : edit.apply();
      return appearances.isEmpty() ? s : s.withAppearances(appearances);
    }

    /**
     * Builds the model.
     *
     * @return the live model
     * @throws IllegalStateException if called twice
     */
    public CityModel build() {
      return new CityModel(buildSnapshot());
    }
  }
}
