// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.model.spi;

import java.util.function.IntConsumer;

/**
 * An immutable, persistent index of axis-aligned 3D boxes, each identified by a slot.
 * Implementations are safe for concurrent use by any number of threads.
 *
 * @since 1.0
 */
public interface SpatialIndex {

  /**
   * Returns the number of boxes.
   *
   * @return the size
   */
  int size();

  /**
   * Returns an index with some slots removed and some boxes added; this index is unchanged.
   *
   * @param removedSlots slots to remove, each present in this index
   * @param addedSlots slots to add, none present in this index after the removals
   * @param addedBounds six values per added slot: minX, minY, minZ, maxX, maxY, maxZ
   * @return the new index
   */
  SpatialIndex withChanges(int[] removedSlots, int[] addedSlots, double[] addedBounds);

  /**
   * Reports every slot whose box intersects a query box (boundaries included).
   *
   * @param minX query minimum x
   * @param minY query minimum y
   * @param minZ query minimum z (may be negative infinity)
   * @param maxX query maximum x
   * @param maxY query maximum y
   * @param maxZ query maximum z (may be positive infinity)
   * @param slots receives each intersecting slot once, in no particular order
   */
  void search(
      double minX,
      double minY,
      double minZ,
      double maxX,
      double maxY,
      double maxZ,
      IntConsumer slots);

  /**
   * Returns a cursor over all slots by increasing distance from a point to their boxes.
   *
   * @param x point x
   * @param y point y
   * @param z point z
   * @return a new cursor, for use by one thread
   */
  DistanceCursor nearest(double x, double y, double z);

  /**
   * Returns a cursor over the slots whose boxes a ray enters, by increasing distance along the ray
   * to the entry point (0 for boxes containing the origin).
   *
   * @param ox ray origin x
   * @param oy ray origin y
   * @param oz ray origin z
   * @param dx unit direction x
   * @param dy unit direction y
   * @param dz unit direction z
   * @param maxDistance boxes entered beyond this distance are not reported
   * @return a new cursor, for use by one thread
   */
  DistanceCursor ray(
      double ox, double oy, double oz, double dx, double dy, double dz, double maxDistance);
}
