// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.benchmarks.pointcloud;

import java.io.IOException;
import java.nio.file.Files;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.twin4j.core.io.WarningListener;
import org.twin4j.pointcloud.LasFiles;
import org.twin4j.pointcloud.LasWriteOptions;
import org.twin4j.pointcloud.PointCloud;

/**
 * Writing LAZ with twin4j's own LASzip coder, the whole file from a cloud in memory: the AHN3 tile
 * (format 1, pointwise version-2 items, 640 510 points) and the IGN file (format 8 with NIR and 3
 * extra bytes, layered version-3 items, 697 721 points), on one thread and on two. No JVM library
 * can write LAZ (laszip4j's compressors are stubs), so there is no peer in this run; {@code las-1t}
 * writes the same cloud as plain LAS for scale.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xms4g", "-Xmx4g", "--add-opens=java.base/java.nio=ALL-UNNAMED"})
public class LazWriteBenchmark {

  /** The cloud and the writer. */
  @State(Scope.Benchmark)
  public static class Input {
    @Param({"ahn3-laz", "ign14-laz"})
    public String sample;

    @Param({"laz-1t", "laz-2t", "las-1t"})
    public String impl;

    PointCloud cloud;
    Path out;
    LasWriteOptions options;

    @Setup(Level.Trial)
    public void load() throws IOException {
      cloud = LidarSamples.read(LidarSamples.file(sample));
      out = Files.createTempFile("twin-write-", impl.startsWith("laz") ? ".laz" : ".las");
      options =
          LasWriteOptions.defaults()
              .withListener(WarningListener.silent())
              .withThreads(impl.equals("laz-2t") ? 2 : 1);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
      Files.deleteIfExists(out);
    }
  }

  /**
   * Writes the cloud.
   *
   * @param in the cloud and the target
   * @return the file's size
   * @throws IOException if writing fails
   */
  @Benchmark
  public long write(Input in) throws IOException {
    LasFiles.write(in.cloud, in.out, in.options);
    return Files.size(in.out);
  }
}
