// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.benchmarks.mesh;

import com.github.mreutegg.laszip4j.CloseablePointIterable;
import com.github.mreutegg.laszip4j.LASPoint;
import com.github.mreutegg.laszip4j.LASReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tinfour.common.Vertex;
import org.tinfour.standard.IncrementalTin;
import org.tinfour.utils.HilbertSort;
import org.twin4j.core.io.WarningListener;
import org.twin4j.mesh.Terrain;
import org.twin4j.pointcloud.LasFiles;
import org.twin4j.pointcloud.LasReadOptions;
import org.twin4j.pointcloud.PointCloud;

/**
 * LAZ to terrain, end to end on the AHN3 tiles: read, take the ground points (class 2), build the
 * TIN. {@code twin}: {@link LasFiles#read} (LAZ decoded on both cores) and {@link Terrain#simplify}
 * within 0.1 m. {@code laszip4j+tinfour}: laszip4j's reader loop and Tinfour's {@code
 * IncrementalTin} of all ground points (Tinfour has no error-bounded simplification, so it
 * triangulates every point: the usual Java pipeline). Ground points per second is the tile's ground
 * count over the score (ahn3_cropped_1: 195 988 of 640 510; ahn3_cropped_2: 87 130 of 208 432).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xms4g", "-Xmx4g", "--add-opens=java.base/java.nio=ALL-UNNAMED"})
public class TerrainBenchmark {

  /** The tile and the pipeline. */
  @State(Scope.Benchmark)
  public static class Input {
    @Param({"ahn3_cropped_1.laz", "ahn3_cropped_2.laz"})
    public String tile;

    @Param({"twin", "laszip4j+tinfour"})
    public String impl;

    Path file;

    @Setup(Level.Trial)
    public void locate() {
      file = Path.of(System.getProperty("twin.data.dir", "data"), "lidar", tile);
    }
  }

  /**
   * Reads the tile and builds its terrain.
   *
   * @param in the input
   * @return the TIN
   * @throws Exception if reading fails
   */
  @Benchmark
  public Object terrain(Input in) throws Exception {
    if (in.impl.equals("twin")) {
      PointCloud c =
          LasFiles.read(in.file, LasReadOptions.defaults().withListener(WarningListener.silent()));
      double[][] g = c.coordinates((ch, i) -> ch.classification(i) == 2);
      return Terrain.simplify(g[0], g[1], g[2], 0.1);
    }
    List<Vertex> ground = new ArrayList<>();
    try (CloseablePointIterable points = new LASReader(in.file.toFile()).getCloseablePoints()) {
      int i = 0;
      for (LASPoint p : points) {
        if ((p.getClassification() & 31) == 2) {
          ground.add(new Vertex(p.getX() * 0.001, p.getY() * 0.001, p.getZ() * 0.001, i));
        }
        i++;
      }
    }
    new HilbertSort().sort(ground);
    IncrementalTin tin = new IncrementalTin(1.0);
    tin.add(ground, null);
    return tin;
  }
}
