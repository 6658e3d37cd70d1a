// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

/**
 * Static measurements on geometries: bounds, point distance, ray intersection and footprint
 * overlap, computed exactly on the surfaces (not on bounding boxes). These refine the candidates a
 * spatial index returns.
 *
 * <p>Surfaces are treated as planar polygons: a point or ray is projected on the plane fitted by
 * Newell's method to the exterior ring. Points and lines have no area, so rays never hit them.
 *
 * @since 1.0
 */
public final class Geometries {

  private Geometries() {}

  /**
   * Returns the smallest Euclidean distance from a point to a geometry: to its surfaces, triangles,
   * line segments or points.
   *
   * @param g the geometry
   * @param x the point's x
   * @param y the point's y
   * @param z the point's z
   * @return the distance in CRS units, 0 if the point lies on the geometry
   */
  public static double distance(Geometry g, double x, double y, double z) {
    double best = Double.POSITIVE_INFINITY;
    if (g instanceof SurfaceGeometry) {
      SurfaceGeometry s = (SurfaceGeometry) g;
      Face f = new Face();
      for (int i = 0; i < s.surfaceCount() && best > 0; i++) {
        f.load(s, i);
        best = Math.min(best, f.distance(x, y, z));
      }
    } else if (g instanceof TriangleMesh) {
      TriangleMesh m = (TriangleMesh) g;
      Face f = new Face();
      for (int t = 0; t < m.triangleCount() && best > 0; t++) {
        f.load(m, t);
        best = Math.min(best, f.distance(x, y, z));
      }
    } else if (g instanceof MultiLineString) {
      MultiLineString l = (MultiLineString) g;
      for (int i = 0; i < l.lineCount(); i++) {
        for (int v = l.lineStart(i); v + 1 < l.lineEnd(i); v++) {
          best = Math.min(best, Math.sqrt(segmentDistanceSq(g.xyz, v, v + 1, x, y, z)));
        }
      }
    } else {
      for (int v = 0; v < g.vertexCount(); v++) {
        double dx = g.x(v) - x;
        double dy = g.y(v) - y;
        double dz = g.z(v) - z;
        best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
      }
    }
    return best;
  }

  /**
   * Returns the distance along a ray to the first surface or triangle of a geometry it hits.
   *
   * @param g the geometry
   * @param ray the ray
   * @param maxDistance hits farther than this are ignored
   * @return the distance in CRS units, or positive infinity if the ray hits nothing within {@code
   *     maxDistance} (always so for points and lines)
   */
  public static double rayDistance(Geometry g, Ray ray, double maxDistance) {
    double best = Double.POSITIVE_INFINITY;
    double limit = maxDistance;
    if (g instanceof SurfaceGeometry) {
      SurfaceGeometry s = (SurfaceGeometry) g;
      Face f = new Face();
      for (int i = 0; i < s.surfaceCount(); i++) {
        f.load(s, i);
        double t = f.rayDistance(ray, limit);
        if (t < best) {
          best = t;
          limit = t;
        }
      }
    } else if (g instanceof TriangleMesh) {
      TriangleMesh m = (TriangleMesh) g;
      Face f = new Face();
      for (int i = 0; i < m.triangleCount(); i++) {
        f.load(m, i);
        double t = f.rayDistance(ray, limit);
        if (t < best) {
          best = t;
          limit = t;
        }
      }
    }
    return best;
  }

  /**
   * Tells whether the projection of a geometry on the x/y plane (its footprint) shares a point with
   * a rectangle. Vertical walls project to segments and count.
   *
   * @param g the geometry
   * @param window the rectangle
   * @return true if they intersect
   */
  public static boolean intersects2D(Geometry g, Bounds2D window) {
    if (g instanceof SurfaceGeometry) {
      SurfaceGeometry s = (SurfaceGeometry) g;
      for (int i = 0; i < s.surfaceCount(); i++) {
        boolean cornerInside = false;
        int first = s.surfaceFirstRing(i);
        for (int r = first; r < first + s.surfaceRingCount(i); r++) {
          int n = s.ringSize(r);
          for (int k = 0; k < n; k++) {
            int a = s.ringVertex(r, k);
            int b = s.ringVertex(r, k + 1 == n ? 0 : k + 1);
            if (segmentIntersects(g.xyz, a, b, window)) {
              return true;
            }
            cornerInside ^= crosses(g.xyz, a, b, window.minX(), window.minY());
          }
        }
        if (cornerInside) {
          return true;
        }
      }
      return false;
    } else if (g instanceof TriangleMesh) {
      TriangleMesh m = (TriangleMesh) g;
      for (int t = 0; t < m.triangleCount(); t++) {
        boolean cornerInside = false;
        for (int k = 0; k < 3; k++) {
          int a = m.triangleVertex(t, k);
          int b = m.triangleVertex(t, (k + 1) % 3);
          if (segmentIntersects(g.xyz, a, b, window)) {
            return true;
          }
          cornerInside ^= crosses(g.xyz, a, b, window.minX(), window.minY());
        }
        if (cornerInside) {
          return true;
        }
      }
      return false;
    } else if (g instanceof MultiLineString) {
      MultiLineString l = (MultiLineString) g;
      for (int i = 0; i < l.lineCount(); i++) {
        for (int v = l.lineStart(i); v + 1 < l.lineEnd(i); v++) {
          if (segmentIntersects(g.xyz, v, v + 1, window)) {
            return true;
          }
        }
      }
      return false;
    }
    for (int v = 0; v < g.vertexCount(); v++) {
      if (window.contains(g.x(v), g.y(v))) {
        return true;
      }
    }
    return false;
  }

  /** Bounds of interleaved coordinates; at least one vertex. */
  static Bounds3D bounds(double[] xyz) {
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double minZ = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    double maxZ = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < xyz.length; i += 3) {
      minX = Math.min(minX, xyz[i]);
      maxX = Math.max(maxX, xyz[i]);
      minY = Math.min(minY, xyz[i + 1]);
      maxY = Math.max(maxY, xyz[i + 1]);
      minZ = Math.min(minZ, xyz[i + 2]);
      maxZ = Math.max(maxZ, xyz[i + 2]);
    }
    return new Bounds3D(minX, minY, minZ, maxX, maxY, maxZ);
  }

  /**
   * Signed area (shoelace, positive counter-clockwise) of the open ring formed by vertices {@code
   * from} to {@code to - 1}; coordinates are taken relative to the first vertex so that large
   * projected coordinates do not cancel digits.
   */
  static double signedArea2D(double[] xyz, int from, int to) {
    double x0 = xyz[3 * from];
    double y0 = xyz[3 * from + 1];
    double twice = 0;
    for (int i = from + 1; i + 1 < to; i++) {
      double ax = xyz[3 * i] - x0;
      double ay = xyz[3 * i + 1] - y0;
      double bx = xyz[3 * i + 3] - x0;
      double by = xyz[3 * i + 4] - y0;
      twice += ax * by - bx * ay;
    }
    return twice / 2;
  }

  /** Even-odd crossing test of a point against the ring of vertices from..to-1. */
  static boolean crossingParity(double[] xyz, int from, int to, double px, double py) {
    boolean odd = false;
    for (int i = from, j = to - 1; i < to; j = i++) {
      odd ^= crosses(xyz, j, i, px, py);
    }
    return odd;
  }

  /** Whether edge a-b crosses the horizontal half-line to the right of (px, py). */
  private static boolean crosses(double[] xyz, int a, int b, double px, double py) {
    double ax = xyz[3 * a];
    double ay = xyz[3 * a + 1];
    double bx = xyz[3 * b];
    double by = xyz[3 * b + 1];
    if ((ay > py) == (by > py)) {
      return false;
    }
    double xCross = ax + (py - ay) * (bx - ax) / (by - ay);
    return px < xCross;
  }

  /** Liang-Barsky: whether segment a-b, projected on x/y, meets the closed rectangle. */
  private static boolean segmentIntersects(double[] xyz, int a, int b, Bounds2D w) {
    double x0 = xyz[3 * a];
    double y0 = xyz[3 * a + 1];
    double dx = xyz[3 * b] - x0;
    double dy = xyz[3 * b + 1] - y0;
    double t0 = 0;
    double t1 = 1;
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {x0 - w.minX(), w.maxX() - x0, y0 - w.minY(), w.maxY() - y0};
    for (int i = 0; i < 4; i++) {
      if (p[i] == 0) {
        if (q[i] < 0) {
          return false;
        }
      } else {
        double r = q[i] / p[i];
        if (p[i] < 0) {
          t0 = Math.max(t0, r);
        } else {
          t1 = Math.min(t1, r);
        }
        if (t0 > t1) {
          return false;
        }
      }
    }
    return true;
  }

  /** Squared distance from a point to segment a-b in 3D. */
  private static double segmentDistanceSq(
      double[] xyz, int a, int b, double x, double y, double z) {
    double ax = xyz[3 * a];
    double ay = xyz[3 * a + 1];
    double az = xyz[3 * a + 2];
    double ux = xyz[3 * b] - ax;
    double uy = xyz[3 * b + 1] - ay;
    double uz = xyz[3 * b + 2] - az;
    double len2 = ux * ux + uy * uy + uz * uz;
    double t = len2 == 0 ? 0 : ((x - ax) * ux + (y - ay) * uy + (z - az) * uz) / len2;
    t = Math.max(0, Math.min(1, t));
    double dx = ax + t * ux - x;
    double dy = ay + t * uy - y;
    double dz = az + t * uz - z;
    return dx * dx + dy * dy + dz * dz;
  }

  /**
   * One polygonal face (a surface with holes, or a triangle) loaded from a geometry, with reusable
   * index arrays; not thread-safe.
   */
  private static final class Face {
    private double[] xyz = new double[0];
    private int[] vertices = new int[16];
    private int[] ringStarts = new int[4];
    private int rings;
    private double nx;
    private double ny;
    private double nz;
    private double nlen;

    void load(SurfaceGeometry s, int surface) {
      xyz = s.xyz;
      int first = s.surfaceFirstRing(surface);
      rings = s.surfaceRingCount(surface);
      if (ringStarts.length < rings + 1) {
        ringStarts = new int[rings + 1];
      }
      int n = 0;
      for (int r = 0; r < rings; r++) {
        ringStarts[r] = n;
        int size = s.ringSize(first + r);
        if (vertices.length < n + size) {
          vertices = java.util.Arrays.copyOf(vertices, Math.max(2 * vertices.length, n + size));
        }
        for (int k = 0; k < size; k++) {
          vertices[n++] = s.ringVertex(first + r, k);
        }
      }
      ringStarts[rings] = n;
      computeNormal();
    }

    void load(TriangleMesh m, int triangle) {
      xyz = m.xyz;
      rings = 1;
      ringStarts[0] = 0;
      ringStarts[1] = 3;
      for (int k = 0; k < 3; k++) {
        vertices[k] = m.triangleVertex(triangle, k);
      }
      computeNormal();
    }

    /**
     * Newell's normal of the exterior ring; robust for non-convex and slightly non-planar rings.
     */
    private void computeNormal() {
      nx = 0;
      ny = 0;
      nz = 0;
      int n = ringStarts[1];
      int o = 3 * vertices[0];
      double x0 = xyz[o];
      double y0 = xyz[o + 1];
      double z0 = xyz[o + 2];
      for (int k = 0; k < n; k++) {
        int a = 3 * vertices[k];
        int b = 3 * vertices[k + 1 == n ? 0 : k + 1];
        double ax = xyz[a] - x0;
        double ay = xyz[a + 1] - y0;
        double az = xyz[a + 2] - z0;
        double bx = xyz[b] - x0;
        double by = xyz[b + 1] - y0;
        double bz = xyz[b + 2] - z0;
        nx += (ay - by) * (az + bz);
        ny += (az - bz) * (ax + bx);
        nz += (ax - bx) * (ay + by);
      }
      nlen = Math.sqrt(nx * nx + ny * ny + nz * nz);
    }

    double distance(double x, double y, double z) {
      if (nlen > 0) {
        int o = 3 * vertices[0];
        double d = ((x - xyz[o]) * nx + (y - xyz[o + 1]) * ny + (z - xyz[o + 2]) * nz) / nlen;
        double fx = x - d * nx / nlen;
        double fy = y - d * ny / nlen;
        double fz = z - d * nz / nlen;
        if (contains(fx, fy, fz)) {
          return Math.abs(d);
        }
      }
      double best = Double.POSITIVE_INFINITY;
      for (int r = 0; r < rings; r++) {
        int s = ringStarts[r];
        int e = ringStarts[r + 1];
        for (int k = s; k < e; k++) {
          best =
              Math.min(
                  best,
                  segmentDistanceSq(xyz, vertices[k], vertices[k + 1 == e ? s : k + 1], x, y, z));
        }
      }
      return Math.sqrt(best);
    }

    double rayDistance(Ray ray, double maxDistance) {
      if (!(nlen > 0)) {
        return Double.POSITIVE_INFINITY;
      }
      double denom = nx * ray.dx() + ny * ray.dy() + nz * ray.dz();
      if (Math.abs(denom) <= 1e-12 * nlen) {
        return Double.POSITIVE_INFINITY; // parallel: a grazing ray does not count as a hit
      }
      int o = 3 * vertices[0];
      double t =
          ((xyz[o] - ray.ox()) * nx + (xyz[o + 1] - ray.oy()) * ny + (xyz[o + 2] - ray.oz()) * nz)
              / denom;
      if (!(t >= 0) || t > maxDistance) {
        return Double.POSITIVE_INFINITY;
      }
      return contains(ray.ox() + t * ray.dx(), ray.oy() + t * ray.dy(), ray.oz() + t * ray.dz())
          ? t
          : Double.POSITIVE_INFINITY;
    }

    /** Even-odd test of a point on the face's plane, projected along the normal's dominant axis. */
    private boolean contains(double px, double py, double pz) {
      double ax = Math.abs(nx);
      double ay = Math.abs(ny);
      double az = Math.abs(nz);
      int u;
      int v;
      double pu;
      double pv;
      if (az >= ax && az >= ay) {
        u = 0;
        v = 1;
        pu = px;
        pv = py;
      } else if (ay >= ax) {
        u = 2;
        v = 0;
        pu = pz;
        pv = px;
      } else {
        u = 1;
        v = 2;
        pu = py;
        pv = pz;
      }
      boolean odd = false;
      for (int r = 0; r < rings; r++) {
        int s = ringStarts[r];
        int e = ringStarts[r + 1];
        for (int i = s, j = e - 1; i < e; j = i++) {
          double iu = xyz[3 * vertices[i] + u];
          double iv = xyz[3 * vertices[i] + v];
          double ju = xyz[3 * vertices[j] + u];
          double jv = xyz[3 * vertices[j] + v];
          if ((iv > pv) != (jv > pv) && pu < ju + (pv - jv) * (iu - ju) / (iv - jv)) {
            odd = !odd;
          }
        }
      }
      return odd;
    }
  }
}
