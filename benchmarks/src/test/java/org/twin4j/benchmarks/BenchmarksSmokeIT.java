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
    Options opt =
        new OptionsBuilder()
            .include("org\\.twin4j\\.benchmarks\\..*")
            .mode(Mode.SingleShotTime)
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(1))
            .param("size", "1000", "10000")
            .shouldFailOnError(true)
            .build();
    Collection<RunResult> results = new Runner(opt).run();
    Set<String> seen = new TreeSet<>();
    for (RunResult r : results) {
      String label =
          r.getParams().getBenchmark().replaceAll(".*\\.", "")
              + "/"
              + r.getParams().getParam("impl");
      seen.add(label);
      assertFalse(Double.isNaN(r.getPrimaryResult().getScore()), label);
    }
    assertTrue(seen.contains("window/jts-hprtree"), seen.toString());
    assertTrue(seen.contains("nearest/jts-strtree"), seen.toString());
    assertTrue(seen.contains("build/jts"), seen.toString());
    assertEquals(false, seen.contains("nearest/jts-hprtree"), "HPRtree has no k-nearest query");
  }
}
