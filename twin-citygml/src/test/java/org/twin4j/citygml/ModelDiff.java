// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.appearance.GeometryAppearance;
import org.twin4j.core.attribute.AttributeValue;
import org.twin4j.core.attribute.Attributes;
import org.twin4j.core.attribute.CodeValue;
import org.twin4j.core.attribute.ListValue;
import org.twin4j.core.attribute.MapValue;
import org.twin4j.core.attribute.MeasureValue;
import org.twin4j.core.geom.Geometry;
import org.twin4j.core.geom.SemanticSurface;
import org.twin4j.core.geom.SurfaceGeometry;
import org.twin4j.core.geom.TriangleMesh;
import org.twin4j.core.model.CityObject;
import org.twin4j.core.model.CityView;

/**
 * Compares two city models object by object, geometry by geometry, surface by surface, and lists
 * every difference in words. What an encoding cannot hold is normalised first, and only that: LOD
 * refinement for CityGML, ReliefFeature for CityJSON, the composite/multi distinction of surfaces.
 */
final class ModelDiff {

  /**
   * What the target encoding is known not to keep.
   *
   * @param gml CityGML: no LOD refinement, no null or list attributes (lists are written as text)
   * @param json CityJSON: no ReliefFeature, every material has a name ("material" if none)
   * @param gml3 CityGML 3.0: vegetation objects have no LOD1 multi-surface (nor any boundary)
   * @param tolerance the coordinate tolerance
   */
  record Loss(boolean gml, boolean json, boolean gml3, double tolerance) {
    boolean lodRefinement() {
      return gml;
    }

    boolean reliefFeature() {
      return json;
    }
  }

  private final List<String> differences = new ArrayList<>();
  private final Loss loss;
  private final CityView a;
  private final CityView b;

  private ModelDiff(CityView a, CityView b, Loss loss) {
    this.a = a;
    this.b = b;
    this.loss = loss;
  }

  /** The differences between a model and the same model after a round trip; empty if none. */
  static List<String> compare(CityView before, CityView after, Loss loss) {
    ModelDiff d = new ModelDiff(before, after, loss);
    d.run();
    return d.differences;
  }

  private void add(String what) {
    if (differences.size() < 40) {
      differences.add(what);
    }
  }

  private void run() {
    Map<String, CityObject> left = flatten(a);
    Map<String, CityObject> right = flatten(b);
    if (!left.keySet().equals(right.keySet())) {
      TreeSet<String> missing = new TreeSet<>(left.keySet());
      missing.removeAll(right.keySet());
      TreeSet<String> extra = new TreeSet<>(right.keySet());
      extra.removeAll(left.keySet());
      add("objects differ: missing " + first(missing) + ", extra " + first(extra));
    }
    if (!a.crs().map(ModelDiff::codes).equals(b.crs().map(ModelDiff::codes))) {
      add("CRS " + a.crs() + " became " + b.crs());
    }
    for (Map.Entry<String, CityObject> e : left.entrySet()) {
      CityObject r = right.get(e.getKey());
      if (r != null) {
        object(e.getValue(), r);
      }
    }
  }

  private static String codes(org.twin4j.core.crs.CrsIdentifier c) {
    return c.horizontalEpsg() + "+" + c.verticalEpsg();
  }

  private static String first(TreeSet<String> s) {
    return s.size() <= 5 ? s.toString() : s.size() + " like " + new ArrayList<>(s).subList(0, 5);
  }

  private Map<String, CityObject> flatten(CityView model) {
    Map<String, CityObject> out = new LinkedHashMap<>();
    for (CityObject o : (Iterable<CityObject>) model.stream()::iterator) {
      flatten(o, out);
    }
    return out;
  }

  private void flatten(CityObject o, Map<String, CityObject> out) {
    if (!(loss.reliefFeature() && o.type().name().equals("ReliefFeature"))) {
      out.put(o.id(), o);
    }
    for (CityObject c : o.children()) {
      flatten(c, out);
    }
  }

  private List<String> childIds(CityObject o) {
    List<String> ids = new ArrayList<>();
    for (CityObject c : o.children()) {
      if (loss.reliefFeature() && c.type().name().equals("ReliefFeature")) {
        ids.addAll(childIds(c));
      } else {
        ids.add(c.id());
      }
    }
    ids.sort(null);
    return ids;
  }

  private void object(CityObject x, CityObject y) {
    String id = x.id();
    if (!x.type().equals(y.type())) {
      add(id + ": type " + x.type() + " became " + y.type());
    }
    Map<String, String> ax = attributes(x.attributes(), loss.gml());
    Map<String, String> ay = attributes(y.attributes(), false);
    if (!ax.equals(ay)) {
      for (String k : new TreeSet<>(ax.keySet())) {
        if (!ax.get(k).equals(ay.get(k))) {
          add(id + ": attribute " + k + " = " + ax.get(k) + " became " + ay.get(k));
        }
      }
      for (String k : new TreeSet<>(ay.keySet())) {
        if (!ax.containsKey(k)) {
          add(id + ": new attribute " + k + " = " + ay.get(k));
        }
      }
    }
    if (!childIds(x).equals(childIds(y))) {
      add(id + ": children " + childIds(x) + " became " + childIds(y));
    }
    List<Geometry> gx = sorted(x.geometries());
    if (loss.gml3() && isVegetation(x)) {
      gx.removeIf(g -> g.lod().level() == 1 && family(g).equals("surfaces"));
    }
    List<Geometry> gy = sorted(y.geometries());
    if (gx.size() != gy.size()) {
      add(
          id
              + ": "
              + gx.size()
              + " geometries "
              + keys(gx)
              + " became "
              + gy.size()
              + " "
              + keys(gy));
      return;
    }
    for (int i = 0; i < gx.size(); i++) {
      geometry(id, gx.get(i), gy.get(i));
    }
  }

  static boolean isVegetation(CityObject o) {
    return o.type().name().equals("PlantCover")
        || o.type().name().equals("SolitaryVegetationObject");
  }

  /** The geometries CityGML 3.0 cannot hold, to be reported by the writer. */
  static long lostInGml3(CityView model) {
    return model
        .allObjects()
        .filter(ModelDiff::isVegetation)
        .flatMap(o -> o.geometries().stream())
        .filter(g -> g.lod().level() == 1 && family(g).equals("surfaces"))
        .count();
  }

  private List<String> keys(List<Geometry> g) {
    List<String> out = new ArrayList<>();
    for (Geometry e : g) {
      out.add(key(e));
    }
    return out;
  }

  private String key(Geometry g) {
    String lod = loss.lodRefinement() ? Integer.toString(g.lod().level()) : g.lod().toString();
    return "LOD" + lod + " " + family(g) + "(" + surfaces(g) + ")";
  }

  private static String family(Geometry g) {
    switch (g.type()) {
      case MULTI_SURFACE:
      case COMPOSITE_SURFACE:
      case TRIANGLE_MESH:
        return "surfaces";
      case MULTI_SOLID:
      case COMPOSITE_SOLID:
        return "solids";
      default:
        return g.type().cityJsonName();
    }
  }

  private static int surfaces(Geometry g) {
    if (g instanceof SurfaceGeometry) {
      return ((SurfaceGeometry) g).surfaceCount();
    }
    if (g instanceof TriangleMesh) {
      return ((TriangleMesh) g).triangleCount();
    }
    return g.vertexCount();
  }

  private List<Geometry> sorted(List<Geometry> g) {
    List<Geometry> out = new ArrayList<>(g);
    out.sort(Comparator.comparing(this::key));
    return out;
  }

  private void geometry(String id, Geometry x, Geometry y) {
    String where = id + " " + key(x);
    if (!key(x).equals(key(y))) {
      add(where + " became " + key(y));
      return;
    }
    List<double[]> rx = rings(x);
    List<double[]> ry = rings(y);
    if (rx.size() != ry.size()) {
      add(where + ": " + rx.size() + " rings became " + ry.size());
      return;
    }
    for (int r = 0; r < rx.size(); r++) {
      double[] p = rx.get(r);
      double[] q = ry.get(r);
      if (p.length != q.length) {
        add(where + ": ring " + r + " has " + p.length / 3 + " vertices, became " + q.length / 3);
        return;
      }
      for (int k = 0; k < p.length; k++) {
        if (Math.abs(p[k] - q[k]) > loss.tolerance()) {
          add(where + ": ring " + r + " coordinate " + k + " " + p[k] + " became " + q[k]);
          return;
        }
      }
    }
    if (x instanceof SurfaceGeometry && y instanceof SurfaceGeometry) {
      SurfaceGeometry sx = (SurfaceGeometry) x;
      SurfaceGeometry sy = (SurfaceGeometry) y;
      for (int i = 0; i < sx.surfaceCount(); i++) {
        String tx = semantic(sx.semantic(i));
        String ty = semantic(sy.semantic(i));
        if (!tx.equals(ty)) {
          add(where + ": surface " + i + " semantics " + tx + " became " + ty);
          return;
        }
      }
      appearance(where, sx, sy);
    }
  }

  private static String semantic(@Nullable SemanticSurface s) {
    if (s == null) {
      return "-";
    }
    return s.type().name() + (s.parent() == null ? "" : " in " + s.parent().type().name());
  }

  private void appearance(String where, SurfaceGeometry x, SurfaceGeometry y) {
    GeometryAppearance ax = x.appearance();
    GeometryAppearance ay = y.appearance();
    if (ax == null || ay == null) {
      if ((ax == null) != (ay == null)) {
        add(
            where
                + ": appearance "
                + (ax == null ? "none" : "some")
                + " became "
                + (ay == null ? "none" : "some"));
      }
      return;
    }
    if (!new TreeSet<>(ax.materialThemes()).equals(new TreeSet<>(ay.materialThemes()))
        || !new TreeSet<>(ax.textureThemes()).equals(new TreeSet<>(ay.textureThemes()))) {
      add(
          where
              + ": themes "
              + ax.materialThemes()
              + ax.textureThemes()
              + " became "
              + ay.materialThemes()
              + ay.textureThemes());
      return;
    }
    for (String theme : ax.materialThemes()) {
      for (int i = 0; i < x.surfaceCount(); i++) {
        Object mx =
            ax.material(theme, i) < 0
                ? null
                : a.appearances().materials().get(ax.material(theme, i));
        Object my =
            ay.material(theme, i) < 0
                ? null
                : b.appearances().materials().get(ay.material(theme, i));
        if (loss.json()
            && mx != null
            && my != null
            && ((org.twin4j.core.appearance.Material) mx).name() == null) {
          org.twin4j.core.appearance.Material m = (org.twin4j.core.appearance.Material) mx;
          mx =
              new org.twin4j.core.appearance.Material(
                  "material",
                  m.ambientIntensity(),
                  m.diffuseColor(),
                  m.emissiveColor(),
                  m.specularColor(),
                  m.shininess(),
                  m.transparency(),
                  m.isSmooth());
        }
        if (!java.util.Objects.equals(mx, my)) {
          add(where + ": theme " + theme + " surface " + i + " material " + mx + " became " + my);
          return;
        }
      }
    }
    for (String theme : ax.textureThemes()) {
      for (int r = 0; r < x.ringCount(); r++) {
        Object tx =
            ax.texture(theme, r) < 0 ? null : a.appearances().textures().get(ax.texture(theme, r));
        Object ty =
            ay.texture(theme, r) < 0 ? null : b.appearances().textures().get(ay.texture(theme, r));
        if (!java.util.Objects.equals(tx, ty)) {
          add(where + ": theme " + theme + " ring " + r + " texture " + tx + " became " + ty);
          return;
        }
        if (tx == null) {
          continue;
        }
        for (int k = 0; k < x.ringSize(r); k++) {
          int c = x.cornerIndex(r, k);
          int d = y.cornerIndex(r, k);
          if (Math.abs(ax.u(theme, c) - ay.u(theme, d)) > 1e-6
              || Math.abs(ax.v(theme, c) - ay.v(theme, d)) > 1e-6) {
            add(
                where
                    + ": theme "
                    + theme
                    + " ring "
                    + r
                    + " corner "
                    + k
                    + " texture coordinates differ");
            return;
          }
        }
      }
    }
  }

  /** Every ring (or triangle, line, point set) as a coordinate array. */
  private static List<double[]> rings(Geometry g) {
    List<double[]> out = new ArrayList<>();
    if (g instanceof SurfaceGeometry) {
      SurfaceGeometry s = (SurfaceGeometry) g;
      for (int r = 0; r < s.ringCount(); r++) {
        double[] xyz = new double[3 * s.ringSize(r)];
        for (int k = 0; k < s.ringSize(r); k++) {
          int v = s.ringVertex(r, k);
          xyz[3 * k] = s.x(v);
          xyz[3 * k + 1] = s.y(v);
          xyz[3 * k + 2] = s.z(v);
        }
        out.add(xyz);
      }
    } else if (g instanceof TriangleMesh) {
      TriangleMesh m = (TriangleMesh) g;
      for (int t = 0; t < m.triangleCount(); t++) {
        double[] xyz = new double[9];
        for (int k = 0; k < 3; k++) {
          int v = m.triangleVertex(t, k);
          xyz[3 * k] = m.x(v);
          xyz[3 * k + 1] = m.y(v);
          xyz[3 * k + 2] = m.z(v);
        }
        out.add(xyz);
      }
    } else {
      out.add(g.toXyzArray());
    }
    return out;
  }

  /** Attributes by name as comparable text: numbers as numbers, codes and measures by value. */
  static Map<String, String> attributes(Attributes a, boolean gml) {
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i < a.size(); i++) {
      AttributeValue v = a.value(i);
      if (gml && v instanceof org.twin4j.core.attribute.NullValue) {
        continue;
      }
      if (gml
          && v instanceof ListValue
          && !isNumberList(a.name(i), (ListValue) v)
          && !(a.name(i).equals("address")
              || a.name(i).equals("name")
              || a.name(i).equals("function")
              || a.name(i).equals("usage")
              || a.name(i).equals("members"))) {
        out.put(a.name(i), v.asText());
        continue;
      }
      out.put(a.name(i), text(v));
    }
    return out;
  }

  private static boolean isNumberList(String name, ListValue v) {
    return name.startsWith("storeyHeights");
  }

  private static String text(AttributeValue v) {
    if (v instanceof MeasureValue) {
      return number(Double.toString(((MeasureValue) v).value()));
    }
    if (v instanceof CodeValue) {
      return number(((CodeValue) v).value());
    }
    if (v instanceof ListValue) {
      List<String> parts = new ArrayList<>();
      for (AttributeValue e : ((ListValue) v).values()) {
        parts.add(text(e));
      }
      return parts.toString();
    }
    if (v instanceof MapValue) {
      return attributes(((MapValue) v).values(), false).toString();
    }
    return number(v.asText());
  }

  private static String number(String s) {
    try {
      double d = Double.parseDouble(s);
      return String.format(Locale.ROOT, "%.9g", d);
    } catch (NumberFormatException e) {
      return s;
    }
  }
}
