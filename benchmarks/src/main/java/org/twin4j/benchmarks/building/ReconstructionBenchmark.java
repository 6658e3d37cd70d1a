// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.benchmarks.building;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;
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
import org.twin4j.core.geom.Lod;
import org.twin4j.core.geom.Solid;
import org.twin4j.mesh.building.BuildingReconstructor;
import org.twin4j.mesh.building.Footprint;
import org.twin4j.mesh.building.Reconstruction;
import org.twin4j.mesh.building.ReconstructionOptions;
import org.twin4j.pointcloud.PointChunk;
import org.twin4j.pointcloud.PointCloud;

/**
 * Buildings from points on the Delft sample (two AHN3 tiles, 160 BGT footprints); one operation
 * reconstructs all 160, so buildings per second is 160 over the score.
 *
 * <ul>
 *   <li>{@code lod1}: roof (70th percentile of classes 1 and 6 inside) and ground (10th of classes
 *       2 and 9 within 3 m) heights and the extruded block. {@code twin-1t}/{@code twin-2t}: {@link
 *       BuildingReconstructor} on one or two threads. {@code jts}: the usual Java route, a JTS
 *       {@code STRtree} of the same points, {@code IndexedPointInAreaLocator} per footprint and
 *       {@code DistanceOp} for the ground ring, sorted percentiles, the same extrusion.
 *   <li>{@code lod2}: LOD1 and LOD2.2 solids with plane detection, partition, walls, validation and
 *       the RMSE. No JVM library reconstructs LOD2; roofer (C++, the 3D BAG) reports a median of 57
 *       ms per building, which the README sets beside our median.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xms4g", "-Xmx4g", "--add-opens=java.base/java.nio=ALL-UNNAMED"})
public class ReconstructionBenchmark {

  /** The sample, read once. */
  @State(Scope.Benchmark)
  public static class Sample {
    List<PointCloud> clouds;
    List<Footprint> footprints;

    /**
     * Reads the tiles and footprints.
     *
     * @throws Exception if a file cannot be read
     */
    @Setup(Level.Trial)
    public void read() throws Exception {
      clouds = DelftSample.clouds();
      footprints = DelftSample.footprints();
    }
  }

  /** The implementation of LOD1. */
  @State(Scope.Benchmark)
  public static class Lod1Impl {
    @Param({"twin-1t", "twin-2t", "jts"})
    public String impl;
  }

  /** The threads of LOD2. */
  @State(Scope.Benchmark)
  public static class Lod2Impl {
    @Param({"twin-1t", "twin-2t"})
    public String impl;
  }

  private static Reconstruction onThreads(String impl, Sample s, boolean lod2) throws Exception {
    int threads = impl.equals("twin-1t") ? 1 : 2;
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return pool.submit(
              () ->
                  BuildingReconstructor.reconstruct(
                      s.clouds, s.footprints, ReconstructionOptions.defaults(), lod2, null))
          .get();
    } finally {
      pool.shutdown();
    }
  }

  /**
   * LOD1 blocks for all footprints.
   *
   * @param s the sample
   * @param impl which implementation
   * @return the blocks
   * @throws Exception if the pool fails
   */
  @Benchmark
  public Object lod1(Sample s, Lod1Impl impl) throws Exception {
    if (impl.impl.equals("jts")) {
      return jtsLod1(s);
    }
    return onThreads(impl.impl, s, false);
  }

  /**
   * LOD1 and LOD2 solids for all footprints, validated.
   *
   * @param s the sample
   * @param impl how many threads
   * @return the buildings
   * @throws Exception if the pool fails
   */
  @Benchmark
  public Object lod2(Sample s, Lod2Impl impl) throws Exception {
    return onThreads(impl.impl, s, true);
  }

  /** The peer: JTS index and point-in-polygon, percentiles by sorting, our extrusion. */
  static List<Solid> jtsLod1(Sample s) {
    GeometryFactory gf = new GeometryFactory();
    STRtree tree = new STRtree();
    for (PointCloud c : s.clouds) {
      for (PointChunk ch : c.chunks()) {
        for (int i = 0; i < ch.size(); i++) {
          int cls = ch.classification(i);
          if (cls == 1 || cls == 6 || cls == 2 || cls == 9) {
            double[] p = {ch.x(i), ch.y(i), ch.z(i), cls};
            tree.insert(new Envelope(p[0], p[0], p[1], p[1]), p);
          }
        }
      }
    }
    tree.build();
    List<Solid> out = new ArrayList<>();
    for (Footprint f : s.footprints) {
      Polygon poly = jts(gf, f.polygon());
      IndexedPointInAreaLocator in = new IndexedPointInAreaLocator(poly);
      Envelope e = poly.getEnvelopeInternal();
      e.expandBy(3.0);
      List<Double> roof = new ArrayList<>();
      List<Double> ground = new ArrayList<>();
      for (Object o : tree.query(e)) {
        double[] p = (double[]) o;
        int cls = (int) p[3];
        Coordinate c = new Coordinate(p[0], p[1]);
        boolean inside = in.locate(c) == Location.INTERIOR;
        if (inside && (cls == 1 || cls == 6)) {
          roof.add(p[2]);
        } else if (!inside
            && (cls == 2 || cls == 9)
            && DistanceOp.distance(poly, gf.createPoint(c)) <= 3.0) {
          ground.add(p[2]);
        }
      }
      double r = percentile(roof, 70);
      double g = percentile(ground, 10);
      if (r > g + 0.5) {
        out.add(Solid.extrude(f.polygon(), g, r, Lod.LOD1));
      }
    }
    return out;
  }

  private static Polygon jts(GeometryFactory gf, org.twin4j.core.geom.Polygon p) {
    LinearRing[] rings = new LinearRing[p.ringCount()];
    for (int r = 0; r < rings.length; r++) {
      Coordinate[] cs = new Coordinate[p.ringSize(r) + 1];
      for (int i = 0; i < p.ringSize(r); i++) {
        cs[i] = new Coordinate(p.x(r, i), p.y(r, i));
      }
      cs[cs.length - 1] = cs[0];
      rings[r] = gf.createLinearRing(cs);
    }
    return gf.createPolygon(rings[0], Arrays.copyOfRange(rings, 1, rings.length));
  }

  private static double percentile(List<Double> v, double p) {
    if (v.isEmpty()) {
      return Double.NaN;
    }
    double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double pos = p / 100 * (a.length - 1);
    int lo = (int) pos;
    return a[lo] + (pos - lo) * (a[Math.min(a.length - 1, lo + 1)] - a[lo]);
  }
}
