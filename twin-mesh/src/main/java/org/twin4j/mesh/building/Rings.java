// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh.building;

import org.twin4j.core.geom.Polygon;

/**
 * A polygon's rings flattened to 2D for fast point tests: x and y per vertex, ring starts, and the
 * bounding box. Containment is even-odd over all rings, so holes are outside.
 */
final class Rings {

  final double[] xs;
  final double[] ys;
  final int[] starts;
  final double minX;
  final double minY;
  final double maxX;
  final double maxY;

  private Rings(double[] xs, double[] ys, int[] starts) {
    this.xs = xs;
    this.ys = ys;
    this.starts = starts;
    double x0 = Double.POSITIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < xs.length; i++) {
      x0 = Math.min(x0, xs[i]);
      y0 = Math.min(y0, ys[i]);
      x1 = Math.max(x1, xs[i]);
      y1 = Math.max(y1, ys[i]);
    }
    minX = x0;
    minY = y0;
    maxX = x1;
    maxY = y1;
  }

  static Rings of(Polygon p) {
    int rings = p.ringCount();
    int[] starts = new int[rings + 1];
    for (int r = 0; r < rings; r++) {
      starts[r + 1] = starts[r] + p.ringSize(r);
    }
    double[] xs = new double[starts[rings]];
    double[] ys = new double[starts[rings]];
    for (int r = 0; r < rings; r++) {
      for (int i = 0; i < p.ringSize(r); i++) {
        xs[starts[r] + i] = p.x(r, i);
        ys[starts[r] + i] = p.y(r, i);
      }
    }
    return new Rings(xs, ys, starts);
  }

  /** These rings moved by (-dx, -dy). */
  Rings shifted(double dx, double dy) {
    double[] x = xs.clone();
    double[] y = ys.clone();
    for (int i = 0; i < x.length; i++) {
      x[i] -= dx;
      y[i] -= dy;
    }
    return new Rings(x, y, starts);
  }

  int ringCount() {
    return starts.length - 1;
  }

  boolean contains(double px, double py) {
    if (px < minX || px > maxX || py < minY || py > maxY) {
      return false;
    }
    boolean in = false;
    for (int r = 0; r + 1 < starts.length; r++) {
      int s = starts[r];
      int e = starts[r + 1];
      for (int i = s, j = e - 1; i < e; j = i++) {
        double yi = ys[i];
        double yj = ys[j];
        if ((yi > py) != (yj > py)) {
          double xc = xs[i] + (py - yi) / (yj - yi) * (xs[j] - xs[i]);
          if (px < xc) {
            in = !in;
          }
        }
      }
    }
    return in;
  }

  /** Squared distance from a point to the nearest ring edge. */
  double distanceSq(double px, double py) {
    double best = Double.POSITIVE_INFINITY;
    for (int r = 0; r + 1 < starts.length; r++) {
      int s = starts[r];
      int e = starts[r + 1];
      for (int i = s, j = e - 1; i < e; j = i++) {
        best = Math.min(best, segmentDistanceSq(px, py, xs[j], ys[j], xs[i], ys[i]));
      }
    }
    return best;
  }

  static double segmentDistanceSq(
      double px, double py, double ax, double ay, double bx, double by) {
    double dx = bx - ax;
    double dy = by - ay;
    double len = dx * dx + dy * dy;
    double t = len == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len;
    t = Math.max(0, Math.min(1, t));
    double qx = ax + t * dx - px;
    double qy = ay + t * dy - py;
    return qx * qx + qy * qy;
  }

  /** The area enclosed, holes subtracted (absolute values of the rings' areas). */
  double area() {
    double total = 0;
    for (int r = 0; r + 1 < starts.length; r++) {
      double a = 0;
      for (int i = starts[r], j = starts[r + 1] - 1; i < starts[r + 1]; j = i++) {
        a += xs[j] * ys[i] - xs[i] * ys[j];
      }
      total += r == 0 ? Math.abs(a) / 2 : -Math.abs(a) / 2;
    }
    return total;
  }
}
