// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml.internal.json;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.twin4j.citygml.ConversionReport;
import org.twin4j.citygml.internal.json.JsonCityReader.RawGeometry;
import org.twin4j.core.appearance.GeometryAppearance;
import org.twin4j.core.attribute.AttributeValue;
import org.twin4j.core.attribute.Attributes;
import org.twin4j.core.geom.Geometry;
import org.twin4j.core.geom.Lod;
import org.twin4j.core.geom.MultiLineString;
import org.twin4j.core.geom.MultiPoint;
import org.twin4j.core.geom.MultiSolid;
import org.twin4j.core.geom.MultiSurface;
import org.twin4j.core.geom.SemanticSurface;
import org.twin4j.core.geom.SemanticType;
import org.twin4j.core.geom.Solid;
import org.twin4j.core.geom.SurfaceGeometry;

/**
 * Turns raw CityJSON geometries into packed geometries: boundaries of global vertex indices become
 * a geometry with its own vertex list; semantics, materials and textures are attached per surface
 * and ring; geometry instances are expanded from their templates. Not thread-safe (reuses a vertex
 * map).
 */
final class GeometryAssembler {

  private final double[] vertices;
  private final List<RawGeometry> templates;
  private final double[] templateVertices;
  private final double[] uv;
  private final ConversionReport.Builder report;

  /**
   * Global vertex index to local index, valid where {@code stamp} equals the current generation.
   */
  private int[] local = new int[0];

  private int[] stamp = new int[0];
  private int generation;

  GeometryAssembler(
      double[] vertices,
      List<RawGeometry> templates,
      double[] templateVertices,
      double[] uv,
      ConversionReport.Builder report) {
    this.vertices = vertices;
    this.templates = templates;
    this.templateVertices = templateVertices;
    this.uv = uv;
    this.report = report;
  }

  /**
   * Builds one geometry.
   *
   * @return the geometry, or null if it has no boundaries (reported)
   * @throws IllegalArgumentException if it is malformed: an unknown type, a wrong nesting, an index
   *     out of range
   */
  @Nullable Geometry build(RawGeometry g) {
    if (g.type.equals("GeometryInstance")) {
      return instance(g);
    }
    return build(g, vertices, null);
  }

  private Geometry build(RawGeometry g, double[] table, double @Nullable [] matrix) {
    Lod lod = lod(g);
    Nested b = g.boundaries;
    if (b == null) {
      throw new IllegalArgumentException("a " + g.type + " geometry has no \"boundaries\"");
    }
    if (b.sawNonInteger()) {
      throw new IllegalArgumentException("\"boundaries\" hold something other than vertex indices");
    }
    int n = table.length / 3;
    for (int i = 0; i < b.valueCount(); i++) {
      int v = b.value(i);
      if (v < 0 || v >= n) {
        throw new IllegalArgumentException(
            "boundaries reference vertex " + v + " but there are " + n + " vertices");
      }
    }
    switch (g.type) {
      case "MultiPoint":
        checkDepth(g, b, 1);
        return MultiPoint.of(lod, coordinates(b, 0, 0, b.valueCount(), table, matrix));
      case "MultiLineString":
        {
          checkDepth(g, b, 2);
          double[][] lines = new double[b.count(1)][];
          for (int l = 0; l < lines.length; l++) {
            lines[l] = coordinates(b, 1, b.start(1, l), b.end(1, l), table, matrix);
          }
          return MultiLineString.of(lod, lines);
        }
      case "MultiSurface":
      case "CompositeSurface":
        checkDepth(g, b, 3);
        return surfaces(
            g,
            g.type.equals("CompositeSurface")
                ? MultiSurface.compositeBuilder(lod)
                : MultiSurface.builder(lod),
            b,
            table,
            matrix,
            null,
            null);
      case "Solid":
        {
          checkDepth(g, b, 4);
          Solid.Builder sb = Solid.builder(lod);
          return surfaces(g, sb, b, table, matrix, sb::shell, null);
        }
      case "MultiSolid":
      case "CompositeSolid":
        {
          checkDepth(g, b, 5);
          MultiSolid.Builder mb =
              g.type.equals("CompositeSolid")
                  ? MultiSolid.compositeBuilder(lod)
                  : MultiSolid.builder(lod);
          return surfaces(g, mb, b, table, matrix, mb::shell, mb::solid);
        }
      default:
        throw new IllegalArgumentException("unknown geometry type \"" + g.type + "\"");
    }
  }

  private static void checkDepth(RawGeometry g, Nested b, int depth) {
    if (b.depth() != depth) {
      throw new IllegalArgumentException(
          "a " + g.type + " needs boundaries nested " + depth + " deep, got " + b.depth());
    }
  }

  private static Lod lod(RawGeometry g) {
    if (g.lod == null) {
      throw new IllegalArgumentException("a " + g.type + " geometry has no \"lod\"");
    }
    return Lod.parse(g.lod);
  }

  private double[] coordinates(
      Nested b, int level, int from, int to, double[] table, double @Nullable [] m) {
    double[] out = new double[3 * (to - from)];
    for (int i = from; i < to; i++) {
      putVertex(table, b.value(i), m, out, 3 * (i - from));
    }
    return out;
  }

  /** Copies a vertex, through the instance transform if there is one. */
  private static void putVertex(double[] table, int v, double @Nullable [] m, double[] out, int o) {
    double x = table[3 * v];
    double y = table[3 * v + 1];
    double z = table[3 * v + 2];
    if (m == null) {
      out[o] = x;
      out[o + 1] = y;
      out[o + 2] = z;
    } else {
      out[o] = m[0] * x + m[1] * y + m[2] * z + m[3];
      out[o + 1] = m[4] * x + m[5] * y + m[6] * z + m[7];
      out[o + 2] = m[8] * x + m[9] * y + m[10] * z + m[11];
    }
  }

  /**
   * Builds a surface geometry. Surfaces are the arrays two levels above the vertex indices; shells
   * and solids, where the type has them, the arrays above those.
   */
  private SurfaceGeometry surfaces(
      RawGeometry g,
      SurfaceGeometry.Builder<?> builder,
      Nested b,
      double[] table,
      double @Nullable [] matrix,
      @Nullable Runnable newShell,
      @Nullable Runnable newSolid) {
    int depth = b.depth();
    int surfaceLevel = depth - 3;
    int ringLevel = depth - 2;
    int surfaces = b.count(surfaceLevel + 1);
    SemanticSurface[] semantics = semantics(g, surfaces);
    generation++;
    if (local.length < table.length / 3) {
      local = new int[table.length / 3];
      stamp = new int[table.length / 3];
      generation = 1;
    }
    // shells are the arrays at level depth - 3, solids at depth - 4 (the outermost array is level
    // 0)
    int shellLevel = depth - 3;
    int solidLevel = depth - 4;
    int shell = 0;
    int solid = 0;
    double[] xyz = new double[3];
    for (int s = 0; s < surfaces; s++) {
      if (newShell != null) {
        while (shell + 1 < b.count(shellLevel) && b.start(shellLevel, shell + 1) <= s) {
          shell++;
          if (newSolid != null
              && solid + 1 < b.count(solidLevel)
              && b.start(solidLevel, solid + 1) <= shell) {
            solid++;
            newSolid.run(); // a new solid's first shell begins with its first surface
          } else {
            newShell.run();
          }
        }
      }
      builder.surface(semantics[s]);
      for (int r = b.start(surfaceLevel + 1, s); r < b.end(surfaceLevel + 1, s); r++) {
        int from = b.start(ringLevel + 1, r);
        int to = b.end(ringLevel + 1, r);
        int[] ring = new int[to - from];
        for (int k = from; k < to; k++) {
          int v = b.value(k);
          if (stamp[v] != generation) {
            stamp[v] = generation;
            putVertex(table, v, matrix, xyz, 0);
            local[v] = builder.vertex(xyz[0], xyz[1], xyz[2]);
          }
          ring[k - from] = local[v];
        }
        builder.ring(ring);
      }
    }
    SurfaceGeometry geometry = buildOf(builder);
    GeometryAppearance appearance = appearance(g, geometry, b, ringLevel);
    return appearance == null ? geometry : geometry.withAppearance(appearance);
  }

  private static SurfaceGeometry buildOf(SurfaceGeometry.Builder<?> builder) {
    if (builder instanceof MultiSurface.Builder) {
      return ((MultiSurface.Builder) builder).build();
    }
    if (builder instanceof Solid.Builder) {
      return ((Solid.Builder) builder).build();
    }
    return ((MultiSolid.Builder) builder).build();
  }

  /** The semantics per surface, from the semantic objects and their (flattened) values. */
  private SemanticSurface[] semantics(RawGeometry g, int surfaces) {
    SemanticSurface[] out = new SemanticSurface[surfaces];
    Nested values = g.semanticValues;
    if (values == null || g.semanticSurfaces.isEmpty()) {
      return out;
    }
    SemanticSurface[] objects = new SemanticSurface[g.semanticSurfaces.size()];
    for (int i = 0; i < objects.length; i++) {
      objects[i] = semantic(g.semanticSurfaces, i, objects, 0);
    }
    int n = values.valueCount();
    if (n != surfaces && !(n == 1 && values.depth() == 1 && surfaces > 1)) {
      throw new IllegalArgumentException(
          "semantics give " + n + " values for " + surfaces + " surfaces");
    }
    for (int s = 0; s < surfaces; s++) {
      int v = values.value(n == 1 ? 0 : s);
      if (v >= objects.length) {
        throw new IllegalArgumentException(
            "semantic value " + v + " but there are " + objects.length + " semantic surfaces");
      }
      out[s] = v < 0 ? null : objects[v];
    }
    return out;
  }

  /** Builds semantic object i, its parent first; shares plain instances. */
  private static SemanticSurface semantic(
      List<Attributes> raw, int i, SemanticSurface[] done, int depth) {
    if (done[i] != null) {
      return done[i];
    }
    Attributes a = raw.get(i);
    AttributeValue type = a.get("type");
    if (type == null) {
      throw new IllegalArgumentException("semantic surface " + i + " has no \"type\"");
    }
    SemanticSurface parent = null;
    AttributeValue p = a.get("parent");
    if (p != null && depth < raw.size()) {
      int pi = (int) p.asDouble();
      if (pi >= 0 && pi < raw.size() && pi != i) {
        parent = semantic(raw, pi, done, depth + 1);
      }
    }
    AttributeValue id = a.get("id");
    Attributes rest = a.without("type").without("parent").without("children").without("id");
    SemanticType t = SemanticType.of(type.asText());
    // one instance per entry, even without id or attributes: the grouping of surfaces is the file's
    SemanticSurface s = new SemanticSurface(t, id == null ? null : id.asText(), rest, parent);
    done[i] = s;
    return s;
  }

  /** Materials per surface and textures per ring, for each theme. */
  private @Nullable GeometryAppearance appearance(
      RawGeometry g, SurfaceGeometry geometry, Nested b, int ringLevel) {
    if (g.materials.isEmpty() && g.textures.isEmpty()) {
      return null;
    }
    GeometryAppearance.Builder a =
        GeometryAppearance.builder(
            geometry.surfaceCount(), geometry.ringCount(), geometry.cornerCount());
    for (Map.Entry<String, Nested> e : g.materials.entrySet()) {
      Nested v = e.getValue();
      int n = v.valueCount();
      for (int s = 0; s < geometry.surfaceCount(); s++) {
        int m = v.value(n == 1 ? 0 : Math.min(s, n - 1));
        if (n != 1 && n != geometry.surfaceCount()) {
          throw new IllegalArgumentException(
              "material theme '"
                  + e.getKey()
                  + "' gives "
                  + n
                  + " values for "
                  + geometry.surfaceCount()
                  + " surfaces");
        }
        if (m >= 0) {
          a.material(e.getKey(), s, m + g.materialOffset);
        }
      }
    }
    for (Map.Entry<String, Nested> e : g.textures.entrySet()) {
      Nested v = e.getValue();
      // the innermost arrays are one per ring: [texture, uv index per corner] or [null]
      int rings = v.count(v.depth() - 1);
      if (rings != geometry.ringCount()) {
        throw new IllegalArgumentException(
            "texture theme '"
                + e.getKey()
                + "' gives "
                + rings
                + " rings for "
                + geometry.ringCount());
      }
      for (int r = 0; r < rings; r++) {
        int from = v.start(v.depth() - 1, r);
        int to = v.end(v.depth() - 1, r);
        int texture = to > from ? v.value(from) : Nested.NULL;
        if (texture < 0) {
          continue;
        }
        int corners = geometry.ringSize(r);
        if (to - from - 1 != corners) {
          throw new IllegalArgumentException(
              "texture theme '"
                  + e.getKey()
                  + "', ring "
                  + r
                  + ": "
                  + (to - from - 1)
                  + " texture coordinates for "
                  + corners
                  + " corners");
        }
        double[] coords = new double[2 * corners];
        for (int k = 0; k < corners; k++) {
          int t = v.value(from + 1 + k) + g.uvOffset;
          if (t < 0 || 2 * t + 1 >= uv.length) {
            throw new IllegalArgumentException(
                "texture vertex " + t + " but there are " + uv.length / 2);
          }
          coords[2 * k] = uv[2 * t];
          coords[2 * k + 1] = uv[2 * t + 1];
        }
        a.texture(e.getKey(), r, texture + g.textureOffset, geometry.cornerIndex(r, 0), coords);
      }
    }
    return a.isEmpty() ? null : a.build();
  }

  /** Expands a GeometryInstance: the template's vertices through the matrix, then to the point. */
  private Geometry instance(RawGeometry g) {
    if (g.template < 0 || g.template >= templates.size()) {
      throw new IllegalArgumentException(
          "a GeometryInstance names template " + g.template + " but there are " + templates.size());
    }
    Nested b = g.boundaries;
    if (b == null || b.valueCount() != 1) {
      throw new IllegalArgumentException(
          "a GeometryInstance needs one reference vertex in \"boundaries\"");
    }
    int ref = b.value(0);
    if (ref < 0 || ref >= vertices.length / 3) {
      throw new IllegalArgumentException(
          "the reference point is vertex " + ref + " but there are " + vertices.length / 3);
    }
    double[] m =
        g.matrix == null
            ? new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}
            : Arrays.copyOf(g.matrix, 16);
    if (g.matrix != null && g.matrix.length != 16) {
      throw new IllegalArgumentException(
          "a transformationMatrix needs 16 numbers, got " + g.matrix.length);
    }
    // world = reference point + M * template vertex
    m[3] += vertices[3 * ref];
    m[7] += vertices[3 * ref + 1];
    m[11] += vertices[3 * ref + 2];
    RawGeometry template = templates.get(g.template);
    return build(template, templateVertices, m);
  }
}
