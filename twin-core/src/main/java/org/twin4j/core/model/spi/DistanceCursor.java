// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.model.spi;

/**
 * Walks slots in increasing order of a distance. Not thread-safe.
 *
 * <pre>{@code
 * DistanceCursor c = index.nearest(x, y, z);
 * while (c.next()) {
 *   use(c.slot(), c.distance());
 * }
 * }</pre>
 *
 * @since 1.0
 */
public interface DistanceCursor {

  /**
   * Moves to the next slot.
   *
   * @return false when there is none left
   */
  boolean next();

  /**
   * Returns the current slot; valid after {@link #next()} returned true.
   *
   * @return the slot
   */
  int slot();

  /**
   * Returns the distance of the current slot; never smaller than that of the slot before.
   *
   * @return the distance, in CRS units
   */
  double distance();
}
