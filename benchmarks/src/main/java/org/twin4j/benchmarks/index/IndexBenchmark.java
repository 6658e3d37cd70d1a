// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.benchmarks.index;

import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.ItemVisitor;
import org.locationtech.jts.index.hprtree.HPRtree;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;
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
import org.twin4j.index.rtree.PackedRTree2D;

/**
 * twin4j's packed Hilbert R-tree against JTS's STRtree and HPRtree on building-sized boxes: bulk
 * build, window queries returning about 50 boxes, and the 10 nearest boxes to a point. Every
 * implementation answers the same queries; setup checks that they agree.
 *
 * <p>HPRtree has no k-nearest query, so {@code nearest} runs {@code twin} and {@code jts-strtree}
 * only (its state class has its own {@code impl} parameter).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgs = {"-Xms4g", "-Xmx4g"})
public class IndexBenchmark {

  static final int QUERIES = 1 << 12;
  static final int MASK = QUERIES - 1;
  static final int K = 10;

  /** The data and the prepared queries. */
  @State(Scope.Benchmark)
  public static class Data {
    @Param({"1000", "100000", "1000000"})
    public int size;

    @Param({"42"})
    public long seed;

    BuildingBoxes boxes;
    double[] windows;
    double[] points;
    Envelope[] envelopes;
    Integer[] items;

    @Setup(Level.Trial)
    public void generate() {
      boxes = new BuildingBoxes(size, seed);
      windows = boxes.windows(QUERIES, seed + 1);
      points = boxes.points(QUERIES, seed + 2);
      envelopes = new Envelope[size];
      items = new Integer[size];
      double[] b = boxes.bounds;
      for (int i = 0; i < size; i++) {
        envelopes[i] = new Envelope(b[4 * i], b[4 * i + 2], b[4 * i + 1], b[4 * i + 3]);
        items[i] = i;
      }
    }

    PackedRTree2D buildTwin() {
      PackedRTree2D.Builder builder = PackedRTree2D.builder(size);
      double[] b = boxes.bounds;
      for (int i = 0; i < size; i++) {
        builder.add(i, b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]);
      }
      return builder.build();
    }

    STRtree buildStr() {
      STRtree t = new STRtree();
      for (int i = 0; i < size; i++) {
        t.insert(envelopes[i], items[i]);
      }
      t.build();
      return t;
    }

    HPRtree buildHpr() {
      HPRtree t = new HPRtree();
      for (int i = 0; i < size; i++) {
        t.insert(envelopes[i], items[i]);
      }
      t.build();
      return t;
    }
  }

  /** Counts visited items; the count is the benchmark's result. */
  static final class Counter implements ItemVisitor, java.util.function.IntConsumer {
    int count;

    @Override
    public void visitItem(Object item) {
      count++;
    }

    @Override
    public void accept(int id) {
      count++;
    }
  }

  /** A built index of one implementation, for the window queries. */
  @State(Scope.Benchmark)
  public static class WindowIndex {
    @Param({"twin", "jts-strtree", "jts-hprtree"})
    public String impl;

    PackedRTree2D twin;
    STRtree str;
    HPRtree hpr;
    int next;

    @Setup(Level.Trial)
    public void build(Data d) {
      twin = impl.equals("twin") ? d.buildTwin() : null;
      str = impl.equals("jts-strtree") ? d.buildStr() : null;
      hpr = impl.equals("jts-hprtree") ? d.buildHpr() : null;
      // the answers must agree with a brute-force count before any timing
      for (int q = 0; q < 64; q++) {
        int expected = bruteCount(d, q);
        int got = window(d, q);
        if (got != expected) {
          throw new IllegalStateException(
              impl + " window " + q + " found " + got + ", brute force " + expected);
        }
      }
    }

    int window(Data d, int q) {
      double[] w = d.windows;
      int o = 4 * q;
      Counter c = new Counter();
      if (twin != null) {
        twin.search(w[o], w[o + 1], w[o + 2], w[o + 3], c);
      } else if (str != null) {
        str.query(new Envelope(w[o], w[o + 2], w[o + 1], w[o + 3]), c);
      } else {
        hpr.query(new Envelope(w[o], w[o + 2], w[o + 1], w[o + 3]), c);
      }
      return c.count;
    }

    static int bruteCount(Data d, int q) {
      double[] w = d.windows;
      double[] b = d.boxes.bounds;
      int o = 4 * q;
      int n = 0;
      for (int i = 0; i < d.size; i++) {
        if (b[4 * i] <= w[o + 2]
            && b[4 * i + 2] >= w[o]
            && b[4 * i + 1] <= w[o + 3]
            && b[4 * i + 3] >= w[o + 1]) {
          n++;
        }
      }
      return n;
    }
  }

  /** A built index of one implementation with a k-nearest query. */
  @State(Scope.Benchmark)
  public static class NearestIndex {
    @Param({"twin", "jts-strtree"})
    public String impl;

    PackedRTree2D twin;
    STRtree str;
    int next;
    final int[] ids = new int[K];
    final double[] distances = new double[K];

    static final ItemDistance BOX_DISTANCE =
        (ItemBoundable a, ItemBoundable b) ->
            ((Envelope) a.getBounds()).distance((Envelope) b.getBounds());

    @Setup(Level.Trial)
    public void build(Data d) {
      twin = impl.equals("twin") ? d.buildTwin() : null;
      str = impl.equals("jts-strtree") ? d.buildStr() : null;
      for (int q = 0; q < 32; q++) {
        double got = kthDistance(d, q);
        double expected = bruteKth(d, q);
        if (Math.abs(got - expected) > 1e-9) {
          throw new IllegalStateException(
              impl + " nearest " + q + ": k-th distance " + got + ", brute force " + expected);
        }
      }
    }

    Object nearest(Data d, int q) {
      double x = d.points[2 * q];
      double y = d.points[2 * q + 1];
      if (twin != null) {
        twin.nearest(x, y, K, ids, distances);
        return ids;
      }
      return str.nearestNeighbour(new Envelope(x, x, y, y), null, BOX_DISTANCE, K);
    }

    double kthDistance(Data d, int q) {
      double x = d.points[2 * q];
      double y = d.points[2 * q + 1];
      Envelope p = new Envelope(x, x, y, y);
      if (twin != null) {
        twin.nearest(x, y, K, ids, distances);
        return distances[K - 1];
      }
      double max = 0;
      for (Object o : str.nearestNeighbour(p, null, BOX_DISTANCE, K)) {
        max = Math.max(max, d.envelopes[(Integer) o].distance(p));
      }
      return max;
    }

    static double bruteKth(Data d, int q) {
      Envelope p =
          new Envelope(d.points[2 * q], d.points[2 * q], d.points[2 * q + 1], d.points[2 * q + 1]);
      double[] all = new double[d.size];
      for (int i = 0; i < d.size; i++) {
        all[i] = d.envelopes[i].distance(p);
      }
      java.util.Arrays.sort(all);
      return all[K - 1];
    }
  }

  /** Implementation choice for the build benchmark. */
  @State(Scope.Benchmark)
  public static class BuildImpl {
    @Param({"twin", "jts-strtree", "jts-hprtree"})
    public String impl;
  }

  /**
   * Bulk-builds an index over all boxes (for JTS including the inserts, which is how it is built).
   *
   * @return the index
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Object build(Data d, BuildImpl b) {
    switch (b.impl) {
      case "twin":
        return d.buildTwin();
      case "jts-strtree":
        return d.buildStr();
      default:
        return d.buildHpr();
    }
  }

  /**
   * One window query returning about 50 boxes; the count is returned.
   *
   * @return the number of boxes found
   */
  @Benchmark
  public int window(Data d, WindowIndex ix) {
    return ix.window(d, ix.next++ & MASK);
  }

  /**
   * One query for the 10 boxes nearest to a point.
   *
   * @return the result
   */
  @Benchmark
  public Object nearest(Data d, NearestIndex ix) {
    return ix.nearest(d, ix.next++ & MASK);
  }
}
