// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Constrained Delaunay triangulations: random points with footprint-like rectangles as constraints
 * (seeded). Every constraint is an edge or a chain of edges through vertices lying exactly on it,
 * every other edge is locally Delaunay, triangles are counter-clockwise and Euler's count holds.
 */
class ConstrainedTriangulationTest {

  private static long key(int u, int v) {
    return (long) Math.min(u, v) << 32 | Math.max(u, v);
  }

  static void assertConstrainedDelaunay(DelaunayTriangulation t, String what) {
    int[] tri = t.triangles();
    int n = t.vertexCount();
    assertEquals(2 * n - t.hull().length - 2, tri.length / 3, what + ": Euler");
    Set<Long> fixed = new HashSet<>();
    int[] c = t.constrainedEdges();
    for (int i = 0; i < c.length; i += 2) {
      fixed.add(key(c[i], c[i + 1]));
    }
    Map<Long, Integer> opposite = new HashMap<>();
    for (int i = 0; i < tri.length; i += 3) {
      int a = tri[i];
      int b = tri[i + 1];
      int cc = tri[i + 2];
      assertTrue(
          Predicates.orient2d(t.x(a), t.y(a), t.x(b), t.y(b), t.x(cc), t.y(cc)) > 0,
          what + ": triangle " + i / 3 + " not counter-clockwise");
      for (int k = 0; k < 3; k++) {
        opposite.put((long) tri[i + k] << 32 | tri[i + (k + 1) % 3], tri[i + (k + 2) % 3]);
      }
    }
    for (int i = 0; i < tri.length; i += 3) {
      for (int k = 0; k < 3; k++) {
        int u = tri[i + k];
        int v = tri[i + (k + 1) % 3];
        Integer o = opposite.get((long) v << 32 | u);
        if (o == null || fixed.contains(key(u, v))) {
          continue;
        }
        int a = tri[i];
        int b = tri[i + 1];
        int cc = tri[i + 2];
        assertTrue(
            Predicates.incircle(t.x(a), t.y(a), t.x(b), t.y(b), t.x(cc), t.y(cc), t.x(o), t.y(o))
                <= 0,
            what + ": unconstrained edge " + u + "-" + v + " not locally Delaunay");
      }
    }
    for (long f : fixed) {
      int u = (int) (f >>> 32);
      int v = (int) f;
      assertTrue(
          opposite.containsKey((long) u << 32 | v) || opposite.containsKey((long) v << 32 | u));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void of_rectangleConstraints_areEdgesAndTheRestIsDelaunay(long seed) {
    Random rnd = new Random(seed);
    List<double[]> pts = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      pts.add(new double[] {rnd.nextDouble() * 200, rnd.nextDouble() * 200});
    }
    List<Integer> seg = new ArrayList<>();
    // non-overlapping axis-aligned rectangles in a 4 x 4 layout, some long and thin
    for (int gx = 0; gx < 4; gx++) {
      for (int gy = 0; gy < 4; gy++) {
        double x0 = gx * 50 + 5 + rnd.nextDouble() * 5;
        double y0 = gy * 50 + 5 + rnd.nextDouble() * 5;
        double w = 10 + rnd.nextDouble() * 30;
        double h = 1 + rnd.nextDouble() * 35;
        int first = pts.size();
        pts.add(new double[] {x0, y0});
        pts.add(new double[] {x0 + w, y0});
        pts.add(new double[] {x0 + w, y0 + h});
        pts.add(new double[] {x0, y0 + h});
        for (int k = 0; k < 4; k++) {
          seg.add(first + k);
          seg.add(first + (k + 1) % 4);
        }
      }
    }
    double[] x = new double[pts.size()];
    double[] y = new double[pts.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = pts.get(i)[0];
      y[i] = pts.get(i)[1];
    }
    int[] segments = seg.stream().mapToInt(Integer::intValue).toArray();
    DelaunayTriangulation t = DelaunayTriangulation.of(x, y, new double[x.length], 0, segments);
    assertConstrainedDelaunay(t, "seed " + seed);
    assertEquals(64, t.constrainedEdges().length / 2, "16 rectangles of 4 sides");
    DelaunayTriangulation plain = DelaunayTriangulation.of(x, y, new double[x.length], 0);
    assertEquals(plain.triangleCount(), t.triangleCount(), "same vertices, same triangle count");
  }

  @Test
  void of_constraintThroughVertices_isSplitThere() {
    // a diagonal across a grid passes exactly through grid points
    int side = 21;
    double[] x = new double[side * side];
    double[] y = new double[side * side];
    for (int i = 0; i < x.length; i++) {
      x[i] = i % side;
      y[i] = i / side;
    }
    int corner = 0;
    int far = side * side - 1;
    int[] segments = {corner, far, 5, 5 + 20 * side};
    DelaunayTriangulation t = DelaunayTriangulation.of(x, y, new double[x.length], 0, segments);
    assertConstrainedDelaunay(t, "grid diagonal");
    assertEquals(20 + 20, t.constrainedEdges().length / 2, "split at every grid point on them");
  }

  @Test
  void of_crossingConstraints_rejected() {
    double[] x = {0, 10, 0, 10, 3, 7};
    double[] y = {0, 10, 10, 0, 4, 4};
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DelaunayTriangulation.of(x, y, new double[6], 0, new int[] {0, 1, 2, 3}));
    assertTrue(e.getMessage().contains("crosses another constraint"), e.getMessage());
  }
}
