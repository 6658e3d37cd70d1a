// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh.building;

import java.util.Arrays;
import java.util.Objects;
import org.twin4j.pointcloud.PointChunk;
import org.twin4j.pointcloud.PointCloud;

/**
 * The points reconstruction looks at, bucketed in a 2D grid so that the points inside or near a
 * footprint are found without scanning the cloud: x, y, z as {@code double} and the class as a
 * {@code byte}, sorted by grid cell (compressed rows). 25 bytes per point plus 4 per cell.
 * Immutable and safe for concurrent queries.
 */
final class ClassifiedPoints {

  private final double[] x;
  private final double[] y;
  private final double[] z;
  private final byte[] cls;
  private final double minX;
  private final double minY;
  private final double cell;
  private final int cols;
  private final int rows;
  private final int[] cellStart;

  private ClassifiedPoints(
      double[] x,
      double[] y,
      double[] z,
      byte[] cls,
      double minX,
      double minY,
      double cell,
      int cols,
      int rows,
      int[] cellStart) {
    this.x = x;
    this.y = y;
    this.z = z;
    this.cls = cls;
    this.minX = minX;
    this.minY = minY;
    this.cell = cell;
    this.cols = cols;
    this.rows = rows;
    this.cellStart = cellStart;
  }

  /**
   * Takes the points of the wanted classes out of a cloud.
   *
   * @param cloud the classified cloud
   * @param wanted true at each class (0–255) to keep
   * @param cell the grid cell size in CRS units
   */
  static ClassifiedPoints of(PointCloud cloud, boolean[] wanted, double cell) {
    Objects.requireNonNull(cloud, "cloud");
    int n = 0;
    for (PointChunk c : cloud.chunks()) {
      for (int i = 0; i < c.size(); i++) {
        if (wanted[c.classification(i)]) {
          n++;
        }
      }
    }
    double[] x = new double[n];
    double[] y = new double[n];
    double[] z = new double[n];
    byte[] cls = new byte[n];
    int k = 0;
    for (PointChunk c : cloud.chunks()) {
      for (int i = 0; i < c.size(); i++) {
        int cl = c.classification(i);
        if (wanted[cl]) {
          x[k] = c.x(i);
          y[k] = c.y(i);
          z[k] = c.z(i);
          cls[k] = (byte) cl;
          k++;
        }
      }
    }
    return of(x, y, z, cls, cell);
  }

  /** Buckets the given points; the arrays are taken over and reordered. */
  static ClassifiedPoints of(double[] x, double[] y, double[] z, byte[] cls, double cell) {
    int n = x.length;
    if (y.length != n || z.length != n || cls.length != n) {
      throw new IllegalArgumentException("coordinate and class arrays differ in length");
    }
    if (!(cell > 0)) {
      throw new IllegalArgumentException("cell size must be positive, got " + cell);
    }
    double x0 = Double.POSITIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      x0 = Math.min(x0, x[i]);
      y0 = Math.min(y0, y[i]);
      x1 = Math.max(x1, x[i]);
      y1 = Math.max(y1, y[i]);
    }
    if (n == 0) {
      x0 = y0 = x1 = y1 = 0;
    }
    // cells large enough that no point is clamped and the grid stays under 2^24 cells (64 MB),
    // however far apart the points lie
    cell = Math.max(cell, Math.max(x1 - x0, y1 - y0) / ((1 << 14) - 1));
    cell = Math.max(cell, Math.sqrt((x1 - x0) * (y1 - y0) / (1 << 24)));
    int cols = Math.max(1, (int) Math.min(1 << 14, Math.floor((x1 - x0) / cell) + 1));
    int rows = Math.max(1, (int) Math.min(1 << 14, Math.floor((y1 - y0) / cell) + 1));
    int[] start = new int[cols * rows + 1];
    int[] cellOf = new int[n];
    for (int i = 0; i < n; i++) {
      int cx = Math.min(cols - 1, (int) ((x[i] - x0) / cell));
      int cy = Math.min(rows - 1, (int) ((y[i] - y0) / cell));
      cellOf[i] = cy * cols + cx;
      start[cellOf[i] + 1]++;
    }
    for (int c = 0; c < cols * rows; c++) {
      start[c + 1] += start[c];
    }
    int[] fill = Arrays.copyOf(start, cols * rows);
    double[] sx = new double[n];
    double[] sy = new double[n];
    double[] sz = new double[n];
    byte[] sc = new byte[n];
    for (int i = 0; i < n; i++) {
      int j = fill[cellOf[i]]++;
      sx[j] = x[i];
      sy[j] = y[i];
      sz[j] = z[i];
      sc[j] = cls[i];
    }
    return new ClassifiedPoints(sx, sy, sz, sc, x0, y0, cell, cols, rows, start);
  }

  int size() {
    return x.length;
  }

  /** Calls the visitor with every point whose cell touches the box. */
  void forEachNear(double x0, double y0, double x1, double y1, PointVisitor visitor) {
    int cx0 = Math.max(0, (int) Math.floor((x0 - minX) / cell));
    int cy0 = Math.max(0, (int) Math.floor((y0 - minY) / cell));
    int cx1 = Math.min(cols - 1, (int) Math.floor((x1 - minX) / cell));
    int cy1 = Math.min(rows - 1, (int) Math.floor((y1 - minY) / cell));
    for (int cy = cy0; cy <= cy1; cy++) {
      for (int cx = cx0; cx <= cx1; cx++) {
        int c = cy * cols + cx;
        for (int i = cellStart[c]; i < cellStart[c + 1]; i++) {
          visitor.visit(x[i], y[i], z[i], cls[i] & 0xFF);
        }
      }
    }
  }

  /**
   * Collects the points of the wanted classes inside a polygon (holes excluded) and, separately,
   * those of other wanted classes within a distance of its boundary but outside it.
   *
   * @param rings the footprint's rings, x and y
   * @param inside the classes taken inside
   * @param near the classes taken near
   * @param distance how far outside the boundary "near" reaches
   * @return {inside x, y, z as one interleaved array; near z values}
   */
  Selection select(Rings rings, boolean[] inside, boolean[] near, double distance) {
    DoubleList in = new DoubleList(256);
    DoubleList inClass = new DoubleList(96);
    DoubleList nearZ = new DoubleList(64);
    forEachNear(
        rings.minX - distance,
        rings.minY - distance,
        rings.maxX + distance,
        rings.maxY + distance,
        (px, py, pz, c) -> {
          if (!inside[c] && !near[c]) {
            return;
          }
          boolean contained = rings.contains(px, py);
          if (contained && inside[c]) {
            in.add(px);
            in.add(py);
            in.add(pz);
            inClass.add(c);
          } else if (!contained && near[c] && rings.distanceSq(px, py) <= distance * distance) {
            nearZ.add(pz);
          }
        });
    double[] cd = inClass.toArray();
    byte[] classes = new byte[cd.length];
    for (int i = 0; i < cd.length; i++) {
      classes[i] = (byte) cd[i];
    }
    return new Selection(in.toArray(), classes, nearZ.toArray());
  }

  /**
   * The points of one building: inside as interleaved x, y, z with their classes; near ground as z
   * values.
   */
  record Selection(double[] inside, byte[] insideClass, double[] nearZ) {
    /** The inside points of the wanted classes, interleaved. */
    double[] inside(boolean[] wanted) {
      DoubleList out = new DoubleList(inside.length);
      for (int i = 0; i < insideClass.length; i++) {
        if (wanted[insideClass[i] & 0xFF]) {
          out.add(inside[3 * i]);
          out.add(inside[3 * i + 1]);
          out.add(inside[3 * i + 2]);
        }
      }
      return out.toArray();
    }
  }

  /** Receives points. */
  @FunctionalInterface
  interface PointVisitor {
    void visit(double x, double y, double z, int cls);
  }

  /** A growable list of doubles. */
  static final class DoubleList {
    private double[] a;
    private int n;

    DoubleList(int capacity) {
      a = new double[Math.max(4, capacity)];
    }

    void add(double v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, 2 * n);
      }
      a[n++] = v;
    }

    int size() {
      return n;
    }

    double[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
