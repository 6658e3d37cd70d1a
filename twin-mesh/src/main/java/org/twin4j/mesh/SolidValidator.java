// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.twin4j.core.geom.Solid;

/**
 * Checks a solid the way val3dity does, with its error codes, so that reconstructed buildings can
 * be counted valid or not without leaving the JVM.
 *
 * <p>Vertices are identified by their coordinates (not by the solid's indices), and each of the
 * solid's shells is checked as a closed 2-manifold:
 *
 * <ul>
 *   <li>ring level: 101 too few points, 102 consecutive points the same, 104 ring
 *       self-intersection;
 *   <li>polygon level: 201 rings of one polygon intersecting, 203 non-planar (a vertex further than
 *       the tolerance from the polygon's least-squares plane);
 *   <li>shell level: 301 too few polygons, 302 not closed (an edge used once), 303 non-manifold (an
 *       edge used more than twice), 305 several connected components, 306 self-intersection
 *       (triangles of different surfaces crossing or overlapping), 307 a polygon with the wrong
 *       orientation (an edge used twice in the same direction), 308 all polygons wrongly oriented
 *       (negative volume).
 * </ul>
 *
 * Touching is not crossing: triangles meeting exactly along a shared edge or at a shared vertex are
 * fine; a proper crossing is measured with a tolerance relative to the shell's size.
 *
 * @since 1.0
 */
public final class SolidValidator {

  private SolidValidator() {}

  /** One error: its val3dity code, name, and the surface it concerns (or -1 for the shell). */
  public record Error(int code, String name, int surface, String detail) {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if a text is null
     */
    public Error {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
      return code + " " + name + (surface >= 0 ? " (surface " + surface + ")" : "") + ": " + detail;
    }
  }

  /**
   * The verdict on one solid.
   *
   * @param errors what is wrong, empty if valid
   * @param volume the enclosed volume (positive when outward oriented)
   */
  public record Report(List<Error> errors, double volume) {
    /** Copies the list. */
    public Report {
      errors = List.copyOf(errors);
    }

    /**
     * Tells whether no error was found.
     *
     * @return true if valid
     */
    public boolean isValid() {
      return errors.isEmpty();
    }

    /**
     * The distinct error codes, ascending.
     *
     * @return the codes
     */
    public int[] codes() {
      return errors.stream().mapToInt(Error::code).distinct().sorted().toArray();
    }
  }

  /**
   * Validates a solid.
   *
   * @param solid the solid
   * @param planarity the largest distance of a vertex from its polygon's plane (val3dity: 0.01)
   * @return the report
   */
  public static Report validate(Solid solid, double planarity) {
    Objects.requireNonNull(solid, "solid");
    List<Error> errors = new ArrayList<>();
    int nv = solid.vertexCount();
    // coordinates → ids, relative to the solid's first vertex for precision
    double ox = nv > 0 ? solid.x(0) : 0;
    double oy = nv > 0 ? solid.y(0) : 0;
    double oz = nv > 0 ? solid.z(0) : 0;
    double[] p = new double[3 * nv];
    int[] id = new int[nv];
    Map<List<Double>, Integer> ids = new HashMap<>();
    double extent = 0;
    for (int v = 0; v < nv; v++) {
      p[3 * v] = solid.x(v) - ox;
      p[3 * v + 1] = solid.y(v) - oy;
      p[3 * v + 2] = solid.z(v) - oz;
      extent =
          Math.max(extent, Math.abs(p[3 * v]) + Math.abs(p[3 * v + 1]) + Math.abs(p[3 * v + 2]));
      id[v] = ids.computeIfAbsent(List.of(solid.x(v), solid.y(v), solid.z(v)), k -> ids.size());
    }
    double eps = 1e-9 * Math.max(1, extent * extent * extent);
    double volume = 0;
    for (int shell = 0; shell < solid.shellCount(); shell++) {
      int first = solid.shellFirstSurface(shell);
      int count = solid.shellSurfaceCount(shell);
      if (count < 4) {
        errors.add(new Error(301, "TOO_FEW_POLYGONS", -1, count + " polygons in shell " + shell));
      }
      Map<Long, int[]> edges = new HashMap<>();
      int[] parent = new int[count];
      for (int s = 0; s < count; s++) {
        parent[s] = s;
      }
      for (int s = first; s < first + count; s++) {
        checkSurface(solid, s, p, id, planarity, errors);
        for (int r = solid.surfaceFirstRing(s);
            r < solid.surfaceFirstRing(s) + solid.surfaceRingCount(s);
            r++) {
          int m = solid.ringSize(r);
          for (int k = 0; k < m; k++) {
            int a = id[solid.ringVertex(r, k)];
            int b = id[solid.ringVertex(r, (k + 1) % m)];
            if (a == b) {
              continue;
            }
            long key = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
            int local = s - first;
            int[] use = edges.computeIfAbsent(key, x -> new int[] {0, 0, local});
            use[a < b ? 0 : 1]++;
            union(parent, use[2], s - first);
          }
          // signed volume by fans: exact for planar rings of any shape
          int a0 = solid.ringVertex(r, 0);
          for (int k = 1; k + 1 < m; k++) {
            int b = solid.ringVertex(r, k);
            int c = solid.ringVertex(r, k + 1);
            volume += det(p, a0, b, c) / 6;
          }
        }
      }
      int open = 0;
      int nonManifold = 0;
      int flipped = 0;
      for (int[] use : edges.values()) {
        int total = use[0] + use[1];
        if (total == 1) {
          open++;
        } else if (total > 2) {
          nonManifold++;
        } else if (use[0] == 2 || use[1] == 2) {
          flipped++;
        }
      }
      if (open > 0) {
        errors.add(
            new Error(302, "SHELL_NOT_CLOSED", -1, open + " edges used by one polygon only"));
      }
      if (nonManifold > 0) {
        errors.add(
            new Error(
                303,
                "NON_MANIFOLD_CASE",
                -1,
                nonManifold + " edges used by more than two polygons"));
      }
      int components = 0;
      for (int s = 0; s < count; s++) {
        if (find(parent, s) == s) {
          components++;
        }
      }
      if (components > 1) {
        errors.add(new Error(305, "MULTIPLE_CONNECTED_COMPONENTS", -1, components + " components"));
      }
      if (flipped > 0) {
        errors.add(
            new Error(
                307,
                "POLYGON_WRONG_ORIENTATION",
                -1,
                flipped + " edges used twice in one direction"));
      }
      selfIntersection(solid, first, count, p, id, eps, errors);
    }
    if (volume <= 0 && errors.stream().noneMatch(e -> e.code() == 302 || e.code() == 307)) {
      errors.add(new Error(308, "ALL_POLYGONS_WRONG_ORIENTATION", -1, "volume " + volume));
    }
    return new Report(errors, volume);
  }

  private static void checkSurface(
      Solid solid, int s, double[] p, int[] id, double planarity, List<Error> errors) {
    int firstRing = solid.surfaceFirstRing(s);
    int rings = solid.surfaceRingCount(s);
    // Newell normal over all rings and centroid
    double nx = 0;
    double ny = 0;
    double nz = 0;
    double cx = 0;
    double cy = 0;
    double cz = 0;
    int total = 0;
    for (int r = firstRing; r < firstRing + rings; r++) {
      int m = solid.ringSize(r);
      int distinct = 0;
      for (int k = 0; k < m; k++) {
        int a = solid.ringVertex(r, k);
        int b = solid.ringVertex(r, (k + 1) % m);
        if (id[a] == id[b]) {
          errors.add(new Error(102, "CONSECUTIVE_POINTS_SAME", s, "ring " + (r - firstRing)));
        } else {
          distinct++;
        }
        nx += (p[3 * a + 1] - p[3 * b + 1]) * (p[3 * a + 2] + p[3 * b + 2]);
        ny += (p[3 * a + 2] - p[3 * b + 2]) * (p[3 * a] + p[3 * b]);
        nz += (p[3 * a] - p[3 * b]) * (p[3 * a + 1] + p[3 * b + 1]);
        cx += p[3 * a];
        cy += p[3 * a + 1];
        cz += p[3 * a + 2];
        total++;
      }
      if (distinct < 3) {
        errors.add(
            new Error(101, "TOO_FEW_POINTS", s, "ring " + (r - firstRing) + " has " + distinct));
      }
    }
    double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
    if (len <= 1e-12 * total) {
      // no net area (a bowtie, or collinear points): take the widest corner's normal instead
      double[] n = widestCorner(solid, firstRing, p);
      nx = n[0];
      ny = n[1];
      nz = n[2];
      len = Math.sqrt(nx * nx + ny * ny + nz * nz);
      if (len == 0) {
        errors.add(new Error(203, "NON_PLANAR_POLYGON_DISTANCE_PLANE", s, "no area"));
        return;
      }
    }
    nx /= len;
    ny /= len;
    nz /= len;
    cx /= total;
    cy /= total;
    cz /= total;
    double worst = 0;
    for (int r = firstRing; r < firstRing + rings; r++) {
      for (int k = 0; k < solid.ringSize(r); k++) {
        int a = solid.ringVertex(r, k);
        double d =
            Math.abs((p[3 * a] - cx) * nx + (p[3 * a + 1] - cy) * ny + (p[3 * a + 2] - cz) * nz);
        worst = Math.max(worst, d);
      }
    }
    if (worst > planarity) {
      errors.add(
          new Error(
              203,
              "NON_PLANAR_POLYGON_DISTANCE_PLANE",
              s,
              "a vertex lies " + worst + " from the plane"));
    }
    // ring self-intersection and ring-ring intersection in the projection dropping the normal's
    // largest axis
    int drop =
        Math.abs(nz) >= Math.abs(nx) && Math.abs(nz) >= Math.abs(ny)
            ? 2
            : Math.abs(nx) >= Math.abs(ny) ? 0 : 1;
    int u = drop == 0 ? 1 : 0;
    int w = drop == 2 ? 1 : 2;
    List<double[]> segs = new ArrayList<>();
    for (int r = firstRing; r < firstRing + rings; r++) {
      int m = solid.ringSize(r);
      for (int k = 0; k < m; k++) {
        int a = solid.ringVertex(r, k);
        int b = solid.ringVertex(r, (k + 1) % m);
        segs.add(
            new double[] {
              p[3 * a + u], p[3 * a + w], p[3 * b + u], p[3 * b + w], r - firstRing, k, m
            });
      }
    }
    for (int i = 0; i < segs.size(); i++) {
      for (int j = i + 1; j < segs.size(); j++) {
        double[] a = segs.get(i);
        double[] b = segs.get(j);
        boolean sameRing = a[4] == b[4];
        if (sameRing) {
          int m = (int) a[6];
          int ka = (int) a[5];
          int kb = (int) b[5];
          if ((ka + 1) % m == kb || (kb + 1) % m == ka) {
            continue;
          }
        }
        if (segmentsIntersect(a, b)) {
          errors.add(
              sameRing
                  ? new Error(104, "RING_SELF_INTERSECTION", s, "ring " + (int) a[4])
                  : new Error(
                      201, "INTERSECTION_RINGS", s, "rings " + (int) a[4] + " and " + (int) b[4]));
          return;
        }
      }
    }
  }

  /** The largest cross product of two edges from the exterior ring's first vertex. */
  private static double[] widestCorner(Solid solid, int ring, double[] p) {
    int m = solid.ringSize(ring);
    int a = solid.ringVertex(ring, 0);
    double[] best = new double[3];
    double bestLen = 0;
    for (int i = 1; i < m; i++) {
      int b = solid.ringVertex(ring, i);
      for (int j = i + 1; j < m; j++) {
        int c = solid.ringVertex(ring, j);
        double ux = p[3 * b] - p[3 * a];
        double uy = p[3 * b + 1] - p[3 * a + 1];
        double uz = p[3 * b + 2] - p[3 * a + 2];
        double vx = p[3 * c] - p[3 * a];
        double vy = p[3 * c + 1] - p[3 * a + 1];
        double vz = p[3 * c + 2] - p[3 * a + 2];
        double cx = uy * vz - uz * vy;
        double cy = uz * vx - ux * vz;
        double cz = ux * vy - uy * vx;
        double len = cx * cx + cy * cy + cz * cz;
        if (len > bestLen) {
          bestLen = len;
          best = new double[] {cx, cy, cz};
        }
      }
    }
    return best;
  }

  /** Closed-segment intersection in 2D (touching counts), as val3dity treats rings. */
  private static boolean segmentsIntersect(double[] a, double[] b) {
    double d1 = orient(b[0], b[1], b[2], b[3], a[0], a[1]);
    double d2 = orient(b[0], b[1], b[2], b[3], a[2], a[3]);
    double d3 = orient(a[0], a[1], a[2], a[3], b[0], b[1]);
    double d4 = orient(a[0], a[1], a[2], a[3], b[2], b[3]);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
      return true;
    }
    return (d1 == 0 && onSegment(b, a[0], a[1]))
        || (d2 == 0 && onSegment(b, a[2], a[3]))
        || (d3 == 0 && onSegment(a, b[0], b[1]))
        || (d4 == 0 && onSegment(a, b[2], b[3]));
  }

  private static boolean onSegment(double[] s, double x, double y) {
    return Math.min(s[0], s[2]) <= x
        && x <= Math.max(s[0], s[2])
        && Math.min(s[1], s[3]) <= y
        && y <= Math.max(s[1], s[3]);
  }

  private static double orient(double ax, double ay, double bx, double by, double cx, double cy) {
    return Predicates.orient2d(ax, ay, bx, by, cx, cy);
  }

  private static void selfIntersection(
      Solid solid, int first, int count, double[] p, int[] id, double eps, List<Error> errors) {
    CityMeshes.Acc acc = new CityMeshes.Acc();
    IntArray owner = new IntArray();
    for (int s = first; s < first + count; s++) {
      int before = acc.nt;
      CityMeshes.polygon(solid, s, 0, acc);
      for (int t = before; t < acc.nt; t += 3) {
        owner.add(s);
      }
    }
    int nt = acc.nt / 3;
    int[] tri = acc.tri;
    double[] box = new double[6 * nt];
    for (int t = 0; t < nt; t++) {
      for (int a = 0; a < 3; a++) {
        box[6 * t + a] = Double.POSITIVE_INFINITY;
        box[6 * t + 3 + a] = Double.NEGATIVE_INFINITY;
      }
      for (int c = 0; c < 3; c++) {
        int v = tri[3 * t + c];
        for (int a = 0; a < 3; a++) {
          box[6 * t + a] = Math.min(box[6 * t + a], p[3 * v + a]);
          box[6 * t + 3 + a] = Math.max(box[6 * t + 3 + a], p[3 * v + a]);
        }
      }
    }
    for (int t = 0; t < nt; t++) {
      for (int q = t + 1; q < nt; q++) {
        if (owner.get(t) == owner.get(q)) {
          continue;
        }
        boolean overlap = true;
        for (int a = 0; a < 3 && overlap; a++) {
          overlap = box[6 * t + a] <= box[6 * q + 3 + a] && box[6 * q + a] <= box[6 * t + 3 + a];
        }
        if (overlap && crosses(tri, t, q, p, id, eps)) {
          errors.add(
              new Error(
                  306,
                  "SHELL_SELF_INTERSECTION",
                  owner.get(t),
                  "surfaces " + owner.get(t) + " and " + owner.get(q) + " intersect"));
          return;
        }
      }
    }
  }

  /** Whether two triangles cross, ignoring contact along shared vertices and edges. */
  private static boolean crosses(int[] tri, int t, int q, double[] p, int[] id, double eps) {
    int[] a = {tri[3 * t], tri[3 * t + 1], tri[3 * t + 2]};
    int[] b = {tri[3 * q], tri[3 * q + 1], tri[3 * q + 2]};
    int shared = 0;
    for (int i : a) {
      for (int j : b) {
        if (id[i] == id[j]) {
          shared++;
        }
      }
    }
    if (shared >= 2) {
      return false;
    }
    for (int e = 0; e < 3; e++) {
      int u = a[e];
      int v = a[(e + 1) % 3];
      if (!sharesVertex(u, v, b, id) && segmentCrossesTriangle(p, u, v, b, eps)) {
        return true;
      }
      u = b[e];
      v = b[(e + 1) % 3];
      if (!sharesVertex(u, v, a, id) && segmentCrossesTriangle(p, u, v, a, eps)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sharesVertex(int u, int v, int[] tri, int[] id) {
    for (int w : tri) {
      if (id[w] == id[u] || id[w] == id[v]) {
        return true;
      }
    }
    return false;
  }

  /** Proper crossing of segment uv through the interior of triangle abc (not coplanar). */
  private static boolean segmentCrossesTriangle(double[] p, int u, int v, int[] t, double eps) {
    double du = orient3d(p, t[0], t[1], t[2], u);
    double dv = orient3d(p, t[0], t[1], t[2], v);
    if ((du > eps && dv > eps) || (du < -eps && dv < -eps)) {
      return false;
    }
    if (Math.abs(du) <= eps && Math.abs(dv) <= eps) {
      return false; // coplanar: left to the edge checks of the polygons
    }
    if (Math.abs(du) <= eps || Math.abs(dv) <= eps) {
      return false; // an end touches the plane: contact, not a crossing
    }
    double s1 = orient3d(p, u, v, t[0], t[1]);
    double s2 = orient3d(p, u, v, t[1], t[2]);
    double s3 = orient3d(p, u, v, t[2], t[0]);
    return (s1 > eps && s2 > eps && s3 > eps) || (s1 < -eps && s2 < -eps && s3 < -eps);
  }

  /** Six times the signed volume of the tetrahedron (a, b, c, d). */
  private static double orient3d(double[] p, int a, int b, int c, int d) {
    double adx = p[3 * a] - p[3 * d];
    double ady = p[3 * a + 1] - p[3 * d + 1];
    double adz = p[3 * a + 2] - p[3 * d + 2];
    double bdx = p[3 * b] - p[3 * d];
    double bdy = p[3 * b + 1] - p[3 * d + 1];
    double bdz = p[3 * b + 2] - p[3 * d + 2];
    double cdx = p[3 * c] - p[3 * d];
    double cdy = p[3 * c + 1] - p[3 * d + 1];
    double cdz = p[3 * c + 2] - p[3 * d + 2];
    return adx * (bdy * cdz - bdz * cdy)
        + ady * (bdz * cdx - bdx * cdz)
        + adz * (bdx * cdy - bdy * cdx);
  }

  private static double det(double[] p, int a, int b, int c) {
    return p[3 * a] * (p[3 * b + 1] * p[3 * c + 2] - p[3 * b + 2] * p[3 * c + 1])
        - p[3 * a + 1] * (p[3 * b] * p[3 * c + 2] - p[3 * b + 2] * p[3 * c])
        + p[3 * a + 2] * (p[3 * b] * p[3 * c + 1] - p[3 * b + 1] * p[3 * c]);
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  private static int find(int[] parent, int a) {
    while (parent[a] != a) {
      parent[a] = parent[parent[a]];
      a = parent[a];
    }
    return a;
  }

  /** A growable int list. */
  private static final class IntArray {
    private int[] a = new int[64];
    private int n;

    void add(int v) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, 2 * n);
      }
      a[n++] = v;
    }

    int get(int i) {
      return a[i];
    }
  }
}
