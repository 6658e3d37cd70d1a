// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.benchmarks.pointcloud;

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
import org.twin4j.pointcloud.PointCloud;
import org.twin4j.pointcloud.filter.OutlierFilter;
import org.twin4j.pointcloud.filter.Smrf;

/**
 * SMRF ground classification with PDAL's defaults on the AHN3 tile (640 510 points, Delft) and on
 * copies of it laid side by side (n × n tiles). No JVM library offers SMRF or another ground
 * filter, so there is no peer in this run: the reference is PCL's approximate progressive
 * morphological filter at ~0.65 M points/s on this machine (C++). {@code outliers} times the
 * statistical outlier search (k = 8) on the same points, the other filter of the demo's chain.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xms6g", "-Xmx6g", "--add-opens=java.base/java.nio=ALL-UNNAMED"})
public class GroundBenchmark {

  /** The cloud: the tile repeated {@code tiles × tiles} times. */
  @State(Scope.Benchmark)
  public static class Input {
    /** 1: 0.64 M points, 2: 2.6 M, 4: 10.2 M. */
    @Param({"1", "2", "4"})
    public int tiles;

    PointCloud cloud;

    @Setup(Level.Trial)
    public void load() {
      PointCloud tile = LidarSamples.read(LidarSamples.file("ahn3-laz"));
      cloud = tiles == 1 ? tile : LidarSamples.replicate(tile, tiles);
      System.out.printf("%n# %d points%n", cloud.size());
    }
  }

  /**
   * Classifies ground.
   *
   * @param in the cloud
   * @return the result
   */
  @Benchmark
  public Smrf.Result classify(Input in) {
    return Smrf.classify(in.cloud);
  }

  /**
   * Finds statistical outliers (k = 8, 2 sigma).
   *
   * @param in the cloud
   * @return the result
   */
  @Benchmark
  public OutlierFilter.Result outliers(Input in) {
    return OutlierFilter.find(in.cloud, 8, 2);
  }
}
