// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.index.model;

import org.twin4j.core.model.spi.SpatialIndex;
import org.twin4j.core.model.spi.SpatialIndexFactory;
import org.twin4j.index.rtree.LayeredRTree3D;

/**
 * Builds {@link RTreeSpatialIndex}es; registered in {@code META-INF/services} so that city models
 * find it without configuration.
 *
 * @since 1.0
 */
public final class RTreeSpatialIndexFactory implements SpatialIndexFactory {

  /** Creates the factory; called by {@link java.util.ServiceLoader}. */
  public RTreeSpatialIndexFactory() {}

  @Override
  public SpatialIndex build(int[] slots, double[] bounds) {
    return RTreeSpatialIndex.of(LayeredRTree3D.of(slots, bounds));
  }
}
