// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.model;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.twin4j.core.appearance.Appearances;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.geom.Bounds2D;
import org.twin4j.core.geom.Bounds3D;
import org.twin4j.core.geom.Ray;

/**
 * The read side of a city model: look-up by id, iteration, bounds and spatial queries. Implemented
 * by the immutable {@link CitySnapshot} and by the live {@link CityModel} (each of whose calls
 * reads the snapshot current at that moment).
 *
 * <p>Spatial queries consider the top-level objects that have geometry, each through all geometries
 * (every LOD) of the object and its descendants. Objects without geometry are never found by a
 * spatial query. Exact answers are computed on the surfaces, the index providing candidates; the
 * first spatial query on a snapshot builds its index (O(n log n)), later ones reuse it.
 *
 * @since 1.0
 */
public interface CityView {

  /**
   * Returns the coordinate reference system.
   *
   * @return the CRS, or empty if the model names none
   */
  Optional<CrsIdentifier> crs();

  /**
   * Returns the descriptive metadata.
   *
   * @return the metadata
   */
  Metadata metadata();

  /**
   * Returns the materials and textures the geometries' appearances refer to.
   *
   * @return the tables, empty if the model has no appearance
   */
  Appearances appearances();

  /**
   * Returns the number of top-level objects.
   *
   * @return the count
   */
  int size();

  /**
   * Returns the number of objects at all levels (top-level objects and their descendants).
   *
   * @return the count
   */
  int objectCount();

  /**
   * Finds an object by id, at any level.
   *
   * @param id the id
   * @return the object, or empty
   */
  Optional<CityObject> get(String id);

  /**
   * Tells whether an object with an id exists at any level.
   *
   * @param id the id
   * @return true if present
   */
  boolean contains(String id);

  /**
   * Returns the parent of an object.
   *
   * @param id the id of the child
   * @return the parent, or empty if the object is top-level or absent
   */
  Optional<CityObject> parentOf(String id);

  /**
   * Returns the top-level objects in a stable order (the order they were added in).
   *
   * @return a sequential stream
   */
  Stream<CityObject> stream();

  /**
   * Returns every object at every level, each top-level object followed by its descendants depth
   * first.
   *
   * @return a sequential stream
   */
  Stream<CityObject> allObjects();

  /**
   * Returns the objects of a type at every level.
   *
   * @param type the type
   * @return a sequential stream, in the order of {@link #allObjects()}
   */
  default Stream<CityObject> objectsOfType(CityObjectType type) {
    return allObjects().filter(o -> o.type() == type);
  }

  /**
   * Returns the bounding box of all geometries.
   *
   * @return the bounds, or empty if no object has a geometry
   */
  Optional<Bounds3D> bounds();

  /**
   * Finds the top-level objects whose footprint (the projection of their geometry on the x/y plane)
   * intersects a window.
   *
   * @param window the window
   * @return the objects, in the order of {@link #stream()}
   */
  List<CityObject> intersecting(Bounds2D window);

  /**
   * Finds the top-level objects whose 3D bounding box intersects a box.
   *
   * @param box the box
   * @return the objects, in the order of {@link #stream()}
   */
  List<CityObject> intersecting(Bounds3D box);

  /**
   * Calls an action for each top-level object whose 3D bounding box intersects a box, without
   * collecting them.
   *
   * @param box the box
   * @param action receives each object once, in no particular order
   */
  void forEachIntersecting(Bounds3D box, Consumer<CityObject> action);

  /**
   * Finds the k top-level objects nearest to a point, measured to their surfaces.
   *
   * @param x point x
   * @param y point y
   * @param z point z
   * @param k how many, at least 1
   * @return up to k neighbours by increasing distance (ties in the order of {@link #stream()})
   */
  List<Neighbor> nearest(double x, double y, double z, int k);

  /**
   * Finds the top-level objects within a distance of a point, measured to their surfaces.
   *
   * @param x point x
   * @param y point y
   * @param z point z
   * @param distance the largest distance, not negative
   * @return the neighbours by increasing distance
   */
  List<Neighbor> withinDistance(double x, double y, double z, double distance);

  /**
   * Finds the first surface a ray hits: what an eye at the ray's origin sees in that direction.
   *
   * @param ray the ray
   * @param maxDistance hits farther than this are ignored (the distance to the target of a
   *     sightline)
   * @return the hit, or empty if the ray hits nothing within {@code maxDistance}
   */
  Optional<RayHit> firstHit(Ray ray, double maxDistance);
}
