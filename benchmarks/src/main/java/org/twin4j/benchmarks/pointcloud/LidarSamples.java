// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.benchmarks.pointcloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.twin4j.core.io.WarningListener;
import org.twin4j.pointcloud.LasFiles;
import org.twin4j.pointcloud.LasReadOptions;
import org.twin4j.pointcloud.LasWriteOptions;
import org.twin4j.pointcloud.PointChunk;
import org.twin4j.pointcloud.PointCloud;

/** The real LiDAR samples by short name, and synthetic clouds replicated from them. */
final class LidarSamples {

  private static final Map<String, Path> SYNTHETIC = new ConcurrentHashMap<>();

  private LidarSamples() {}

  static Path data() {
    Path dir = Path.of(System.getProperty("twin.data.dir", "data"));
    if (!Files.isDirectory(dir.resolve("lidar"))) {
      throw new IllegalStateException(
          "no sample data in "
              + dir.toAbsolutePath()
              + ": run from the project root or set -Dtwin.data.dir");
    }
    return dir.resolve("lidar");
  }

  static Path file(String name) {
    switch (name) {
      case "autzen-las":
        return data().resolve("autzen_trim.las");
      case "autzen-laz":
        return data().resolve("autzen_trim.laz");
      case "ahn3-laz":
        return data().resolve("ahn3_cropped_1.laz");
      case "ign14-laz":
        return data().resolve("las_with_several_extra_byte_bloc.laz");
      case "ahn3x16-las":
        return SYNTHETIC.computeIfAbsent(name, k -> replicatedLas(file("ahn3-laz"), 4));
      default:
        throw new IllegalArgumentException("unknown sample " + name);
    }
  }

  static PointCloud read(Path p) {
    try {
      return LasFiles.read(p, LasReadOptions.defaults().withListener(WarningListener.silent()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A cloud of {@code side * side} copies of a real tile, laid side by side (new positions, same
   * heights, every other dimension copied).
   */
  static PointCloud replicate(PointCloud tile, int side) {
    double w = tile.bounds().maxX() - tile.bounds().minX() + 1;
    double h = tile.bounds().maxY() - tile.bounds().minY() + 1;
    PointCloud.Builder b = PointCloud.builder(tile.schema()).crs(tile.crs().orElse(null));
    for (int i = 0; i < side; i++) {
      for (int j = 0; j < side; j++) {
        for (PointChunk c : tile.chunks()) {
          for (int k = 0; k < c.size(); k++) {
            b.add(c, k, i * w, j * h, 0);
          }
        }
      }
    }
    return b.build();
  }

  /** A plain LAS file of {@code side²} copies of a sample (made once, deleted at exit). */
  private static Path replicatedLas(Path sample, int side) {
    try {
      Path p = Files.createTempFile("twin-synthetic-", ".las");
      p.toFile().deleteOnExit();
      LasFiles.write(replicate(read(sample), side), p, LasWriteOptions.defaults());
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
