// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.model.spi;

/**
 * Builds {@link SpatialIndex}es; implementations are registered for {@link java.util.ServiceLoader}
 * under {@code META-INF/services/org.twin4j.core.model.spi.SpatialIndexFactory}.
 *
 * @since 1.0
 */
public interface SpatialIndexFactory {

  /**
   * Builds an index over boxes.
   *
   * @param slots the slot of each box, distinct and non-negative
   * @param bounds six values per box: minX, minY, minZ, maxX, maxY, maxZ
   * @return the index
   * @throws IllegalArgumentException if a box has NaN coordinates or a minimum above its maximum
   */
  SpatialIndex build(int[] slots, double[] bounds);
}
