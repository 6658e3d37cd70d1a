// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh;

import java.util.Arrays;
import java.util.Objects;

/**
 * A 2.5D Delaunay triangulation: points triangulated by x and y, z carried along. Built by
 * incremental insertion (Bowyer–Watson: the triangles whose circumcircle holds the new point are
 * replaced by a fan around it) in a biased randomized insertion order (rounds of growing size drawn
 * by a fixed hash, each along the Hilbert curve), with the point located by a visibility walk from
 * the previous one, so a walk is a few steps. The convex hull is exact: the triangulation is closed
 * by "ghost" triangles joining each hull edge to a vertex at infinity. Every decision is taken by
 * the exact {@link Predicates}, so collinear, cocircular and gridded input is handled; a point
 * within {@code tolerance} of a vertex already inserted is merged into it and counted.
 *
 * <p>Memory: 24 bytes of coordinates and 4 of input index per vertex, and 12 bytes of vertex ids
 * per triangle, of which there are about twice as many as vertices: about 52 bytes per vertex, plus
 * 24 once the neighbour links are built (the first {@link #locator()} or {@link #hull()}), against
 * about 120–240 for Tinfour's edge objects. While building, the triangulation takes about 92 bytes
 * per vertex (the coordinates, and 32-byte triangle records with their links).
 *
 * <p>Immutable once built; safe to share between threads.
 *
 * @since 1.0
 */
public final class DelaunayTriangulation {

  /** The id of the vertex at infinity in ghost triangles. */
  private static final int INF = -1;

  private final double[] x;
  private final double[] y;
  private final double[] z;
  private final int[] input;
  private final int vertices;
  private final int duplicates;

  /** The triangles: three vertex ids each, counter-clockwise (no ghost or free slots). */
  private final int[] t3;

  /** Per triangle edge (3 * t + k, edge k from vertex k to k + 1): whether it is a constraint. */
  private final java.util.@org.jspecify.annotations.Nullable BitSet constrained;

  private final int constraintsSkipped;

  /** Per triangle edge: the triangle across it, or -1 on the hull; built on first need. */
  private volatile int @org.jspecify.annotations.Nullable [] neighbours;

  private DelaunayTriangulation(Builder b) {
    this.x = b.x;
    this.y = b.y;
    this.z = b.z;
    this.input = b.input;
    this.vertices = b.vertices;
    this.duplicates = b.duplicates;
    this.constraintsSkipped = b.constraintsSkipped;
    // free slots read as ghosts; the builder is done with them
    int[] tri = b.tri;
    for (int i = 0; i < b.freeCount; i++) {
      tri[8 * b.free[i]] = INF;
    }
    int[] out = new int[3 * (b.slots - b.freeCount)];
    java.util.BitSet fixed = b.constrained == null ? null : new java.util.BitSet();
    int k = 0;
    for (int t = 0; t < b.slots; t++) {
      int u = tri[8 * t];
      int v = tri[8 * t + 1];
      int w = tri[8 * t + 2];
      if (u != INF && v != INF && w != INF) {
        out[k] = u;
        out[k + 1] = v;
        out[k + 2] = w;
        if (fixed != null) {
          for (int e = 0; e < 3; e++) {
            if (b.constrained[8 * t + 3 + e]) {
              fixed.set(k + e);
            }
          }
        }
        k += 3;
      }
    }
    if (k < out.length) {
      out = Arrays.copyOf(out, k);
    }
    this.t3 = out;
    this.constrained = fixed;
  }

  /** A triangulation assembled from its parts (see {@link ParallelTriangulation}). */
  DelaunayTriangulation(
      double[] x, double[] y, double[] z, int[] input, int duplicates, int[] triangles) {
    this.x = x;
    this.y = y;
    this.z = z;
    this.input = input;
    this.vertices = x.length;
    this.duplicates = duplicates;
    this.constraintsSkipped = 0;
    this.t3 = triangles;
    this.constrained = null;
  }

  /** The triangle across each edge, built once from the vertex triples. */
  private int[] neighbours() {
    int[] n = neighbours;
    if (n != null) {
      return n;
    }
    synchronized (this) {
      if (neighbours != null) {
        return neighbours;
      }
      int edges = t3.length;
      int[] start = new int[vertices + 1];
      for (int e = 0; e < edges; e++) {
        start[t3[e] + 1]++;
      }
      for (int v = 0; v < vertices; v++) {
        start[v + 1] += start[v];
      }
      int[] fill = Arrays.copyOf(start, vertices);
      int[] byStart = new int[edges];
      for (int e = 0; e < edges; e++) {
        byStart[fill[t3[e]]++] = e;
      }
      n = new int[edges];
      Arrays.fill(n, -1);
      for (int e = 0; e < edges; e++) {
        int a = t3[e];
        int b = t3[3 * (e / 3) + (e % 3 + 1) % 3];
        for (int i = start[b]; i < start[b + 1]; i++) {
          int f = byStart[i];
          if (t3[3 * (f / 3) + (f % 3 + 1) % 3] == a) {
            n[e] = f / 3;
            break;
          }
        }
      }
      neighbours = n;
      return n;
    }
  }

  /**
   * Triangulates points.
   *
   * @param xs x of each point
   * @param ys y of each point
   * @param zs z of each point (carried, not triangulated)
   * @param tolerance points closer than this (in x and y) to a vertex are merged into it; 0 merges
   *     only exact duplicates
   * @return the triangulation; empty (no triangles) when the points are fewer than three or all
   *     collinear
   * @throws IllegalArgumentException if the arrays differ in length, a coordinate is not finite, x
   *     or y is outside the range the exact predicates cover (see {@link #MAX_COORDINATE}), or the
   *     tolerance is negative
   */
  public static DelaunayTriangulation of(double[] xs, double[] ys, double[] zs, double tolerance) {
    check(xs, ys, zs, tolerance);
    return build(xs, ys, zs, tolerance, new int[0]);
  }

  /**
   * The largest |x| and |y| accepted: the in-circle determinant multiplies four coordinate
   * differences, which must not overflow for the predicates to stay exact.
   */
  public static final double MAX_COORDINATE = 1e60;

  /**
   * The smallest non-zero |x| and |y| accepted: below it, products of four differences and their
   * rounding errors underflow, and the predicates are no longer exact (Shewchuk's arithmetic
   * assumes neither happens).
   */
  public static final double MIN_COORDINATE = 1e-30;

  private static void check(double[] xs, double[] ys, double[] zs, double tolerance) {
    checkPoints(xs, ys, zs);
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance " + tolerance + " is not >= 0");
    }
  }

  /** Checks that the arrays match and every point can be triangulated exactly. */
  static void checkPoints(double[] xs, double[] ys, double[] zs) {
    Objects.requireNonNull(xs, "xs");
    Objects.requireNonNull(ys, "ys");
    Objects.requireNonNull(zs, "zs");
    if (xs.length != ys.length || xs.length != zs.length) {
      throw new IllegalArgumentException(
          "x, y and z have " + xs.length + ", " + ys.length + " and " + zs.length + " values");
    }
    for (int i = 0; i < xs.length; i++) {
      if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i]) || !Double.isFinite(zs[i])) {
        throw new IllegalArgumentException(
            "point " + i + " (" + xs[i] + ", " + ys[i] + ", " + zs[i] + ") is not finite");
      }
      if (!inRange(xs[i]) || !inRange(ys[i])) {
        throw new IllegalArgumentException(
            "point "
                + i
                + " ("
                + xs[i]
                + ", "
                + ys[i]
                + ") is outside the range of exact predicates: |x| and |y| must be 0 or between "
                + MIN_COORDINATE
                + " and "
                + MAX_COORDINATE
                + " (shift or scale the coordinates)");
      }
    }
  }

  private static boolean inRange(double v) {
    double a = Math.abs(v);
    return a <= MAX_COORDINATE && (a >= MIN_COORDINATE || a == 0);
  }

  /**
   * Triangulates points on several threads: the points are cut into vertical strips of about equal
   * size, each strip is triangulated on its own thread, the triangles whose circumcircle stays
   * inside their strip are kept, and the vertices of the others are triangulated again to fill the
   * seams (the seams hold a few points per thousand on spread-out data). With a tolerance of 0 the
   * result has the same vertices and the same triangles as {@link #of(double[], double[], double[],
   * double)} (the vertices may be numbered otherwise); with a larger tolerance which of two points
   * closer than it on either side of a seam stands for both may differ.
   *
   * @param xs x of each point
   * @param ys y of each point
   * @param zs z of each point (carried, not triangulated)
   * @param tolerance points closer than this (in x and y) to a vertex are merged into it
   * @param threads the number of threads (and strips); 1 triangulates on the calling thread
   * @return the triangulation
   * @throws IllegalArgumentException as {@link #of(double[], double[], double[], double)}, or if
   *     threads is less than 1
   */
  public static DelaunayTriangulation ofParallel(
      double[] xs, double[] ys, double[] zs, double tolerance, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads " + threads + " is not >= 1");
    }
    if (threads == 1) {
      return of(xs, ys, zs, tolerance);
    }
    check(xs, ys, zs, tolerance);
    return ParallelTriangulation.build(xs, ys, zs, tolerance, threads);
  }

  /**
   * Triangulates points with constrained edges (breaklines, building footprints): every segment
   * becomes an edge, split where it passes exactly through a vertex, and the triangulation is
   * Delaunay apart from them (a constrained Delaunay triangulation). Constraints are inserted after
   * the points by Sloan's edge flipping and the Delaunay property restored by Lawson flips.
   *
   * @param xs x of each point
   * @param ys y of each point
   * @param zs z of each point
   * @param tolerance points closer than this to a vertex are merged into it
   * @param segments pairs of input point indices, each pair a constrained segment; segments whose
   *     ends merge into one vertex are skipped and counted
   * @return the triangulation
   * @throws IllegalArgumentException as {@link #of(double[], double[], double[], double)}, or if an
   *     index is out of range, or two constraints cross other than at their ends
   */
  public static DelaunayTriangulation of(
      double[] xs, double[] ys, double[] zs, double tolerance, int[] segments) {
    check(xs, ys, zs, tolerance);
    Objects.requireNonNull(segments, "segments");
    if (segments.length % 2 != 0) {
      throw new IllegalArgumentException("segments hold pairs of indices, got " + segments.length);
    }
    for (int i = 0; i < segments.length; i++) {
      if (segments[i] < 0 || segments[i] >= xs.length) {
        throw new IllegalArgumentException(
            "segment " + i / 2 + " names point " + segments[i] + " of " + xs.length);
      }
    }
    return build(xs, ys, zs, tolerance, segments);
  }

  private static DelaunayTriangulation build(
      double[] xs, double[] ys, double[] zs, double tolerance, int[] segments) {
    Builder b = new Builder(xs, ys, zs, tolerance);
    b.segments = segments;
    b.run();
    return new DelaunayTriangulation(b);
  }

  /**
   * Greedy insertion within a vertical error bound (see {@link Terrain#simplify}).
   *
   * @param xs x of each point
   * @param ys y of each point
   * @param zs z of each point
   * @param maxError the bound
   * @return the TIN of the inserted points; {@link #duplicates()} counts the points left out
   */
  static DelaunayTriangulation greedy(double[] xs, double[] ys, double[] zs, double maxError) {
    Builder b = new Builder(xs, ys, zs, 0);
    b.greedy(maxError);
    return new DelaunayTriangulation(b);
  }

  /**
   * Returns the constrained edges as vertex-id pairs (each edge once).
   *
   * @return a new array of {@code 2 * count} ids
   */
  public int[] constrainedEdges() {
    if (constrained == null) {
      return new int[0];
    }
    int[] out = new int[2 * constrained.cardinality()];
    int n = 0;
    for (int e = constrained.nextSetBit(0); e >= 0; e = constrained.nextSetBit(e + 1)) {
      int u = t3[e];
      int v = t3[3 * (e / 3) + (e % 3 + 1) % 3];
      if (u < v) {
        out[n++] = u;
        out[n++] = v;
      } else if (!hasTwin(e)) {
        // a constraint on the hull has no twin edge: report it from this side
        out[n++] = v;
        out[n++] = u;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private boolean hasTwin(int e) {
    return neighbours()[e] >= 0;
  }

  /**
   * Returns how many constraints were skipped because their ends merged into one vertex.
   *
   * @return the number of skipped constraints
   */
  public int constraintsSkipped() {
    return constraintsSkipped;
  }

  /**
   * Returns the number of vertices (input points less merged duplicates).
   *
   * @return the vertex count
   */
  public int vertexCount() {
    return vertices;
  }

  /**
   * Returns how many input points were merged into a vertex within the tolerance.
   *
   * @return the number of merged points
   */
  public int duplicates() {
    return duplicates;
  }

  /**
   * Returns x of a vertex.
   *
   * @param v the vertex id, 0 to {@code vertexCount() - 1}
   * @return x
   */
  public double x(int v) {
    return x[v];
  }

  /**
   * Returns y of a vertex.
   *
   * @param v the vertex id
   * @return y
   */
  public double y(int v) {
    return y[v];
  }

  /**
   * Returns z of a vertex.
   *
   * @param v the vertex id
   * @return z
   */
  public double z(int v) {
    return z[v];
  }

  /**
   * Returns the index of the input point a vertex came from.
   *
   * @param v the vertex id
   * @return the index in the arrays given to {@link #of}
   */
  public int inputIndex(int v) {
    return input[v];
  }

  /**
   * Returns the number of triangles (ghost triangles not counted).
   *
   * @return the triangle count
   */
  public int triangleCount() {
    return t3.length / 3;
  }

  /**
   * Returns the vertex coordinates interleaved, for mesh output ({@link MeshFiles}).
   *
   * @return a new array of {@code 3 * vertexCount()} values: x, y, z per vertex id
   */
  public double[] xyz() {
    double[] out = new double[3 * vertices];
    for (int v = 0; v < vertices; v++) {
      out[3 * v] = x[v];
      out[3 * v + 1] = y[v];
      out[3 * v + 2] = z[v];
    }
    return out;
  }

  /**
   * Returns the triangles as vertex ids, three per triangle, counter-clockwise.
   *
   * @return a new array of {@code 3 * triangleCount()} ids
   */
  public int[] triangles() {
    return t3.clone();
  }

  /**
   * Returns the vertices of the convex hull in counter-clockwise order, including vertices that lie
   * on a hull edge.
   *
   * @return the hull's vertex ids; empty if there are no triangles
   */
  public int[] hull() {
    int[] n = neighbours();
    int[] next = new int[vertices];
    Arrays.fill(next, -1);
    int start = -1;
    int count = 0;
    for (int e = 0; e < t3.length; e++) {
      if (n[e] < 0) {
        int a = t3[e];
        next[a] = t3[3 * (e / 3) + (e % 3 + 1) % 3];
        start = a;
        count++;
      }
    }
    int[] hull = new int[count];
    int v = start;
    for (int i = 0; i < count; i++) {
      hull[i] = v;
      v = next[v];
    }
    return hull;
  }

  /**
   * Returns a cursor that finds the triangle under a point and interpolates z there. Queries near
   * the previous one are fast (the walk starts from the last triangle found). A locator is not
   * thread-safe; take one per thread.
   *
   * @return a new locator
   */
  public Locator locator() {
    return new Locator();
  }

  /** Finds triangles under points by walking from the last one found; see {@link #locator()}. */
  public final class Locator {
    private final int[] across = neighbours();
    private int t = t3.length > 0 ? 0 : -1;

    private Locator() {}

    /**
     * Returns the triangle under (px, py), on its boundary included.
     *
     * @param px x
     * @param py y
     * @return the triangle's index (as in {@link #triangles()}), or -1 if the point lies outside
     *     the convex hull or there are no triangles
     */
    public int triangle(double px, double py) {
      if (t < 0) {
        return -1;
      }
      int guard = 0;
      walk:
      while (true) {
        if (++guard > t3.length + 16) {
          throw new IllegalStateException("point location did not terminate");
        }
        int base = 3 * t;
        for (int i = 0; i < 3; i++) {
          int k = (guard + i) % 3;
          int a = t3[base + k];
          int b = t3[base + (k + 1) % 3];
          if (Predicates.orient2d(x[a], y[a], x[b], y[b], px, py) < 0) {
            int next = across[base + k];
            if (next < 0) {
              return -1;
            }
            t = next;
            continue walk;
          }
        }
        return t;
      }
    }

    /**
     * Returns z of the triangulated surface at (px, py), interpolated linearly in the triangle
     * under the point.
     *
     * @param px x
     * @param py y
     * @return z, or NaN outside the convex hull
     */
    public double z(double px, double py) {
      int f = triangle(px, py);
      if (f < 0) {
        return Double.NaN;
      }
      int a = t3[3 * f];
      int b = t3[3 * f + 1];
      int c = t3[3 * f + 2];
      double wa = (x[b] - px) * (y[c] - py) - (y[b] - py) * (x[c] - px);
      double wb = (x[c] - px) * (y[a] - py) - (y[c] - py) * (x[a] - px);
      double wc = (x[a] - px) * (y[b] - py) - (y[a] - py) * (x[b] - px);
      double sum = wa + wb + wc;
      return (wa * z[a] + wb * z[b] + wc * z[c]) / sum;
    }
  }

  /**
   * Returns the bytes this triangulation holds per vertex: coordinates, input indices, the
   * triangles' vertex ids and, once a {@link Locator} or {@link #hull()} needed them, the
   * triangles' neighbour links.
   *
   * @return the bytes per vertex
   */
  public double bytesPerVertex() {
    long bytes = 28L * vertices + 4L * t3.length;
    int[] n = neighbours;
    if (n != null) {
      bytes += 4L * n.length;
    }
    return vertices == 0 ? 0 : (double) bytes / vertices;
  }

  /** The construction: arrays grown as points are inserted. */
  static final class Builder {
    final double tolerance2;
    double[] x;
    double[] y;
    double[] z;
    int[] input;
    int vertices;
    int duplicates;

    /**
     * Eight ints per triangle (32 bytes, two triangles per cache line): three vertex ids, the link
     * slots of its three edges, the cavity mark, one spare. Edge slot {@code 8 t + 3 + k} decodes
     * with a shift, and the mark is read from the line already fetched for the vertices.
     */
    int[] tri;

    int slots;
    int[] free = new int[64];
    int freeCount;

    /** Where a triangle's cavity mark lives in its record of 8 ints. */
    static final int MARK = 6;

    int epoch;
    int[] stack = new int[64];
    int[] cavity = new int[64];

    /**
     * The vertex each input point became (merged points: the vertex they were merged into); kept
     * only when constraints need it.
     */
    int @org.jspecify.annotations.Nullable [] vertexOfInput;

    /** Per link slot: whether the edge is a constraint. */
    boolean[] constrained;

    /** A triangle incident to each vertex, for walking around it (built for constraints). */
    int[] vt;

    int[] edgesA = new int[16];
    int[] edgesB = new int[16];
    int[] outer = new int[16];
    int last = -1;

    int @org.jspecify.annotations.Nullable [] segments;
    int constraintsSkipped;

    Builder(double[] xs, double[] ys, double[] zs, double tolerance) {
      this(xs, ys, zs, tolerance, null);
    }

    /**
     * A builder of the points {@code subset} (indices into the arrays; all points when null), in
     * their own biased randomized insertion order.
     */
    Builder(
        double[] xs,
        double[] ys,
        double[] zs,
        double tolerance,
        int @org.jspecify.annotations.Nullable [] subset) {
      this.tolerance2 = tolerance * tolerance;
      int n = subset == null ? xs.length : subset.length;
      int[] order;
      if (subset == null) {
        order = HilbertOrder.brio(xs, ys);
      } else {
        double[] sx = new double[n];
        double[] sy = new double[n];
        for (int i = 0; i < n; i++) {
          sx[i] = xs[subset[i]];
          sy[i] = ys[subset[i]];
        }
        order = HilbertOrder.brio(sx, sy);
        for (int i = 0; i < n; i++) {
          order[i] = subset[order[i]];
        }
      }
      x = new double[n];
      y = new double[n];
      z = new double[n];
      input = new int[n];
      for (int i = 0; i < n; i++) {
        int j = order[i];
        x[i] = xs[j];
        y[i] = ys[j];
        z[i] = zs[j];
        input[i] = j;
      }
      int cap = 2 * n + 16;
      tri = new int[8 * cap];
    }

    boolean[] deadFlags() {
      boolean[] d = new boolean[slots];
      for (int i = 0; i < freeCount; i++) {
        d[free[i]] = true;
      }
      return d;
    }

    void run() {
      int n = x.length;
      // the first triangle: the first point, the next distinct one, the next not collinear
      int a = 0;
      int b = -1;
      int c = -1;
      for (int i = 1; i < n && b < 0; i++) {
        if (!near(i, a)) {
          b = i;
        }
      }
      if (b < 0) {
        keepOnly(n == 0 ? 0 : 1, n);
        return;
      }
      for (int i = b + 1; i < n && c < 0; i++) {
        if (Predicates.orient2d(x[a], y[a], x[b], y[b], x[i], y[i]) != 0) {
          c = i;
        }
      }
      if (c < 0) {
        // all collinear: no triangle; keep the distinct points
        keepCollinear(n);
        return;
      }
      // a, b, c become vertices 0, 1, 2; the points they displace are inserted later (a is 0)
      swapVertices(1, b);
      swapVertices(2, c); // c > b >= 1, so the swap above did not move c

      if (Predicates.orient2d(x[0], y[0], x[1], y[1], x[2], y[2]) < 0) {
        swapVertices(1, 2);
      }
      vertices = 3;
      if (segments != null && segments.length > 0) {
        vertexOfInput = new int[inputCount()];
        vertexOfInput[input[0]] = 0;
        vertexOfInput[input[1]] = 1;
        vertexOfInput[input[2]] = 2;
      }
      firstTriangle();
      for (int i = 3; i < n; i++) {
        insert(i);
      }
      if (segments != null && segments.length > 0) {
        insertConstraints();
      } else {
        canonicalize();
      }
      compact();
    }

    private void keepOnly(int count, int n) {
      duplicates = n - count;
      vertices = count;
      x = Arrays.copyOf(x, count);
      y = Arrays.copyOf(y, count);
      z = Arrays.copyOf(z, count);
      input = Arrays.copyOf(input, count);
      slots = 0;
    }

    /**
     * Keeps the distinct points of collinear input, in order along their line: of points at the
     * same x and y the first in input order, and a point within the tolerance of the last one kept
     * is merged into it.
     */
    private void keepCollinear(int n) {
      int[] idx = new int[n];
      for (int i = 0; i < n; i++) {
        idx[i] = i;
      }
      sortXy(idx, 0, n - 1);
      double[] kx = new double[n];
      double[] ky = new double[n];
      double[] kz = new double[n];
      int[] kin = new int[n];
      int kept = 0;
      int last = -1;
      for (int ii = 0; ii < n; ii++) {
        int i = idx[ii];
        if (last >= 0 && x[i] == x[last] && y[i] == y[last]) {
          if (input[i] < kin[kept - 1]) {
            kz[kept - 1] = z[i];
            kin[kept - 1] = input[i];
          }
          continue;
        }
        if (last >= 0 && near(i, last)) {
          continue;
        }
        kx[kept] = x[i];
        ky[kept] = y[i];
        kz[kept] = z[i];
        kin[kept] = input[i];
        kept++;
        last = i;
      }
      x = kx;
      y = ky;
      z = kz;
      input = kin;
      keepOnly(kept, n);
    }

    private void swapVertices(int i, int j) {
      double t = x[i];
      x[i] = x[j];
      x[j] = t;
      t = y[i];
      y[i] = y[j];
      y[j] = t;
      t = z[i];
      z[i] = z[j];
      z[j] = t;
      int u = input[i];
      input[i] = input[j];
      input[j] = u;
    }

    private int newTriangle(int a, int b, int c) {
      int t;
      if (freeCount > 0) {
        t = free[--freeCount];
      } else {
        t = slots++;
        if (8 * slots > tri.length) {
          int cap = slots * 2;
          tri = Arrays.copyOf(tri, 8 * cap);
          if (head != null) {
            int old = head.length;
            head = Arrays.copyOf(head, cap);
            Arrays.fill(head, old, cap, -1);
            stamp = Arrays.copyOf(stamp, cap);
            worstPoint = Arrays.copyOf(worstPoint, cap);
            worstError = Arrays.copyOf(worstError, cap);
            plane = Arrays.copyOf(plane, 3 * cap);
          }
        }
      }
      tri[8 * t] = a;
      tri[8 * t + 1] = b;
      tri[8 * t + 2] = c;
      return t;
    }

    private void link(int e, int f) {
      tri[e] = f;
      tri[f] = e;
    }

    private void firstTriangle() {
      firstTriangle(0, 1, 2);
    }

    private void firstTriangle(int a0, int b0, int c0) {
      int t = newTriangle(a0, b0, c0);
      int[] ghost = new int[3];
      for (int k = 0; k < 3; k++) {
        int a = tri[8 * t + k];
        int b = tri[8 * t + (k + 1) % 3];
        ghost[k] = newTriangle(b, a, INF);
        link(8 * t + 3 + k, 8 * ghost[k] + 3);
      }
      for (int k = 0; k < 3; k++) {
        // ghost of edge k ends at vertex k+1 (edge INF -> b) and meets the ghost of edge k+1
        link(8 * ghost[k] + 5, 8 * ghost[(k + 1) % 3] + 4);
      }
      last = t;
    }

    /** Whether p lies strictly inside the circumcircle of t (for ghosts: beyond its hull edge). */
    private boolean inCircle(int t, int p) {
      int a = tri[8 * t];
      int b = tri[8 * t + 1];
      int c = tri[8 * t + 2];
      double px = x[p];
      double py = y[p];
      if (a != INF && b != INF && c != INF) {
        double d = Predicates.incircle(x[a], y[a], x[b], y[b], x[c], y[c], px, py);
        if (d == 0) {
          cocircularSeen = true;
        }
        return d > 0;
      }
      int u;
      int v;
      if (a == INF) {
        u = b;
        v = c;
      } else if (b == INF) {
        u = c;
        v = a;
      } else {
        u = a;
        v = b;
      }
      double o = Predicates.orient2d(x[u], y[u], x[v], y[v], px, py);
      if (o > 0) {
        return true;
      }
      if (o < 0) {
        return false;
      }
      // on the line of the hull edge: inside the cavity only strictly between its ends
      double dot = (px - x[u]) * (x[v] - x[u]) + (py - y[u]) * (y[v] - y[u]);
      double len = (x[v] - x[u]) * (x[v] - x[u]) + (y[v] - y[u]) * (y[v] - y[u]);
      return dot > 0 && dot < len;
    }

    /**
     * A triangle whose circumcircle holds p, or {@code -2 - v} if p duplicates vertex v. A
     * visibility walk from the last triangle made: it crosses an edge with p strictly beyond it, so
     * it never tests the edge it came in by. A point on a vertex lies on both of that vertex's
     * edges in a triangle around it, so with no tolerance the vertices are compared only when a
     * test came out exactly 0.
     */
    private int locate(int p) {
      int t = last;
      double px = x[p];
      double py = y[p];
      int guard = 0;
      int entry = -1;
      walk:
      while (true) {
        if (++guard > 4 * slots + 16) {
          throw new IllegalStateException("point location did not terminate at point " + p);
        }
        int base = 8 * t;
        int k = guard % 3;
        boolean onEdge = false;
        for (int i = 0; i < 3; i++, k = k == 2 ? 0 : k + 1) {
          int slot = base + 3 + k;
          if (slot == entry) {
            continue;
          }
          int a = tri[base + k];
          int b = tri[base + (k == 2 ? 0 : k + 1)];
          double o = Predicates.orient2d(x[a], y[a], x[b], y[b], px, py);
          if (o < 0) {
            int across = tri[slot];
            int next = across >>> 3;
            if (ghostIndexOf(next) >= 0) {
              if (near(p, a)) {
                return -2 - a;
              }
              if (near(p, b)) {
                return -2 - b;
              }
              return next;
            }
            t = next;
            entry = across;
            continue walk;
          }
          if (o == 0) {
            onEdge = true;
          }
        }
        if (onEdge || tolerance2 > 0) {
          for (int j = 0; j < 3; j++) {
            if (near(p, tri[base + j])) {
              return -2 - tri[base + j];
            }
          }
        }
        return t;
      }
    }

    int ghostIndexOf(int t) {
      int base = 8 * t;
      return tri[base] == INF ? 0 : tri[base + 1] == INF ? 1 : tri[base + 2] == INF ? 2 : -1;
    }

    /**
     * Whether points i and j merge: within the tolerance, or at the very same x and y when it is 0
     * (squaring could round the distance of two distinct points near the origin to 0).
     */
    private boolean near(int i, int j) {
      if (tolerance2 == 0) {
        return x[i] == x[j] && y[i] == y[j];
      }
      double dx = x[i] - x[j];
      double dy = y[i] - y[j];
      return dx * dx + dy * dy <= tolerance2;
    }

    /**
     * The triangles of every group of cocircular triangles after {@link #canonicalize}: group g is
     * {@code groupTriangles[groupEnds[g - 1] .. groupEnds[g])} (from 0 for the first).
     */
    int[] groupTriangles = new int[0];

    int[] groupEnds = new int[0];

    int groups;

    /** Whether an in-circle test came out exactly zero: four points on one circle. */
    boolean cocircularSeen;

    /**
     * Makes the triangulation independent of the insertion order. Where four or more vertices lie
     * on one empty circle any triangulation of their polygon is Delaunay, and which one incremental
     * insertion leaves depends on the order; each such polygon (the triangles joined by edges whose
     * four points are exactly cocircular) is triangulated again as a fan from its lowest vertex by
     * x, then y. Every other triangle is unique, so the result is the same for any insertion order.
     *
     * <p>Skipped when no in-circle test of the construction came out exactly zero: then no two
     * neighbouring triangles are cocircular. (Take such a pair and the last of its four points to
     * be inserted. If it is one of the two apexes, the other triangle was tested against it at the
     * rim of its cavity. If it lies on the shared edge, the other three points were on an empty
     * circle just before: either with a fourth point, an earlier such pair, or alone, as a triangle
     * the insertion tested at the rim.)
     */
    void canonicalize() {
      if (!cocircularSeen) {
        return;
      }
      boolean[] isFree = deadFlags();
      int[] flagged = new int[16];
      int count = 0;
      for (int t = 0; t < slots; t++) {
        if (isFree[t] || ghostIndexOf(t) >= 0) {
          continue;
        }
        for (int k = 0; k < 3; k++) {
          int s = tri[8 * t + 3 + k];
          int u = s >>> 3;
          if (u > t && ghostIndexOf(u) < 0 && cocircular(t, s)) {
            flagged = ensure(flagged, count + 2);
            flagged[count++] = t;
            flagged[count++] = u;
          }
        }
      }
      if (count == 0) {
        return;
      }
      int[] members = new int[16];
      int[] from = new int[16];
      int[] to = new int[16];
      int[] outside = new int[16];
      int[] polygon = new int[16];
      int[] polygonOut = new int[16];
      for (int f = 0; f < count; f++) {
        int first = flagged[f];
        if (tri[8 * first + MARK] == GROUPED) {
          continue;
        }
        epoch++;
        int in = 2 * epoch;
        // the group: triangles reached over cocircular edges
        int m = 0;
        members = ensure(members, 1);
        members[m++] = first;
        tri[8 * first + MARK] = in;
        for (int i = 0; i < m; i++) {
          int t = members[i];
          for (int k = 0; k < 3; k++) {
            int s = tri[8 * t + 3 + k];
            int u = s >>> 3;
            if (tri[8 * u + MARK] != in && ghostIndexOf(u) < 0 && cocircular(t, s)) {
              tri[8 * u + MARK] = in;
              members = ensure(members, m + 1);
              members[m++] = u;
            }
          }
        }
        // its boundary, counter-clockwise: m + 2 edges
        int edges = 0;
        from = ensure(from, m + 2);
        to = ensure(to, m + 2);
        outside = ensure(outside, m + 2);
        for (int i = 0; i < m; i++) {
          int t = members[i];
          for (int k = 0; k < 3; k++) {
            int s = tri[8 * t + 3 + k];
            if (tri[8 * (s >>> 3) + MARK] != in) {
              from[edges] = tri[8 * t + k];
              to[edges] = tri[8 * t + (k + 1) % 3];
              outside[edges] = s;
              edges++;
            }
          }
        }
        int start = 0;
        for (int i = 1; i < edges; i++) {
          int a = from[i];
          int b = from[start];
          if (x[a] < x[b] || (x[a] == x[b] && y[a] < y[b])) {
            start = i;
          }
        }
        polygon = ensure(polygon, edges);
        polygonOut = ensure(polygonOut, edges);
        java.util.Map<Integer, Integer> edgeFrom = null;
        if (edges > 32) {
          edgeFrom = new java.util.HashMap<>();
          for (int j = 0; j < edges; j++) {
            edgeFrom.put(from[j], j);
          }
        }
        int e = start;
        for (int i = 0; i < edges; i++) {
          polygon[i] = from[e];
          polygonOut[i] = outside[e];
          int next = to[e];
          if (edgeFrom != null) {
            e = edgeFrom.get(next);
          } else {
            for (int j = 0; j < edges; j++) {
              if (from[j] == next) {
                e = j;
                break;
              }
            }
          }
        }
        // the fan from polygon[0], in the group's slots
        for (int i = 0; i < m; i++) {
          int t = members[i];
          tri[8 * t] = polygon[0];
          tri[8 * t + 1] = polygon[i + 1];
          tri[8 * t + 2] = polygon[i + 2];
          link(8 * t + 4, polygonOut[i + 1]);
          if (i == 0) {
            link(8 * t + 3, polygonOut[0]);
          } else {
            link(8 * t + 3, 8 * members[i - 1] + 5);
          }
          if (i == m - 1) {
            link(8 * t + 5, polygonOut[m + 1]);
          }
          tri[8 * t + MARK] = GROUPED;
        }
        groupTriangles = ensure(groupTriangles, (groups == 0 ? 0 : groupEnds[groups - 1]) + m);
        int at = groups == 0 ? 0 : groupEnds[groups - 1];
        System.arraycopy(members, 0, groupTriangles, at, m);
        groupEnds = ensure(groupEnds, groups + 1);
        groupEnds[groups++] = at + m;
      }
    }

    /**
     * The mark of a triangle {@link #canonicalize} has placed in a group (no insertion follows).
     */
    private static final int GROUPED = -1;

    /** Whether the vertex across edge slot s of t lies exactly on t's circumcircle. */
    private boolean cocircular(int t, int s) {
      int u = s >>> 3;
      int d = tri[8 * u + (s - 8 * u - 3 + 2) % 3];
      int a = tri[8 * t];
      int b = tri[8 * t + 1];
      int c = tri[8 * t + 2];
      return Predicates.incircle(x[a], y[a], x[b], y[b], x[c], y[c], x[d], y[d]) == 0;
    }

    /** The number of input points (the largest input index + 1). */
    private int inputCount() {
      int max = -1;
      for (int i : input) {
        max = Math.max(max, i);
      }
      return max + 1;
    }

    private void insert(int p) {
      int seed = locate(p);
      if (seed < 0) {
        duplicates++;
        int v = -2 - seed;
        if (vertexOfInput != null) {
          vertexOfInput[input[p]] = v;
        }
        if (x[p] == x[v] && y[p] == y[v] && input[p] < input[v]) {
          // of points at the same x and y the first in input order stands for them, whatever the
          // insertion order: the result does not depend on it
          z[v] = z[p];
          input[v] = input[p];
        }
        return;
      }
      // the vertex takes the next id: move it down over the duplicates skipped so far
      int id = vertices++;
      if (vertexOfInput != null) {
        vertexOfInput[input[p]] = id;
      }
      if (id != p) {
        x[id] = x[p];
        y[id] = y[p];
        z[id] = z[p];
        input[id] = input[p];
      }
      insertVertex(id, seed);
    }

    /** Cavity triangles freed by the last insertion: {@code cavity[0..cavityCount)}. */
    int cavityCount;

    /** Triangles made by the last insertion: {@code made[0..madeCount)}. */
    int[] made = new int[16];

    int madeCount;

    /** Inserts vertex id, whose position lies in the circumcircle of triangle seed. */
    void insertVertex(int id, int seed) {
      // the cavity: triangles whose circumcircle holds the point, grown from the seed, and its
      // rim: the edges (a, b) to the triangles left out. The cavity is a polygon with every vertex
      // on its rim (no vertex is lost), so its triangles form a tree across their shared edges:
      // each is entered once, by one edge, and its other edges lead to triangles not yet seen.
      // The stack holds edge slots still to look across, the next edges of a triangle pushed over
      // the rest, so the rim comes out in counter-clockwise order around the tree. A triangle
      // tested and left out is marked 2 * epoch + 1: one next to two cavity triangles is tested
      // once.
      epoch++;
      int out = 2 * epoch + 1;
      int nc = 0;
      int ns = 0;
      int boundary = 0;
      stack = ensure(stack, 3);
      stack[ns++] = 8 * seed + 5;
      stack[ns++] = 8 * seed + 4;
      stack[ns++] = 8 * seed + 3;
      cavity = ensure(cavity, 1);
      cavity[nc++] = seed;
      while (ns > 0) {
        int slot = stack[--ns];
        int outside = tri[slot];
        int u = outside >>> 3;
        if (tri[8 * u + MARK] != out) {
          if (inCircle(u, id)) {
            cavity = ensure(cavity, nc + 1);
            cavity[nc++] = u;
            int k1 = outside + 1 == 8 * u + 6 ? 8 * u + 3 : outside + 1;
            int k2 = k1 + 1 == 8 * u + 6 ? 8 * u + 3 : k1 + 1;
            stack = ensure(stack, ns + 2);
            stack[ns++] = k2;
            stack[ns++] = k1;
            continue;
          }
          tri[8 * u + MARK] = out;
        }
        if (boundary == edgesA.length) {
          edgesA = Arrays.copyOf(edgesA, 2 * boundary);
          edgesB = Arrays.copyOf(edgesB, 2 * boundary);
          outer = Arrays.copyOf(outer, 2 * boundary);
        }
        int t = slot >>> 3;
        int k = slot - 8 * t - 3;
        edgesA[boundary] = tri[8 * t + k];
        edgesB[boundary] = tri[8 * t + (k == 2 ? 0 : k + 1)];
        outer[boundary] = outside;
        boundary++;
      }
      if (head != null) {
        // greedy insertion: take the points waiting in the cavity's triangles
        for (int i = 0; i < nc; i++) {
          int t = cavity[i];
          for (int q = head[t]; q >= 0; q = nextPoint[q]) {
            gathered = ensure(gathered, gatheredCount + 1);
            gathered[gatheredCount++] = q;
          }
          head[t] = -1;
          stamp[t]++;
        }
      }
      // the fan: one triangle per rim edge (a, b), joined to the point, in the cavity's slots and
      // two more (a tree of nc triangles has nc + 2 rim edges); the rim is in order, so each
      // triangle meets the next across its edge (b, id)
      int firstNew = -1;
      made = ensure(made, boundary);
      for (int i = 0; i < boundary; i++) {
        int a = edgesA[i];
        int b = edgesB[i];
        int nt;
        if (i < nc) {
          nt = cavity[i];
          tri[8 * nt] = a;
          tri[8 * nt + 1] = b;
          tri[8 * nt + 2] = id;
        } else {
          nt = newTriangle(a, b, id);
        }
        tri[8 * nt + MARK] = 0;
        link(8 * nt + 3, outer[i]);
        made[i] = nt;
        if (a != INF && b != INF) {
          firstNew = nt;
        }
      }
      int previous = made[boundary - 1];
      for (int i = 0; i < boundary; i++) {
        int nt = made[i];
        link(8 * previous + 4, 8 * nt + 5);
        previous = nt;
      }
      cavityCount = nc;
      madeCount = boundary;
      last = firstNew;
    }

    // ---- greedy insertion (Garland and Heckbert 1995) for error-bounded terrain ----

    /** Per triangle slot: the first point waiting in it, or -1 (greedy mode only). */
    int @org.jspecify.annotations.Nullable [] head;

    /**
     * Per triangle slot: a counter bumped whenever its points change, to spot stale heap entries.
     */
    int[] stamp = new int[0];

    int[] nextPoint = new int[0];
    int[] gathered = new int[16];
    int gatheredCount;
    boolean[] inserted = new boolean[0];

    /** A max-heap of (error, triangle, stamp). */
    double[] heapError = new double[16];

    int[] heapTri = new int[16];
    int[] heapStamp = new int[16];
    int heapSize;

    private void push(double e, int t) {
      if (heapSize == heapError.length) {
        heapError = Arrays.copyOf(heapError, 2 * heapSize);
        heapTri = Arrays.copyOf(heapTri, 2 * heapSize);
        heapStamp = Arrays.copyOf(heapStamp, 2 * heapSize);
      }
      int i = heapSize++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (heapError[parent] >= e) {
          break;
        }
        heapError[i] = heapError[parent];
        heapTri[i] = heapTri[parent];
        heapStamp[i] = heapStamp[parent];
        i = parent;
      }
      heapError[i] = e;
      heapTri[i] = t;
      heapStamp[i] = stamp[t];
    }

    private void popTop() {
      double e = heapError[--heapSize];
      int t = heapTri[heapSize];
      int st = heapStamp[heapSize];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= heapSize) {
          break;
        }
        if (child + 1 < heapSize && heapError[child + 1] > heapError[child]) {
          child++;
        }
        if (heapError[child] <= e) {
          break;
        }
        heapError[i] = heapError[child];
        heapTri[i] = heapTri[child];
        heapStamp[i] = heapStamp[child];
        i = child;
      }
      heapError[i] = e;
      heapTri[i] = t;
      heapStamp[i] = st;
    }

    /** |z - plane of triangle t at (x, y)| for point q. */
    private double error(int t, int q) {
      return Math.abs(plane[3 * t] * x[q] + plane[3 * t + 1] * y[q] + plane[3 * t + 2] - z[q]);
    }

    /**
     * Per triangle slot (greedy mode): its plane z = A x + B y + C as A, B, C at {@code 3 t}, so
     * that a point's error is two products of numbers already in cache, where interpolating between
     * the three vertices took their coordinates and a division for every point. (The rounding of A
     * x at national-grid coordinates is about 1e-10 m per unit of slope.)
     */
    double[] plane = new double[0];

    /** Computes the plane of triangle t. */
    private void plane(int t) {
      int a = tri[8 * t];
      int b = tri[8 * t + 1];
      int c = tri[8 * t + 2];
      double bx = x[b] - x[a];
      double by = y[b] - y[a];
      double bz = z[b] - z[a];
      double cx = x[c] - x[a];
      double cy = y[c] - y[a];
      double cz = z[c] - z[a];
      double det = bx * cy - by * cx;
      double slopeX = (bz * cy - cz * by) / det;
      double slopeY = (bx * cz - cx * bz) / det;
      plane[3 * t] = slopeX;
      plane[3 * t + 1] = slopeY;
      plane[3 * t + 2] = z[a] - slopeX * x[a] - slopeY * y[a];
    }

    /**
     * The triangle of the fan just built around p that holds q, found by turning around p from
     * {@code made[start]}: q lies in fan triangle (a, b, p) when it is left of p -> a and not left
     * of p -> b. Returns its index in {@code made}, or -1 if the turn meets the vertex at infinity
     * or does not close.
     */
    private int fanTriangle(int p, int q, int start) {
      int i = start;
      // the side of p -> a is the side of p -> b of the triangle before: tested once
      double sideOfA = Double.NaN;
      for (int step = 0; step <= madeCount; step++) {
        int j = made[i];
        int a = tri[8 * j];
        int b = tri[8 * j + 1];
        if (a == INF || b == INF) {
          return -1;
        }
        double sideOfB = orientIdx(p, b, q);
        if (sideOfB <= 0) {
          if (Double.isNaN(sideOfA)) {
            sideOfA = orientIdx(p, a, q);
          }
          if (sideOfA >= 0) {
            return i;
          }
        }
        sideOfA = sideOfB;
        i = i + 1 == madeCount ? 0 : i + 1;
      }
      return -1;
    }

    private boolean contains(int t, int q) {
      for (int k = 0; k < 3; k++) {
        int a = tri[8 * t + k];
        int b = tri[8 * t + (k + 1) % 3];
        if (a == INF || b == INF) {
          return false;
        }
        if (Predicates.orient2d(x[a], y[a], x[b], y[b], x[q], y[q]) < 0) {
          return false;
        }
      }
      return true;
    }

    /** Per triangle slot: its worst point and that point's error (greedy mode). */
    int[] worstPoint = new int[0];

    double[] worstError = new double[0];

    /** Puts point q into the list of triangle t, keeping t's worst point up to date. */
    private void assign(int t, int q) {
      if (head[t] < 0) {
        worstError[t] = -1;
      }
      nextPoint[q] = head[t];
      head[t] = q;
      double e = error(t, q);
      if (e > worstError[t]) {
        worstError[t] = e;
        worstPoint[t] = q;
      }
    }

    /** Pushes the worst point of triangle t, if it has any. */
    private void rank(int t) {
      if (head[t] >= 0) {
        push(worstError[t], t);
      }
    }

    /**
     * Builds a TIN of the fewest points greedy insertion needs so that no point lies more than
     * maxError off it: the convex hull first, then repeatedly the point farthest from the surface.
     */
    void greedy(double maxError) {
      int n = x.length;
      int[] hull = convexHull();
      if (hull.length < 3) {
        keepCollinear(n);
        return;
      }
      inserted = new boolean[n];
      nextPoint = new int[n];
      int cap = tri.length / 8;
      head = new int[cap];
      Arrays.fill(head, -1);
      stamp = new int[cap];
      worstPoint = new int[cap];
      worstError = new double[cap];
      plane = new double[3 * cap];
      firstTriangle(hull[0], hull[1], hull[2]);
      for (int k = 0; k < 3; k++) {
        inserted[hull[k]] = true;
      }
      for (int k = 3; k < hull.length; k++) {
        int seed = locate(hull[k]);
        if (seed >= 0) {
          insertVertex(hull[k], seed);
        }
        inserted[hull[k]] = true;
      }
      for (int t = 0; t < slots; t++) {
        if (ghostIndexOf(t) < 0) {
          plane(t);
        }
      }
      gatheredCount = 0;
      for (int q = 0; q < n; q++) {
        if (inserted[q]) {
          continue;
        }
        int t = locate(q);
        if (t < 0 || ghostIndexOf(t) >= 0) {
          inserted[q] = true; // on a vertex already: nothing to add
          duplicates++;
          continue;
        }
        last = t;
        assign(t, q);
      }
      for (int t = 0; t < slots; t++) {
        if (head[t] >= 0) {
          rank(t);
        }
      }
      while (heapSize > 0) {
        double e = heapError[0];
        int t = heapTri[0];
        int st = heapStamp[0];
        popTop();
        if (st != stamp[t]) {
          continue;
        }
        if (e <= maxError) {
          break;
        }
        int worstPoint = this.worstPoint[t];
        // the point lies in t, so t's circumcircle holds it: t seeds the cavity
        gatheredCount = 0;
        insertVertex(worstPoint, t);
        inserted[worstPoint] = true;
        for (int i = 0; i < madeCount; i++) {
          int m = made[i];
          head[m] = -1;
          stamp[m]++;
          if (ghostIndexOf(m) < 0) {
            plane(m);
          }
        }
        int cur = 0;
        for (int i = 0; i < gatheredCount; i++) {
          int q = gathered[i];
          if (q == worstPoint) {
            continue;
          }
          if (x[q] == x[worstPoint] && y[q] == y[worstPoint]) {
            inserted[q] = true; // same x and y as the new vertex: it cannot be a vertex too
            continue;
          }
          int at = fanTriangle(worstPoint, q, cur);
          for (int j = 0; j < madeCount && at < 0; j++) {
            if (contains(made[j], q)) {
              at = j;
            }
          }
          int home = -1;
          if (at >= 0) {
            cur = at;
            home = made[at];
          }
          if (home < 0) {
            int found = locate(q);
            if (found < 0 || ghostIndexOf(found) >= 0) {
              inserted[q] = true;
              duplicates++;
              continue;
            }
            home = found;
          }
          assign(home, q);
        }
        for (int i = 0; i < madeCount; i++) {
          if (head[made[i]] >= 0) {
            rank(made[i]);
          }
        }
      }
      // keep only the inserted points, renumbered in their insertion order
      int[] id = new int[n];
      int kept = 0;
      for (int q = 0; q < n; q++) {
        id[q] = -1;
        if (inserted[q] && isVertex(q)) {
          id[q] = kept;
          x[kept] = x[q];
          y[kept] = y[q];
          z[kept] = z[q];
          input[kept] = input[q];
          kept++;
        }
      }
      for (int t = 0; t < slots; t++) {
        for (int k = 0; k < 3; k++) {
          int v = tri[8 * t + k];
          if (v != INF) {
            tri[8 * t + k] = id[v];
          }
        }
      }
      vertices = kept;
      duplicates = n - kept;
      head = null;
      compact();
    }

    private boolean[] vertexFlags;

    /** Whether point q ended up as a vertex (computed once from the triangles). */
    private boolean isVertex(int q) {
      if (vertexFlags == null) {
        vertexFlags = new boolean[x.length];
        boolean[] isFree = deadFlags();
        for (int t = 0; t < slots; t++) {
          if (isFree[t]) {
            continue;
          }
          for (int k = 0; k < 3; k++) {
            int v = tri[8 * t + k];
            if (v != INF) {
              vertexFlags[v] = true;
            }
          }
        }
      }
      return vertexFlags[q];
    }

    /** The strict convex hull, counter-clockwise (Andrew's monotone chain, exact turns). */
    private int[] convexHull() {
      int[] idx = hullCandidates();
      int n = idx.length;
      sortXy(idx, 0, n - 1);
      int[] h = new int[2 * n + 1];
      int k = 0;
      for (int ii = 0; ii < n; ii++) {
        int i = idx[ii];
        while (k >= 2 && orientIdx(h[k - 2], h[k - 1], i) <= 0) {
          k--;
        }
        h[k++] = i;
      }
      for (int ii = n - 2, lower = k + 1; ii >= 0; ii--) {
        int i = idx[ii];
        while (k >= lower && orientIdx(h[k - 2], h[k - 1], i) <= 0) {
          k--;
        }
        h[k++] = i;
      }
      int size = Math.max(0, k - 1);
      // drop exact duplicates of hull points
      int[] out = new int[size];
      int m = 0;
      for (int i = 0; i < size; i++) {
        int v = h[i];
        if (m > 0 && x[out[m - 1]] == x[v] && y[out[m - 1]] == y[v]) {
          continue;
        }
        out[m++] = v;
      }
      return Arrays.copyOf(out, m);
    }

    /**
     * The points that may lie on the convex hull: those not strictly inside the polygon of the
     * extreme points in eight directions (Akl and Toussaint), which on terrain leaves a few per
     * cent of them to sort.
     */
    private int[] hullCandidates() {
      int n = x.length;
      int[] extreme = new int[8];
      double[] best = new double[8];
      Arrays.fill(best, Double.NEGATIVE_INFINITY);
      for (int i = 0; i < n; i++) {
        double[] d = {
          x[i], x[i] + y[i], y[i], y[i] - x[i], -x[i], -x[i] - y[i], -y[i], x[i] - y[i]
        };
        for (int k = 0; k < 8; k++) {
          if (d[k] > best[k]) {
            best[k] = d[k];
            extreme[k] = i;
          }
        }
      }
      // the extremes in counter-clockwise order (east, north-east, ...), repeats dropped
      int[] polygon = new int[8];
      int m = 0;
      for (int k = 0; k < 8; k++) {
        int e = extreme[k];
        if (m == 0 || (x[e] != x[polygon[m - 1]] || y[e] != y[polygon[m - 1]])) {
          polygon[m++] = e;
        }
      }
      while (m > 1 && x[polygon[m - 1]] == x[polygon[0]] && y[polygon[m - 1]] == y[polygon[0]]) {
        m--;
      }
      int[] out = new int[n];
      int kept = 0;
      for (int i = 0; i < n; i++) {
        boolean inside = m >= 3;
        for (int k = 0; k < m && inside; k++) {
          int a = polygon[k];
          int b = polygon[(k + 1) % m];
          inside = Predicates.orient2d(x[a], y[a], x[b], y[b], x[i], y[i]) > 0;
        }
        if (!inside) {
          out[kept++] = i;
        }
      }
      return Arrays.copyOf(out, kept);
    }

    /** Sorts point indices by x, then y (quicksort, insertion sort on short runs). */
    private void sortXy(int[] a, int lo, int hi) {
      while (hi - lo > 16) {
        int p = a[(lo + hi) >>> 1];
        int i = lo;
        int j = hi;
        while (i <= j) {
          while (lessXy(a[i], p)) {
            i++;
          }
          while (lessXy(p, a[j])) {
            j--;
          }
          if (i <= j) {
            int t = a[i];
            a[i++] = a[j];
            a[j--] = t;
          }
        }
        if (j - lo < hi - i) {
          sortXy(a, lo, j);
          lo = i;
        } else {
          sortXy(a, i, hi);
          hi = j;
        }
      }
      for (int i = lo + 1; i <= hi; i++) {
        int v = a[i];
        int j = i - 1;
        while (j >= lo && lessXy(v, a[j])) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
    }

    private boolean lessXy(int i, int j) {
      return x[i] < x[j] || (x[i] == x[j] && y[i] < y[j]);
    }

    private double orientIdx(int a, int b, int c) {
      return Predicates.orient2d(x[a], y[a], x[b], y[b], x[c], y[c]);
    }

    // ---- constraints: Sloan's edge flipping (1993), then Lawson flips restore Delaunay ----

    private void insertConstraints() {
      constrained = new boolean[tri.length];
      vt = new int[vertices];
      Arrays.fill(vt, -1);
      boolean[] isFree = deadFlags();
      for (int t = 0; t < slots; t++) {
        if (isFree[t]) {
          continue;
        }
        for (int k = 0; k < 3; k++) {
          int v = tri[8 * t + k];
          if (v != INF) {
            vt[v] = t;
          }
        }
      }
      for (int i = 0; i + 1 < segments.length; i += 2) {
        int a = vertexOfInput[segments[i]];
        int b = vertexOfInput[segments[i + 1]];
        if (a == b) {
          constraintsSkipped++;
          continue;
        }
        constrain(a, b, segments[i], segments[i + 1]);
      }
    }

    /** The link slot of the directed edge u -> v, or -1 if there is no such edge. */
    private int edgeSlot(int u, int v) {
      int t0 = vt[u];
      int t = t0;
      do {
        int k = indexIn(t, u);
        if (tri[8 * t + (k + 1) % 3] == v) {
          return 8 * t + 3 + k;
        }
        t = tri[8 * t + 3 + (k + 2) % 3] / 8;
      } while (t != t0);
      return -1;
    }

    private int indexIn(int t, int v) {
      return tri[8 * t] == v ? 0 : tri[8 * t + 1] == v ? 1 : 2;
    }

    private double orient(int a, int b, int c) {
      return Predicates.orient2d(x[a], y[a], x[b], y[b], x[c], y[c]);
    }

    private void markConstrained(int slot) {
      constrained[slot] = true;
      constrained[tri[slot]] = true;
    }

    /** Makes a -> b an edge of the triangulation and marks it, splitting it at vertices on it. */
    private void constrain(int a, int b, int inA, int inB) {
      while (a != b) {
        int slot = edgeSlot(a, b);
        if (slot >= 0) {
          markConstrained(slot);
          return;
        }
        // the triangle around a whose wedge the segment enters
        int t0 = vt[a];
        int t = t0;
        int p = -1;
        int q = -1;
        int through = -1;
        do {
          int k = indexIn(t, a);
          int u = tri[8 * t + (k + 1) % 3];
          int w = tri[8 * t + (k + 2) % 3];
          if (u != INF && w != INF) {
            double ou = orient(a, u, b);
            double ow = orient(a, b, w);
            if (ou == 0 && dot(a, u, b) > 0) {
              through = u;
              break;
            }
            if (ow == 0 && dot(a, w, b) > 0) {
              through = w;
              break;
            }
            if (ou > 0 && ow > 0) {
              p = u;
              q = w;
              break;
            }
          }
          t = tri[8 * t + 3 + (k + 2) % 3] / 8;
        } while (t != t0);
        if (through >= 0) {
          constrain(a, through, inA, inB);
          a = through;
          continue;
        }
        if (p < 0) {
          throw new IllegalStateException(
              "constraint " + inA + "-" + inB + ": no triangle around its start holds it");
        }
        // march to b, collecting crossed edges (right end, left end)
        java.util.ArrayDeque<int[]> crossing = new java.util.ArrayDeque<>();
        int stop = -1;
        while (true) {
          int s = edgeSlot(p, q);
          if (constrained[s]) {
            throw new IllegalArgumentException(
                "constraint "
                    + inA
                    + "-"
                    + inB
                    + " crosses another constraint; constraints may meet only at their ends");
          }
          crossing.add(new int[] {p, q});
          int u = tri[s] / 8;
          int r = tri[8 * u + (indexIn(u, q) + 2) % 3];
          if (r == b) {
            break;
          }
          double o = orient(a, b, r);
          if (o == 0) {
            stop = r;
            break;
          }
          if (o > 0) {
            q = r;
          } else {
            p = r;
          }
        }
        int end = stop >= 0 ? stop : b;
        java.util.List<int[]> created = new java.util.ArrayList<>();
        int guard = 0;
        while (!crossing.isEmpty()) {
          if (++guard > 1_000_000 + 100 * vertices) {
            throw new IllegalStateException("constraint " + inA + "-" + inB + " did not settle");
          }
          int[] e = crossing.poll();
          int slot1 = edgeSlot(e[0], e[1]);
          int t1 = slot1 / 8;
          int k1 = slot1 - 8 * t1 - 3;
          int slot2 = tri[slot1];
          int t2 = slot2 / 8;
          int k2 = slot2 - 8 * t2 - 3;
          int u = tri[8 * t1 + k1];
          int v = tri[8 * t1 + (k1 + 1) % 3];
          int w1 = tri[8 * t1 + (k1 + 2) % 3];
          int w2 = tri[8 * t2 + (k2 + 2) % 3];
          if (orient(w1, u, w2) > 0 && orient(w2, v, w1) > 0) {
            flip(t1, k1);
            double s1 = orient(a, end, w1);
            double s2 = orient(a, end, w2);
            if ((s1 > 0 && s2 < 0) || (s1 < 0 && s2 > 0)) {
              crossing.add(s1 < 0 ? new int[] {w1, w2} : new int[] {w2, w1});
            } else {
              created.add(new int[] {w1, w2});
            }
          } else {
            crossing.add(e);
          }
        }
        markConstrained(edgeSlot(a, end));
        restoreDelaunay(created);
        a = end;
      }
    }

    private double dot(int a, int u, int b) {
      double d = (x[u] - x[a]) * (x[b] - x[a]) + (y[u] - y[a]) * (y[b] - y[a]);
      double len = (x[b] - x[a]) * (x[b] - x[a]) + (y[b] - y[a]) * (y[b] - y[a]);
      return d > 0 && d < len ? 1 : -1;
    }

    /** Lawson flips from the given edges until every unconstrained edge is locally Delaunay. */
    private void restoreDelaunay(java.util.List<int[]> edges) {
      java.util.ArrayDeque<int[]> todo = new java.util.ArrayDeque<>(edges);
      int guard = 0;
      while (!todo.isEmpty()) {
        if (++guard > 10_000_000) {
          throw new IllegalStateException("Delaunay restoration did not settle");
        }
        int[] e = todo.poll();
        int slot1 = edgeSlot(e[0], e[1]);
        if (slot1 < 0 || constrained[slot1]) {
          continue;
        }
        int t1 = slot1 / 8;
        int k1 = slot1 - 8 * t1 - 3;
        int t2 = tri[slot1] / 8;
        int k2 = tri[slot1] - 8 * t2 - 3;
        int u = tri[8 * t1 + k1];
        int v = tri[8 * t1 + (k1 + 1) % 3];
        int w1 = tri[8 * t1 + (k1 + 2) % 3];
        int w2 = tri[8 * t2 + (k2 + 2) % 3];
        if (w1 == INF || w2 == INF) {
          continue;
        }
        if (Predicates.incircle(x[u], y[u], x[v], y[v], x[w1], y[w1], x[w2], y[w2]) > 0) {
          flip(t1, k1);
          todo.add(new int[] {w1, u});
          todo.add(new int[] {u, w2});
          todo.add(new int[] {w2, v});
          todo.add(new int[] {v, w1});
        }
      }
    }

    /**
     * Flips edge k1 (u -> v) of t1 with its twin in t2: (u, v, w1) and (v, u, w2) become (w1, u,
     * w2) and (w2, v, w1). Links and constraint marks of the four outer edges move with them.
     */
    private void flip(int t1, int k1) {
      int s2 = tri[8 * t1 + 3 + k1];
      int t2 = s2 / 8;
      int k2 = s2 - 8 * t2 - 3;
      int u = tri[8 * t1 + k1];
      int v = tri[8 * t1 + (k1 + 1) % 3];
      int w1 = tri[8 * t1 + (k1 + 2) % 3];
      int w2 = tri[8 * t2 + (k2 + 2) % 3];
      int sa = 8 * t1 + 3 + (k1 + 1) % 3;
      int sb = 8 * t1 + 3 + (k1 + 2) % 3;
      int sc = 8 * t2 + 3 + (k2 + 1) % 3;
      int sd = 8 * t2 + 3 + (k2 + 2) % 3;
      int oa = tri[sa];
      int ob = tri[sb];
      int oc = tri[sc];
      int od = tri[sd];
      boolean fa = constrained[sa];
      boolean fb = constrained[sb];
      boolean fc = constrained[sc];
      boolean fd = constrained[sd];
      tri[8 * t1] = w1;
      tri[8 * t1 + 1] = u;
      tri[8 * t1 + 2] = w2;
      tri[8 * t2] = w2;
      tri[8 * t2 + 1] = v;
      tri[8 * t2 + 2] = w1;
      link(8 * t1 + 3, ob);
      link(8 * t1 + 4, oc);
      link(8 * t1 + 5, 8 * t2 + 5);
      link(8 * t2 + 3, od);
      link(8 * t2 + 4, oa);
      constrained[8 * t1 + 3] = fb;
      constrained[8 * t1 + 4] = fc;
      constrained[8 * t1 + 5] = false;
      constrained[8 * t2 + 3] = fd;
      constrained[8 * t2 + 4] = fa;
      constrained[8 * t2 + 5] = false;
      vt[u] = t1;
      vt[w1] = t1;
      vt[w2] = t1;
      vt[v] = t2;
    }

    private static int[] ensure(int[] a, int n) {
      return n <= a.length ? a : Arrays.copyOf(a, Math.max(n, 2 * a.length));
    }

    private void compact() {
      if (vertices < x.length) {
        x = Arrays.copyOf(x, vertices);
        y = Arrays.copyOf(y, vertices);
        z = Arrays.copyOf(z, vertices);
        input = Arrays.copyOf(input, vertices);
      }
      if (8 * slots < 0.9 * tri.length) {
        tri = Arrays.copyOf(tri, 8 * slots);
      }
    }
  }
}
