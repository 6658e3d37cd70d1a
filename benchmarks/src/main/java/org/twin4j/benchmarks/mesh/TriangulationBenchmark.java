// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.benchmarks.mesh;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.triangulate.DelaunayTriangulationBuilder;
import org.locationtech.jts.triangulate.quadedge.QuadEdgeSubdivision;
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
import org.tinfour.common.Vertex;
import org.tinfour.standard.IncrementalTin;
import org.tinfour.utils.HilbertSort;
import org.twin4j.mesh.DelaunayTriangulation;

/**
 * Delaunay triangulation of n points, spatial sorting included for everybody. {@code twin}: {@link
 * DelaunayTriangulation#of} on one thread (Hilbert order, Bowyer–Watson, exact predicates); {@code
 * twin2}: {@link DelaunayTriangulation#ofParallel} on two threads (two strips and their seam, the
 * same triangles as {@code twin}); the peers on one thread (neither has a parallel build). {@code
 * tinfour}: Tinfour's {@code IncrementalTin} after its own {@code HilbertSort}, as its
 * documentation recommends. {@code jts}: JTS's {@code DelaunayTriangulationBuilder} building its
 * quad-edge subdivision (run only up to 10^6 points). Inputs: {@code uniform} random points on 1
 * km² at Dutch RD coordinates, {@code terrain} a 0.5 m grid jittered by ±5 cm (as resampled LiDAR
 * ground). Points per second is {@code size / score}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class TriangulationBenchmark {

  /** The points and the implementation. */
  @State(Scope.Benchmark)
  public static class Input {
    @Param({"100000", "1000000", "4000000"})
    public int size;

    @Param({"uniform", "terrain"})
    public String points;

    @Param({"twin", "twin2", "tinfour", "jts"})
    public String impl;

    @Param({"42"})
    public long seed;

    double[] x;
    double[] y;
    double[] z;

    @Setup(Level.Trial)
    public void make() {
      Random rnd = new Random(seed);
      x = new double[size];
      y = new double[size];
      z = new double[size];
      int side = (int) Math.ceil(Math.sqrt(size));
      for (int i = 0; i < size; i++) {
        if (points.equals("uniform")) {
          x[i] = 84_000 + rnd.nextDouble() * 1000;
          y[i] = 447_000 + rnd.nextDouble() * 1000;
        } else {
          x[i] = 84_000 + (i % side) * 0.5 + (rnd.nextDouble() - 0.5) * 0.1;
          y[i] = 447_000 + (i / side) * 0.5 + (rnd.nextDouble() - 0.5) * 0.1;
        }
        z[i] = rnd.nextDouble() * 20;
      }
      if (impl.equals("twin")) {
        int expected = DelaunayTriangulation.of(x, y, z, 0).triangleCount();
        if (expected < size) {
          throw new IllegalStateException("too few triangles: " + expected);
        }
      }
    }
  }

  /**
   * Triangulates the points.
   *
   * @param in the points
   * @return the triangulation, for the blackhole
   */
  @Benchmark
  public Object triangulate(Input in) {
    switch (in.impl) {
      case "twin":
        return DelaunayTriangulation.of(in.x, in.y, in.z, 0);
      case "twin2":
        return DelaunayTriangulation.ofParallel(in.x, in.y, in.z, 0, 2);
      case "tinfour":
        {
          List<Vertex> vertices = new ArrayList<>(in.size);
          for (int i = 0; i < in.size; i++) {
            vertices.add(new Vertex(in.x[i], in.y[i], in.z[i], i));
          }
          new HilbertSort().sort(vertices);
          IncrementalTin tin = new IncrementalTin(1.0);
          tin.add(vertices, null);
          return tin;
        }
      case "jts":
        {
          if (in.size > 1_000_000) {
            throw new UnsupportedOperationException("JTS runs only up to 10^6 points");
          }
          List<Coordinate> sites = new ArrayList<>(in.size);
          for (int i = 0; i < in.size; i++) {
            sites.add(new Coordinate(in.x[i], in.y[i], in.z[i]));
          }
          DelaunayTriangulationBuilder b = new DelaunayTriangulationBuilder();
          b.setSites(sites);
          QuadEdgeSubdivision s = b.getSubdivision();
          return s;
        }
      default:
        throw new IllegalArgumentException(in.impl);
    }
  }
}
