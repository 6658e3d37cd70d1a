// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml.internal.gml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.twin4j.citygml.internal.DoubleList;
import org.twin4j.citygml.internal.IntList;
import org.twin4j.core.geom.Geometry;
import org.twin4j.core.geom.Lod;
import org.twin4j.core.geom.MultiLineString;
import org.twin4j.core.geom.SemanticSurface;
import org.twin4j.core.geom.SurfaceGeometry;
import org.twin4j.core.geom.TriangleMesh;
import org.xmlobjects.gml.model.basictypes.Sign;
import org.xmlobjects.gml.model.geometry.AbstractGeometry;
import org.xmlobjects.gml.model.geometry.GeometryProperty;
import org.xmlobjects.gml.model.geometry.aggregates.MultiCurve;
import org.xmlobjects.gml.model.geometry.aggregates.MultiPoint;
import org.xmlobjects.gml.model.geometry.aggregates.MultiSolid;
import org.xmlobjects.gml.model.geometry.aggregates.MultiSurface;
import org.xmlobjects.gml.model.geometry.complexes.CompositeCurve;
import org.xmlobjects.gml.model.geometry.complexes.CompositeSolid;
import org.xmlobjects.gml.model.geometry.complexes.CompositeSurface;
import org.xmlobjects.gml.model.geometry.primitives.AbstractCurve;
import org.xmlobjects.gml.model.geometry.primitives.AbstractRing;
import org.xmlobjects.gml.model.geometry.primitives.AbstractRingProperty;
import org.xmlobjects.gml.model.geometry.primitives.AbstractSolid;
import org.xmlobjects.gml.model.geometry.primitives.AbstractSurface;
import org.xmlobjects.gml.model.geometry.primitives.CurveProperty;
import org.xmlobjects.gml.model.geometry.primitives.LinearRing;
import org.xmlobjects.gml.model.geometry.primitives.OrientableSurface;
import org.xmlobjects.gml.model.geometry.primitives.Point;
import org.xmlobjects.gml.model.geometry.primitives.PointProperty;
import org.xmlobjects.gml.model.geometry.primitives.Polygon;
import org.xmlobjects.gml.model.geometry.primitives.Shell;
import org.xmlobjects.gml.model.geometry.primitives.ShellProperty;
import org.xmlobjects.gml.model.geometry.primitives.Solid;
import org.xmlobjects.gml.model.geometry.primitives.SolidProperty;
import org.xmlobjects.gml.model.geometry.primitives.SurfaceProperty;
import org.xmlobjects.gml.model.geometry.primitives.Triangle;
import org.xmlobjects.gml.model.geometry.primitives.TriangulatedSurface;

/**
 * Converts GML geometries (citygml4j's objects) into packed geometries. Polygons found in the
 * semantics map get their semantics; every surface added is recorded with its source polygon and
 * ring ids, for appearances and for finding boundary polygons the geometry did not use. Problems
 * that lose content are returned as messages for the caller to report. Not thread-safe.
 */
final class GmlGeometryReader {

  /** A problem met while converting, for the report. */
  record Problem(String kind, String message) {}

  /** What one converted surface geometry came from, surface by surface and ring by ring. */
  static final class Sources {
    final List<Polygon> polygons = new ArrayList<>();
    final List<String> ringIds = new ArrayList<>();
    final List<Boolean> reversed = new ArrayList<>();
  }

  /** A polygon of a thematic surface: its semantics, and whether a geometry used it. */
  static final class Boundary {
    @Nullable SemanticSurface semantic;
    boolean used;
  }

  private final Map<Polygon, Boundary> semantics;
  private final GeometryIds ids;
  private final ParserTables lists;
  private final List<Problem> problems;
  private double @Nullable [] matrix;
  private @Nullable Sources sources;

  GmlGeometryReader(
      Map<Polygon, Boundary> semantics,
      GeometryIds ids,
      ParserTables lists,
      List<Problem> problems) {
    this.semantics = semantics;
    this.ids = ids;
    this.lists = lists;
    this.problems = problems;
  }

  /** Sets a 3x4 row-major transform applied to every coordinate (implicit geometries), or null. */
  void transform(double @Nullable [] m) {
    this.matrix = m;
  }

  /** Whether a boundary polygon was already used by a converted geometry. */
  boolean isUsed(Polygon p) {
    Boundary b = semantics.get(p);
    return b != null && b.used;
  }

  /** The sources of the last surface geometry converted. */
  @Nullable Sources lastSources() {
    return sources;
  }

  /**
   * Converts the geometry of a property; null, with a problem recorded, if it is an unresolved
   * reference or of an unsupported kind.
   */
  @Nullable Geometry convert(GeometryProperty<?> property, Lod lod) {
    AbstractGeometry g = ids.resolve(property);
    if (g == null) {
      if (property.getHref() != null) {
        problems.add(
            new Problem(
                "unresolved reference",
                "geometry reference " + property.getHref() + " not found in its feature; dropped"));
      }
      return null;
    }
    return convert(g, lod);
  }

  @Nullable Geometry convert(AbstractGeometry g, Lod lod) {
    sources = null;
    try {
      if (g instanceof AbstractSolid || g instanceof MultiSolid || g instanceof CompositeSolid) {
        return solids(g, lod);
      }
      if (g instanceof TriangulatedSurface) {
        return triangles((TriangulatedSurface) g, lod);
      }
      if (g instanceof MultiSurface || g instanceof AbstractSurface) {
        org.twin4j.core.geom.MultiSurface.Builder b =
            g instanceof CompositeSurface
                ? org.twin4j.core.geom.MultiSurface.compositeBuilder(lod)
                : org.twin4j.core.geom.MultiSurface.builder(lod);
        sources = new Sources();
        surfaces(g, b, false);
        return finish(b);
      }
      if (g instanceof MultiCurve || g instanceof AbstractCurve) {
        List<double[]> lines = new ArrayList<>();
        curves(g, lines);
        return lines.isEmpty() ? null : MultiLineString.of(lod, lines.toArray(new double[0][]));
      }
      if (g instanceof MultiPoint || g instanceof Point) {
        DoubleList xyz = new DoubleList();
        points(g, xyz);
        return xyz.size() == 0 ? null : org.twin4j.core.geom.MultiPoint.of(lod, xyz.toArray());
      }
    } catch (IllegalArgumentException e) {
      problems.add(
          new Problem(
              "invalid geometry",
              g.getClass().getSimpleName()
                  + (g.getId() == null ? "" : " '" + g.getId() + "'")
                  + ": "
                  + e.getMessage()
                  + "; dropped"));
      return null;
    }
    problems.add(
        new Problem(
            "unsupported geometry", g.getClass().getSimpleName() + " is not supported; dropped"));
    return null;
  }

  private @Nullable Geometry finish(SurfaceGeometry.Builder<?> b) {
    try {
      if (b instanceof org.twin4j.core.geom.MultiSurface.Builder) {
        return ((org.twin4j.core.geom.MultiSurface.Builder) b).build();
      }
      if (b instanceof org.twin4j.core.geom.Solid.Builder) {
        return ((org.twin4j.core.geom.Solid.Builder) b).build();
      }
      return ((org.twin4j.core.geom.MultiSolid.Builder) b).build();
    } catch (IllegalArgumentException e) {
      problems.add(
          new Problem(
              "empty geometry",
              "a geometry with no usable surface: " + e.getMessage() + "; dropped"));
      return null;
    }
  }

  private @Nullable Geometry solids(AbstractGeometry g, Lod lod) {
    sources = new Sources();
    if (g instanceof Solid) {
      org.twin4j.core.geom.Solid.Builder b = org.twin4j.core.geom.Solid.builder(lod);
      solid((Solid) g, b::shell, b);
      return finish(b);
    }
    boolean composite = g instanceof CompositeSolid;
    org.twin4j.core.geom.MultiSolid.Builder b =
        composite
            ? org.twin4j.core.geom.MultiSolid.compositeBuilder(lod)
            : org.twin4j.core.geom.MultiSolid.builder(lod);
    List<SolidProperty> members = new ArrayList<>();
    if (g instanceof MultiSolid) {
      MultiSolid m = (MultiSolid) g;
      members.addAll(m.getSolidMember());
      if (m.getSolidMembers() != null) {
        for (AbstractSolid s : m.getSolidMembers().getObjects()) {
          members.add(new SolidProperty(s));
        }
      }
    } else if (g instanceof CompositeSolid) {
      members.addAll(((CompositeSolid) g).getSolidMembers());
    }
    boolean first = true;
    for (SolidProperty p : members) {
      AbstractSolid member = ids.resolve(p);
      if (!(member instanceof Solid)) {
        problems.add(
            new Problem(
                "unresolved reference",
                "solid member "
                    + (p.getHref() != null ? p.getHref() : "of an unsupported type")
                    + " dropped"));
        continue;
      }
      if (!first) {
        b.solid();
      }
      first = false;
      solid((Solid) member, b::shell, b);
    }
    return finish(b);
  }

  private void solid(Solid s, Runnable newShell, SurfaceGeometry.Builder<?> b) {
    ShellProperty ext = s.getExterior();
    Shell exterior = ext == null ? null : ext.getObject();
    if (exterior == null) {
      problems.add(
          new Problem(
              "missing geometry",
              "a solid without a readable exterior shell"
                  + (s.getId() == null ? "" : " ('" + s.getId() + "')")
                  + " dropped"));
      return;
    }
    shell(exterior, b);
    for (ShellProperty in : s.getInterior()) {
      Shell interior = in.getObject();
      if (interior != null) {
        newShell.run();
        shell(interior, b);
      }
    }
  }

  private void shell(Shell shell, SurfaceGeometry.Builder<?> b) {
    for (SurfaceProperty p : shell.getSurfaceMembers()) {
      surfaceProperty(p, b, false);
    }
  }

  private void surfaces(AbstractGeometry g, SurfaceGeometry.Builder<?> b, boolean reverse) {
    if (g instanceof MultiSurface) {
      MultiSurface m = (MultiSurface) g;
      for (SurfaceProperty p : m.getSurfaceMember()) {
        surfaceProperty(p, b, reverse);
      }
      if (m.getSurfaceMembers() != null) {
        for (AbstractSurface s : m.getSurfaceMembers().getObjects()) {
          surfaces(s, b, reverse);
        }
      }
    } else if (g instanceof CompositeSurface) {
      for (SurfaceProperty p : ((CompositeSurface) g).getSurfaceMembers()) {
        surfaceProperty(p, b, reverse);
      }
    } else if (g instanceof OrientableSurface) {
      OrientableSurface o = (OrientableSurface) g;
      AbstractSurface base = ids.resolve(o.getBaseSurface());
      if (base != null) {
        surfaces(base, b, reverse ^ (o.getOrientation() == Sign.MINUS));
      }
    } else if (g instanceof Polygon) {
      polygon((Polygon) g, b, reverse);
    } else if (g instanceof TriangulatedSurface) {
      for (Triangle t : ((TriangulatedSurface) g).getPatches().getObjects()) {
        ring(t.getExterior(), b, reverse, true, null);
      }
    } else {
      problems.add(
          new Problem(
              "unsupported geometry",
              g.getClass().getSimpleName() + " surface is not supported; dropped"));
    }
  }

  private void surfaceProperty(SurfaceProperty p, SurfaceGeometry.Builder<?> b, boolean reverse) {
    AbstractSurface s = ids.resolve(p);
    if (s == null) {
      problems.add(
          new Problem(
              "unresolved reference",
              "surface reference " + p.getHref() + " not found in its feature; dropped"));
      return;
    }
    surfaces(s, b, reverse);
  }

  private void polygon(Polygon p, SurfaceGeometry.Builder<?> b, boolean reverse) {
    Boundary boundary = semantics.get(p);
    if (boundary != null) {
      boundary.used = true;
    }
    if (p.getExterior() == null || p.getExterior().getObject() == null) {
      problems.add(
          new Problem(
              "missing geometry",
              "a polygon without exterior"
                  + (p.getId() == null ? "" : " ('" + p.getId() + "')")
                  + " dropped"));
      return;
    }
    double[] exterior = coordinates(p.getExterior().getObject(), reverse);
    if (exterior.length < 9) {
      problems.add(
          new Problem(
              "invalid geometry",
              "polygon "
                  + (p.getId() == null ? "" : "'" + p.getId() + "' ")
                  + "has fewer than 3 vertices; dropped"));
      return;
    }
    b.surface(boundary == null ? null : boundary.semantic);
    addRing(b, exterior, p.getExterior().getObject(), reverse);
    if (sources != null) {
      sources.polygons.add(p);
    }
    for (AbstractRingProperty hole : p.getInterior()) {
      if (hole.getObject() != null) {
        double[] h = coordinates(hole.getObject(), reverse);
        if (h.length >= 9) {
          addRing(b, h, hole.getObject(), reverse);
        }
      }
    }
  }

  /** A triangle as its own surface (of a TIN given as a surface member). */
  private void ring(
      @Nullable AbstractRingProperty rp,
      SurfaceGeometry.Builder<?> b,
      boolean reverse,
      boolean asSurface,
      @Nullable SemanticSurface s) {
    if (rp == null || rp.getObject() == null) {
      return;
    }
    double[] xyz = coordinates(rp.getObject(), reverse);
    if (xyz.length >= 9) {
      if (asSurface) {
        b.surface(s);
        if (sources != null) {
          sources.polygons.add(null);
        }
      }
      addRing(b, xyz, rp.getObject(), reverse);
    }
  }

  private void addRing(
      SurfaceGeometry.Builder<?> b, double[] xyz, AbstractRing ring, boolean reverse) {
    b.ringCoordinates(xyz);
    if (sources != null) {
      sources.ringIds.add(ring.getId());
      sources.reversed.add(reverse);
    }
  }

  private @Nullable Geometry triangles(TriangulatedSurface t, Lod lod) {
    DoubleList xyz = new DoubleList();
    IntList tri = new IntList();
    Map<String, Integer> index = new java.util.HashMap<>();
    for (Triangle triangle : t.getPatches().getObjects()) {
      if (triangle.getExterior() == null || triangle.getExterior().getObject() == null) {
        continue;
      }
      double[] c = coordinates(triangle.getExterior().getObject(), false);
      int n = c.length / 3;
      if (n == 4 && c[0] == c[9] && c[1] == c[10] && c[2] == c[11]) {
        n = 3;
      }
      if (n != 3) {
        problems.add(
            new Problem("invalid geometry", "a TIN triangle with " + n + " vertices dropped"));
        continue;
      }
      for (int k = 0; k < 3; k++) {
        String key = c[3 * k] + "," + c[3 * k + 1] + "," + c[3 * k + 2];
        Integer v = index.get(key);
        if (v == null) {
          v = xyz.size() / 3;
          index.put(key, v);
          xyz.add(c[3 * k]);
          xyz.add(c[3 * k + 1]);
          xyz.add(c[3 * k + 2]);
        }
        tri.add(v);
      }
    }
    if (tri.size() == 0) {
      problems.add(new Problem("empty geometry", "a TIN without triangles dropped"));
      return null;
    }
    return TriangleMesh.wrap(lod, xyz.toArray(), tri.toArray());
  }

  private void curves(AbstractGeometry g, List<double[]> out) {
    if (g instanceof MultiCurve) {
      MultiCurve m = (MultiCurve) g;
      for (CurveProperty p : m.getCurveMember()) {
        AbstractCurve c = ids.resolve(p);
        if (c != null) {
          curves(c, out);
        }
      }
      if (m.getCurveMembers() != null) {
        for (AbstractCurve c : m.getCurveMembers().getObjects()) {
          curves(c, out);
        }
      }
    } else if (g instanceof CompositeCurve) {
      for (CurveProperty p : ((CompositeCurve) g).getCurveMembers()) {
        AbstractCurve c = ids.resolve(p);
        if (c != null) {
          curves(c, out);
        }
      }
    } else if (g instanceof AbstractCurve) {
      double[] c = transformed(((AbstractCurve) g).toCoordinateList3D());
      if (c.length >= 6) {
        out.add(c);
      }
    }
  }

  private void points(AbstractGeometry g, DoubleList out) {
    if (g instanceof MultiPoint) {
      MultiPoint m = (MultiPoint) g;
      for (PointProperty p : m.getPointMember()) {
        Point point = ids.resolve(p);
        if (point != null) {
          points(point, out);
        }
      }
      if (m.getPointMembers() != null) {
        for (Point p : m.getPointMembers().getObjects()) {
          points(p, out);
        }
      }
    } else if (g instanceof Point) {
      for (double v : transformed(((Point) g).toCoordinateList3D())) {
        out.add(v);
      }
    }
  }

  /**
   * The coordinates of a ring given as a 3D posList, without the copies of the general route; null
   * otherwise. The array may be the parser's (shared, not to be modified).
   */
  private double @Nullable [] posList3D(LinearRing ring) {
    org.xmlobjects.gml.model.geometry.GeometricPositionList points = ring.getControlPoints();
    if (points == null || points.getPosList() == null) {
      return null;
    }
    org.xmlobjects.gml.model.geometry.DirectPositionList list = points.getPosList();
    // the dimension as citygml4j's own routine takes it: the list's, or (without a count) that of
    // the nearest enclosing geometry or feature envelope naming a CRS, else 3
    Integer dimension = list.getSrsDimension();
    if (dimension == null && list.getCount() == null) {
      Integer inherited = list.getInheritedSRSReference().getSrsDimension();
      dimension = inherited == null ? 3 : inherited;
    }
    if (dimension == null || dimension != 3) {
      return null;
    }
    double[] read = lists.resolve(list.getValue());
    if (read != null) {
      return read.length % 3 == 0 ? read : null;
    }
    List<Double> values = list.getValue();
    if (values == null || values.size() % 3 != 0) {
      return null;
    }
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      Double v = values.get(i);
      if (v == null) {
        return null; // a malformed number: the general route reports it
      }
      out[i] = v;
    }
    return out;
  }

  private double[] coordinates(AbstractRing ring, boolean reverse) {
    List<Double> c;
    if (ring instanceof LinearRing) {
      double[] direct = matrix == null && !reverse ? posList3D((LinearRing) ring) : null;
      if (direct != null) {
        return direct;
      }
      lists.restore((LinearRing) ring); // citygml4j's routine reads its own list
      c = ((LinearRing) ring).toCoordinateList3D(reverse);
    } else {
      problems.add(
          new Problem(
              "unsupported geometry",
              ring.getClass().getSimpleName() + " rings are not supported; dropped"));
      return new double[0];
    }
    return transformed(c);
  }

  private double[] transformed(List<Double> c) {
    double[] out = new double[c.size()];
    for (int i = 0; i < out.length; i++) {
      Double v = c.get(i);
      out[i] = v == null ? Double.NaN : v;
    }
    double[] m = matrix;
    if (m != null) {
      for (int i = 0; i + 2 < out.length; i += 3) {
        double x = out[i];
        double y = out[i + 1];
        double z = out[i + 2];
        out[i] = m[0] * x + m[1] * y + m[2] * z + m[3];
        out[i + 1] = m[4] * x + m[5] * y + m[6] * z + m[7];
        out[i + 2] = m[8] * x + m[9] * y + m[10] * z + m[11];
      }
    }
    return out;
  }
}
