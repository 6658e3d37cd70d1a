// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.model;

import java.util.Objects;

/**
 * A city object found near a point, with its distance.
 *
 * @param object the top-level city object
 * @param distance the smallest distance from the point to the object's geometry, in CRS units
 * @since 1.0
 */
public record Neighbor(CityObject object, double distance) {

  /**
   * Checks the object is not null.
   *
   * @param object the top-level city object
   * @param distance the smallest distance from the point to the object's geometry, in CRS units
   */
  public Neighbor {
    Objects.requireNonNull(object, "object");
  }
}
