// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.twin4j.core.geom.Lod;
import org.twin4j.core.geom.Polygon;
import org.twin4j.core.geom.Solid;

class SolidValidatorTest {

  private static final double TOL = 0.01;

  /** Corners of the box [x0,x1]×[y0,y1]×[z0,z1] as vertices 0..7 of the builder. */
  private static int[] box(Solid.Builder b, double x0, double y0, double z0, double d) {
    int[] v = new int[8];
    for (int i = 0; i < 8; i++) {
      v[i] =
          b.vertex(
              x0 + ((i & 1) == 0 ? 0 : d),
              y0 + ((i & 2) == 0 ? 0 : d),
              z0 + ((i & 4) == 0 ? 0 : d));
    }
    return v;
  }

  /** The six outward faces of a box, in the order bottom, top, y0, y1, x0, x1. */
  private static int[][] faces(int[] v) {
    return new int[][] {
      {v[0], v[2], v[3], v[1]},
      {v[4], v[5], v[7], v[6]},
      {v[0], v[1], v[5], v[4]},
      {v[2], v[6], v[7], v[3]},
      {v[0], v[4], v[6], v[2]},
      {v[1], v[3], v[7], v[5]}
    };
  }

  private static Solid cube(java.util.function.UnaryOperator<int[][]> edit) {
    Solid.Builder b = Solid.builder(Lod.LOD2);
    int[] v = box(b, 0, 0, 0, 1);
    for (int[] f : edit.apply(faces(v))) {
      b.surface(null).ring(f);
    }
    return b.build();
  }

  @Test
  void anExtrudedFootprintIsValidWithItsVolume() {
    Polygon l = Polygon.ofXy(new double[] {0, 0, 4, 0, 4, 1, 1, 1, 1, 3, 0, 3});
    SolidValidator.Report r = SolidValidator.validate(Solid.extrude(l, 2, 5, Lod.LOD1), TOL);
    assertTrue(r.isValid(), r.errors().toString());
    assertEquals(3 * (4 + 2), r.volume(), 1e-9);
    Polygon court =
        Polygon.ofXy(
            new double[] {0, 0, 10, 0, 10, 10, 0, 10}, new double[] {3, 3, 3, 6, 6, 6, 6, 3});
    SolidValidator.Report c = SolidValidator.validate(Solid.extrude(court, 0, 1, Lod.LOD1), TOL);
    assertTrue(c.isValid(), c.errors().toString());
    assertEquals(100 - 9, c.volume(), 1e-9);
  }

  @Test
  void aCubeIsValidAndItsFlawsGetVal3dityCodes() {
    assertTrue(SolidValidator.validate(cube(f -> f), TOL).isValid());
    // a missing face: not closed
    assertArrayEquals(
        new int[] {302},
        SolidValidator.validate(cube(f -> java.util.Arrays.copyOf(f, 5)), TOL).codes());
    // one face flipped
    assertArrayEquals(
        new int[] {307},
        SolidValidator.validate(
                cube(
                    f -> {
                      f[1] = new int[] {f[1][0], f[1][3], f[1][2], f[1][1]};
                      return f;
                    }),
                TOL)
            .codes());
    // all faces flipped: inward
    assertArrayEquals(
        new int[] {308},
        SolidValidator.validate(
                cube(
                    f -> {
                      for (int i = 0; i < f.length; i++) {
                        f[i] = new int[] {f[i][0], f[i][3], f[i][2], f[i][1]};
                      }
                      return f;
                    }),
                TOL)
            .codes());
    // a repeated vertex
    assertTrue(
        java.util.Arrays.stream(
                SolidValidator.validate(
                        cube(
                            f -> {
                              f[0] = new int[] {f[0][0], f[0][1], f[0][1], f[0][2], f[0][3]};
                              return f;
                            }),
                        TOL)
                    .codes())
            .anyMatch(c -> c == 102));
  }

  @Test
  void aWarpedFaceIsNonPlanarAndABowtieSelfIntersects() {
    Solid.Builder b = Solid.builder(Lod.LOD2);
    int[] v = box(b, 0, 0, 0, 1);
    int lifted = b.vertex(1, 1, 1.2); // top corner raised: the top and two walls are warped
    int[][] f = faces(v);
    for (int[] face : f) {
      for (int i = 0; i < face.length; i++) {
        if (face[i] == v[7]) {
          face[i] = lifted;
        }
      }
      b.surface(null).ring(face);
    }
    assertTrue(contains(SolidValidator.validate(b.build(), TOL).codes(), 203));
    // the same warp within the tolerance passes
    Solid.Builder b2 = Solid.builder(Lod.LOD2);
    int[] v2 = box(b2, 0, 0, 0, 1);
    int slight = b2.vertex(1, 1, 1.005);
    for (int[] face : faces(v2)) {
      for (int i = 0; i < face.length; i++) {
        if (face[i] == v2[7]) {
          face[i] = slight;
        }
      }
      b2.surface(null).ring(face);
    }
    assertTrue(SolidValidator.validate(b2.build(), TOL).isValid());

    Solid bowtie =
        cube(
            f2 -> {
              f2[1] = new int[] {f2[1][0], f2[1][2], f2[1][1], f2[1][3]};
              return f2;
            });
    assertTrue(contains(SolidValidator.validate(bowtie, TOL).codes(), 104));
  }

  @Test
  void overlappingAndTouchingBoxesInOneShell() {
    // two boxes overlapping in space: two components that cross each other
    Solid.Builder b = Solid.builder(Lod.LOD2);
    for (int[] f : faces(box(b, 0, 0, 0, 1))) {
      b.surface(null).ring(f);
    }
    for (int[] f : faces(box(b, 0.4, 0.3, 0.45, 1))) {
      b.surface(null).ring(f);
    }
    int[] codes = SolidValidator.validate(b.build(), TOL).codes();
    assertTrue(contains(codes, 305) && contains(codes, 306), java.util.Arrays.toString(codes));
    // two boxes sharing one edge: that edge has four polygons
    Solid.Builder e = Solid.builder(Lod.LOD2);
    for (int[] f : faces(box(e, 0, 0, 0, 1))) {
      e.surface(null).ring(f);
    }
    for (int[] f : faces(box(e, 1, 1, 0, 1))) {
      e.surface(null).ring(f);
    }
    assertTrue(contains(SolidValidator.validate(e.build(), TOL).codes(), 303));
  }

  private static boolean contains(int[] codes, int code) {
    for (int c : codes) {
      if (c == code) {
        return true;
      }
    }
    return false;
  }
}
