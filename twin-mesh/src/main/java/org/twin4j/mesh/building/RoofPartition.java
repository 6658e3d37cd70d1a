// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh.building;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.hull.ConcaveHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.twin4j.core.geom.Lod;
import org.twin4j.core.geom.SemanticSurface;
import org.twin4j.core.geom.SemanticType;
import org.twin4j.core.geom.Solid;

/**
 * The LOD2.2 roof of one building, after roofer: the footprint is cut by lines (where two adjacent
 * roof planes meet, or, where they do not meet near their shared boundary, a step line fitted to
 * that boundary and snapped to the footprint's directions), every face of that arrangement gets the
 * plane that fits its points best, smoothed against its neighbours (iterated conditional modes),
 * faces with the same plane are merged, and the roof is closed into a solid by vertical walls down
 * to the neighbouring face or to the ground.
 *
 * <p>Walls carry every height met at their corners, so each edge of the shell is shared by exactly
 * two surfaces; heights closer than a millimetre at a corner are taken as one. All work is in local
 * coordinates; the origin is added back when the solid is built.
 */
final class RoofPartition {

  /** Heights at a corner closer than this are one vertex. */
  private static final double SNAP = 1e-3;

  /** Residuals are capped at this for the data term, so that trees and noise do not dominate. */
  private static final double RESIDUAL_CAP = 2.0;

  private static final double MAX_LINES = 40;

  /** Regions with more points than this are thinned to one per 0.5 m cell for their outline. */
  private static final int THIN_FROM = 2000;

  private static final GeometryFactory GF = new GeometryFactory();

  private static final PrecisionModel GRID = new PrecisionModel(1e4);

  final Solid solid;

  /** Vertical RMSE of the points of detected roof planes against the roof faces above them. */
  final double rmse;

  private RoofPartition(Solid solid, double rmse) {
    this.solid = solid;
    this.rmse = rmse;
  }

  /**
   * Builds the roof and its solid.
   *
   * @param fp the footprint in local coordinates
   * @param xyz the roof points, local, interleaved
   * @param rp the planes found in them
   * @param ground the ground height
   * @param flatZ the height of the fallback flat roof
   * @param o options
   * @param ox the origin's x
   * @param oy the origin's y
   */
  static RoofPartition build(
      Rings fp,
      double[] xyz,
      RoofPlanes rp,
      double ground,
      double flatZ,
      ReconstructionOptions o,
      double ox,
      double oy) {
    int n = xyz.length / 3;
    int planeCount = rp.planeCount();
    // plane coefficients z = a x + b y + c; the last is the flat fallback
    double[] pl = Arrays.copyOf(rp.planes, 3 * planeCount + 3);
    pl[3 * planeCount + 2] = flatZ;
    int labels = planeCount + 1;
    double maxZ = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      maxZ = Math.max(maxZ, xyz[3 * i + 2]);
    }
    maxZ = Math.max(maxZ, flatZ);

    Arrangement arr = arrangement(fp, lines(fp, xyz, rp));
    int faceCount = arr.faces.size();

    // points to faces
    int[] pointFace = new int[n];
    Arrays.fill(pointFace, -1);
    Rings[] faceRings = new Rings[faceCount];
    for (int f = 0; f < faceCount; f++) {
      faceRings[f] = arr.rings(f);
    }
    for (int i = 0; i < n; i++) {
      double px = xyz[3 * i];
      double py = xyz[3 * i + 1];
      for (int f = 0; f < faceCount; f++) {
        if (faceRings[f].contains(px, py)) {
          pointFace[i] = f;
          break;
        }
      }
    }

    // data term
    double[] data = new double[faceCount * labels];
    int[] pointsIn = new int[faceCount];
    for (int f = 0; f < faceCount; f++) {
      for (int k = 0; k < labels; k++) {
        if (!feasible(arr, f, pl, k, ground, maxZ)) {
          data[f * labels + k] = Double.POSITIVE_INFINITY;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      int f = pointFace[i];
      if (f < 0) {
        continue;
      }
      pointsIn[f]++;
      for (int k = 0; k < labels; k++) {
        double r = xyz[3 * i + 2] - z(pl, k, xyz[3 * i], xyz[3 * i + 1]);
        data[f * labels + k] += Math.min(Math.abs(r), RESIDUAL_CAP);
      }
    }

    // adjacency with shared lengths
    List<Map<Integer, Double>> adj = arr.adjacency();
    int[] label = new int[faceCount];
    Arrays.fill(label, -1);
    for (int f = 0; f < faceCount; f++) {
      if (pointsIn[f] > 0) {
        label[f] = argmin(data, f, labels);
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int f = 0; f < faceCount; f++) {
        if (label[f] >= 0) {
          continue;
        }
        double best = 0;
        for (Map.Entry<Integer, Double> e : adj.get(f).entrySet()) {
          int g = e.getKey();
          if (label[g] >= 0
              && e.getValue() > best
              && Double.isFinite(data[f * labels + label[g]])) {
            best = e.getValue();
            label[f] = label[g];
          }
        }
        changed |= label[f] >= 0;
      }
    }
    for (int f = 0; f < faceCount; f++) {
      if (label[f] < 0) {
        label[f] = planeCount;
      }
    }
    double area = fp.area();
    double lambda = o.smoothness() * n / Math.max(area, 1e-9);
    for (int iter = 0; iter < 5; iter++) {
      boolean any = false;
      for (int f = 0; f < faceCount; f++) {
        int bestK = label[f];
        double bestCost = Double.POSITIVE_INFINITY;
        for (int k = 0; k < labels; k++) {
          double c = data[f * labels + k];
          if (!Double.isFinite(c)) {
            continue;
          }
          for (Map.Entry<Integer, Double> e : adj.get(f).entrySet()) {
            if (label[e.getKey()] != k) {
              c += lambda * e.getValue();
            }
          }
          if (c < bestCost - 1e-12) {
            bestCost = c;
            bestK = k;
          }
        }
        if (bestK != label[f]) {
          label[f] = bestK;
          any = true;
        }
      }
      if (!any) {
        break;
      }
    }

    arr.splitCrossings(label, pl);
    int[] group = arr.dissolve(label);
    Solid solid = arr.solid(label, group, pl, ground, ox, oy);

    double sum = 0;
    int counted = 0;
    for (int i = 0; i < n; i++) {
      int f = pointFace[i];
      if (f >= 0 && rp.label[i] >= 0) {
        // points of a detected roof plane: wall and tree points would measure the walls
        double r = xyz[3 * i + 2] - z(pl, label[f], xyz[3 * i], xyz[3 * i + 1]);
        sum += r * r;
        counted++;
      }
    }
    return new RoofPartition(solid, counted == 0 ? Double.NaN : Math.sqrt(sum / counted));
  }

  private static int argmin(double[] data, int f, int labels) {
    int best = labels - 1;
    for (int k = 0; k < labels; k++) {
      if (data[f * labels + k] < data[f * labels + best]) {
        best = k;
      }
    }
    return best;
  }

  static double z(double[] pl, int k, double x, double y) {
    return pl[3 * k] * x + pl[3 * k + 1] * y + pl[3 * k + 2];
  }

  private static boolean feasible(
      Arrangement arr, int f, double[] pl, int k, double ground, double maxZ) {
    for (int[] ring : arr.faces.get(f)) {
      for (int v : ring) {
        double h = z(pl, k, arr.vx.get(v), arr.vy.get(v));
        if (!(h >= ground + 0.3 && h <= maxZ + 1.0)) {
          return false;
        }
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- lines

  /** The cutting lines: point and unit direction per line, 4 doubles each. */
  private static List<double[]> lines(Rings fp, double[] xyz, RoofPlanes rp) {
    int planes = rp.planeCount();
    if (planes < 2) {
      return List.of();
    }
    int n = xyz.length / 3;
    // neighbours in plan view: a step between two roof levels is adjacent in 2D, not in 3D
    int k = 16;
    int[] nb2 = RoofPlanes.nearest(xyz, k, 1.5, false);
    Map<Integer, double[]> pairs = new HashMap<>();
    // per pair: count, sum mx, sum my, sum mx², sum my², sum mx my
    for (int i = 0; i < n; i++) {
      int a = rp.label[i];
      if (a < 0) {
        continue;
      }
      for (int j = 0; j < k; j++) {
        int q = nb2[i * k + j];
        if (q < 0) {
          continue;
        }
        int b = rp.label[q];
        if (b <= a) {
          continue;
        }
        double dx = xyz[3 * q] - xyz[3 * i];
        double dy = xyz[3 * q + 1] - xyz[3 * i + 1];
        if (dx * dx + dy * dy > 2.25) {
          continue;
        }
        double mx = (xyz[3 * q] + xyz[3 * i]) / 2;
        double my = (xyz[3 * q + 1] + xyz[3 * i + 1]) / 2;
        double[] s = pairs.computeIfAbsent(a * planes + b, key -> new double[6]);
        s[0]++;
        s[1] += mx;
        s[2] += my;
        s[3] += mx * mx;
        s[4] += my * my;
        s[5] += mx * my;
      }
    }
    double[] dirs = footprintDirections(fp);
    List<double[]> out = new ArrayList<>();
    List<Map.Entry<Integer, double[]>> sorted = new ArrayList<>(pairs.entrySet());
    sorted.sort((p, q) -> Double.compare(q.getValue()[0], p.getValue()[0]));
    for (Map.Entry<Integer, double[]> e : sorted) {
      double[] s = e.getValue();
      if (s[0] < 3 || out.size() >= MAX_LINES) {
        continue;
      }
      int a = e.getKey() / planes;
      int b = e.getKey() % planes;
      double cnt = s[0];
      double cx = s[1] / cnt;
      double cy = s[2] / cnt;
      double sxx = s[3] / cnt - cx * cx;
      double syy = s[4] / cnt - cy * cy;
      double sxy = s[5] / cnt - cx * cy;
      double da = rp.planes[3 * a] - rp.planes[3 * b];
      double db = rp.planes[3 * a + 1] - rp.planes[3 * b + 1];
      double dc = rp.planes[3 * a + 2] - rp.planes[3 * b + 2];
      double norm = Math.hypot(da, db);
      if (norm > 0.05) {
        // mean squared distance of the boundary midpoints from the intersection line
        double ux = da / norm;
        double uy = db / norm;
        double off = dc / norm;
        double meanD = ux * cx + uy * cy + off;
        double varD = ux * ux * sxx + uy * uy * syy + 2 * ux * uy * sxy;
        double rms = Math.sqrt(Math.max(0, meanD * meanD + varD));
        if (rms < 0.75) {
          double[] line = {cx - meanD * ux, cy - meanD * uy, -uy, ux};
          if (!duplicate(out, line)) {
            out.add(line);
          }
        }
      }
    }
    // step edges and other region borders: the regularised outline of every plane region
    for (int r = 0; r < planes; r++) {
      for (double[] line : outline(fp, xyz, rp, r, dirs)) {
        if (out.size() < MAX_LINES && !duplicate(out, line)) {
          out.add(line);
        }
      }
    }
    return out;
  }

  /**
   * The edges of a plane region's outline as lines: concave hull of its points (edges up to 1.5 m),
   * simplified to 0.3 m, each edge of at least a metre snapped to the footprint's directions within
   * 15°, those running along the footprint's own boundary left out.
   */
  private static List<double[]> outline(
      Rings fp, double[] xyz, RoofPlanes rp, int region, double[] dirs) {
    int n = xyz.length / 3;
    // on large regions one point per 0.5 m cell: the hull's triangulation stays small, and its
    // 1.5 m edges still follow the region's border
    int size = 0;
    for (int i = 0; i < n; i++) {
      size += rp.label[i] == region ? 1 : 0;
    }
    boolean thin = size > THIN_FROM;
    List<Coordinate> pts = new ArrayList<>();
    java.util.Set<Long> cells = new java.util.HashSet<>();
    for (int i = 0; i < n; i++) {
      if (rp.label[i] == region) {
        long cx = (long) Math.floor(xyz[3 * i] * 2);
        long cy = (long) Math.floor(xyz[3 * i + 1] * 2);
        if (!thin || cells.add(cx << 32 ^ (cy & 0xFFFFFFFFL))) {
          pts.add(new Coordinate(xyz[3 * i], xyz[3 * i + 1]));
        }
      }
    }
    List<double[]> out = new ArrayList<>();
    if (pts.size() < 3) {
      return out;
    }
    Geometry hull =
        ConcaveHull.concaveHullByLength(
            GF.createMultiPointFromCoords(pts.toArray(new Coordinate[0])), 1.5);
    Geometry simple = DouglasPeuckerSimplifier.simplify(hull, 0.3);
    if (!(simple instanceof org.locationtech.jts.geom.Polygon poly)) {
      return out;
    }
    Coordinate[] cs = poly.getExteriorRing().getCoordinates();
    for (int i = 0; i + 1 < cs.length; i++) {
      double dx = cs[i + 1].x - cs[i].x;
      double dy = cs[i + 1].y - cs[i].y;
      double len = Math.hypot(dx, dy);
      if (len < 1.0) {
        continue;
      }
      double mx = (cs[i].x + cs[i + 1].x) / 2;
      double my = (cs[i].y + cs[i + 1].y) / 2;
      double angle = snap(Math.atan2(dy, dx), dirs, Math.toRadians(15));
      double[] line = {mx, my, Math.cos(angle), Math.sin(angle)};
      if (!alongFootprint(fp, line)) {
        out.add(line);
      }
    }
    return out;
  }

  /** Whether a line runs along a footprint edge (parallel within 5°, within 0.5 m). */
  private static boolean alongFootprint(Rings fp, double[] l) {
    for (int r = 0; r < fp.ringCount(); r++) {
      for (int i = fp.starts[r], j = fp.starts[r + 1] - 1; i < fp.starts[r + 1]; j = i++) {
        double dx = fp.xs[i] - fp.xs[j];
        double dy = fp.ys[i] - fp.ys[j];
        double len = Math.hypot(dx, dy);
        if (len < 1e-9) {
          continue;
        }
        double cross = Math.abs(dx * l[3] - dy * l[2]) / len;
        if (cross < Math.sin(Math.toRadians(5))
            && Rings.segmentDistanceSq(l[0], l[1], fp.xs[j], fp.ys[j], fp.xs[i], fp.ys[i]) < 0.25) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean duplicate(List<double[]> lines, double[] l) {
    for (double[] m : lines) {
      double cross = Math.abs(m[2] * l[3] - m[3] * l[2]);
      double dist = Math.abs((l[0] - m[0]) * -m[3] + (l[1] - m[1]) * m[2]);
      if (cross < Math.sin(Math.toRadians(2)) && dist < 0.2) {
        return true;
      }
    }
    return false;
  }

  /** The footprint's edge directions (angles in [0, π)), longest first. */
  private static double[] footprintDirections(Rings fp) {
    int m = fp.xs.length;
    double[] angle = new double[m];
    double[] len = new double[m];
    int c = 0;
    for (int r = 0; r < fp.ringCount(); r++) {
      for (int i = fp.starts[r], j = fp.starts[r + 1] - 1; i < fp.starts[r + 1]; j = i++) {
        double dx = fp.xs[i] - fp.xs[j];
        double dy = fp.ys[i] - fp.ys[j];
        double a = Math.atan2(dy, dx);
        if (a < 0) {
          a += Math.PI;
        }
        angle[c] = a >= Math.PI ? a - Math.PI : a;
        len[c] = Math.hypot(dx, dy);
        c++;
      }
    }
    Integer[] order = new Integer[c];
    for (int i = 0; i < c; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (p, q) -> Double.compare(len[q], len[p]));
    double[] out = new double[c];
    for (int i = 0; i < c; i++) {
      out[i] = angle[order[i]];
    }
    return out;
  }

  /** The direction among the given (longest first) nearest to {@code a} if within {@code tol}. */
  private static double snap(double a, double[] dirs, double tol) {
    for (double d : dirs) {
      double diff = Math.abs(a - d) % Math.PI;
      diff = Math.min(diff, Math.PI - diff);
      if (diff <= tol) {
        return d;
      }
    }
    return a;
  }

  // ---------------------------------------------------------------- arrangement

  private static Arrangement arrangement(Rings fp, List<double[]> lines) {
    List<Geometry> parts = new ArrayList<>();
    for (int r = 0; r < fp.ringCount(); r++) {
      int s = fp.starts[r];
      int e = fp.starts[r + 1];
      Coordinate[] cs = new Coordinate[e - s + 1];
      for (int i = s; i < e; i++) {
        cs[i - s] = new Coordinate(fp.xs[i], fp.ys[i]);
      }
      cs[e - s] = cs[0];
      parts.add(GF.createLineString(cs));
    }
    double reach = Math.hypot(fp.maxX - fp.minX, fp.maxY - fp.minY) + 10;
    for (double[] l : lines) {
      parts.add(
          GF.createLineString(
              new Coordinate[] {
                new Coordinate(l[0] - reach * l[2], l[1] - reach * l[3]),
                new Coordinate(l[0] + reach * l[2], l[1] + reach * l[3])
              }));
    }
    // snap-rounded noding on a 0.1 mm grid: robust, and no two vertices closer than the grid
    Geometry noded = UnaryUnionNG.union(GF.buildGeometry(parts), GRID);
    Polygonizer pz = new Polygonizer();
    pz.add(noded);
    @SuppressWarnings("unchecked")
    Collection<org.locationtech.jts.geom.Polygon> polys = pz.getPolygons();
    // the polygonizer's order is not stable between runs: sort the faces by an interior point
    List<org.locationtech.jts.geom.Polygon> kept = new ArrayList<>();
    List<Coordinate> inner = new ArrayList<>();
    for (org.locationtech.jts.geom.Polygon p : polys) {
      if (p.getArea() <= 0) {
        continue;
      }
      Coordinate ip = p.getInteriorPoint().getCoordinate();
      if (ip == null || !fp.contains(ip.x, ip.y)) {
        continue;
      }
      kept.add(p);
      inner.add(ip);
    }
    Integer[] order = new Integer[kept.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> inner.get(a).compareTo(inner.get(b)));
    Arrangement arr = new Arrangement();
    for (int oi : order) {
      org.locationtech.jts.geom.Polygon p = kept.get(oi);
      List<int[]> rings = new ArrayList<>();
      rings.add(arr.ring(p.getExteriorRing().getCoordinates(), true));
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        rings.add(arr.ring(((LineString) p.getInteriorRingN(h)).getCoordinates(), false));
      }
      arr.faces.add(rings);
    }
    arr.canonicalize();
    arr.index();
    return arr;
  }

  /**
   * A planar subdivision: vertices, faces as rings of vertex ids (exterior counter-clockwise first,
   * holes clockwise) and the owner of each directed edge.
   */
  static final class Arrangement {
    final DoubleArray vx = new DoubleArray();
    final DoubleArray vy = new DoubleArray();
    final Map<Coordinate, Integer> ids = new HashMap<>();
    final List<List<int[]>> faces = new ArrayList<>();
    final Map<Long, Integer> owner = new HashMap<>();

    int vertex(double x, double y) {
      Coordinate c = new Coordinate(x, y);
      Integer id = ids.get(c);
      if (id == null) {
        id = vx.size();
        vx.add(x);
        vy.add(y);
        ids.put(c, id);
      }
      return id;
    }

    int[] ring(Coordinate[] cs, boolean ccw) {
      int m = cs.length - 1;
      int[] r = new int[m];
      int c = 0;
      for (int i = 0; i < m; i++) {
        int v = vertex(cs[i].x, cs[i].y);
        if (c == 0 || r[c - 1] != v) {
          r[c++] = v;
        }
      }
      if (c > 1 && r[c - 1] == r[0]) {
        c--;
      }
      r = Arrays.copyOf(r, c);
      if ((signedArea(r) > 0) != ccw) {
        for (int i = 0, j = c - 1; i < j; i++, j--) {
          int t = r[i];
          r[i] = r[j];
          r[j] = t;
        }
      }
      return r;
    }

    double signedArea(int[] r) {
      double a = 0;
      for (int i = 0, j = r.length - 1; i < r.length; j = i++) {
        a += vx.get(r[j]) * vy.get(r[i]) - vx.get(r[i]) * vy.get(r[j]);
      }
      return a / 2;
    }

    /**
     * Numbers the vertices in coordinate order and starts every ring at its lowest vertex, so that
     * the solid does not depend on the order in which the polygonizer happened to walk the edges.
     */
    void canonicalize() {
      int nv = vx.size();
      Integer[] order = new Integer[nv];
      for (int i = 0; i < nv; i++) {
        order[i] = i;
      }
      Arrays.sort(
          order,
          (a, b) -> {
            int c = Double.compare(vx.get(a), vx.get(b));
            return c != 0 ? c : Double.compare(vy.get(a), vy.get(b));
          });
      int[] newId = new int[nv];
      DoubleArray nx = new DoubleArray();
      DoubleArray ny = new DoubleArray();
      ids.clear();
      for (int i = 0; i < nv; i++) {
        newId[order[i]] = i;
        nx.add(vx.get(order[i]));
        ny.add(vy.get(order[i]));
        ids.put(new Coordinate(vx.get(order[i]), vy.get(order[i])), i);
      }
      vx.replace(nx);
      vy.replace(ny);
      for (List<int[]> rings : faces) {
        for (int r = 0; r < rings.size(); r++) {
          int[] ring = rings.get(r);
          int min = 0;
          for (int i = 0; i < ring.length; i++) {
            ring[i] = newId[ring[i]];
            if (ring[i] < ring[min]) {
              min = i;
            }
          }
          int[] rotated = new int[ring.length];
          for (int i = 0; i < ring.length; i++) {
            rotated[i] = ring[(min + i) % ring.length];
          }
          rings.set(r, rotated);
        }
      }
    }

    static long key(int a, int b) {
      return ((long) a << 32) | (b & 0xFFFFFFFFL);
    }

    void index() {
      owner.clear();
      for (int f = 0; f < faces.size(); f++) {
        for (int[] r : faces.get(f)) {
          for (int i = 0; i < r.length; i++) {
            owner.put(key(r[i], r[(i + 1) % r.length]), f);
          }
        }
      }
    }

    Rings rings(int f) {
      List<int[]> rs = faces.get(f);
      int total = 0;
      int[] starts = new int[rs.size() + 1];
      for (int r = 0; r < rs.size(); r++) {
        total += rs.get(r).length;
        starts[r + 1] = total;
      }
      double[] xy = new double[2 * total];
      int c = 0;
      double[][] parts = new double[rs.size()][];
      for (int r = 0; r < rs.size(); r++) {
        int[] ring = rs.get(r);
        parts[r] = new double[2 * ring.length];
        for (int i = 0; i < ring.length; i++) {
          parts[r][2 * i] = vx.get(ring[i]);
          parts[r][2 * i + 1] = vy.get(ring[i]);
          xy[c++] = vx.get(ring[i]);
          xy[c++] = vy.get(ring[i]);
        }
      }
      double[][] holes = Arrays.copyOfRange(parts, 1, parts.length);
      return Rings.of(org.twin4j.core.geom.Polygon.ofXy(parts[0], holes));
    }

    List<Map<Integer, Double>> adjacency() {
      List<Map<Integer, Double>> adj = new ArrayList<>();
      for (int f = 0; f < faces.size(); f++) {
        adj.add(new HashMap<>());
      }
      for (int f = 0; f < faces.size(); f++) {
        for (int[] r : faces.get(f)) {
          for (int i = 0; i < r.length; i++) {
            int a = r[i];
            int b = r[(i + 1) % r.length];
            Integer g = owner.get(key(b, a));
            if (g != null && g != f) {
              double len = Math.hypot(vx.get(b) - vx.get(a), vy.get(b) - vy.get(a));
              adj.get(f).merge(g, len, Double::sum);
            }
          }
        }
      }
      return adj;
    }

    /** Splits the edges between faces of different planes where the planes cross along them. */
    void splitCrossings(int[] label, double[] pl) {
      boolean any = false;
      for (int f = 0; f < faces.size(); f++) {
        for (int ri = 0; ri < faces.get(f).size(); ri++) {
          int[] r = faces.get(f).get(ri);
          for (int i = 0; i < r.length; i++) {
            int a = r[i];
            int b = r[(i + 1) % r.length];
            Integer g = owner.get(key(b, a));
            if (g == null || g <= f || label[g] == label[f]) {
              continue;
            }
            double da =
                z(pl, label[f], vx.get(a), vy.get(a)) - z(pl, label[g], vx.get(a), vy.get(a));
            double db =
                z(pl, label[f], vx.get(b), vy.get(b)) - z(pl, label[g], vx.get(b), vy.get(b));
            if ((da > SNAP && db < -SNAP) || (da < -SNAP && db > SNAP)) {
              double t = da / (da - db);
              double x = vx.get(a) + t * (vx.get(b) - vx.get(a));
              double y = vy.get(a) + t * (vy.get(b) - vy.get(a));
              int v = vertex(x, y);
              r = insertAfter(r, i, v);
              faces.get(f).set(ri, r);
              insertBetween(g, b, a, v);
              owner.put(key(a, v), f);
              owner.put(key(v, b), f);
              owner.put(key(b, v), g);
              owner.put(key(v, a), g);
              owner.remove(key(a, b));
              owner.remove(key(b, a));
              i++;
              any = true;
            }
          }
        }
      }
      if (any) {
        index();
      }
    }

    private static int[] insertAfter(int[] r, int i, int v) {
      int[] out = new int[r.length + 1];
      System.arraycopy(r, 0, out, 0, i + 1);
      out[i + 1] = v;
      System.arraycopy(r, i + 1, out, i + 2, r.length - i - 1);
      return out;
    }

    private void insertBetween(int g, int a, int b, int v) {
      List<int[]> rs = faces.get(g);
      for (int ri = 0; ri < rs.size(); ri++) {
        int[] r = rs.get(ri);
        for (int i = 0; i < r.length; i++) {
          if (r[i] == a && r[(i + 1) % r.length] == b) {
            rs.set(ri, insertAfter(r, i, v));
            return;
          }
        }
      }
      throw new IllegalStateException("edge " + a + "-" + b + " not found in face " + g);
    }

    /** Groups faces with the same label that share an edge; returns the group of each face. */
    int[] dissolve(int[] label) {
      int[] parent = new int[faces.size()];
      for (int f = 0; f < parent.length; f++) {
        parent[f] = f;
      }
      for (Map.Entry<Long, Integer> e : owner.entrySet()) {
        int a = (int) (e.getKey() >>> 32);
        int b = (int) (long) e.getKey();
        Integer g = owner.get(key(b, a));
        int f = e.getValue();
        if (g != null && label[g] == label[f]) {
          int rf = find(parent, f);
          int rg = find(parent, g);
          if (rf != rg) {
            parent[Math.max(rf, rg)] = Math.min(rf, rg);
          }
        }
      }
      int[] group = new int[parent.length];
      for (int f = 0; f < parent.length; f++) {
        group[f] = find(parent, f);
      }
      return group;
    }

    private static int find(int[] parent, int f) {
      while (parent[f] != f) {
        parent[f] = parent[parent[f]];
        f = parent[f];
      }
      return f;
    }

    /**
     * Traces the boundary rings of a set of faces: the directed edges of its faces whose twin lies
     * outside the set, followed by keeping the set on the left; at a vertex with several ways on,
     * the first clockwise from the way back.
     */
    List<int[]> boundary(int[] group, int which) {
      Map<Integer, List<Integer>> out = new HashMap<>();
      for (int f = 0; f < faces.size(); f++) {
        if (which >= 0 && group[f] != which) {
          continue;
        }
        for (int[] r : faces.get(f)) {
          for (int i = 0; i < r.length; i++) {
            int a = r[i];
            int b = r[(i + 1) % r.length];
            Integer g = owner.get(key(b, a));
            if (g == null || (which >= 0 && group[g] != which)) {
              out.computeIfAbsent(a, x -> new ArrayList<>()).add(b);
            }
          }
        }
      }
      List<int[]> rings = new ArrayList<>();
      List<Integer> starts = new ArrayList<>(out.keySet());
      starts.sort(null);
      for (int s : starts) {
        while (!out.get(s).isEmpty()) {
          IntList ring = new IntList();
          int prev = s;
          int cur = out.get(s).remove(0);
          ring.add(s);
          int guard = 0;
          while (cur != s) {
            ring.add(cur);
            List<Integer> ways = out.get(cur);
            if (ways == null || ways.isEmpty() || ++guard > 1_000_000) {
              throw new IllegalStateException("open boundary at vertex " + cur);
            }
            int next = pick(prev, cur, ways);
            ways.remove(Integer.valueOf(next));
            prev = cur;
            cur = next;
          }
          rings.add(ring.toArray());
        }
      }
      return rings;
    }

    private int pick(int prev, int cur, List<Integer> ways) {
      if (ways.size() == 1) {
        return ways.get(0);
      }
      double back = Math.atan2(vy.get(prev) - vy.get(cur), vx.get(prev) - vx.get(cur));
      int best = ways.get(0);
      double bestTurn = Double.POSITIVE_INFINITY;
      for (int w : ways) {
        double a = Math.atan2(vy.get(w) - vy.get(cur), vx.get(w) - vx.get(cur));
        double cw = back - a;
        while (cw <= 0) {
          cw += 2 * Math.PI;
        }
        while (cw > 2 * Math.PI) {
          cw -= 2 * Math.PI;
        }
        if (cw < bestTurn) {
          bestTurn = cw;
          best = w;
        }
      }
      return best;
    }

    /** Builds the closed shell: ground, one roof surface per group, walls. */
    Solid solid(int[] label, int[] group, double[] pl, double ground, double ox, double oy) {
      // the distinct heights met at each vertex
      Map<Integer, double[]> heights = new HashMap<>();
      Map<Integer, DoubleArray> raw = new HashMap<>();
      for (int f = 0; f < faces.size(); f++) {
        for (int[] r : faces.get(f)) {
          for (int i = 0; i < r.length; i++) {
            int a = r[i];
            raw.computeIfAbsent(a, x -> new DoubleArray())
                .add(z(pl, label[f], vx.get(a), vy.get(a)));
            int b = r[(i + 1) % r.length];
            if (!owner.containsKey(key(b, a))) {
              raw.get(a).add(ground);
            }
          }
        }
      }
      for (Map.Entry<Integer, DoubleArray> e : raw.entrySet()) {
        double[] h = e.getValue().toArray();
        Arrays.sort(h);
        int c = 0;
        for (double v : h) {
          if (c == 0 || v - h[c - 1] > SNAP) {
            h[c++] = v;
          }
        }
        heights.put(e.getKey(), Arrays.copyOf(h, c));
      }
      // the rings of every group and of the whole footprint, with the group across each edge
      List<Integer> groups = new ArrayList<>();
      int[] groupFace = new int[faces.size()];
      Arrays.fill(groupFace, -1);
      for (int f = 0; f < faces.size(); f++) {
        if (groupFace[group[f]] < 0) {
          groupFace[group[f]] = f;
          groups.add(group[f]);
        }
      }
      Map<Integer, List<int[]>> ringsOf = new HashMap<>();
      Map<Long, Integer> boundaryEdges = new HashMap<>();
      for (int gr : groups) {
        List<int[]> rings = boundary(group, gr);
        ringsOf.put(gr, rings);
        for (int[] r : rings) {
          for (int i = 0; i < r.length; i++) {
            int a = r[i];
            int c = r[(i + 1) % r.length];
            boundaryEdges.put(key(Math.min(a, c), Math.max(a, c)), 0);
          }
        }
      }
      int[] degree = new int[vx.size()];
      for (long e : boundaryEdges.keySet()) {
        degree[(int) (e >>> 32)]++;
        degree[(int) e]++;
      }
      // a vertex between two edges of one border (same groups on both sides), in line, with
      // different heights on its two sides, only splits that border: it is left out everywhere
      boolean[] drop = new boolean[vx.size()];
      for (int gr : groups) {
        int k = label[groupFace[gr]];
        for (int[] r : ringsOf.get(gr)) {
          for (int i = 0; i < r.length; i++) {
            int u = r[(i + r.length - 1) % r.length];
            int v = r[i];
            int w = r[(i + 1) % r.length];
            int x1 = across(group, u, v);
            int x2 = across(group, v, w);
            if (degree[v] != 2 || x1 != x2 || !inLine(u, v, w)) {
              continue;
            }
            double hi = snapped(heights, v, z(pl, k, vx.get(v), vy.get(v)));
            double lo =
                x1 < 0
                    ? snapped(heights, v, ground)
                    : snapped(heights, v, z(pl, label[groupFace[x1]], vx.get(v), vy.get(v)));
            drop[v] = hi != lo;
          }
        }
      }
      Solid.Builder b = Solid.builder(Lod.LOD2);
      // ground, facing down
      b.surface(SemanticSurface.of(SemanticType.GROUND));
      for (int[] full : boundary(group, -1)) {
        int[] ring = kept(full, drop);
        int[] ids = new int[ring.length];
        for (int i = 0; i < ring.length; i++) {
          int v = ring[ring.length - 1 - i];
          ids[i] = b.sharedVertex(vx.get(v) + ox, vy.get(v) + oy, snapped(heights, v, ground));
        }
        b.ring(ids);
      }
      // roofs, one surface per exterior ring of each group, holes by containment
      SemanticSurface roof = SemanticSurface.of(SemanticType.ROOF);
      SemanticSurface wall = SemanticSurface.of(SemanticType.WALL);
      for (int gr : groups) {
        int k = label[groupFace[gr]];
        List<int[]> outer = new ArrayList<>();
        List<int[]> holes = new ArrayList<>();
        for (int[] r : ringsOf.get(gr)) {
          (signedArea(r) > 0 ? outer : holes).add(r);
        }
        for (int[] ext : outer) {
          b.surface(roof);
          b.ring(roofIds(b, kept(ext, drop), pl, k, heights, ox, oy));
          for (int[] h : holes) {
            if (outer.size() == 1 || inside(h, ext)) {
              b.ring(roofIds(b, kept(h, drop), pl, k, heights, ox, oy));
            }
          }
        }
      }
      // walls: from the higher side of every border, down to the group across or the ground
      for (int gr : groups) {
        int k = label[groupFace[gr]];
        for (int[] full : ringsOf.get(gr)) {
          int[] across = new int[full.length];
          for (int i = 0; i < full.length; i++) {
            across[i] = across(group, full[i], full[(i + 1) % full.length]);
          }
          int[] r = kept(full, drop);
          // the group across each kept edge: that of the first original edge it covers
          int[] side = new int[r.length];
          int j = 0;
          for (int i = 0; i < r.length; i++) {
            while (full[j] != r[i]) {
              j++;
            }
            side[i] = across[j];
          }
          for (int i = 0; i < r.length; i++) {
            int a = r[i];
            int c = r[(i + 1) % r.length];
            int x = side[i];
            double hiA = snapped(heights, a, z(pl, k, vx.get(a), vy.get(a)));
            double hiC = snapped(heights, c, z(pl, k, vx.get(c), vy.get(c)));
            double loA;
            double loC;
            if (x < 0) {
              loA = snapped(heights, a, ground);
              loC = snapped(heights, c, ground);
            } else {
              int kx = label[groupFace[x]];
              loA = snapped(heights, a, z(pl, kx, vx.get(a), vy.get(a)));
              loC = snapped(heights, c, z(pl, kx, vx.get(c), vy.get(c)));
            }
            if (hiA < loA || hiC < loC || (hiA == loA && hiC == loC)) {
              continue;
            }
            IntList ids = new IntList();
            ids.add(b.sharedVertex(vx.get(a) + ox, vy.get(a) + oy, loA));
            ids.add(b.sharedVertex(vx.get(c) + ox, vy.get(c) + oy, loC));
            for (double h : heights.get(c)) {
              if (h > loC && h < hiC) {
                ids.add(b.sharedVertex(vx.get(c) + ox, vy.get(c) + oy, h));
              }
            }
            if (hiC > loC) {
              ids.add(b.sharedVertex(vx.get(c) + ox, vy.get(c) + oy, hiC));
            }
            if (hiA > loA) {
              ids.add(b.sharedVertex(vx.get(a) + ox, vy.get(a) + oy, hiA));
            }
            double[] ha = heights.get(a);
            for (int m = ha.length - 1; m >= 0; m--) {
              if (ha[m] > loA && ha[m] < hiA) {
                ids.add(b.sharedVertex(vx.get(a) + ox, vy.get(a) + oy, ha[m]));
              }
            }
            if (ids.size() >= 3) {
              b.surface(wall).ring(ids.toArray());
            }
          }
        }
      }
      return b.build();
    }

    /** The group across the directed edge a→b, or -1 outside the footprint. */
    private int across(int[] group, int a, int b) {
      Integer g = owner.get(key(b, a));
      return g == null ? -1 : group[g];
    }

    /**
     * Whether v lies on the segment u–w within 0.2 mm: the noding grid (0.1 mm) moves a vertex by
     * less, real corners of millimetre footprints by more.
     */
    private boolean inLine(int u, int v, int w) {
      double dx = vx.get(w) - vx.get(u);
      double dy = vy.get(w) - vy.get(u);
      double len = Math.hypot(dx, dy);
      if (len == 0) {
        return false;
      }
      double cross = (vx.get(v) - vx.get(u)) * dy - (vy.get(v) - vy.get(u)) * dx;
      double along = (vx.get(v) - vx.get(u)) * dx + (vy.get(v) - vy.get(u)) * dy;
      return Math.abs(cross) / len < 2e-4 && along > 0 && along < len * len;
    }

    /** The ring without the dropped vertices. */
    private static int[] kept(int[] ring, boolean[] drop) {
      IntList out = new IntList();
      for (int v : ring) {
        if (!drop[v]) {
          out.add(v);
        }
      }
      return out.toArray();
    }

    private int[] roofIds(
        Solid.Builder b,
        int[] ring,
        double[] pl,
        int k,
        Map<Integer, double[]> heights,
        double ox,
        double oy) {
      int[] ids = new int[ring.length];
      for (int i = 0; i < ring.length; i++) {
        int v = ring[i];
        double h = snapped(heights, v, z(pl, k, vx.get(v), vy.get(v)));
        ids[i] = b.sharedVertex(vx.get(v) + ox, vy.get(v) + oy, h);
      }
      return ids;
    }

    private boolean inside(int[] hole, int[] ext) {
      double px = (vx.get(hole[0]) + vx.get(hole[1])) / 2;
      double py = (vy.get(hole[0]) + vy.get(hole[1])) / 2;
      boolean in = false;
      for (int i = 0, j = ext.length - 1; i < ext.length; j = i++) {
        double yi = vy.get(ext[i]);
        double yj = vy.get(ext[j]);
        if ((yi > py) != (yj > py)) {
          double xc = vx.get(ext[i]) + (py - yi) / (yj - yi) * (vx.get(ext[j]) - vx.get(ext[i]));
          if (px < xc) {
            in = !in;
          }
        }
      }
      return in;
    }

    /** The vertex's representative height nearest to h. */
    private static double snapped(Map<Integer, double[]> heights, int v, double h) {
      double best = h;
      double bestD = Double.POSITIVE_INFINITY;
      for (double c : heights.get(v)) {
        double d = Math.abs(c - h);
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      return best;
    }
  }

  /** A growable list of doubles. */
  static final class DoubleArray {
    private double[] a = new double[16];
    private int n;

    void add(double v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, 2 * n);
      }
      a[n++] = v;
    }

    double get(int i) {
      return a[i];
    }

    void replace(DoubleArray other) {
      a = other.a;
      n = other.n;
    }

    int size() {
      return n;
    }

    double[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }

  /** A growable list of ints. */
  static final class IntList {
    private int[] a = new int[16];
    private int n;

    void add(int v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, 2 * n);
      }
      a[n++] = v;
    }

    int size() {
      return n;
    }

    int[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
