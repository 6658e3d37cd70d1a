// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoundsTest {

  private static final double TOL = 1e-12;

  @Test
  void constructor_rejectsNaNAndInverted() {
    InvalidGeometryException nan =
        assertThrows(InvalidGeometryException.class, () -> new Bounds3D(0, 0, Double.NaN, 1, 1, 1));
    assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
    InvalidGeometryException inverted =
        assertThrows(InvalidGeometryException.class, () -> new Bounds2D(2, 0, 1, 1));
    assertTrue(inverted.getMessage().contains("x [2.0, 1.0]"), inverted.getMessage());
  }

  @Test
  void constructor_acceptsZeroSizeBox() {
    Bounds3D point = new Bounds3D(1, 2, 3, 1, 2, 3);
    assertTrue(point.contains(1, 2, 3));
    assertTrue(point.intersects(new Bounds3D(1, 2, 3, 5, 5, 5)));
  }

  @Test
  void distance_isZeroInsideAndEuclideanOutside() {
    Bounds3D b = new Bounds3D(0, 0, 0, 10, 10, 10);
    assertEquals(0, b.distance(5, 5, 5), TOL);
    assertEquals(5, b.distance(15, 5, 5), TOL);
    assertEquals(Math.sqrt(3), b.distance(-1, -1, -1), TOL);
  }

  @Test
  void intersects_touchingCountsAndSeparatedDoesNot() {
    Bounds2D a = new Bounds2D(0, 0, 1, 1);
    assertTrue(a.intersects(new Bounds2D(1, 1, 2, 2)));
    assertFalse(a.intersects(new Bounds2D(1.0000001, 0, 2, 1)));
    assertEquals(new Bounds2D(0, 0, 2, 3), a.union(new Bounds2D(1, 1, 2, 3)));
  }

  @Test
  void ofFootprint_spansAllHeights() {
    Bounds3D b = Bounds3D.ofFootprint(new Bounds2D(0, 0, 1, 1));
    assertTrue(b.contains(0.5, 0.5, 1e300));
    assertEquals(new Bounds2D(0, 0, 1, 1), b.toBounds2D());
  }
}
