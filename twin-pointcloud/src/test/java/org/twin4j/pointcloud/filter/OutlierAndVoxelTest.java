// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.twin4j.pointcloud.PointCloud;

class OutlierAndVoxelTest {

  @Test
  void find_plantedOutliersOnAPlane_exactlyThose() {
    Random rnd = new Random(7);
    SyntheticCloud s = new SyntheticCloud();
    for (int i = 0; i < 100; i++) {
      for (int j = 0; j < 100; j++) {
        s.add(i * 0.5 + rnd.nextDouble() * 0.05, j * 0.5, rnd.nextDouble() * 0.05, 2);
      }
    }
    int[] planted = {10_000, 10_001, 10_002};
    s.add(20, 20, 30, 1).add(5, 40, -25, 1).add(45, 3, 60, 1);
    PointCloud in = s.build();
    OutlierFilter.Result r = OutlierFilter.find(in, 8, 2);
    BitSet expected = new BitSet();
    for (int p : planted) {
      expected.set(p);
    }
    assertEquals(
        expected, r.outliers(), "mean " + r.meanDistance() + " sd " + r.standardDeviation());
    PointCloud inliers = OutlierFilter.remove(in);
    assertEquals(10_000, inliers.size());
    PointCloud marked = OutlierFilter.classify(in, r);
    assertEquals(OutlierFilter.NOISE_CLASS, marked.classification(10_001));
    assertEquals(2, marked.classification(9_999));
  }

  @Test
  void find_realAhn3_fewOutliersAndDeterministic() throws IOException {
    PointCloud in = SmrfTest.read("ahn3_cropped_2.laz");
    OutlierFilter.Result a = OutlierFilter.find(in, 8, 2);
    OutlierFilter.Result b = OutlierFilter.find(in, 8, 2);
    assertEquals(a.outliers(), b.outliers());
    System.out.printf(
        "outliers in ahn3_cropped_2.laz: %d of %d (mean kNN distance %.3f m, sd %.3f m)%n",
        a.count(), in.size(), a.meanDistance(), a.standardDeviation());
    assertTrue(a.count() > 0 && a.count() < in.size() / 20, "count " + a.count());
  }

  @Test
  void thin_keepsThePointNearestEachVoxelCentre() {
    Random rnd = new Random(11);
    SyntheticCloud s = new SyntheticCloud();
    int n = 20_000;
    double[][] p = new double[n][];
    for (int i = 0; i < n; i++) {
      p[i] = new double[] {rnd.nextDouble() * 10, rnd.nextDouble() * 10, rnd.nextDouble() * 3};
      s.add(p[i][0], p[i][1], p[i][2], 1);
    }
    PointCloud in = s.build();
    double size = 1.0;
    BitSet kept = VoxelFilter.keep(in, size);
    // brute force: nearest to the centre per voxel, from the quantized coordinates
    Map<String, Integer> best = new HashMap<>();
    double x0 = in.bounds().minX();
    double y0 = in.bounds().minY();
    double z0 = in.bounds().minZ();
    for (int i = 0; i < n; i++) {
      double fx = (in.x(i) - x0) / size;
      double fy = (in.y(i) - y0) / size;
      double fz = (in.z(i) - z0) / size;
      String key = (long) fx + "," + (long) fy + "," + (long) fz;
      Integer b = best.get(key);
      if (b == null || dist(in, b, x0, y0, z0, size) > dist(in, i, x0, y0, z0, size)) {
        best.put(key, i);
      }
    }
    BitSet expected = new BitSet();
    best.values().forEach(expected::set);
    assertEquals(expected, kept);
    PointCloud thinned = VoxelFilter.thin(in, size);
    assertEquals(best.size(), thinned.size());
    assertTrue(thinned.size() <= 10 * 10 * 3 + 30);
  }

  private static double dist(PointCloud c, int i, double x0, double y0, double z0, double s) {
    double fx = (c.x(i) - x0) / s;
    double fy = (c.y(i) - y0) / s;
    double fz = (c.z(i) - z0) / s;
    double dx = fx - Math.floor(fx) - 0.5;
    double dy = fy - Math.floor(fy) - 0.5;
    double dz = fz - Math.floor(fz) - 0.5;
    return dx * dx + dy * dy + dz * dz;
  }
}
