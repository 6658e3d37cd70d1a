// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.model;

import java.util.Objects;
import org.twin4j.core.geom.Point3D;

/**
 * The first city object a ray hits.
 *
 * @param object the top-level city object hit
 * @param distance the distance along the ray from its origin to the hit, in CRS units
 * @param point the point hit
 * @since 1.0
 */
public record RayHit(CityObject object, double distance, Point3D point) {

  /**
   * Checks the components are not null.
   *
   * @param object the top-level city object hit
   * @param distance the distance along the ray from its origin to the hit, in CRS units
   * @param point the point hit
   */
  public RayHit {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(point, "point");
  }
}
