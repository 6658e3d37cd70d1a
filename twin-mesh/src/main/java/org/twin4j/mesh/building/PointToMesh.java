// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh.building;

import org.twin4j.core.geom.Solid;
import org.twin4j.mesh.CityMeshes;

/**
 * Distances from points to the surface of a solid, as roofer and the 3D BAG measure a model's fit:
 * the shortest 3D distance to any of its triangles. Brute force over the triangles whose box is
 * near, which suits the few hundred triangles of one building.
 */
final class PointToMesh {

  private PointToMesh() {}

  /**
   * The root mean square of the distances from the points to the solid's surface.
   *
   * @param solid the solid
   * @param xyz interleaved points in the solid's coordinates
   * @return the RMSE, NaN for no points
   */
  static double rmse(Solid solid, double[] xyz) {
    CityMeshes.Mesh m = CityMeshes.of(solid);
    double[] v = m.xyz();
    int[] t = m.triangles();
    int n = xyz.length / 3;
    if (n == 0 || t.length == 0) {
      return Double.NaN;
    }
    // relative to the first vertex, for precision
    double ox = v[0];
    double oy = v[1];
    double oz = v[2];
    double[] lv = new double[v.length];
    for (int i = 0; i < v.length; i += 3) {
      lv[i] = v[i] - ox;
      lv[i + 1] = v[i + 1] - oy;
      lv[i + 2] = v[i + 2] - oz;
    }
    double sum = 0;
    double[] q = new double[3];
    for (int i = 0; i < n; i++) {
      q[0] = xyz[3 * i] - ox;
      q[1] = xyz[3 * i + 1] - oy;
      q[2] = xyz[3 * i + 2] - oz;
      double best = Double.POSITIVE_INFINITY;
      for (int k = 0; k < t.length; k += 3) {
        best = Math.min(best, distanceSq(q, lv, t[k], t[k + 1], t[k + 2], best));
      }
      sum += best;
    }
    return Math.sqrt(sum / n);
  }

  /** Squared distance from p to triangle abc (Ericson, Real-Time Collision Detection 5.1.5). */
  static double distanceSq(double[] p, double[] v, int ia, int ib, int ic, double cutoff) {
    double ax = v[3 * ia];
    double ay = v[3 * ia + 1];
    double az = v[3 * ia + 2];
    double bx = v[3 * ib];
    double by = v[3 * ib + 1];
    double bz = v[3 * ib + 2];
    double cx = v[3 * ic];
    double cy = v[3 * ic + 1];
    double cz = v[3 * ic + 2];
    // quick reject by the box
    double px = p[0];
    double py = p[1];
    double pz = p[2];
    double dxLo = Math.min(ax, Math.min(bx, cx)) - px;
    double dxHi = px - Math.max(ax, Math.max(bx, cx));
    double dyLo = Math.min(ay, Math.min(by, cy)) - py;
    double dyHi = py - Math.max(ay, Math.max(by, cy));
    double dzLo = Math.min(az, Math.min(bz, cz)) - pz;
    double dzHi = pz - Math.max(az, Math.max(bz, cz));
    double gx = Math.max(0, Math.max(dxLo, dxHi));
    double gy = Math.max(0, Math.max(dyLo, dyHi));
    double gz = Math.max(0, Math.max(dzLo, dzHi));
    if (gx * gx + gy * gy + gz * gz >= cutoff) {
      return cutoff;
    }
    double abx = bx - ax;
    double aby = by - ay;
    double abz = bz - az;
    double acx = cx - ax;
    double acy = cy - ay;
    double acz = cz - az;
    double apx = px - ax;
    double apy = py - ay;
    double apz = pz - az;
    double d1 = abx * apx + aby * apy + abz * apz;
    double d2 = acx * apx + acy * apy + acz * apz;
    if (d1 <= 0 && d2 <= 0) {
      return sq(apx, apy, apz);
    }
    double bpx = px - bx;
    double bpy = py - by;
    double bpz = pz - bz;
    double d3 = abx * bpx + aby * bpy + abz * bpz;
    double d4 = acx * bpx + acy * bpy + acz * bpz;
    if (d3 >= 0 && d4 <= d3) {
      return sq(bpx, bpy, bpz);
    }
    double vc = d1 * d4 - d3 * d2;
    if (vc <= 0 && d1 >= 0 && d3 <= 0) {
      double w = d1 / (d1 - d3);
      return sq(apx - w * abx, apy - w * aby, apz - w * abz);
    }
    double cpx = px - cx;
    double cpy = py - cy;
    double cpz = pz - cz;
    double d5 = abx * cpx + aby * cpy + abz * cpz;
    double d6 = acx * cpx + acy * cpy + acz * cpz;
    if (d6 >= 0 && d5 <= d6) {
      return sq(cpx, cpy, cpz);
    }
    double vb = d5 * d2 - d1 * d6;
    if (vb <= 0 && d2 >= 0 && d6 <= 0) {
      double w = d2 / (d2 - d6);
      return sq(apx - w * acx, apy - w * acy, apz - w * acz);
    }
    double va = d3 * d6 - d5 * d4;
    if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) {
      double w = (d4 - d3) / ((d4 - d3) + (d5 - d6));
      return sq(bpx - w * (cx - bx), bpy - w * (cy - by), bpz - w * (cz - bz));
    }
    double denom = 1 / (va + vb + vc);
    double vv = vb * denom;
    double ww = vc * denom;
    return sq(apx - abx * vv - acx * ww, apy - aby * vv - acy * ww, apz - abz * vv - acz * ww);
  }

  private static double sq(double x, double y, double z) {
    return x * x + y * y + z * z;
  }
}
