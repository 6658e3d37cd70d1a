// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twin4j.core.io.ReadWarning;
import org.twin4j.pointcloud.PointCloud;
import org.twin4j.pointcloud.filter.ClassificationScore;
import org.twin4j.pointcloud.filter.OutlierFilter;
import org.twin4j.pointcloud.filter.Smrf;
import org.twin4j.pointcloud.filter.SmrfOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code twin ground IN -o OUT}: SMRF ground classification. */
@Command(
    name = "ground",
    mixinStandardHelpOptions = true,
    description = {
      "Classify ground with SMRF (Pingel et al. 2013, PDAL filters.smrf's steps and defaults):",
      "ground points get class 2, other last/single returns class 1, earlier returns of a",
      "multi-return pulse class 1; noise (7, 18) keeps its class. Points keep their order and",
      "every other dimension. Lengths are in the units of the file's CRS, as in PDAL."
    })
final class GroundCommand implements Callable<Integer> {

  @Spec private CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN", description = "LAS, LAZ or Arrow IPC input.")
  private Path in;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT",
      description = "Output .las, .laz or .arrow; appears only on success.")
  private Path out;

  @Option(names = "--cell", defaultValue = "1.0", description = "Grid cell size (default 1).")
  private double cell;

  @Option(names = "--slope", defaultValue = "0.15", description = "Slope tolerance (0.15).")
  private double slope;

  @Option(names = "--window", defaultValue = "18.0", description = "Largest window radius (18).")
  private double window;

  @Option(names = "--threshold", defaultValue = "0.5", description = "Elevation threshold (0.5).")
  private double threshold;

  @Option(names = "--scalar", defaultValue = "1.25", description = "Slope scalar (1.25).")
  private double scalar;

  @Option(
      names = "--all-returns",
      description = "Let every return be ground, not only last and single returns.")
  private boolean allReturns;

  @Option(
      names = "--noise",
      description = "First class statistical outliers (k 8, 2 sigma) as noise (7).")
  private boolean noise;

  @Option(
      names = "--score",
      description = "Score the result against the input's own classes (ground 2 vs objects 3-6).")
  private boolean score;

  @Option(
      names = "--las-version",
      defaultValue = "1.4",
      description = "LAS version of a .las output: 1.2 or 1.4 (default).")
  private String lasVersion;

  @Override
  public Integer call() throws IOException {
    List<ReadWarning> warnings = new ArrayList<>();
    PrintWriter w = spec.commandLine().getOut();
    long t0 = System.nanoTime();
    PointCloud input = PointFiles.read(in, warnings);
    long t1 = System.nanoTime();
    PointCloud cloud = input;
    if (noise) {
      OutlierFilter.Result o = OutlierFilter.find(cloud, 8, 2);
      cloud = OutlierFilter.classify(cloud, o);
      w.printf(
          Locale.ROOT,
          "noise:   %d statistical outliers classed 7 (mean kNN distance > %.3f)%n",
          o.count(),
          o.threshold());
    }
    SmrfOptions options;
    try {
      options =
          new SmrfOptions(
              cell, slope, window, threshold, scalar, !allReturns, new int[] {7, 18}, 2, 1);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Smrf.Result r = Smrf.classify(cloud, options);
    long t2 = System.nanoTime();
    PointFiles.write(r.cloud(), out, lasVersion, warnings);
    long t3 = System.nanoTime();
    w.printf(
        Locale.ROOT, "points:  %d read from %s in %.0f ms%n", input.size(), in, (t1 - t0) / 1e6);
    w.printf(
        Locale.ROOT,
        "smrf:    %d ground, %d other, %d left alone (grid %d x %d) in %.0f ms%n",
        r.ground(),
        r.other(),
        r.ignored(),
        r.rows(),
        r.cols(),
        (t2 - t1) / 1e6);
    long[] k = r.cloud().classCounts();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 256; i++) {
      if (k[i] > 0) {
        sb.append(sb.length() == 0 ? "" : ", ").append(i).append(": ").append(k[i]);
      }
    }
    w.println("classes: " + sb);
    if (score) {
      w.println("score:   " + ClassificationScore.of(input, r.cloud(), 2));
    }
    w.printf(Locale.ROOT, "written: %s in %.0f ms%n", out, (t3 - t2) / 1e6);
    for (ReadWarning x : warnings) {
      w.println("warning: " + x.kind() + ": " + x.message());
    }
    w.flush();
    return 0;
  }
}
