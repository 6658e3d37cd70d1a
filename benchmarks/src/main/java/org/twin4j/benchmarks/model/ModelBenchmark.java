// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.benchmarks.model;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
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
import org.twin4j.core.geom.Lod;
import org.twin4j.core.geom.Solid;
import org.twin4j.core.model.CityModel;
import org.twin4j.core.model.CityObject;
import org.twin4j.core.model.CityObjectType;

/**
 * Builds a city model of LOD1 buildings (a 10-vertex footprint extruded to a block: 20 vertices, 12
 * surfaces with Ground/Roof/Wall semantics), indexed for queries, and reports the retained heap per
 * building as an auxiliary counter measured with JOL over the whole object graph.
 *
 * <p>The peer is what a Java program without twin4j holds: each block as a JTS {@code MultiPolygon}
 * of twelve 3D polygons, in a {@code HashMap} by id and a JTS {@code STRtree}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgs = {"-Xms4g", "-Xmx4g", "-Djol.magicFieldOffset=true"})
public class ModelBenchmark {

  static {
    // JOL reads record fields through this route on Java 17 (twin4j's values are records)
    System.setProperty("jol.magicFieldOffset", "true");
  }

  /** Retained heap per building, by implementation and size, measured once per JVM. */
  private static final Map<String, Double> HEAP = new ConcurrentHashMap<>();

  /** Footprints and heights. */
  @State(Scope.Benchmark)
  public static class Input {
    @Param({"10000", "100000"})
    public int size;

    @Param({"twin", "jts"})
    public String impl;

    @Param({"42"})
    public long seed;

    /** x, y of 10 vertices per footprint, counter-clockwise. */
    double[][] footprints;

    double[] heights;
    String[] ids;
    double heapBytesPerBuilding;
    boolean heapReported;

    @Setup(Level.Trial)
    public void generate() {
      SplittableRandom rnd = new SplittableRandom(seed);
      double side = Math.sqrt(size / 625e-6);
      footprints = new double[size][];
      heights = new double[size];
      ids = new String[size];
      for (int i = 0; i < size; i++) {
        double cx = 80_000 + rnd.nextDouble() * side;
        double cy = 440_000 + rnd.nextDouble() * side;
        double[] xy = new double[20];
        for (int k = 0; k < 10; k++) {
          double a = 2 * Math.PI * k / 10;
          double r = (k % 2 == 0 ? 9 : 6) + rnd.nextDouble();
          xy[2 * k] = cx + r * Math.cos(a);
          xy[2 * k + 1] = cy + r * Math.sin(a);
        }
        footprints[i] = xy;
        heights[i] = 4 + rnd.nextDouble() * 30;
        ids[i] = "NL.IMBAG.Pand." + (503100000000000L + i);
      }
      heapBytesPerBuilding =
          HEAP.computeIfAbsent(
              impl + "/" + size,
              k -> {
                long empty = GraphLayout.parseInstance(build(this, 0)).totalSize();
                long full = GraphLayout.parseInstance(build(this, size)).totalSize();
                return (full - empty) / (double) size;
              });
      System.out.printf(
          "%n# heap per building, %s, %d buildings: %.1f bytes (JOL, whole object graph)%n",
          impl, size, heapBytesPerBuilding);
    }
  }

  /**
   * Retained heap per building, reported beside the time. JMH zeroes auxiliary counters after
   * setup, so the benchmark method copies the value measured at trial setup into it.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Heap {
    /** Bytes of heap the model keeps per building (geometry, object, id, index). */
    public double heapBytesPerBuilding;
  }

  static Object build(Input in, int n) {
    return in.impl.equals("twin") ? buildTwin(in, n) : buildJts(in, n);
  }

  static CityModel buildTwin(Input in, int n) {
    CityModel.Builder b = CityModel.builder();
    for (int i = 0; i < n; i++) {
      b.add(
          CityObject.builder(in.ids[i], CityObjectType.BUILDING)
              .geometry(
                  Solid.extrude(
                      org.twin4j.core.geom.Polygon.ofXy(in.footprints[i]),
                      0,
                      in.heights[i],
                      Lod.LOD1))
              .build());
    }
    CityModel m = b.build();
    m.nearest(80_000, 440_000, 0, 1); // builds the spatial index
    return m;
  }

  /** The JTS peer: id map and STRtree over MultiPolygons of 12 3D polygons. */
  static Object[] buildJts(Input in, int n) {
    GeometryFactory gf = new GeometryFactory();
    Map<String, Geometry> byId = new HashMap<>();
    STRtree tree = new STRtree();
    for (int i = 0; i < n; i++) {
      double[] xy = in.footprints[i];
      double h = in.heights[i];
      Polygon[] faces = new Polygon[12];
      Coordinate[] ground = new Coordinate[11];
      Coordinate[] roof = new Coordinate[11];
      for (int k = 0; k <= 10; k++) {
        int v = k % 10;
        ground[10 - k] = new Coordinate(xy[2 * v], xy[2 * v + 1], 0);
        roof[k] = new Coordinate(xy[2 * v], xy[2 * v + 1], h);
      }
      faces[0] = gf.createPolygon(ground);
      faces[1] = gf.createPolygon(roof);
      for (int k = 0; k < 10; k++) {
        int j = (k + 1) % 10;
        LinearRing wall =
            gf.createLinearRing(
                new Coordinate[] {
                  new Coordinate(xy[2 * k], xy[2 * k + 1], 0),
                  new Coordinate(xy[2 * j], xy[2 * j + 1], 0),
                  new Coordinate(xy[2 * j], xy[2 * j + 1], h),
                  new Coordinate(xy[2 * k], xy[2 * k + 1], h),
                  new Coordinate(xy[2 * k], xy[2 * k + 1], 0)
                });
        faces[2 + k] = gf.createPolygon(wall);
      }
      Geometry block = gf.createMultiPolygon(faces);
      byId.put(in.ids[i], block);
      tree.insert(block.getEnvelopeInternal(), block);
    }
    tree.build();
    return new Object[] {byId, tree};
  }

  /**
   * Builds a model of {@code size} LOD1 buildings and its spatial index.
   *
   * @return the model
   */
  @Benchmark
  public Object build(Input in) {
    return build(in, in.size);
  }

  /**
   * Reports the retained heap per building that trial setup measured with JOL, as the auxiliary
   * counter {@code heapBytesPerBuilding}; one single-shot iteration in one fork, so that JMH's sum
   * of the counter over iterations is the value itself. Its time score means nothing.
   *
   * @return the input, to keep the call
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(
      value = 1,
      jvmArgs = {"-Xms4g", "-Xmx4g", "-Djol.magicFieldOffset=true"})
  public Object heap(Input in, Heap heap) {
    // JMH sums the counter over iterations: only the first call of a fork reports it
    if (!in.heapReported) {
      in.heapReported = true;
      heap.heapBytesPerBuilding = in.heapBytesPerBuilding;
    }
    return in;
  }
}
