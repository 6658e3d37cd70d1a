// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.twin4j.core.io.ReadWarning;

/** The real LiDAR files in {@code data/lidar}, found through the {@code twin.data.dir} property. */
final class LidarData {

  static final String[] ALL = {
    "autzen_trim.las",
    "autzen_trim.laz",
    "ahn3_cropped_1.laz",
    "ahn3_cropped_2.laz",
    "file_with_both_wkt_and_geotiff_vlrs.las",
    "las_with_several_extra_byte_bloc.laz",
    "warsaw_small.las",
    "sample_c.las"
  };

  private LidarData() {}

  /** Every sample file, for {@code @MethodSource("org.twin4j.pointcloud.LidarData#all")}. */
  static String[] all() {
    return ALL.clone();
  }

  static Path file(String name) {
    String dir = System.getProperty("twin.data.dir", "../data");
    Path p = Path.of(dir, "lidar", name);
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException(
          "sample file missing: " + p.toAbsolutePath() + " (set -Dtwin.data.dir)");
    }
    return p;
  }

  /** Reads a file, collecting its warnings. */
  static PointCloud read(String name, List<ReadWarning> warnings) throws java.io.IOException {
    return LasFiles.read(file(name), LasReadOptions.defaults().withListener(warnings::add));
  }

  static PointCloud read(String name) throws java.io.IOException {
    return read(name, new ArrayList<>());
  }

  /** Asserts that two clouds hold the same points in every dimension the first has. */
  static void assertSamePoints(PointCloud a, PointCloud b, boolean sameFormat) {
    org.junit.jupiter.api.Assertions.assertEquals(a.size(), b.size(), "point count");
    for (long i = 0; i < a.size(); i++) {
      PointChunk p = a.chunkOf(i);
      PointChunk q = b.chunkOf(i);
      int j = (int) i & PointCloud.CHUNK_MASK;
      String at = "point " + i;
      org.junit.jupiter.api.Assertions.assertEquals(p.x(j), q.x(j), 0, at);
      org.junit.jupiter.api.Assertions.assertEquals(p.y(j), q.y(j), 0, at);
      org.junit.jupiter.api.Assertions.assertEquals(p.z(j), q.z(j), 0, at);
      org.junit.jupiter.api.Assertions.assertEquals(p.intensity(j), q.intensity(j), at);
      org.junit.jupiter.api.Assertions.assertEquals(p.returnNumber(j), q.returnNumber(j), at);
      org.junit.jupiter.api.Assertions.assertEquals(p.numberOfReturns(j), q.numberOfReturns(j), at);
      org.junit.jupiter.api.Assertions.assertEquals(p.classification(j), q.classification(j), at);
      org.junit.jupiter.api.Assertions.assertEquals(
          p.classificationFlags(j), q.classificationFlags(j), at);
      org.junit.jupiter.api.Assertions.assertEquals(p.scanDirection(j), q.scanDirection(j), at);
      org.junit.jupiter.api.Assertions.assertEquals(
          p.edgeOfFlightLine(j), q.edgeOfFlightLine(j), at);
      org.junit.jupiter.api.Assertions.assertEquals(
          p.scanAngleDegrees(j), q.scanAngleDegrees(j), sameFormat ? 0 : 0.5, at);
      org.junit.jupiter.api.Assertions.assertEquals(p.userData(j), q.userData(j), at);
      org.junit.jupiter.api.Assertions.assertEquals(p.pointSourceId(j), q.pointSourceId(j), at);
      org.junit.jupiter.api.Assertions.assertEquals(
          Double.doubleToLongBits(p.gpsTime(j)), Double.doubleToLongBits(q.gpsTime(j)), at);
      org.junit.jupiter.api.Assertions.assertEquals(p.red(j), q.red(j), at);
      org.junit.jupiter.api.Assertions.assertEquals(p.green(j), q.green(j), at);
      org.junit.jupiter.api.Assertions.assertEquals(p.blue(j), q.blue(j), at);
      if (sameFormat) {
        org.junit.jupiter.api.Assertions.assertEquals(p.scannerChannel(j), q.scannerChannel(j), at);
        org.junit.jupiter.api.Assertions.assertEquals(p.nir(j), q.nir(j), at);
        org.junit.jupiter.api.Assertions.assertArrayEquals(p.extraBytes(j), q.extraBytes(j), at);
      }
    }
  }
}
