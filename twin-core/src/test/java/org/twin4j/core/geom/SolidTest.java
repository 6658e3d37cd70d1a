// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SolidTest {

  private static final double VOLUME_TOL = 1e-6;

  /** A clockwise (as cadastres often store them) 10-vertex L-shaped footprint. */
  static Polygon lShapeClockwise() {
    return Polygon.ofXy(
        new double[] {0, 0, 0, 12, 4, 12, 4, 6, 8, 6, 8, 4, 10, 4, 10, 2, 6, 2, 6, 0});
  }

  /** Signed volume by the divergence theorem, fan-triangulating every ring. */
  static double volume(SurfaceGeometry g) {
    double v = 0;
    for (int r = 0; r < g.ringCount(); r++) {
      int a = g.ringVertex(r, 0);
      for (int k = 1; k + 1 < g.ringSize(r); k++) {
        int b = g.ringVertex(r, k);
        int c = g.ringVertex(r, k + 1);
        v +=
            g.x(a) * (g.y(b) * g.z(c) - g.z(b) * g.y(c))
                - g.y(a) * (g.x(b) * g.z(c) - g.z(b) * g.x(c))
                + g.z(a) * (g.x(b) * g.y(c) - g.y(b) * g.x(c));
      }
    }
    return v / 6;
  }

  /** Newell normal of a surface's exterior ring. */
  static double[] normal(SurfaceGeometry g, int surface) {
    int r = g.surfaceFirstRing(surface);
    double nx = 0;
    double ny = 0;
    double nz = 0;
    int n = g.ringSize(r);
    for (int k = 0; k < n; k++) {
      int a = g.ringVertex(r, k);
      int b = g.ringVertex(r, (k + 1) % n);
      nx += (g.y(a) - g.y(b)) * (g.z(a) + g.z(b));
      ny += (g.z(a) - g.z(b)) * (g.x(a) + g.x(b));
      nz += (g.x(a) - g.x(b)) * (g.y(a) + g.y(b));
    }
    return new double[] {nx, ny, nz};
  }

  @Test
  void extrude_makesClosedOutwardBlockWithSemantics() {
    Polygon fp = lShapeClockwise();
    Solid s = Solid.extrude(fp, 2, 14.5, Lod.LOD1);
    assertEquals(20, s.vertexCount());
    assertEquals(12, s.surfaceCount());
    assertEquals(1, s.shellCount());
    assertEquals(fp.area2D() * 12.5, volume(s), VOLUME_TOL);
    Map<SemanticType, Integer> counts = new HashMap<>();
    for (int i = 0; i < s.surfaceCount(); i++) {
      SemanticType t = s.semantic(i).type();
      counts.merge(t, 1, Integer::sum);
      double[] n = normal(s, i);
      if (t == SemanticType.ROOF) {
        assertTrue(n[2] > 0, "roof faces up");
      } else if (t == SemanticType.GROUND) {
        assertTrue(n[2] < 0, "ground faces down");
      } else {
        assertEquals(0, n[2], 1e-9, "walls are vertical");
        // outward: the wall's centre plus a little of its normal lies outside the footprint
        int r = s.surfaceFirstRing(i);
        double cx = (s.x(s.ringVertex(r, 0)) + s.x(s.ringVertex(r, 1))) / 2;
        double cy = (s.y(s.ringVertex(r, 0)) + s.y(s.ringVertex(r, 1))) / 2;
        double len = Math.hypot(n[0], n[1]);
        assertTrue(
            !fp.contains2D(cx + 0.01 * n[0] / len, cy + 0.01 * n[1] / len),
            "wall " + i + " faces out");
        assertTrue(
            fp.contains2D(cx - 0.01 * n[0] / len, cy - 0.01 * n[1] / len),
            "wall " + i + " backs onto the block");
      }
    }
    assertEquals(
        Map.of(SemanticType.ROOF, 1, SemanticType.GROUND, 1, SemanticType.WALL, 10), counts);
  }

  @Test
  void extrude_courtyardGivesPositiveVolumeAndInnerWalls() {
    Solid s = Solid.extrude(PolygonTest.squareWithHole(), 0, 10, Lod.LOD1);
    assertEquals(2 + 4 + 4, s.surfaceCount());
    assertEquals(2, s.surfaceRingCount(0));
    assertEquals(840, volume(s), VOLUME_TOL);
  }

  @Test
  void extrude_blocksOfEqualVertexCountShareTopology() {
    Solid a = Solid.extrude(lShapeClockwise(), 0, 10, Lod.LOD1);
    Solid b = Solid.extrude(lShapeClockwise(), 5, 30, Lod.LOD1);
    assertSame(a.topology().ringOffsets, b.topology().ringOffsets);
    assertSame(a.topology().idx16, b.topology().idx16);
    assertNotEquals(a, b);
    assertEquals(a, Solid.extrude(lShapeClockwise(), 0, 10, Lod.LOD1));
  }

  @Test
  void extrude_rejectsInvertedHeights() {
    InvalidGeometryException e =
        assertThrows(
            InvalidGeometryException.class,
            () -> Solid.extrude(lShapeClockwise(), 10, 10, Lod.LOD1));
    assertTrue(e.getMessage().contains("top > bottom"), e.getMessage());
  }

  @Test
  void builder_sharesVerticesAndKeepsInnerShells() {
    Solid.Builder b = Solid.builder(Lod.LOD2);
    Solid outer =
        Solid.extrude(Polygon.ofXy(new double[] {0, 0, 10, 0, 10, 10, 0, 10}), 0, 10, Lod.LOD2);
    for (int i = 0; i < outer.surfaceCount(); i++) {
      b.polygon(outer.surface(i), outer.semantic(i));
    }
    b.shell();
    Solid cavity =
        Solid.extrude(Polygon.ofXy(new double[] {4, 4, 6, 4, 6, 6, 4, 6}), 4, 6, Lod.LOD2);
    for (int i = 0; i < cavity.surfaceCount(); i++) {
      b.polygon(cavity.surface(i).reversed(), null);
    }
    Solid s = b.build();
    assertEquals(16, s.vertexCount(), "corners shared between surfaces");
    assertEquals(2, s.shellCount());
    assertEquals(6, s.shellSurfaceCount(1));
    assertEquals(6, s.shellFirstSurface(1));
    assertEquals(1000 - 8, volume(s), VOLUME_TOL);
    assertEquals(null, s.semantic(7));
  }

  @Test
  void builder_rejectsBadTopology() {
    Solid.Builder b = Solid.builder(Lod.LOD2);
    b.vertex(0, 0, 0);
    b.vertex(1, 0, 0);
    IllegalStateException noSurface =
        assertThrows(IllegalStateException.class, () -> b.ring(0, 1, 0));
    assertTrue(noSurface.getMessage().contains("surface"));
    b.surface(null);
    InvalidGeometryException outOfRange =
        assertThrows(InvalidGeometryException.class, () -> b.ring(0, 1, 5));
    assertTrue(
        outOfRange.getMessage().contains("references vertex 5 but the geometry has 2 vertices"),
        outOfRange.getMessage());
    InvalidGeometryException empty = assertThrows(InvalidGeometryException.class, b::build);
    assertTrue(empty.getMessage().contains("surface 0 has no ring"), empty.getMessage());
  }

  @Test
  void multiSolidBuilder_groupsShellsBySolid() {
    MultiSolid.Builder b = MultiSolid.compositeBuilder(Lod.LOD2);
    for (int k = 0; k < 2; k++) {
      if (k > 0) {
        b.solid();
      }
      Solid block =
          Solid.extrude(
              Polygon.ofXy(new double[] {10 * k, 0, 10 * k + 10, 0, 10 * k + 10, 10, 10 * k, 10}),
              0,
              5,
              Lod.LOD2);
      for (int i = 0; i < block.surfaceCount(); i++) {
        b.polygon(block.surface(i), block.semantic(i));
      }
    }
    MultiSolid m = b.build();
    assertEquals(GeometryType.COMPOSITE_SOLID, m.type());
    assertEquals(2, m.solidCount());
    assertEquals(1, m.solidShellCount(1));
    assertEquals(6, m.shellFirstSurface(m.solidFirstShell(1)));
    assertEquals(12, m.vertexCount(), "the shared wall's corners are shared");
    assertEquals(1000, volume(m), VOLUME_TOL);
  }
}
