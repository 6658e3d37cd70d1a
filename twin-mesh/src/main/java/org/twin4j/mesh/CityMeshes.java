// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.geom.Geometry;
import org.twin4j.core.geom.Lod;
import org.twin4j.core.geom.SurfaceGeometry;
import org.twin4j.core.geom.TriangleMesh;
import org.twin4j.core.model.CityObject;
import org.twin4j.core.model.CityView;

/**
 * City model geometry as one triangle mesh, for {@link MeshFiles}: every polygon of every surface
 * geometry triangulated (its rings' edges as constraints of our constrained Delaunay triangulation
 * in the polygon's plane, triangles outside the outer ring or inside a hole dropped, orientation
 * kept so normals point where the polygon's do), triangle meshes taken as they are.
 *
 * @since 1.0
 */
public final class CityMeshes {

  private CityMeshes() {}

  /**
   * A mesh and what could not be triangulated.
   *
   * @param xyz interleaved vertex coordinates
   * @param triangles three vertex indices per triangle
   * @param polygonsSkipped polygons left out because they are degenerate (no area) or their rings
   *     cross
   */
  public record Mesh(double[] xyz, int[] triangles, int polygonsSkipped) {

    /**
     * Validates the mesh.
     *
     * @param xyz interleaved vertex coordinates
     * @param triangles three vertex indices per triangle
     * @param polygonsSkipped polygons left out
     */
    public Mesh {
      Objects.requireNonNull(xyz, "xyz");
      Objects.requireNonNull(triangles, "triangles");
    }
  }

  /**
   * Triangulates every object's geometry of one LOD (or each object's highest LOD).
   *
   * @param model the city model
   * @param lod the LOD to take, or null for each object's highest
   * @return the mesh
   */
  public static Mesh of(CityView model, @Nullable Lod lod) {
    Acc acc = new Acc();
    model.stream().forEach(o -> add(o, lod, acc));
    return new Mesh(
        Arrays.copyOf(acc.xyz, acc.nv * 3), Arrays.copyOf(acc.tri, acc.nt), acc.skipped);
  }

  /**
   * Triangulates one geometry.
   *
   * @param geometry a surface geometry or triangle mesh; other types give an empty mesh
   * @return the mesh, vertices in the geometry's order
   */
  public static Mesh of(Geometry geometry) {
    Acc acc = new Acc();
    add(geometry, acc);
    return new Mesh(
        Arrays.copyOf(acc.xyz, acc.nv * 3), Arrays.copyOf(acc.tri, acc.nt), acc.skipped);
  }

  private static void add(CityObject o, @Nullable Lod lod, Acc acc) {
    Lod want = lod;
    if (want == null) {
      for (Geometry g : o.geometries()) {
        if (want == null || g.lod().compareTo(want) > 0) {
          want = g.lod();
        }
      }
    }
    for (Geometry g : o.geometries()) {
      if (want != null && g.lod().equals(want)) {
        add(g, acc);
      }
    }
    for (CityObject c : o.children()) {
      add(c, lod, acc);
    }
  }

  private static void add(Geometry g, Acc acc) {
    int base = acc.nv;
    for (int v = 0; v < g.vertexCount(); v++) {
      acc.vertex(g.x(v), g.y(v), g.z(v));
    }
    if (g instanceof TriangleMesh) {
      TriangleMesh m = (TriangleMesh) g;
      for (int t = 0; t < m.triangleCount(); t++) {
        acc.triangle(
            base + m.triangleVertex(t, 0),
            base + m.triangleVertex(t, 1),
            base + m.triangleVertex(t, 2));
      }
    } else if (g instanceof SurfaceGeometry) {
      SurfaceGeometry s = (SurfaceGeometry) g;
      for (int f = 0; f < s.surfaceCount(); f++) {
        if (!polygon(s, f, base, acc)) {
          acc.skipped++;
        }
      }
    }
  }

  /** Triangulates surface f; false if it has no area or its rings cross. */
  static boolean polygon(SurfaceGeometry s, int f, int base, Acc acc) {
    int first = s.surfaceFirstRing(f);
    int rings = s.surfaceRingCount(f);
    int n = 0;
    for (int r = 0; r < rings; r++) {
      n += s.ringSize(first + r);
    }
    // Newell's normal of the outer ring picks the projection plane and the orientation
    double nx = 0;
    double ny = 0;
    double nz = 0;
    int outer = s.ringSize(first);
    for (int k = 0; k < outer; k++) {
      int a = s.ringVertex(first, k);
      int b = s.ringVertex(first, (k + 1) % outer);
      nx += (s.y(a) - s.y(b)) * (s.z(a) + s.z(b));
      ny += (s.z(a) - s.z(b)) * (s.x(a) + s.x(b));
      nz += (s.x(a) - s.x(b)) * (s.y(a) + s.y(b));
    }
    int drop =
        Math.abs(nz) >= Math.abs(nx) && Math.abs(nz) >= Math.abs(ny)
            ? 2
            : Math.abs(nx) >= Math.abs(ny) ? 0 : 1;
    double sign = drop == 2 ? nz : drop == 0 ? nx : ny;
    if (sign == 0) {
      return false;
    }
    double[] u = new double[n];
    double[] v = new double[n];
    int[] vertex = new int[n];
    int[] segments = new int[2 * n];
    int[] ringStart = new int[rings + 1];
    int at = 0;
    int sg = 0;
    for (int r = 0; r < rings; r++) {
      int size = s.ringSize(first + r);
      ringStart[r] = at;
      for (int k = 0; k < size; k++) {
        int g = s.ringVertex(first + r, k);
        vertex[at + k] = g;
        // (x, y), (y, z) or (z, x): each keeps the sign of the dropped normal component
        u[at + k] = drop == 2 ? s.x(g) : drop == 0 ? s.y(g) : s.z(g);
        v[at + k] = drop == 2 ? s.y(g) : drop == 0 ? s.z(g) : s.x(g);
        segments[sg++] = at + k;
        segments[sg++] = at + (k + 1) % size;
      }
      at += size;
    }
    ringStart[rings] = at;
    if (n == 3 && rings == 1) {
      if (sign > 0) {
        acc.triangle(base + vertex[0], base + vertex[1], base + vertex[2]);
      } else {
        acc.triangle(base + vertex[0], base + vertex[2], base + vertex[1]);
      }
      return true;
    }
    DelaunayTriangulation cdt;
    try {
      cdt = DelaunayTriangulation.of(u, v, new double[n], 0, segments);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return false;
    }
    int[] t = cdt.triangles();
    int kept = 0;
    for (int i = 0; i < t.length; i += 3) {
      double cu = (cdt.x(t[i]) + cdt.x(t[i + 1]) + cdt.x(t[i + 2])) / 3;
      double cv = (cdt.y(t[i]) + cdt.y(t[i + 1]) + cdt.y(t[i + 2])) / 3;
      if (!inside(u, v, ringStart, cu, cv)) {
        continue;
      }
      int a = base + vertex[cdt.inputIndex(t[i])];
      int b = base + vertex[cdt.inputIndex(t[i + 1])];
      int c = base + vertex[cdt.inputIndex(t[i + 2])];
      if (sign > 0) {
        acc.triangle(a, b, c);
      } else {
        acc.triangle(a, c, b);
      }
      kept++;
    }
    return kept > 0;
  }

  /** Even-odd test of (pu, pv) against every ring. */
  private static boolean inside(double[] u, double[] v, int[] ringStart, double pu, double pv) {
    boolean in = false;
    for (int r = 0; r + 1 < ringStart.length; r++) {
      int start = ringStart[r];
      int size = ringStart[r + 1] - start;
      for (int k = 0, j = size - 1; k < size; j = k++) {
        double ui = u[start + k];
        double vi = v[start + k];
        double uj = u[start + j];
        double vj = v[start + j];
        if ((vi > pv) != (vj > pv) && pu < (uj - ui) * (pv - vi) / (vj - vi) + ui) {
          in = !in;
        }
      }
    }
    return in;
  }

  /** Growing arrays of vertices and triangles. */
  static final class Acc {
    double[] xyz = new double[3 * 1024];
    int[] tri = new int[3 * 1024];
    int nv;
    int nt;
    int skipped;

    void vertex(double x, double y, double z) {
      if (3 * nv + 3 > xyz.length) {
        xyz = Arrays.copyOf(xyz, 2 * xyz.length);
      }
      xyz[3 * nv] = x;
      xyz[3 * nv + 1] = y;
      xyz[3 * nv + 2] = z;
      nv++;
    }

    void triangle(int a, int b, int c) {
      if (nt + 3 > tri.length) {
        tri = Arrays.copyOf(tri, 2 * tri.length);
      }
      tri[nt++] = a;
      tri[nt++] = b;
      tri[nt++] = c;
    }
  }
}
