// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.twin4j.pointcloud.LasFiles;
import org.twin4j.pointcloud.LasReadOptions;
import org.twin4j.pointcloud.PointCloud;

/** Error-bounded terrain TINs from the real AHN3 ground points, checked point by point. */
class TerrainTest {

  static double[][] ground(String name) throws Exception {
    Path p = Path.of(System.getProperty("twin.data.dir", "../data"), "lidar", name);
    PointCloud c = LasFiles.read(p, LasReadOptions.defaults().withListener(w -> {}));
    return c.coordinates((ch, i) -> ch.classification(i) == 2);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.05, 0.1, 0.3})
  void simplify_ahn3Ground_everyPointWithinTheBound(double maxError) throws Exception {
    double[][] g = ground("ahn3_cropped_2.laz");
    Terrain.Result r = Terrain.simplify(g[0], g[1], g[2], maxError);
    DelaunayTriangulation.Locator at = r.tin().locator();
    double worst = 0;
    for (int i = 0; i < g[0].length; i++) {
      double surface = at.z(g[0][i], g[1][i]);
      assertTrue(!Double.isNaN(surface), "point " + i + " outside the TIN");
      worst = Math.max(worst, Math.abs(surface - g[2][i]));
    }
    System.out.printf(
        "terrain ahn3_cropped_2 ground: %d points -> %d vertices at max error %.2f m (measured %.3f m)%n",
        g[0].length, r.kept(), maxError, worst);
    assertEquals(worst, r.maxErrorMeasured(), 1e-12);
    // AHN3 ground has points that share x and y with different z (scan overlap): none here
    assertTrue(worst <= maxError, "measured " + worst + " > " + maxError);
    assertTrue(r.kept() < g[0].length / 2, "simplified: " + r.kept() + " of " + g[0].length);
  }

  @Test
  void simplify_plane_keepsOnlyTheHull() {
    Random rnd = new Random(5);
    int n = 5000;
    double[] x = new double[n];
    double[] y = new double[n];
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextDouble() * 100;
      y[i] = rnd.nextDouble() * 100;
      z[i] = 3 + 0.25 * x[i] - 0.5 * y[i];
    }
    Terrain.Result r = Terrain.simplify(x, y, z, 1e-6);
    assertEquals(r.tin().hull().length, r.kept(), "a plane needs its hull only");
    assertTrue(r.maxErrorMeasured() < 1e-9);
    DelaunayTriangulation.Locator at = r.tin().locator();
    assertEquals(3 + 0.25 * 50 - 0.5 * 40, at.z(50, 40), 1e-9);
    assertTrue(Double.isNaN(at.z(-10, 50)), "outside the hull");
    z[17] = Double.NaN;
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> Terrain.simplify(x, y, z, 1e-6));
    assertTrue(e.getMessage().contains("point 17"), e.getMessage());
  }
}
