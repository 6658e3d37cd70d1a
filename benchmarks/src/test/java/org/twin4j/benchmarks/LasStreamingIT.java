// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twin4j.core.io.WarningListener;
import org.twin4j.pointcloud.LasFiles;
import org.twin4j.pointcloud.LasReadOptions;
import org.twin4j.pointcloud.LasReader;
import org.twin4j.pointcloud.LasWriteOptions;
import org.twin4j.pointcloud.LasWriter;
import org.twin4j.pointcloud.PointChunk;
import org.twin4j.pointcloud.PointCloud;

/**
 * A LAS file larger than the heap (this JVM runs with -Xmx512m), streamed chunk by chunk: 32 copies
 * of the real AHN3 tile side by side, 20.5 M points in 574 MB, written one copy at a time and read
 * back with every point seen once and the class counts 32 times the tile's.
 */
class LasStreamingIT {

  private static final int COPIES = 32;

  @TempDir Path dir;

  @Test
  void readLargerThanHeap_everyPointOnce() throws Exception {
    Path sample =
        Path.of(System.getProperty("twin.data.dir", "data"), "lidar", "ahn3_cropped_1.laz");
    LasReadOptions options = LasReadOptions.defaults().withListener(WarningListener.silent());
    PointCloud tile = LasFiles.read(sample, options);
    double w = tile.bounds().maxX() - tile.bounds().minX() + 1;
    Path big = dir.resolve("big.las");
    LasWriter writer =
        LasWriter.open(
            big, tile.schema(), tile.header().orElseThrow(), null, LasWriteOptions.defaults());
    for (int k = 0; k < COPIES; k++) {
      PointCloud.Builder b = PointCloud.builder(tile.schema());
      for (PointChunk c : tile.chunks()) {
        for (int i = 0; i < c.size(); i++) {
          b.add(c, i, k * w, 0, 0);
        }
      }
      writer.write(b.build());
    }
    writer.close();
    long bytes = Files.size(big);
    assertTrue(
        bytes > Runtime.getRuntime().maxMemory(),
        bytes + " B file, heap " + Runtime.getRuntime().maxMemory());

    long[] expected = tile.classCounts();
    long[] counts = new long[256];
    long points = 0;
    double maxX = Double.NEGATIVE_INFINITY;
    long gpsSum = 0;
    try (LasReader r = LasFiles.openReader(big, options)) {
      while (r.hasNext()) {
        PointChunk c = r.next();
        for (int i = 0; i < c.size(); i++) {
          counts[c.classification(i)]++;
          maxX = Math.max(maxX, c.x(i));
          gpsSum += (long) c.gpsTime(i);
        }
        points += c.size();
      }
    }
    assertEquals(COPIES * tile.size(), points);
    for (int k = 0; k < 256; k++) {
      assertEquals(COPIES * expected[k], counts[k], "class " + k);
    }
    assertEquals(tile.bounds().maxX() + (COPIES - 1) * w, maxX, 1e-6);
    long tileGps = 0;
    for (PointChunk c : tile.chunks()) {
      for (int i = 0; i < c.size(); i++) {
        tileGps += (long) c.gpsTime(i);
      }
    }
    assertEquals(COPIES * tileGps, gpsSum, "every point's GPS time seen once");
  }
}
