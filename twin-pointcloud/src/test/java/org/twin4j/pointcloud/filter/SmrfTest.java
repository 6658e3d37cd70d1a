// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.twin4j.pointcloud.LasFiles;
import org.twin4j.pointcloud.LasReadOptions;
import org.twin4j.pointcloud.PointChunk;
import org.twin4j.pointcloud.PointCloud;

/**
 * SMRF with PDAL's defaults against the providers' own classes, point by point. The goal
 * (total error at most 1 %, kappa at least 0.97) is asserted on the files with ground under their
 * objects and an object class that SMRF's 0.5 m threshold can separate; the other files are scored
 * and their measured level is pinned, so a regression shows.
 */
class SmrfTest {

  static PointCloud read(String name) throws IOException {
    Path p = Path.of(System.getProperty("twin.data.dir", "../data"), "lidar", name);
    assertTrue(Files.isRegularFile(p), "sample file missing: " + p.toAbsolutePath());
    return LasFiles.read(p, LasReadOptions.defaults().withListener(w -> {}));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // file, max total error %, min kappa (goal files: 1 %, 0.97)
    "ahn3_cropped_1.laz, 1.0, 0.97",
    "ahn3_cropped_2.laz, 1.0, 0.97",
    "file_with_both_wkt_and_geotiff_vlrs.las, 1.0, 0.97",
    // 98 % ground; its errors are class 3 low vegetation within 0.5 m of the ground
    "las_with_several_extra_byte_bloc.laz, 1.0, 0.94",
    // 33 m x 33 m; all 257 low-vegetation points lie within SMRF's threshold
    "warsaw_small.las, 11.0, 0.78",
  })
  void classify_defaults_scoredAgainstProviderClasses(String name, double maxTotal, double minKappa)
      throws IOException {
    PointCloud in = read(name);
    Smrf.Result r = Smrf.classify(in);
    ClassificationScore s = ClassificationScore.of(in, r.cloud(), 2);
    System.out.println("SMRF " + name + ": " + s);
    assertTrue(100 * s.total() <= maxTotal, name + " " + s);
    assertTrue(s.kappa() >= minKappa, name + " " + s);
    assertTrue(s.typeI() < 0.005, "Type I below 0.5 %: " + s);
    assertEquals(in.size(), r.ground() + r.other() + r.ignored());
  }

  /**
   * Why those two files miss the goal whatever the ground filter: their low-vegetation points lie
   * on the provider's own ground, within SMRF's 0.5 m threshold of it. Each class-3 point is
   * compared with the provider's class-2 point nearest to it in plan (within 2 m).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "warsaw_small.las, 0.95, 0.75",
    "las_with_several_extra_byte_bloc.laz, 0.95, 0.25",
  })
  void lowVegetation_liesWithinTheThresholdOfTheProvidersOwnGround(
      String name, double withinThreshold, double withinTenCm) throws IOException {
    PointCloud in = read(name);
    // the provider's ground points in 1 m buckets
    java.util.Map<Long, java.util.List<double[]>> ground = new java.util.HashMap<>();
    java.util.List<double[]> low = new java.util.ArrayList<>();
    for (PointChunk c : in.chunks()) {
      for (int i = 0; i < c.size(); i++) {
        double[] p = {c.x(i), c.y(i), c.z(i)};
        if (c.classification(i) == 2) {
          ground.computeIfAbsent(cell(p[0], p[1]), k -> new java.util.ArrayList<>()).add(p);
        } else if (c.classification(i) == 3) {
          low.add(p);
        }
      }
    }
    int measured = 0;
    int inThreshold = 0;
    int inTenCm = 0;
    for (double[] p : low) {
      double best = Double.POSITIVE_INFINITY;
      double height = Double.NaN;
      for (int dx = -2; dx <= 2; dx++) {
        for (int dy = -2; dy <= 2; dy++) {
          for (double[] g : ground.getOrDefault(cell(p[0] + dx, p[1] + dy), java.util.List.of())) {
            double d = (g[0] - p[0]) * (g[0] - p[0]) + (g[1] - p[1]) * (g[1] - p[1]);
            if (d < best && d <= 4) {
              best = d;
              height = p[2] - g[2];
            }
          }
        }
      }
      if (!Double.isNaN(height)) {
        measured++;
        inThreshold += height <= 0.5 ? 1 : 0;
        inTenCm += height <= 0.1 ? 1 : 0;
      }
    }
    System.out.printf(
        "%s: %d low-vegetation points, %d within 0.5 m and %d within 0.1 m above the provider's"
            + " nearest ground point%n",
        name, low.size(), inThreshold, inTenCm);
    assertTrue(measured >= 0.95 * low.size(), name + ": measured " + measured);
    assertTrue(inThreshold >= withinThreshold * low.size(), name + ": " + inThreshold);
    assertTrue(inTenCm >= withinTenCm * low.size(), name + ": " + inTenCm);
  }

  private static long cell(double x, double y) {
    return ((long) Math.floor(x) << 32) ^ (Math.floorMod((long) Math.floor(y), 1L << 32));
  }

  @Test
  void classify_autzenHasOnlyGroundReference_typeIReported() throws IOException {
    PointCloud in = read("autzen_trim.las");
    ClassificationScore s = ClassificationScore.of(in, Smrf.classify(in).cloud(), 2);
    System.out.println("SMRF autzen_trim.las (parameters in feet, the CRS unit): " + s);
    assertEquals(26_107, s.scored(), "only class 2 is scored: classes 1 and 2 only");
    assertTrue(Double.isNaN(s.kappa()), "kappa needs objects in the reference");
    assertTrue(s.typeI() < 0.02, s.toString());
  }

  @Test
  void classify_sampleC_roofCropReportedNotTuned() throws IOException {
    PointCloud in = read("sample_c.las");
    ClassificationScore s = ClassificationScore.of(in, Smrf.classify(in).cloud(), 2);
    System.out.println("SMRF sample_c.las (roofs over 87 % of the crop): " + s);
    // the roofs cover most of the crop: the lowest surface of the grid is roof, as expected
    assertTrue(s.typeII() > 0.5, s.toString());
  }

  @Test
  void classify_keepsOrderAndOtherDimensions_andIsDeterministic() throws IOException {
    PointCloud in = read("ahn3_cropped_2.laz");
    PointCloud a = Smrf.classify(in).cloud();
    PointCloud b = Smrf.classify(in).cloud();
    assertArrayEquals(a.classifications(), b.classifications());
    for (long i = 0; i < in.size(); i += 97) {
      PointChunk p = in.chunkOf(i);
      PointChunk q = a.chunkOf(i);
      int j = (int) i & PointCloud.CHUNK_MASK;
      assertEquals(p.rawX(j), q.rawX(j));
      assertEquals(p.rawZ(j), q.rawZ(j));
      assertEquals(p.gpsTime(j), q.gpsTime(j), 0);
      assertEquals(p.intensity(j), q.intensity(j));
      assertEquals(p.returnNumber(j), q.returnNumber(j));
    }
    for (long i = 0; i < in.size(); i++) {
      int k = a.classification(i);
      assertTrue(k == 1 || k == 2, "only ground and other are written: " + k);
    }
  }

  @Test
  void reclassifyGround_keepsBuildingsAndWater_replacesTheGround() throws IOException {
    PointCloud in = read("ahn3_cropped_2.laz");
    PointCloud smrf = Smrf.classify(in).cloud();
    PointCloud kept = Smrf.reclassifyGround(in, SmrfOptions.defaults());
    byte[] a = in.classifications();
    byte[] b = kept.classifications();
    byte[] g = smrf.classifications();
    long[] before = in.classCounts();
    long[] after = kept.classCounts();
    assertEquals(smrf.classCounts()[2], after[2]);
    long buildingsToGround = 0;
    for (int i = 0; i < a.length; i++) {
      if (g[i] == 2) {
        assertEquals(2, b[i]);
      } else if (a[i] == 2) {
        assertEquals(1, b[i]);
      } else {
        assertEquals(a[i], b[i]);
      }
      if (a[i] == 6 && b[i] == 2) {
        buildingsToGround++;
      }
    }
    // SMRF takes few building points for ground: the building class survives for reconstruction
    assertEquals(before[6] - buildingsToGround, after[6]);
    assertTrue(buildingsToGround < before[6] / 100, buildingsToGround + " of " + before[6]);
    assertEquals(in.size(), kept.size());
  }

  @Test
  void classify_syntheticBlockOnSlope_blockIsNotGround() {
    // a 60 m x 60 m plane rising 5 % in x, 1 point per 0.5 m, with a 10 m x 10 m x 8 m block
    SyntheticCloud s = new SyntheticCloud();
    for (int i = 0; i < 120; i++) {
      for (int j = 0; j < 120; j++) {
        double x = i * 0.5;
        double y = j * 0.5;
        boolean roof = x >= 25 && x < 35 && y >= 25 && y < 35;
        s.add(x, y, 0.05 * x + (roof ? 8 : 0), roof ? 6 : 2);
      }
    }
    PointCloud in = s.build();
    ClassificationScore score = ClassificationScore.of(in, Smrf.classify(in).cloud(), 2);
    assertEquals(0, score.groundAsObject(), score.toString());
    assertEquals(0, score.objectAsGround(), score.toString());
  }
}
