// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.tiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Makes footprint polygons valid: rings closed and without repeated vertices, exterior
 * counter-clockwise and holes clockwise, degenerate rings dropped, topology errors repaired with
 * JTS {@link GeometryFixer}. Rings are x/y pairs in {@code double[]}; JTS objects are made only to
 * validate and fix. Stateless.
 */
final class FootprintRepair {

  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  /** Receives the issues found in one feature. */
  @FunctionalInterface
  interface IssueSink {
    void issue(FootprintIssue.Kind kind, String message, String action);
  }

  private FootprintRepair() {}

  /**
   * Finds the first coordinate that is NaN or infinite.
   *
   * @return a description of where, or null if every coordinate is finite
   */
  static @Nullable String firstNotFinite(List<double[][]> parts) {
    for (int p = 0; p < parts.size(); p++) {
      double[][] rings = parts.get(p);
      for (int r = 0; r < rings.length; r++) {
        double[] xy = rings[r];
        for (int i = 0; i + 1 < xy.length; i += 2) {
          if (!Double.isFinite(xy[i]) || !Double.isFinite(xy[i + 1])) {
            return where(parts.size(), p)
                + ringName(r)
                + " vertex "
                + i / 2
                + " has coordinate ("
                + xy[i]
                + ", "
                + xy[i + 1]
                + ")";
          }
        }
      }
    }
    return null;
  }

  /**
   * Repairs the parts of one feature.
   *
   * @param parts the polygons as read, each an array of rings of x/y pairs; all finite
   * @param sink receives one issue per kind and part
   * @return the valid polygons, each an array of open rings (exterior first), in part order; a part
   *     a repair split comes out as several polygons, one that collapsed as none
   */
  static List<double[][]> repair(List<double[][]> parts, IssueSink sink) {
    List<double[][]> out = new ArrayList<>();
    for (int p = 0; p < parts.size(); p++) {
      repairPart(parts.get(p), where(parts.size(), p), parts.size() == 1, sink, out);
    }
    return out;
  }

  private static void repairPart(
      double[][] rings, String where, boolean only, IssueSink sink, List<double[][]> out) {
    List<double[]> kept = new ArrayList<>(rings.length);
    List<String> unclosed = new ArrayList<>();
    List<String> reversed = new ArrayList<>();
    int repeated = 0;
    List<String> repeatedIn = new ArrayList<>();
    for (int r = 0; r < rings.length; r++) {
      double[] xy = rings[r];
      int n = xy.length / 2;
      boolean closed = n > 1 && xy[0] == xy[2 * n - 2] && xy[1] == xy[2 * n - 1];
      if (n > 0 && !closed) {
        unclosed.add(ringName(r));
      }
      double[] open = dedupe(xy, closed ? n - 1 : n);
      int removed = (closed ? n - 1 : n) - open.length / 2;
      if (removed > 0) {
        repeated += removed;
        repeatedIn.add(ringName(r));
      }
      if (open.length < 6 || collinear(open)) {
        String what =
            open.length < 6
                ? "has " + open.length / 2 + " distinct vertices, fewer than 3"
                : "has zero area (its vertices lie on one line)";
        if (r == 0) {
          sink.issue(
              FootprintIssue.Kind.DEGENERATE,
              where + "exterior " + what,
              only ? "footprint skipped" : "part dropped");
          return;
        }
        sink.issue(
            FootprintIssue.Kind.DEGENERATE, where + ringName(r) + " " + what, "hole dropped");
        continue;
      }
      // a ring whose lobes cancel (a bowtie) has no orientation: left to the fixer below
      double area = signedArea(open);
      if (area != 0 && (r == 0) != (area > 0)) {
        reversed.add(ringName(r) + (r == 0 ? " clockwise" : " counter-clockwise"));
        open = reverse(open);
      }
      kept.add(open);
    }
    if (!unclosed.isEmpty()) {
      sink.issue(
          FootprintIssue.Kind.UNCLOSED_RING,
          where + "ring not closed: " + String.join(", ", unclosed),
          "closed");
    }
    if (repeated > 0) {
      sink.issue(
          FootprintIssue.Kind.DUPLICATE_VERTEX,
          where + repeated + " repeated consecutive vertices in " + String.join(", ", repeatedIn),
          "removed");
    }
    if (!reversed.isEmpty()) {
      sink.issue(
          FootprintIssue.Kind.ORIENTATION,
          where + String.join(", ", reversed) + " seen from above",
          "reversed");
    }
    Polygon polygon = toJts(kept);
    TopologyValidationError error = new IsValidOp(polygon).getValidationError();
    if (error == null) {
      out.add(kept.toArray(new double[0][]));
      return;
    }
    FootprintIssue.Kind kind =
        error.getErrorType() == TopologyValidationError.SELF_INTERSECTION
                || error.getErrorType() == TopologyValidationError.RING_SELF_INTERSECTION
            ? FootprintIssue.Kind.SELF_INTERSECTION
            : FootprintIssue.Kind.INVALID_TOPOLOGY;
    Coordinate at = error.getCoordinate();
    String message =
        where
            + error.getMessage().toLowerCase(Locale.ROOT)
            + (at == null ? "" : String.format(Locale.ROOT, " at (%s, %s)", at.x, at.y));
    Geometry fixed = GeometryFixer.fix(polygon);
    int before = out.size();
    for (int i = 0; i < fixed.getNumGeometries(); i++) {
      Geometry g = fixed.getGeometryN(i);
      if (g instanceof Polygon && !g.isEmpty() && g.getArea() > 0) {
        double[][] normalised = fromJts((Polygon) g);
        if (normalised.length > 0) {
          out.add(normalised);
        }
      }
    }
    int made = out.size() - before;
    String action;
    if (made == 0) {
      kind = FootprintIssue.Kind.DEGENERATE;
      action = "nothing left after repair; " + (only ? "footprint skipped" : "part dropped");
    } else if (made == 1) {
      action = "repaired with JTS GeometryFixer";
    } else {
      action =
          "repaired with JTS GeometryFixer into "
              + made
              + " polygons, kept as separate footprints with #k id suffixes";
    }
    sink.issue(kind, message, action);
  }

  /** Copies the first n vertices, leaving out each one equal to its predecessor (cyclically). */
  private static double[] dedupe(double[] xy, int n) {
    double[] out = new double[2 * n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      double x = xy[2 * i];
      double y = xy[2 * i + 1];
      if (m > 0 && out[2 * m - 2] == x && out[2 * m - 1] == y) {
        continue;
      }
      out[2 * m] = x;
      out[2 * m + 1] = y;
      m++;
    }
    while (m > 1 && out[2 * m - 2] == out[0] && out[2 * m - 1] == out[1]) {
      m--;
    }
    return m == n ? out : java.util.Arrays.copyOf(out, 2 * m);
  }

  /**
   * The signed area of an open ring, positive when counter-clockwise; summed relative to the first
   * vertex so that large projected coordinates do not cancel digits.
   */
  static double signedArea(double[] xy) {
    int n = xy.length / 2;
    double x0 = xy[0];
    double y0 = xy[1];
    double s = 0;
    for (int i = 1; i + 1 < n; i++) {
      s += (xy[2 * i] - x0) * (xy[2 * i + 3] - y0) - (xy[2 * i + 2] - x0) * (xy[2 * i + 1] - y0);
    }
    return s / 2;
  }

  /**
   * Whether every vertex lies on the line through the first two (exactly, in double arithmetic;
   * nearly collinear rings are left to JTS, whose repair then leaves nothing).
   */
  private static boolean collinear(double[] xy) {
    double dx = xy[2] - xy[0];
    double dy = xy[3] - xy[1];
    for (int i = 4; i < xy.length; i += 2) {
      if (dx * (xy[i + 1] - xy[1]) - dy * (xy[i] - xy[0]) != 0) {
        return false;
      }
    }
    return true;
  }

  /** Reverses an open ring, keeping its first vertex first. */
  private static double[] reverse(double[] xy) {
    int n = xy.length / 2;
    double[] out = new double[xy.length];
    out[0] = xy[0];
    out[1] = xy[1];
    for (int i = 1; i < n; i++) {
      out[2 * i] = xy[2 * (n - i)];
      out[2 * i + 1] = xy[2 * (n - i) + 1];
    }
    return out;
  }

  private static Polygon toJts(List<double[]> rings) {
    LinearRing shell = ring(rings.get(0));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i));
    }
    return GEOMETRY.createPolygon(shell, holes);
  }

  private static LinearRing ring(double[] xy) {
    int n = xy.length / 2;
    Coordinate[] c = new Coordinate[n + 1];
    for (int i = 0; i < n; i++) {
      c[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
    }
    c[n] = c[0].copy();
    return GEOMETRY.createLinearRing(c);
  }

  /** Open rings from a valid JTS polygon, oriented our way; empty if the exterior degenerated. */
  private static double[][] fromJts(Polygon p) {
    List<double[]> rings = new ArrayList<>(p.getNumInteriorRing() + 1);
    for (int r = 0; r <= p.getNumInteriorRing(); r++) {
      Coordinate[] c = (r == 0 ? p.getExteriorRing() : p.getInteriorRingN(r - 1)).getCoordinates();
      double[] xy = new double[2 * c.length];
      for (int i = 0; i < c.length; i++) {
        xy[2 * i] = c[i].x;
        xy[2 * i + 1] = c[i].y;
      }
      double[] open = dedupe(xy, c.length);
      double area = open.length >= 6 ? signedArea(open) : 0;
      if (area == 0) {
        if (r == 0) {
          return new double[0][];
        }
        continue;
      }
      rings.add((r == 0) == (area > 0) ? open : reverse(open));
    }
    return rings.toArray(new double[0][]);
  }

  private static String where(int parts, int p) {
    return parts > 1 ? "part " + (p + 1) + ": " : "";
  }

  private static String ringName(int r) {
    return r == 0 ? "exterior" : "hole " + r;
  }
}
