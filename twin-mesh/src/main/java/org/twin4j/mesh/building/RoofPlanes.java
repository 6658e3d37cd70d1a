// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh.building;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Roof planes found in one building's points by region growing on normals, the way roofer and most
 * LOD2 pipelines seed their roof partition.
 *
 * <p>Each point's normal and curvature come from a principal component analysis of its k nearest
 * neighbours (2D grid search). Regions grow from the flattest unassigned point: a neighbour joins
 * when its normal is within the angle tolerance of the region's plane and it lies within the
 * distance tolerance of that plane; the plane is refitted by least squares as the region grows.
 * Regions smaller than the minimum, and steep planes (walls, slope above 75°), are dropped, their
 * points left unlabelled. Coordinates are local (the caller subtracts an origin) so that plane
 * coefficients keep their precision.
 */
final class RoofPlanes {

  /** Planes steeper than this (normal's z below it) are walls or noise, not roofs. */
  private static final double MIN_NORMAL_Z = Math.cos(Math.toRadians(75));

  /** z = a x + b y + c per plane, three doubles each. */
  final double[] planes;

  /** Plane index per point, or -1. */
  final int[] label;

  private RoofPlanes(double[] planes, int[] label) {
    this.planes = planes;
    this.label = label;
  }

  int planeCount() {
    return planes.length / 3;
  }

  double z(int plane, double x, double y) {
    return planes[3 * plane] * x + planes[3 * plane + 1] * y + planes[3 * plane + 2];
  }

  /**
   * Detects planes.
   *
   * @param xyz interleaved local coordinates
   * @param o the options (tolerances, k, minimum region)
   */
  static RoofPlanes detect(double[] xyz, ReconstructionOptions o) {
    int n = xyz.length / 3;
    int k = o.neighbours();
    int[] nb = nearest(xyz, k, 2.0);
    double[] normal = new double[3 * n];
    double[] curvature = new double[n];
    double[] cov = new double[6];
    double[] eig = new double[12];
    int[] tmp = new int[k + 1];
    for (int i = 0; i < n; i++) {
      int m = 0;
      tmp[m++] = i;
      for (int j = 0; j < k; j++) {
        if (nb[i * k + j] >= 0) {
          tmp[m++] = nb[i * k + j];
        }
      }
      if (m < 3) {
        curvature[i] = 1;
        normal[3 * i + 2] = 1;
        continue;
      }
      covariance(xyz, tmp, m, cov);
      eigen(cov, eig);
      double sum = eig[0] + eig[1] + eig[2];
      curvature[i] = sum > 0 ? eig[0] / sum : 1;
      double s = eig[5] < 0 ? -1 : 1;
      normal[3 * i] = s * eig[3];
      normal[3 * i + 1] = s * eig[4];
      normal[3 * i + 2] = s * eig[5];
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(curvature[a], curvature[b]));
    int[] label = new int[n];
    Arrays.fill(label, -1);
    boolean[] triedSeed = new boolean[n];
    double cosTol = Math.cos(Math.toRadians(o.normalAngle()));
    double tol = o.planeTolerance();
    List<double[]> found = new ArrayList<>();
    int[] queue = new int[n];
    int[] members = new int[n];
    double[] plane = new double[4];
    for (int seedIdx = 0; seedIdx < n; seedIdx++) {
      int seed = order[seedIdx];
      if (label[seed] != -1 || triedSeed[seed] || curvature[seed] > 0.05) {
        continue;
      }
      triedSeed[seed] = true;
      int id = found.size();
      plane[0] = normal[3 * seed];
      plane[1] = normal[3 * seed + 1];
      plane[2] = normal[3 * seed + 2];
      plane[3] =
          -(plane[0] * xyz[3 * seed] + plane[1] * xyz[3 * seed + 1] + plane[2] * xyz[3 * seed + 2]);
      int count = 0;
      int head = 0;
      int tail = 0;
      queue[tail++] = seed;
      label[seed] = id;
      members[count++] = seed;
      int nextFit = 8;
      while (head < tail) {
        int p = queue[head++];
        for (int j = 0; j < k; j++) {
          int q = nb[p * k + j];
          if (q < 0 || label[q] != -1) {
            continue;
          }
          double dot =
              normal[3 * q] * plane[0]
                  + normal[3 * q + 1] * plane[1]
                  + normal[3 * q + 2] * plane[2];
          double dist =
              plane[0] * xyz[3 * q]
                  + plane[1] * xyz[3 * q + 1]
                  + plane[2] * xyz[3 * q + 2]
                  + plane[3];
          if (Math.abs(dot) >= cosTol && Math.abs(dist) <= tol) {
            label[q] = id;
            members[count++] = q;
            queue[tail++] = q;
            if (count >= nextFit) {
              fit(xyz, members, count, plane, cov, eig);
              nextFit = count + count / 2;
            }
          }
        }
      }
      if (count >= 3) {
        fit(xyz, members, count, plane, cov, eig);
      }
      if (count < o.minPlanePoints() || Math.abs(plane[2]) < MIN_NORMAL_Z) {
        for (int m = 0; m < count; m++) {
          label[members[m]] = -1;
          triedSeed[members[m]] = true;
        }
        continue;
      }
      found.add(new double[] {-plane[0] / plane[2], -plane[1] / plane[2], -plane[3] / plane[2]});
    }
    // points left between regions (ridges, where normals blend two planes) join the neighbouring
    // plane they lie closest to, within the tolerance
    for (int pass = 0; pass < 2; pass++) {
      int[] next = label.clone();
      for (int p = 0; p < n; p++) {
        if (label[p] >= 0) {
          continue;
        }
        double best = tol;
        for (int j = 0; j < k; j++) {
          int q = nb[p * k + j];
          if (q < 0 || label[q] < 0) {
            continue;
          }
          double[] f = found.get(label[q]);
          double d =
              Math.abs(xyz[3 * p + 2] - (f[0] * xyz[3 * p] + f[1] * xyz[3 * p + 1] + f[2]))
                  / Math.sqrt(1 + f[0] * f[0] + f[1] * f[1]);
          if (d <= best) {
            best = d;
            next[p] = label[q];
          }
        }
      }
      System.arraycopy(next, 0, label, 0, n);
    }
    double[] planes = new double[3 * found.size()];
    for (int i = 0; i < found.size(); i++) {
      System.arraycopy(found.get(i), 0, planes, 3 * i, 3);
    }
    return new RoofPlanes(planes, label);
  }

  /** Least-squares plane through the members (normal = smallest principal axis). */
  private static void fit(
      double[] xyz, int[] members, int count, double[] plane, double[] cov, double[] eig) {
    double cx = 0;
    double cy = 0;
    double cz = 0;
    for (int m = 0; m < count; m++) {
      int p = members[m];
      cx += xyz[3 * p];
      cy += xyz[3 * p + 1];
      cz += xyz[3 * p + 2];
    }
    covariance(xyz, members, count, cov);
    eigen(cov, eig);
    double s = eig[5] < 0 ? -1 : 1;
    plane[0] = s * eig[3];
    plane[1] = s * eig[4];
    plane[2] = s * eig[5];
    plane[3] = -(plane[0] * cx + plane[1] * cy + plane[2] * cz) / count;
  }

  /** The upper triangle xx, xy, xz, yy, yz, zz of the covariance of the chosen points. */
  static void covariance(double[] xyz, int[] idx, int m, double[] cov) {
    double cx = 0;
    double cy = 0;
    double cz = 0;
    for (int j = 0; j < m; j++) {
      cx += xyz[3 * idx[j]];
      cy += xyz[3 * idx[j] + 1];
      cz += xyz[3 * idx[j] + 2];
    }
    cx /= m;
    cy /= m;
    cz /= m;
    Arrays.fill(cov, 0);
    for (int j = 0; j < m; j++) {
      double dx = xyz[3 * idx[j]] - cx;
      double dy = xyz[3 * idx[j] + 1] - cy;
      double dz = xyz[3 * idx[j] + 2] - cz;
      cov[0] += dx * dx;
      cov[1] += dx * dy;
      cov[2] += dx * dz;
      cov[3] += dy * dy;
      cov[4] += dy * dz;
      cov[5] += dz * dz;
    }
  }

  /**
   * Eigen-decomposition of a symmetric 3×3 matrix by cyclic Jacobi rotations.
   *
   * @param c the upper triangle xx, xy, xz, yy, yz, zz
   * @param out eigenvalues ascending in 0..2, then the eigenvector of the smallest in 3..5, the
   *     middle in 6..8 and the largest in 9..11
   */
  static void eigen(double[] c, double[] out) {
    double[][] a = {{c[0], c[1], c[2]}, {c[1], c[3], c[4]}, {c[2], c[4], c[5]}};
    double[][] v = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    for (int sweep = 0; sweep < 32; sweep++) {
      double off = Math.abs(a[0][1]) + Math.abs(a[0][2]) + Math.abs(a[1][2]);
      double scale = Math.abs(a[0][0]) + Math.abs(a[1][1]) + Math.abs(a[2][2]);
      if (off <= 1e-15 * scale || off == 0) {
        break;
      }
      for (int p = 0; p < 2; p++) {
        for (int q = p + 1; q < 3; q++) {
          if (a[p][q] == 0) {
            continue;
          }
          double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double cs = 1 / Math.sqrt(t * t + 1);
          double sn = t * cs;
          for (int r = 0; r < 3; r++) {
            double arp = a[r][p];
            double arq = a[r][q];
            a[r][p] = cs * arp - sn * arq;
            a[r][q] = sn * arp + cs * arq;
          }
          for (int r = 0; r < 3; r++) {
            double apr = a[p][r];
            double aqr = a[q][r];
            a[p][r] = cs * apr - sn * aqr;
            a[q][r] = sn * apr + cs * aqr;
          }
          for (int r = 0; r < 3; r++) {
            double vrp = v[r][p];
            double vrq = v[r][q];
            v[r][p] = cs * vrp - sn * vrq;
            v[r][q] = sn * vrp + cs * vrq;
          }
        }
      }
    }
    int[] idx = {0, 1, 2};
    double[] d = {a[0][0], a[1][1], a[2][2]};
    for (int i = 0; i < 2; i++) {
      for (int j = i + 1; j < 3; j++) {
        if (d[idx[j]] < d[idx[i]]) {
          int t = idx[i];
          idx[i] = idx[j];
          idx[j] = t;
        }
      }
    }
    for (int i = 0; i < 3; i++) {
      out[i] = d[idx[i]];
      out[3 + 3 * i] = v[0][idx[i]];
      out[4 + 3 * i] = v[1][idx[i]];
      out[5 + 3 * i] = v[2][idx[i]];
    }
  }

  /**
   * The k nearest neighbours (3D distance) of every point among those within {@code radius} in x
   * and y, through a 2D grid; -1 fills missing slots.
   *
   * @param xyz interleaved coordinates
   * @param k neighbours per point
   * @param radius the largest horizontal distance of a neighbour
   * @return k indices per point
   */
  static int[] nearest(double[] xyz, int k, double radius) {
    return nearest(xyz, k, radius, true);
  }

  /** As {@link #nearest(double[], int, double)}, by 3D distance or, if not {@code use3d}, 2D. */
  static int[] nearest(double[] xyz, int k, double radius, boolean use3d) {
    int n = xyz.length / 3;
    double x0 = Double.POSITIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      x0 = Math.min(x0, xyz[3 * i]);
      y0 = Math.min(y0, xyz[3 * i + 1]);
      x1 = Math.max(x1, xyz[3 * i]);
      y1 = Math.max(y1, xyz[3 * i + 1]);
    }
    // cells of about k/2 points each, so that a 3×3 block usually holds k
    double area = Math.max(1e-6, (x1 - x0) * (y1 - y0));
    double cell =
        Math.min(radius, Math.max(0.05, Math.sqrt(area * Math.max(1, k / 2.0) / Math.max(1, n))));
    int cols = Math.max(1, Math.min(4096, (int) ((x1 - x0) / cell) + 1));
    int rows = Math.max(1, Math.min(4096, (int) ((y1 - y0) / cell) + 1));
    int[] start = new int[cols * rows + 1];
    int[] cellOf = new int[n];
    for (int i = 0; i < n; i++) {
      int cx = Math.min(cols - 1, (int) ((xyz[3 * i] - x0) / cell));
      int cy = Math.min(rows - 1, (int) ((xyz[3 * i + 1] - y0) / cell));
      cellOf[i] = cy * cols + cx;
      start[cellOf[i] + 1]++;
    }
    for (int c = 0; c < cols * rows; c++) {
      start[c + 1] += start[c];
    }
    int[] fill = Arrays.copyOf(start, cols * rows);
    int[] sorted = new int[n];
    for (int i = 0; i < n; i++) {
      sorted[fill[cellOf[i]]++] = i;
    }
    int[] out = new int[n * k];
    Arrays.fill(out, -1);
    double[] bestD = new double[k];
    int[] bestI = new int[k];
    int reach = Math.max(1, (int) Math.ceil(radius / cell));
    double r2 = radius * radius;
    for (int i = 0; i < n; i++) {
      double px = xyz[3 * i];
      double py = xyz[3 * i + 1];
      double pz = xyz[3 * i + 2];
      int cx = cellOf[i] % cols;
      int cy = cellOf[i] / cols;
      int found = 0;
      // grow the searched ring of cells until k are found within the ring's guaranteed radius
      for (int ring = 1; ring <= reach; ring++) {
        found = 0;
        for (int yy = Math.max(0, cy - ring); yy <= Math.min(rows - 1, cy + ring); yy++) {
          for (int xx = Math.max(0, cx - ring); xx <= Math.min(cols - 1, cx + ring); xx++) {
            int c = yy * cols + xx;
            for (int s = start[c]; s < start[c + 1]; s++) {
              int j = sorted[s];
              if (j == i) {
                continue;
              }
              double dx = xyz[3 * j] - px;
              double dy = xyz[3 * j + 1] - py;
              if (dx * dx + dy * dy > r2) {
                continue;
              }
              double dz = use3d ? xyz[3 * j + 2] - pz : 0;
              double d = dx * dx + dy * dy + dz * dz;
              if (found < k) {
                int m = found++;
                while (m > 0 && bestD[m - 1] > d) {
                  bestD[m] = bestD[m - 1];
                  bestI[m] = bestI[m - 1];
                  m--;
                }
                bestD[m] = d;
                bestI[m] = j;
              } else if (d < bestD[k - 1]) {
                int m = k - 1;
                while (m > 0 && bestD[m - 1] > d) {
                  bestD[m] = bestD[m - 1];
                  bestI[m] = bestI[m - 1];
                  m--;
                }
                bestD[m] = d;
                bestI[m] = j;
              }
            }
          }
        }
        double guaranteed = ring * cell;
        if (found == k && bestD[k - 1] <= guaranteed * guaranteed) {
          break;
        }
      }
      System.arraycopy(bestI, 0, out, i * k, found);
    }
    return out;
  }
}
