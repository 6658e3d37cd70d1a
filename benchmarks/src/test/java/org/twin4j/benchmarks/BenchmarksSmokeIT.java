// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark once, in single-shot mode on the smallest size, in this JVM: it proves they
 * run and that each implementation's setup check (its answers equal brute force) passes. It
 * measures nothing worth reading.
 */
class BenchmarksSmokeIT {

  @Test
  void everyBenchmarkRunsOnceAndEveryPeerIsPresent() throws RunnerException {
    Set<String> seen = new TreeSet<>();
    run(
        "org\\.twin4j\\.benchmarks\\.(index|model)\\..*",
        "size",
        new String[] {"1000", "10000"},
        seen);
    run(
        "org\\.twin4j\\.benchmarks\\.city\\.CityGml.*",
        "sample",
        new String[] {"fzk-3.0", "lod3-2.0"},
        seen);
    run("org\\.twin4j\\.benchmarks\\.city\\.CityJson.*", "sample", new String[] {"zurich"}, seen);
    run(
        "org\\.twin4j\\.benchmarks\\.pointcloud\\.PointRead.*",
        "sample",
        new String[] {"autzen-las", "autzen-laz"},
        seen);
    run("org\\.twin4j\\.benchmarks\\.pointcloud\\.Ground.*", "tiles", new String[] {"1"}, seen);
    run("org\\.twin4j\\.benchmarks\\.mesh\\.Triangulation.*", "size", new String[] {"1000"}, seen);
    run(
        "org\\.twin4j\\.benchmarks\\.mesh\\.Terrain.*",
        "tile",
        new String[] {"ahn3_cropped_2.laz"},
        seen);
    run(
        "org\\.twin4j\\.benchmarks\\.building\\.Reconstruction.*",
        "impl",
        new String[] {"twin-2t", "jts"},
        seen);
    run(
        "org\\.twin4j\\.benchmarks\\.building\\.DemoStages.*",
        "stage",
        new String[] {"read", "ground", "buildings", "cityjson", "glb"},
        seen);
    assertTrue(seen.contains("window/jts-hprtree"), seen.toString());
    assertTrue(seen.contains("nearest/jts-strtree"), seen.toString());
    assertTrue(seen.contains("build/jts"), seen.toString());
    assertTrue(seen.contains("CityGmlReadBenchmark.read/citygml4j"), seen.toString());
    assertTrue(seen.contains("CityJsonReadBenchmark.read/citygml4j"), seen.toString());
    assertTrue(seen.contains("PointReadBenchmark.read/laszip4j"), seen.toString());
    assertTrue(seen.contains("PointReadBenchmark.read/twin-2t"), seen.toString());
    assertTrue(seen.contains("GroundBenchmark.classify/null"), seen.toString());
    assertTrue(seen.contains("TriangulationBenchmark.triangulate/tinfour"), seen.toString());
    assertTrue(seen.contains("TriangulationBenchmark.triangulate/jts"), seen.toString());
    assertTrue(seen.contains("TerrainBenchmark.terrain/laszip4j+tinfour"), seen.toString());
    assertTrue(seen.contains("ReconstructionBenchmark.lod1/jts"), seen.toString());
    assertTrue(seen.contains("ReconstructionBenchmark.lod2/twin-2t"), seen.toString());
    assertTrue(seen.contains("DemoStagesBenchmark.stage/null"), seen.toString());
    assertEquals(false, seen.contains("nearest/jts-hprtree"), "HPRtree has no k-nearest query");
  }

  private static void run(String include, String param, String[] values, Set<String> seen)
      throws RunnerException {
    Options opt =
        new OptionsBuilder()
            .include(include)
            .mode(Mode.SingleShotTime)
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(1))
            .param(param, values)
            .shouldFailOnError(true)
            .build();
    Collection<RunResult> results = new Runner(opt).run();
    for (RunResult r : results) {
      String benchmark = r.getParams().getBenchmark();
      String method = benchmark.replaceAll(".*\\.", "");
      if (benchmark.contains(".city.")
          || benchmark.contains(".pointcloud.")
          || benchmark.contains(".mesh.")
          || benchmark.contains(".building.")) {
        method = benchmark.replaceAll(".*\\.([A-Za-z]+\\.[a-z0-9]+)$", "$1");
      }
      String label = method + "/" + r.getParams().getParam("impl");
      seen.add(label);
      assertFalse(Double.isNaN(r.getPrimaryResult().getScore()), label);
    }
  }
}
