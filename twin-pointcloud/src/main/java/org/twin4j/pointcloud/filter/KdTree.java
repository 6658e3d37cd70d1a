// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud.filter;

/**
 * A static 3D k-d tree over points for k-nearest-neighbour queries: median splits on the widest
 * axis down to leaves of at most {@value #LEAF} points, coordinates copied into tree order so a
 * query walks contiguous memory. Immutable after construction and safe for concurrent queries.
 * Memory: 28 bytes per point (three doubles and an int).
 */
final class KdTree {

  private static final int LEAF = 32;

  private final double[] x;
  private final double[] y;
  private final double[] z;
  private final int[] id;
  private final byte[] axis;

  /** Builds the tree; the arrays are read, not kept. */
  KdTree(double[] xs, double[] ys, double[] zs) {
    int n = xs.length;
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    axis = new byte[n];
    build(xs, ys, zs, perm, 0, n);
    x = new double[n];
    y = new double[n];
    z = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = xs[perm[i]];
      y[i] = ys[perm[i]];
      z[i] = zs[perm[i]];
    }
    id = perm;
  }

  private void build(double[] xs, double[] ys, double[] zs, int[] perm, int lo, int hi) {
    while (hi - lo > LEAF) {
      double[] ext = new double[6];
      ext[0] = ext[1] = ext[2] = Double.POSITIVE_INFINITY;
      ext[3] = ext[4] = ext[5] = Double.NEGATIVE_INFINITY;
      for (int i = lo; i < hi; i++) {
        int p = perm[i];
        ext[0] = Math.min(ext[0], xs[p]);
        ext[3] = Math.max(ext[3], xs[p]);
        ext[1] = Math.min(ext[1], ys[p]);
        ext[4] = Math.max(ext[4], ys[p]);
        ext[2] = Math.min(ext[2], zs[p]);
        ext[5] = Math.max(ext[5], zs[p]);
      }
      double dx = ext[3] - ext[0];
      double dy = ext[4] - ext[1];
      double dz = ext[5] - ext[2];
      int a = dx >= dy && dx >= dz ? 0 : dy >= dz ? 1 : 2;
      double[] c = a == 0 ? xs : a == 1 ? ys : zs;
      int mid = (lo + hi) >>> 1;
      select(c, perm, lo, hi - 1, mid);
      axis[mid] = (byte) a;
      build(xs, ys, zs, perm, lo, mid);
      lo = mid + 1;
    }
  }

  /** Quickselect: puts the k-th smallest (by c, ties by index) at k. */
  private static void select(double[] c, int[] perm, int lo, int hi, int k) {
    while (hi > lo) {
      int m = (lo + hi) >>> 1;
      // median of three as pivot
      if (less(c, perm[m], perm[lo])) {
        swap(perm, m, lo);
      }
      if (less(c, perm[hi], perm[lo])) {
        swap(perm, hi, lo);
      }
      if (less(c, perm[hi], perm[m])) {
        swap(perm, hi, m);
      }
      int pivot = perm[m];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (less(c, perm[i], pivot)) {
          i++;
        }
        while (less(c, pivot, perm[j])) {
          j--;
        }
        if (i <= j) {
          swap(perm, i++, j--);
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private static boolean less(double[] c, int a, int b) {
    return c[a] < c[b] || (c[a] == c[b] && a < b);
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  /**
   * The input index of the point at a position of the tree's order (a spatially coherent order).
   */
  int inputIndex(int position) {
    return id[position];
  }

  /**
   * Finds the k nearest points to (qx, qy, qz).
   *
   * @param dist receives the squared distances, ascending (length k)
   * @param ids receives the points' indices in the input arrays (length k)
   * @return how many were found (fewer than k only if the tree has fewer points)
   */
  int nearest(double qx, double qy, double qz, int k, double[] dist, int[] ids) {
    int[] found = {0};
    java.util.Arrays.fill(dist, 0, k, Double.POSITIVE_INFINITY);
    search(0, x.length, qx, qy, qz, k, dist, ids, found, 0, new double[3]);
    return found[0];
  }

  /**
   * Searches the subtree over {@code [lo, hi)}, whose region lies {@code rd} (squared) from the
   * query, {@code off[a]} along each axis (incremental distance, Arya and Mount 1993): far subtrees
   * are pruned by their true distance, not only by the split plane's.
   */
  private void search(
      int lo,
      int hi,
      double qx,
      double qy,
      double qz,
      int k,
      double[] dist,
      int[] ids,
      int[] found,
      double rd,
      double[] off) {
    while (true) {
      if (found[0] >= k && rd > dist[k - 1]) {
        return;
      }
      if (hi - lo <= LEAF) {
        for (int i = lo; i < hi; i++) {
          offer(i, qx, qy, qz, k, dist, ids, found);
        }
        return;
      }
      int mid = (lo + hi) >>> 1;
      int a = axis[mid];
      double d = a == 0 ? qx - x[mid] : a == 1 ? qy - y[mid] : qz - z[mid];
      offer(mid, qx, qy, qz, k, dist, ids, found);
      int nearLo = d < 0 ? lo : mid + 1;
      int nearHi = d < 0 ? mid : hi;
      int farLo = d < 0 ? mid + 1 : lo;
      int farHi = d < 0 ? hi : mid;
      search(nearLo, nearHi, qx, qy, qz, k, dist, ids, found, rd, off);
      double old = off[a];
      double farRd = rd - old * old + d * d;
      if (found[0] >= k && farRd > dist[k - 1]) {
        return;
      }
      off[a] = d;
      search(farLo, farHi, qx, qy, qz, k, dist, ids, found, farRd, off);
      off[a] = old;
      return;
    }
  }

  private void offer(
      int i, double qx, double qy, double qz, int k, double[] dist, int[] ids, int[] found) {
    double dx = x[i] - qx;
    double dy = y[i] - qy;
    double dz = z[i] - qz;
    double d = dx * dx + dy * dy + dz * dz;
    if (d >= dist[k - 1] && found[0] >= k) {
      return;
    }
    int j = Math.min(found[0], k - 1);
    if (found[0] < k) {
      found[0]++;
    }
    while (j > 0 && (dist[j - 1] > d || (dist[j - 1] == d && ids[j - 1] > id[i]))) {
      dist[j] = dist[j - 1];
      ids[j] = ids[j - 1];
      j--;
    }
    dist[j] = d;
    ids[j] = id[i];
  }
}
