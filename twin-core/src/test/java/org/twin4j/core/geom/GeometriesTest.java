// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GeometriesTest {

  private static final double LENGTH_TOL_M = 1e-9;

  private static final Solid CUBE =
      Solid.extrude(Polygon.ofXy(new double[] {0, 0, 10, 0, 10, 10, 0, 10}), 0, 10, Lod.LOD1);

  @Test
  void distance_toSurfacesNotToBox() {
    assertEquals(5, Geometries.distance(CUBE, 15, 5, 5), LENGTH_TOL_M);
    assertEquals(Math.sqrt(2), Geometries.distance(CUBE, 11, 11, 5), LENGTH_TOL_M);
    // inside a solid, the distance is to the nearest wall: surfaces, not volume
    assertEquals(2, Geometries.distance(CUBE, 2, 5, 5), LENGTH_TOL_M);
    Solid l = Solid.extrude(SolidTest.lShapeClockwise(), 0, 10, Lod.LOD1);
    // (8, 10) lies in the notch: inside the bounding box, 4 m from the walls at x = 4 and y = 6
    assertEquals(4, Geometries.distance(l, 8, 10, 5), LENGTH_TOL_M);
  }

  @Test
  void distance_toLinesPointsAndMeshes() {
    MultiLineString line = MultiLineString.of(Lod.LOD0, new double[] {0, 0, 0, 10, 0, 0});
    assertEquals(3, Geometries.distance(line, 5, 3, 0), LENGTH_TOL_M);
    assertEquals(5, Geometries.distance(line, 13, 4, 0), LENGTH_TOL_M);
    MultiPoint pts = MultiPoint.of(Lod.LOD1, 0, 0, 0, 5, 5, 5);
    assertEquals(Math.sqrt(3), Geometries.distance(pts, 6, 6, 6), LENGTH_TOL_M);
    TriangleMesh tin =
        TriangleMesh.of(Lod.LOD1, new double[] {0, 0, 0, 10, 0, 0, 0, 10, 0}, new int[] {0, 1, 2});
    assertEquals(7, Geometries.distance(tin, 1, 1, 7), LENGTH_TOL_M);
  }

  @Test
  void rayDistance_hitsNearestFaceOrNothing() {
    Ray east = new Ray(-5, 5, 5, 1, 0, 0);
    assertEquals(5, Geometries.rayDistance(CUBE, east, 100), LENGTH_TOL_M);
    assertEquals(Double.POSITIVE_INFINITY, Geometries.rayDistance(CUBE, east, 4.9));
    Ray down = new Ray(5, 5, 50, 0, 0, -3);
    assertEquals(40, Geometries.rayDistance(CUBE, down, 100), LENGTH_TOL_M);
    Ray miss = new Ray(-5, 15, 5, 1, 0, 0);
    assertEquals(Double.POSITIVE_INFINITY, Geometries.rayDistance(CUBE, miss, 100));
    Solid l = Solid.extrude(SolidTest.lShapeClockwise(), 0, 10, Lod.LOD1);
    // westward through the notch: the ray enters the box at x = 10 but meets the wall at x = 4
    assertEquals(16, Geometries.rayDistance(l, new Ray(20, 10, 5, -1, 0, 0), 100), LENGTH_TOL_M);
  }

  @Test
  void intersects2D_usesFootprintNotBox() {
    Solid l = Solid.extrude(SolidTest.lShapeClockwise(), 0, 10, Lod.LOD1);
    assertFalse(Geometries.intersects2D(l, new Bounds2D(7, 9, 9, 11)), "window in the notch");
    assertTrue(Geometries.intersects2D(l, new Bounds2D(3, 9, 5, 11)), "window across a wall");
    assertTrue(Geometries.intersects2D(l, new Bounds2D(1, 1, 2, 2)), "window inside the footprint");
    assertTrue(Geometries.intersects2D(l, new Bounds2D(-100, -100, 100, 100)), "window around it");
    Solid court = Solid.extrude(PolygonTest.squareWithHole(), 0, 10, Lod.LOD1);
    assertFalse(
        Geometries.intersects2D(court, new Bounds2D(4, 4, 6, 6)), "window in the courtyard");
  }
}
