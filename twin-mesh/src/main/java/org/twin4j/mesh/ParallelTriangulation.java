// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The Delaunay triangulation of points cut into vertical strips, one thread per strip, and sewn
 * together.
 *
 * <p>Why the seams are exact: a triangle of a strip's triangulation whose circumcircle (closed)
 * lies inside the strip's x range holds no point of another strip, so it is a triangle of the whole
 * triangulation ("safe"). Every other triangle of the whole triangulation has all its vertices
 * among the vertices of the strips' unsafe triangles (hull edges count as unsafe): a vertex all of
 * whose strip triangles are safe is surrounded by final triangles and has no other. So the
 * triangulation of those vertices holds every missing triangle, and they fill exactly the region
 * the safe triangles leave open, whose border edges are edges of both. Groups of cocircular
 * triangles share one circle, so they are safe or unsafe as a whole, and {@link
 * DelaunayTriangulation.Builder#canonicalize} triangulates them the same way in a strip, in the
 * seam and in the sequential build: the result equals the sequential one.
 */
final class ParallelTriangulation {

  private static final int INF = -1;

  /** Fewer points than this per strip are triangulated on the calling thread. */
  static final int MIN_POINTS_PER_STRIP = 5_000;

  private ParallelTriangulation() {}

  /** One strip's triangulation and what the seam needs of it. */
  private static final class Strip {
    final DelaunayTriangulation.Builder tin;

    /** Per triangle slot: 1 for a safe triangle, 0 for an unsafe, ghost or free one. */
    byte[] safe = new byte[0];

    int safeCount;

    /** Per local vertex: whether it is a vertex of an unsafe triangle. */
    final boolean[] seam;

    /** The seam's side of each border edge (b to a of a safe triangle's edge a to b), as keys. */
    long[] border = new long[0];

    int borderCount;

    /** The number of seam vertices. */
    int seamCount;

    Strip(DelaunayTriangulation.Builder tin) {
      this.tin = tin;
      this.seam = new boolean[tin.vertices];
    }
  }

  static DelaunayTriangulation build(
      double[] xs, double[] ys, double[] zs, double tolerance, int threads) {
    int n = xs.length;
    int strips = Math.min(Math.min(threads, 64), n / MIN_POINTS_PER_STRIP);
    double[] cuts = strips < 2 ? new double[0] : cuts(xs, strips);
    if (cuts.length == 0) {
      return DelaunayTriangulation.of(xs, ys, zs, tolerance);
    }
    int[][] members = partition(xs, cuts);
    Strip[] done =
        onThreads(
            cuts.length + 1, s -> strip(xs, ys, zs, tolerance, members[s], cuts, s), Strip[]::new);
    DelaunayTriangulation sewn = sew(tolerance, done, n);
    return sewn != null ? sewn : DelaunayTriangulation.of(xs, ys, zs, tolerance);
  }

  /** Runs task(0) on the calling thread and task(1..count) each on a thread of its own. */
  private static <T> T[] onThreads(
      int count,
      java.util.function.IntFunction<T> task,
      java.util.function.IntFunction<T[]> array) {
    Executor eachOnItsThread =
        r -> {
          Thread t = new Thread(r, "twin4j-delaunay");
          t.setDaemon(true);
          t.start();
        };
    java.util.List<CompletableFuture<T>> running = new java.util.ArrayList<>();
    for (int i = 1; i < count; i++) {
      int index = i;
      running.add(CompletableFuture.supplyAsync(() -> task.apply(index), eachOnItsThread));
    }
    T[] out = array.apply(count);
    out[0] = task.apply(0);
    for (int i = 1; i < count; i++) {
      try {
        out[i] = running.get(i - 1).join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException) {
          throw (RuntimeException) e.getCause();
        }
        if (e.getCause() instanceof Error) {
          throw (Error) e.getCause();
        }
        throw e;
      }
    }
    return out;
  }

  /** Strictly increasing x values cutting the points into strips of about equal size. */
  private static double[] cuts(double[] xs, int strips) {
    int n = xs.length;
    int samples = Math.min(n, 512 * strips);
    double[] sample = new double[samples];
    for (int i = 0; i < samples; i++) {
      sample[i] = xs[(int) ((long) i * n / samples)];
    }
    Arrays.sort(sample);
    double[] cuts = new double[strips - 1];
    int m = 0;
    for (int s = 1; s < strips; s++) {
      double c = sample[s * samples / strips];
      if (c > sample[0] && (m == 0 || c > cuts[m - 1])) {
        cuts[m++] = c;
      }
    }
    return Arrays.copyOf(cuts, m);
  }

  /** The indices of the points of each strip (cuts[s - 1] <= x < cuts[s]), in input order. */
  private static int[][] partition(double[] xs, double[] cuts) {
    int n = xs.length;
    int strips = cuts.length + 1;
    int[] count = new int[strips];
    byte[] stripOf = new byte[n];
    for (int i = 0; i < n; i++) {
      int s = 0;
      while (s < cuts.length && xs[i] >= cuts[s]) {
        s++;
      }
      stripOf[i] = (byte) s;
      count[s]++;
    }
    int[][] members = new int[strips][];
    for (int s = 0; s < strips; s++) {
      members[s] = new int[count[s]];
    }
    int[] fill = new int[strips];
    for (int i = 0; i < n; i++) {
      int s = stripOf[i];
      members[s][fill[s]++] = i;
    }
    return members;
  }

  /** Triangulates one strip and sorts its triangles into safe and unsafe. */
  private static Strip strip(
      double[] xs, double[] ys, double[] zs, double tolerance, int[] points, double[] cuts, int s) {
    double lo = s == 0 ? Double.NEGATIVE_INFINITY : cuts[s - 1];
    double hi = s == cuts.length ? Double.POSITIVE_INFINITY : cuts[s];
    DelaunayTriangulation.Builder b =
        new DelaunayTriangulation.Builder(xs, ys, zs, tolerance, points);
    b.run();
    Strip out = new Strip(b);
    if (b.slots == 0) {
      Arrays.fill(out.seam, true);
      out.seamCount = b.vertices;
      return out;
    }
    int[] tri = b.tri;
    boolean[] free = b.deadFlags();
    byte[] safe = new byte[b.slots];
    for (int t = 0; t < b.slots; t++) {
      if (!free[t] && inside(b, t, lo, hi, tolerance)) {
        safe[t] = 1;
      }
    }
    // a group of cocircular triangles is safe only as a whole (their computed circles may differ)
    for (int g = 0; g < b.groups; g++) {
      int from = g == 0 ? 0 : b.groupEnds[g - 1];
      boolean all = true;
      for (int i = from; i < b.groupEnds[g]; i++) {
        all &= safe[b.groupTriangles[i]] == 1;
      }
      if (!all) {
        for (int i = from; i < b.groupEnds[g]; i++) {
          safe[b.groupTriangles[i]] = 0;
        }
      }
    }
    int safeCount = 0;
    long[] border = new long[64];
    int borderCount = 0;
    for (int t = 0; t < b.slots; t++) {
      if (free[t]) {
        continue;
      }
      if (safe[t] == 0) {
        for (int k = 0; k < 3; k++) {
          int v = tri[8 * t + k];
          if (v != INF) {
            if (!out.seam[v]) {
              out.seam[v] = true;
              out.seamCount++;
            }
          }
        }
        continue;
      }
      for (int k = 0; k < 3; k++) {
        if (safe[tri[8 * t + 3 + k] >>> 3] == 0) {
          if (borderCount == border.length) {
            border = Arrays.copyOf(border, 2 * borderCount);
          }
          int a = b.input[tri[8 * t + k]];
          int c = b.input[tri[8 * t + (k + 1) % 3]];
          border[borderCount++] = key(c, a);
        }
      }
      safeCount++;
    }
    out.safe = safe;
    out.safeCount = safeCount;
    out.border = border;
    out.borderCount = borderCount;
    return out;
  }

  /**
   * Whether triangle t is real and its closed circumcircle, widened by the tolerance and a bound on
   * the rounding of its computation, lies within lo <= x < hi.
   */
  private static boolean inside(
      DelaunayTriangulation.Builder b, int t, double lo, double hi, double tolerance) {
    int a = b.tri[8 * t];
    int p = b.tri[8 * t + 1];
    int q = b.tri[8 * t + 2];
    if (a == INF || p == INF || q == INF) {
      return false;
    }
    return circleInside(b.x[a], b.y[a], b.x[p], b.y[p], b.x[q], b.y[q], lo, hi, tolerance);
  }

  /**
   * Whether the closed circumcircle of a counter-clockwise triangle, widened by the tolerance and a
   * bound on the rounding of its computation, lies within lo <= x < hi; false for a nearly flat
   * triangle. The centre is computed relative to the first vertex a; with d (four times the area)
   * at least 1e-8 of |b - a|² + |c - a|², its error stays below about 4 eps |b - a| |c - a| / |d|
   * of the radius (a few 1e-8), well inside the 1e-5 widening. A test with the flatness measured
   * against |l| + |r| instead (not rotation-invariant) let centimetre errors through.
   */
  static boolean circleInside(
      double ax,
      double ay,
      double px,
      double py,
      double qx,
      double qy,
      double lo,
      double hi,
      double tolerance) {
    double bx = px - ax;
    double by = py - ay;
    double cx = qx - ax;
    double cy = qy - ay;
    double bb = bx * bx + by * by;
    double cc = cx * cx + cy * cy;
    double d = 2 * (bx * cy - by * cx);
    if (!(Math.abs(d) > 1e-8 * (bb + cc))) {
      return false; // nearly flat: the circle is huge or its centre uncertain
    }
    double inv = 1 / d;
    double ux = (cy * bb - by * cc) * inv;
    double uy = (bx * cc - cx * bb) * inv;
    // (centre - lo - slack) >= radius and (hi - centre - slack) > radius, squared; the slack
    // covers the tolerance and the rounding (relative 1e-5 of the radius, 1e-9 of x)
    double r2 = (ux * ux + uy * uy) * (1 + 1e-5);
    double slack = 1e-9 * Math.abs(ax) + tolerance;
    double left = ax + ux - lo - slack;
    double right = hi - ax - ux - slack;
    return left >= 0 && right > 0 && left * left >= r2 && right * right > r2;
  }

  private static long key(int from, int to) {
    return ((long) from << 32) | (to & 0xFFFFFFFFL);
  }

  /**
   * The safe triangles of every strip and the seam's triangles in one triangulation, or null when
   * merging near points across a seam would drop a vertex a safe triangle holds (only with a
   * tolerance; the caller then triangulates on one thread).
   */
  private static @org.jspecify.annotations.Nullable DelaunayTriangulation sew(
      double tolerance, Strip[] strips, int n) {
    int count = strips.length;
    int[] vertexOffset = new int[count + 1];
    int[] triangleOffset = new int[count + 1];
    int seamCount = 0;
    int borderCount = 0;
    for (int s = 0; s < count; s++) {
      Strip strip = strips[s];
      vertexOffset[s + 1] = vertexOffset[s] + strip.tin.vertices;
      triangleOffset[s + 1] = triangleOffset[s] + strip.safeCount;
      borderCount += strip.borderCount;
      seamCount += strip.seamCount;
    }
    int total = vertexOffset[count];
    // the seam's points, in their own arrays: seam point i is vertex seamVertex[i]
    double[] sx = new double[seamCount];
    double[] sy = new double[seamCount];
    double[] sz = new double[seamCount];
    int[] seamVertex = new int[seamCount];
    int[] seamInput = new int[seamCount];
    int m = 0;
    for (int s = 0; s < count; s++) {
      DelaunayTriangulation.Builder b = strips[s].tin;
      boolean[] on = strips[s].seam;
      for (int v = 0; v < b.vertices; v++) {
        if (on[v]) {
          sx[m] = b.x[v];
          sy[m] = b.y[v];
          sz[m] = b.z[v];
          seamVertex[m] = vertexOffset[s] + v;
          seamInput[m] = b.input[v];
          m++;
        }
      }
    }
    sortByInput(sx, sy, sz, seamVertex, seamInput);
    DelaunayTriangulation.Builder seamTin =
        new DelaunayTriangulation.Builder(sx, sy, sz, tolerance, null);
    seamTin.run();
    boolean[] filled = fill(seamTin, seamInput, strips, borderCount);
    int filledCount = 0;
    for (boolean f : filled) {
      filledCount += f ? 1 : 0;
    }
    // seam points merged into a neighbour across a seam (a tolerance > 0) stop being vertices
    boolean @org.jspecify.annotations.Nullable [] keep = null;
    if (seamTin.duplicates > 0) {
      keep = new boolean[total];
      Arrays.fill(keep, true);
      for (int i = 0; i < m; i++) {
        keep[seamVertex[i]] = false;
      }
      for (int v = 0; v < seamTin.vertices; v++) {
        keep[seamVertex[seamTin.input[v]]] = true;
      }
      for (int s = 0; s < count; s++) {
        int[] tri = strips[s].tin.tri;
        for (int t = 0; t < strips[s].safe.length; t++) {
          for (int k = 0; k < 3 && strips[s].safe[t] == 1; k++) {
            if (!keep[vertexOffset[s] + tri[8 * t + k]]) {
              return null;
            }
          }
        }
      }
    }
    double[] x = new double[total];
    double[] y = new double[total];
    double[] z = new double[total];
    int[] input = new int[total];
    int[] t3 = new int[3 * (triangleOffset[count] + filledCount)];
    onThreads(
        count,
        s -> {
          DelaunayTriangulation.Builder b = strips[s].tin;
          int at = vertexOffset[s];
          System.arraycopy(b.x, 0, x, at, b.vertices);
          System.arraycopy(b.y, 0, y, at, b.vertices);
          System.arraycopy(b.z, 0, z, at, b.vertices);
          System.arraycopy(b.input, 0, input, at, b.vertices);
          byte[] safe = strips[s].safe;
          int[] tri = b.tri;
          int k3 = 3 * triangleOffset[s];
          for (int t = 0; t < safe.length; t++) {
            if (safe[t] == 1) {
              t3[k3] = at + tri[8 * t];
              t3[k3 + 1] = at + tri[8 * t + 1];
              t3[k3 + 2] = at + tri[8 * t + 2];
              k3 += 3;
            }
          }
          return Boolean.TRUE;
        },
        Boolean[]::new);
    int k3 = 3 * triangleOffset[count];
    for (int t = 0; t < filled.length; t++) {
      if (filled[t]) {
        for (int k = 0; k < 3; k++) {
          t3[k3++] = seamVertex[seamTin.input[seamTin.tri[8 * t + k]]];
        }
      }
    }
    if (keep == null) {
      return new DelaunayTriangulation(x, y, z, input, n - total, t3);
    }
    int[] renumber = new int[total];
    int kept = 0;
    for (int v = 0; v < total; v++) {
      renumber[v] = kept;
      if (keep[v]) {
        x[kept] = x[v];
        y[kept] = y[v];
        z[kept] = z[v];
        input[kept] = input[v];
        kept++;
      }
    }
    for (int i = 0; i < t3.length; i++) {
      t3[i] = renumber[t3[i]];
    }
    return new DelaunayTriangulation(
        Arrays.copyOf(x, kept),
        Arrays.copyOf(y, kept),
        Arrays.copyOf(z, kept),
        Arrays.copyOf(input, kept),
        n - kept,
        t3);
  }

  /**
   * Orders the seam's points by input index, so that the seam's rule for points at the same place
   * (the lowest index stands for them) is the input's.
   */
  private static void sortByInput(
      double[] sx, double[] sy, double[] sz, int[] seamVertex, int[] seamInput) {
    int m = seamInput.length;
    long[] keyed = new long[m];
    for (int i = 0; i < m; i++) {
      keyed[i] = (long) seamInput[i] << 32 | i;
    }
    Arrays.sort(keyed);
    double[] x = sx.clone();
    double[] y = sy.clone();
    double[] z = sz.clone();
    int[] v = seamVertex.clone();
    for (int i = 0; i < m; i++) {
      int from = (int) keyed[i];
      sx[i] = x[from];
      sy[i] = y[from];
      sz[i] = z[from];
      seamVertex[i] = v[from];
      seamInput[i] = (int) (keyed[i] >>> 32);
    }
  }

  /**
   * The triangles of the seam's triangulation in the region the safe triangles leave open: those
   * reached from a border edge's open side without crossing a border edge (all of them when there
   * is no safe triangle).
   */
  private static boolean[] fill(
      DelaunayTriangulation.Builder seamTin, int[] seamInput, Strip[] strips, int borderCount) {
    LongSet border = new LongSet(borderCount);
    for (Strip s : strips) {
      for (int i = 0; i < s.borderCount; i++) {
        border.add(s.border[i]);
      }
    }
    int[] tri = seamTin.tri;
    int[] in = seamTin.input;
    boolean[] free = seamTin.deadFlags();
    boolean[] filled = new boolean[seamTin.slots];
    int[] stack = new int[64];
    int top = 0;
    for (int t = 0; t < seamTin.slots; t++) {
      if (free[t] || seamTin.ghostIndexOf(t) >= 0) {
        continue;
      }
      boolean seed = borderCount == 0;
      for (int k = 0; k < 3 && !seed; k++) {
        seed =
            border.contains(
                key(seamInput[in[tri[8 * t + k]]], seamInput[in[tri[8 * t + (k + 1) % 3]]]));
      }
      if (seed) {
        filled[t] = true;
        if (top == stack.length) {
          stack = Arrays.copyOf(stack, 2 * top);
        }
        stack[top++] = t;
      }
    }
    while (top > 0) {
      int t = stack[--top];
      for (int k = 0; k < 3; k++) {
        int u = tri[8 * t + 3 + k] >>> 3;
        if (filled[u]
            || seamTin.ghostIndexOf(u) >= 0
            || border.contains(
                key(seamInput[in[tri[8 * t + k]]], seamInput[in[tri[8 * t + (k + 1) % 3]]]))) {
          continue;
        }
        filled[u] = true;
        if (top == stack.length) {
          stack = Arrays.copyOf(stack, 2 * top);
        }
        stack[top++] = u;
      }
    }
    return filled;
  }

  /** A set of longs, open addressing; never holds {@link Long#MIN_VALUE}. */
  private static final class LongSet {
    private static final long EMPTY = Long.MIN_VALUE;
    private final long[] slots;
    private final int mask;

    LongSet(int expected) {
      int size = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
      slots = new long[size];
      Arrays.fill(slots, EMPTY);
      mask = size - 1;
    }

    void add(long key) {
      int i = hash(key);
      while (slots[i] != EMPTY && slots[i] != key) {
        i = (i + 1) & mask;
      }
      slots[i] = key;
    }

    boolean contains(long key) {
      int i = hash(key);
      while (slots[i] != EMPTY) {
        if (slots[i] == key) {
          return true;
        }
        i = (i + 1) & mask;
      }
      return false;
    }

    private int hash(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h >>> 32) & mask;
    }
  }
}
