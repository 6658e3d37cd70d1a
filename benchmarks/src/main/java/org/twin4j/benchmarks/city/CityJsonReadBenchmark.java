// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.benchmarks.city;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.citygml4j.cityjson.CityJSONContext;
import org.citygml4j.cityjson.reader.CityJSONInputFactory;
import org.citygml4j.cityjson.reader.CityJSONReader;
import org.citygml4j.core.model.core.AbstractFeature;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jol.info.GraphLayout;
import org.twin4j.citygml.CityFiles;
import org.twin4j.citygml.ReadOptions;
import org.twin4j.core.io.WarningListener;
import org.twin4j.core.model.CitySnapshot;

/**
 * Reads a CityJSON file into memory. {@code twin}: {@link CityFiles#read} into a {@link
 * CitySnapshot}. {@code citygml4j}: citygml4j's CityJSON reader parsing the whole file into its
 * object model, nothing else. Retained heap as in {@link CityGmlReadBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-Djol.magicFieldOffset=true"})
public class CityJsonReadBenchmark {

  static {
    System.setProperty("jol.magicFieldOffset", "true");
  }

  /** The file and the implementation. */
  @State(Scope.Benchmark)
  public static class Input {
    @Param({"delft", "zurich", "synthetic-zurich"})
    public String sample;

    @Param({"twin", "citygml4j"})
    public String impl;

    Path file;
    CityJSONInputFactory citygml4j;

    @Setup(Level.Trial)
    public void open() throws Exception {
      file = Samples.file(sample);
      citygml4j = CityJSONContext.newInstance().createCityJSONInputFactory();
    }
  }

  /** The retained heap of the result, beside the time. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Heap {
    /** Megabytes of heap the result keeps. */
    public double retainedMB;
  }

  static Object parse(Input in) throws Exception {
    if (in.impl.equals("twin")) {
      CitySnapshot model =
          CityFiles.read(in.file, new ReadOptions(WarningListener.silent())).model();
      if (model.size() == 0) {
        throw new IllegalStateException("nothing read from " + in.file);
      }
      return model;
    }
    List<AbstractFeature> features = new ArrayList<>();
    try (CityJSONReader r = in.citygml4j.createCityJSONReader(in.file)) {
      while (r.hasNext()) {
        features.add(r.next());
      }
    }
    return features;
  }

  /**
   * Reads the whole file.
   *
   * @param in the input
   * @return the result, for the blackhole
   * @throws Exception if reading fails
   */
  @Benchmark
  public Object read(Input in) throws Exception {
    return parse(in);
  }

  /**
   * Measures the heap the result of one read retains, with JOL over the whole object graph, as the
   * auxiliary counter {@code retainedMB}; one single-shot iteration, so that JMH's sum of the
   * counter over iterations is the value itself. Its time score means nothing.
   *
   * @param in the input
   * @param heap the counter
   * @return the result
   * @throws Exception if reading fails
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public Object heap(Input in, Heap heap) throws Exception {
    Object result = parse(in);
    heap.retainedMB = GraphLayout.parseInstance(result).totalSize() / 1e6;
    System.out.printf(
        "%n# retained heap, %s, %s (%.1f MB file): %.1f MB (JOL, whole object graph)%n",
        in.impl, in.sample, Files.size(in.file) / 1e6, heap.retainedMB);
    return result;
  }
}
