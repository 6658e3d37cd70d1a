// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PolygonTest {

  private static final double AREA_TOL = 1e-9;

  /** A 10 m square courtyard block with a 4 m square hole, both counter-clockwise. */
  static Polygon squareWithHole() {
    return Polygon.ofXy(
        new double[] {0, 0, 10, 0, 10, 10, 0, 10}, new double[] {3, 3, 7, 3, 7, 7, 3, 7});
  }

  @Test
  void of_dropsTheRepeatedClosingVertex() {
    Polygon p = Polygon.of(new double[] {0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0});
    assertEquals(3, p.ringSize(0));
  }

  @Test
  void of_rejectsShortRingAndNaN() {
    InvalidGeometryException shortRing =
        assertThrows(
            InvalidGeometryException.class,
            () -> Polygon.of(new double[] {0, 0, 0, 1, 0, 0, 0, 0, 0}));
    assertTrue(shortRing.getMessage().contains("ring 0 needs at least 3"), shortRing.getMessage());
    InvalidGeometryException nan =
        assertThrows(
            InvalidGeometryException.class,
            () -> Polygon.of(new double[] {0, 0, 0, 1, Double.NaN, 0, 1, 1, 0}));
    assertEquals(1, nan.index());
  }

  @Test
  void area2D_subtractsHoles() {
    Polygon p = squareWithHole();
    assertEquals(100 - 16, p.area2D(), AREA_TOL);
    assertEquals(1, p.holeCount());
  }

  @Test
  void signedArea2D_isPrecisePlacedFarFromOrigin() {
    // RD New coordinates: naive shoelace on raw values loses digits at 4e5 m
    double x = 85_123.456;
    double y = 446_789.012;
    Polygon p = Polygon.ofXy(new double[] {x, y, x + 0.1, y, x + 0.1, y + 0.1, x, y + 0.1});
    // the input itself is only exact to an ulp of 85 123 (1.5e-11 m); raw products would err by
    // ~1e-5
    assertEquals(0.01, p.signedArea2D(), 1e-10);
    assertEquals(-0.01, p.reversed().signedArea2D(), 1e-10);
  }

  @Test
  void contains2D_excludesHole() {
    Polygon p = squareWithHole();
    assertTrue(p.contains2D(1, 1));
    assertFalse(p.contains2D(5, 5));
    assertFalse(p.contains2D(11, 5));
  }
}
