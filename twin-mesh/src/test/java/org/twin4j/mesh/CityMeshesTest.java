// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.twin4j.core.geom.Lod;
import org.twin4j.core.geom.MultiSurface;
import org.twin4j.core.model.CityModel;
import org.twin4j.core.model.CityObject;
import org.twin4j.core.model.CityObjectType;

/** Polygons with holes, walls and concave outlines triangulated: area and orientation kept. */
class CityMeshesTest {

  /** Vector area (half the sum of cross products) of the mesh's triangles. */
  private static double[] vectorArea(CityMeshes.Mesh m) {
    double[] a = new double[3];
    double[] p = m.xyz();
    int[] t = m.triangles();
    for (int i = 0; i < t.length; i += 3) {
      double ux = p[3 * t[i + 1]] - p[3 * t[i]];
      double uy = p[3 * t[i + 1] + 1] - p[3 * t[i] + 1];
      double uz = p[3 * t[i + 1] + 2] - p[3 * t[i] + 2];
      double vx = p[3 * t[i + 2]] - p[3 * t[i]];
      double vy = p[3 * t[i + 2] + 1] - p[3 * t[i] + 1];
      double vz = p[3 * t[i + 2] + 2] - p[3 * t[i] + 2];
      a[0] += 0.5 * (uy * vz - uz * vy);
      a[1] += 0.5 * (uz * vx - ux * vz);
      a[2] += 0.5 * (ux * vy - uy * vx);
    }
    return a;
  }

  @Test
  void of_roofWithHoleWallAndLShape_areaAndNormalsKept() {
    MultiSurface.Builder b = MultiSurface.builder(Lod.LOD2);
    // a 10 x 8 flat roof at z = 6, counter-clockwise from above, with a 2 x 2 hole
    int r0 = b.vertex(0, 0, 6);
    int r1 = b.vertex(10, 0, 6);
    int r2 = b.vertex(10, 8, 6);
    int r3 = b.vertex(0, 8, 6);
    int h0 = b.vertex(4, 3, 6);
    int h1 = b.vertex(4, 5, 6);
    int h2 = b.vertex(6, 5, 6);
    int h3 = b.vertex(6, 3, 6);
    b.surface(null).ring(r0, r1, r2, r3).ring(h0, h1, h2, h3);
    // a 10 x 6 wall facing -y (vertical: the x-z plane)
    int w0 = b.vertex(0, 0, 0);
    int w1 = b.vertex(10, 0, 0);
    int w2 = b.vertex(10, 0, 6);
    int w3 = b.vertex(0, 0, 6);
    b.surface(null).ring(w0, w1, w2, w3);
    // an L-shaped floor at z = 0 facing down (clockwise from above), area 10*8 - 5*4 = 60
    int l0 = b.vertex(0, 0, -1);
    int l1 = b.vertex(0, 8, -1);
    int l2 = b.vertex(5, 8, -1);
    int l3 = b.vertex(5, 4, -1);
    int l4 = b.vertex(10, 4, -1);
    int l5 = b.vertex(10, 0, -1);
    b.surface(null).ring(l0, l1, l2, l3, l4, l5);
    CityObject house =
        CityObject.builder("house", CityObjectType.BUILDING).geometry(b.build()).build();
    CityModel model = CityModel.builder().add(house).build();
    CityMeshes.Mesh m = CityMeshes.of(model, null);
    assertEquals(0, m.polygonsSkipped());
    double[] a = vectorArea(m);
    // roof up (+76), floor down (-60), wall toward -y (60)
    assertEquals(0, a[0], 1e-9);
    assertEquals(-60, a[1], 1e-9);
    assertEquals(76 - 60, a[2], 1e-9);
    double total = 0;
    int[] t = m.triangles();
    double[] p = m.xyz();
    for (int i = 0; i < t.length; i += 3) {
      double ux = p[3 * t[i + 1]] - p[3 * t[i]];
      double uy = p[3 * t[i + 1] + 1] - p[3 * t[i] + 1];
      double uz = p[3 * t[i + 1] + 2] - p[3 * t[i] + 2];
      double vx = p[3 * t[i + 2]] - p[3 * t[i]];
      double vy = p[3 * t[i + 2] + 1] - p[3 * t[i] + 1];
      double vz = p[3 * t[i + 2] + 2] - p[3 * t[i] + 2];
      double cx = uy * vz - uz * vy;
      double cy = uz * vx - ux * vz;
      double cz = ux * vy - uy * vx;
      total += 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
    }
    assertEquals(76 + 60 + 60, total, 1e-9, "no triangle in the hole or outside the L");
    assertTrue(t.length / 3 >= 8 + 2 + 4);
  }
}
