// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.benchmarks.pointcloud;

import com.github.mreutegg.laszip4j.CloseablePointIterable;
import com.github.mreutegg.laszip4j.LASPoint;
import com.github.mreutegg.laszip4j.LASReader;
import java.nio.file.Path;
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
import org.twin4j.core.io.WarningListener;
import org.twin4j.pointcloud.LasFiles;
import org.twin4j.pointcloud.LasReadOptions;
import org.twin4j.pointcloud.PointCloud;
import org.twin4j.pointcloud.PointDimension;

/**
 * Reads a LAS or LAZ file from a warm page cache. {@code twin-1t}/{@code twin-2t}: {@link
 * LasFiles#read} into a columnar {@link PointCloud}, every dimension decoded, on one or two threads
 * (LAZ chunks, or runs of plain LAS chunks, decoded in parallel). {@code twin-xyzc}: the same on
 * one thread keeping x, y, z and classification only ({@link LasReadOptions#withDimensions}), the
 * fields laszip4j's loop touches. {@code laszip4j}: laszip4j's own {@code LASReader} loop touching
 * x, y, z and classification of every point, nothing kept. Points per file: autzen 110 000, ahn3
 * 640 510, ign14 697 721, ahn3x16 (16 copies of the AHN3 tile as plain LAS) 10 248 160; points per
 * second is that over the score.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {
      "-Xms4g",
      "-Xmx4g",
      "-XX:+AlwaysPreTouch",
      "--add-opens=java.base/java.nio=ALL-UNNAMED"
    })
public class PointReadBenchmark {

  /** The file and the implementation. */
  @State(Scope.Benchmark)
  public static class Input {
    @Param({"autzen-las", "ahn3x16-las", "autzen-laz", "ahn3-laz", "ign14-laz"})
    public String sample;

    @Param({"twin-1t", "twin-2t", "twin-xyzc", "laszip4j"})
    public String impl;

    Path file;
    LasReadOptions options;

    @Setup(Level.Trial)
    public void open() {
      file = LidarSamples.file(sample);
      options =
          LasReadOptions.defaults()
              .withListener(WarningListener.silent())
              .withThreads(impl.equals("twin-2t") ? 2 : 1);
      if (impl.equals("twin-xyzc")) {
        options = options.withDimensions(PointDimension.CLASSIFICATION);
      }
    }
  }

  /**
   * Reads every point of the file.
   *
   * @param in the input
   * @return the result, for the blackhole
   * @throws Exception if reading fails
   */
  @Benchmark
  public Object read(Input in) throws Exception {
    if (in.impl.startsWith("twin")) {
      PointCloud c = LasFiles.read(in.file, in.options);
      return c;
    }
    long sum = 0;
    long n = 0;
    try (CloseablePointIterable points = new LASReader(in.file.toFile()).getCloseablePoints()) {
      for (LASPoint p : points) {
        sum += p.getX() + p.getY() + p.getZ() + p.getClassification();
        n++;
      }
    }
    if (n == 0) {
      throw new IllegalStateException("no points in " + in.file);
    }
    return sum;
  }
}
