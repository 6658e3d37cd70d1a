// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml.internal.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.twin4j.citygml.CityFormat;
import org.twin4j.citygml.CityWriter;
import org.twin4j.citygml.ConversionReport;
import org.twin4j.citygml.WriteOptions;
import org.twin4j.citygml.internal.DoubleList;
import org.twin4j.citygml.internal.TempOutput;
import org.twin4j.core.appearance.Appearances;
import org.twin4j.core.appearance.Color;
import org.twin4j.core.appearance.GeometryAppearance;
import org.twin4j.core.appearance.Material;
import org.twin4j.core.appearance.Texture;
import org.twin4j.core.attribute.AttributeValue;
import org.twin4j.core.attribute.Attributes;
import org.twin4j.core.attribute.BooleanValue;
import org.twin4j.core.attribute.CodeValue;
import org.twin4j.core.attribute.DateValue;
import org.twin4j.core.attribute.DoubleValue;
import org.twin4j.core.attribute.IntegerValue;
import org.twin4j.core.attribute.ListValue;
import org.twin4j.core.attribute.MapValue;
import org.twin4j.core.attribute.MeasureValue;
import org.twin4j.core.attribute.NullValue;
import org.twin4j.core.attribute.StringValue;
import org.twin4j.core.attribute.UriValue;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.geom.Bounds3D;
import org.twin4j.core.geom.Geometry;
import org.twin4j.core.geom.MultiLineString;
import org.twin4j.core.geom.MultiSolid;
import org.twin4j.core.geom.SemanticSurface;
import org.twin4j.core.geom.Solid;
import org.twin4j.core.geom.SurfaceGeometry;
import org.twin4j.core.geom.TriangleMesh;
import org.twin4j.core.io.SourceLocation;
import org.twin4j.core.model.CityObject;
import org.twin4j.core.model.CityObjectType;
import org.twin4j.core.model.Metadata;

/**
 * Writes CityJSON 2.0 or CityJSONSeq with Jackson's streaming generator.
 *
 * <p>CityJSON: objects are streamed into {@code CityObjects} as they come; vertices are quantised
 * to the chosen precision on arrival and deduplicated on their integer coordinates, then written
 * after the objects with {@code transform} and {@code metadata} (member order is free in JSON).
 * CityJSONSeq: a header line, then one CityJSONFeature line per top-level object with its own
 * vertices.
 */
public final class JsonCityWriter implements CityWriter {

  private static final JsonFactory FACTORY = new JsonFactory();

  /** The extension member that keeps a CityGML type CityJSON does not have. */
  static final String ORIGINAL_TYPE = "+cityGMLType";

  /** City object types CityJSON 2.0 defines (plus extension types, which start with "+"). */
  private static final Set<String> CITYJSON_TYPES =
      Set.of(
          "Bridge",
          "BridgePart",
          "BridgeInstallation",
          "BridgeConstructiveElement",
          "BridgeRoom",
          "BridgeFurniture",
          "Building",
          "BuildingPart",
          "BuildingInstallation",
          "BuildingConstructiveElement",
          "BuildingFurniture",
          "BuildingStorey",
          "BuildingRoom",
          "BuildingUnit",
          "CityFurniture",
          "CityObjectGroup",
          "GenericCityObject",
          "LandUse",
          "OtherConstruction",
          "PlantCover",
          "SolitaryVegetationObject",
          "TINRelief",
          "WaterBody",
          "Road",
          "Railway",
          "Waterway",
          "TransportSquare",
          "Tunnel",
          "TunnelPart",
          "TunnelInstallation",
          "TunnelConstructiveElement",
          "TunnelHollowSpace",
          "TunnelFurniture");

  private final String target;
  private final TempOutput output;
  private final JsonGenerator json;
  private final WriteOptions options;
  private final ConversionReport.Builder report;
  private final boolean sequence;
  private final @Nullable CrsIdentifier crs;
  private final @Nullable String crsText;
  private final Metadata metadata;
  private Appearances appearances;
  private final Map<Integer, Integer> localMaterials = new LinkedHashMap<>();
  private final Map<Integer, Integer> localTextures = new LinkedHashMap<>();
  private final double scale;
  private final int decimals;
  private double @Nullable [] translate;
  private boolean started;
  private boolean closed;

  /** Quantised vertices of the document (CityJSON) or of the current feature (CityJSONSeq). */
  private final VertexTable vertices = new VertexTable();

  private final DoubleList uv = new DoubleList();
  private final Map<Long, Integer> uvIndex = new HashMap<>();
  private double minX = Double.POSITIVE_INFINITY;
  private double minY = Double.POSITIVE_INFINITY;
  private double minZ = Double.POSITIVE_INFINITY;
  private double maxX = Double.NEGATIVE_INFINITY;
  private double maxY = Double.NEGATIVE_INFINITY;
  private double maxZ = Double.NEGATIVE_INFINITY;
  private double worstRounding;
  private long roundedVertices;

  /**
   * Opens a writer.
   *
   * @param file the target file
   * @param options the options (format CITYJSON or CITYJSON_SEQ)
   * @param crs the CRS, or null
   * @param crsText the CRS as the source named it, used when it has no EPSG code, or null
   * @param metadata the metadata
   * @param appearances the material and texture tables
   * @param bounds the bounds of everything to be written, to choose the translation; null to take
   *     it from the first object
   * @throws IOException if the file cannot be created
   */
  public JsonCityWriter(
      Path file,
      WriteOptions options,
      @Nullable CrsIdentifier crs,
      @Nullable String crsText,
      Metadata metadata,
      Appearances appearances,
      @Nullable Bounds3D bounds)
      throws IOException {
    this.target = file.toString();
    this.options = options;
    this.sequence = options.format() == CityFormat.CITYJSON_SEQ;
    this.report = new ConversionReport.Builder(options.listener());
    this.crs = crs;
    this.crsText = crsText;
    this.metadata = metadata;
    this.appearances = appearances;
    this.decimals =
        options.decimals() >= 0 ? options.decimals() : crs != null && crs.isGeographic() ? 9 : 3;
    this.scale = Math.pow(10, -decimals);
    if (bounds != null) {
      translate = translation(bounds);
    }
    this.output = TempOutput.open(file);
    this.json = FACTORY.createGenerator(output.stream(), JsonEncoding.UTF8);
  }

  /** A translation near the minimum corner, on the precision grid so that it is exact. */
  private double[] translation(Bounds3D b) {
    return new double[] {grid(b.minX()), grid(b.minY()), grid(b.minZ())};
  }

  private double grid(double v) {
    return Double.isFinite(v) ? Math.floor(v / scale) * scale : 0;
  }

  private void start(CityObject first) throws IOException {
    started = true;
    if (translate == null) {
      translate = translation(first.bounds().orElse(new Bounds3D(0, 0, 0, 0, 0, 0)));
    }
    if (sequence) {
      json.writeStartObject();
      json.writeStringField("type", "CityJSON");
      json.writeStringField("version", "2.0");
      writeTransform();
      writeMetadata(false);
      json.writeObjectFieldStart("CityObjects");
      json.writeEndObject();
      json.writeArrayFieldStart("vertices");
      json.writeEndArray();
      json.writeEndObject();
      json.flush();
      output.stream().write('\n');
    } else {
      json.writeStartObject();
      json.writeStringField("type", "CityJSON");
      json.writeStringField("version", "2.0");
      json.writeObjectFieldStart("CityObjects");
    }
  }

  @Override
  public void write(CityObject object) throws IOException {
    if (closed) {
      throw new IllegalStateException("the writer is closed");
    }
    if (!started) {
      start(object);
    }
    if (sequence) {
      vertices.clear();
      uv.clear();
      uvIndex.clear();
      localMaterials.clear();
      localTextures.clear();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      try (JsonGenerator g = FACTORY.createGenerator(line, JsonEncoding.UTF8)) {
        g.writeStartObject();
        g.writeStringField("type", "CityJSONFeature");
        g.writeStringField("id", object.id());
        g.writeObjectFieldStart("CityObjects");
        writeTree(g, object, null);
        g.writeEndObject();
        g.writeArrayFieldStart("vertices");
        vertices.writeTo(g);
        g.writeEndArray();
        writeAppearance(
            g,
            pick(appearances.materials(), localMaterials),
            pick(appearances.textures(), localTextures),
            true);
        g.writeEndObject();
      }
      json.flush();
      OutputStream out = output.stream();
      line.writeTo(out);
      out.write('\n');
    } else {
      writeTree(json, object, null);
    }
  }

  /** Writes an object and its descendants as CityJSON city objects, flat, linked by id. */
  private void writeTree(JsonGenerator g, CityObject o, @Nullable String parent)
      throws IOException {
    CityObjectType type = o.type();
    String typeName = type.name();
    if (typeName.equals("ReliefFeature")) {
      // CityJSON has no ReliefFeature: its components stand alone
      report.add(
          "dropped object",
          "ReliefFeature '"
              + o.id()
              + "' has no CityJSON counterpart: its "
              + o.children().size()
              + " relief components are written without it",
          SourceLocation.atObject(target, o.id()));
      for (CityObject c : o.children()) {
        writeTree(g, c, parent);
      }
      return;
    }
    if (!CITYJSON_TYPES.contains(typeName) && !typeName.startsWith("+")) {
      report.add(
          "changed type",
          "'"
              + o.id()
              + "': type "
              + typeName
              + " has no CityJSON counterpart; written as GenericCityObject",
          SourceLocation.atObject(target, o.id()));
      typeName = "GenericCityObject";
    }
    g.writeObjectFieldStart(o.id());
    g.writeStringField("type", typeName);
    Attributes attrs = o.attributes();
    if (typeName.equals("GenericCityObject") && !type.name().equals("GenericCityObject")) {
      attrs = attrs.with(ORIGINAL_TYPE, AttributeValue.of(type.name()));
    }
    writeAttributes(g, attrs, o.id());
    List<Geometry> geometries = new ArrayList<>();
    for (Geometry geom : o.geometries()) {
      if (options.keeps(geom.lod())) {
        geometries.add(geom);
      }
    }
    if (!geometries.isEmpty()) {
      g.writeArrayFieldStart("geometry");
      for (Geometry geom : geometries) {
        writeGeometry(g, geom, o.id());
      }
      g.writeEndArray();
    }
    if (parent != null) {
      g.writeArrayFieldStart("parents");
      g.writeString(parent);
      g.writeEndArray();
    }
    List<String> kids = new ArrayList<>();
    for (CityObject c : o.children()) {
      if (c.type().name().equals("ReliefFeature")) {
        for (CityObject cc : c.children()) {
          kids.add(cc.id());
        }
      } else {
        kids.add(c.id());
      }
    }
    if (!kids.isEmpty()) {
      g.writeArrayFieldStart("children");
      for (String k : kids) {
        g.writeString(k);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    for (CityObject c : o.children()) {
      writeTree(g, c, o.id());
    }
  }

  private void writeAttributes(JsonGenerator g, Attributes attributes, String id)
      throws IOException {
    boolean open = false;
    for (int i = 0; i < attributes.size(); i++) {
      String name = attributes.name(i);
      if (name.equals("address") || name.startsWith("+")) {
        continue;
      }
      if (!open) {
        g.writeObjectFieldStart("attributes");
        open = true;
      }
      g.writeFieldName(name);
      writeValue(g, attributes.value(i), id, name);
    }
    if (open) {
      g.writeEndObject();
    }
    AttributeValue address = attributes.get("address");
    if (address != null) {
      g.writeFieldName("address");
      writeValue(
          g,
          address instanceof ListValue ? address : new ListValue(List.of(address)),
          id,
          "address");
    }
    for (int i = 0; i < attributes.size(); i++) {
      if (attributes.name(i).startsWith("+")) {
        g.writeFieldName(attributes.name(i));
        writeValue(g, attributes.value(i), id, attributes.name(i));
      }
    }
  }

  private void writeValue(JsonGenerator g, AttributeValue v, String id, String name)
      throws IOException {
    if (v instanceof StringValue) {
      g.writeString(((StringValue) v).value());
    } else if (v instanceof IntegerValue) {
      g.writeNumber(((IntegerValue) v).value());
    } else if (v instanceof DoubleValue) {
      double d = ((DoubleValue) v).value();
      if (Double.isFinite(d)) {
        g.writeNumber(d);
      } else {
        report.add(
            "changed attribute",
            "'"
                + id
                + "': attribute "
                + name
                + " is "
                + d
                + ", which JSON cannot hold; written as null",
            SourceLocation.atObject(target, id));
        g.writeNull();
      }
    } else if (v instanceof BooleanValue) {
      g.writeBoolean(((BooleanValue) v).value());
    } else if (v instanceof DateValue || v instanceof UriValue) {
      g.writeString(v.asText());
    } else if (v instanceof MeasureValue) {
      MeasureValue m = (MeasureValue) v;
      if (!isMetre(m.uom())) {
        report.add(
            "dropped unit",
            "'"
                + id
                + "': attribute "
                + name
                + " in "
                + m.uom()
                + " written as a plain number; CityJSON assumes metres",
            SourceLocation.atObject(target, id));
      }
      g.writeNumber(m.value());
    } else if (v instanceof CodeValue) {
      CodeValue c = (CodeValue) v;
      if (c.codeSpace() != null) {
        report.add(
            "dropped code space",
            "'"
                + id
                + "': attribute "
                + name
                + " loses its code space "
                + c.codeSpace()
                + " (CityJSON has none)",
            SourceLocation.atObject(target, id));
      }
      g.writeString(c.value());
    } else if (v instanceof ListValue) {
      g.writeStartArray();
      for (AttributeValue e : ((ListValue) v).values()) {
        writeValue(g, e, id, name);
      }
      g.writeEndArray();
    } else if (v instanceof MapValue) {
      Attributes m = ((MapValue) v).values();
      g.writeStartObject();
      for (int i = 0; i < m.size(); i++) {
        g.writeFieldName(m.name(i));
        writeValue(g, m.value(i), id, name + "." + m.name(i));
      }
      g.writeEndObject();
    } else if (v instanceof NullValue) {
      g.writeNull();
    }
  }

  private static boolean isMetre(String uom) {
    String u = uom.strip().toLowerCase(java.util.Locale.ROOT);
    return u.equals("m")
        || u.equals("#m")
        || u.endsWith(":m")
        || u.equals("metre")
        || u.equals("meter")
        || u.isEmpty();
  }

  // ---------------------------------------------------------------- geometry

  private void writeGeometry(JsonGenerator g, Geometry geom, String id) throws IOException {
    g.writeStartObject();
    if (geom instanceof TriangleMesh) {
      writeMesh(g, (TriangleMesh) geom);
      g.writeEndObject();
      return;
    }
    g.writeStringField("type", geom.type().cityJsonName());
    g.writeStringField("lod", geom.lod().toString());
    int[] local = new int[geom.vertexCount()];
    for (int v = 0; v < local.length; v++) {
      local[v] = vertex(geom.x(v), geom.y(v), geom.z(v));
    }
    g.writeFieldName("boundaries");
    if (geom instanceof SurfaceGeometry) {
      SurfaceGeometry s = (SurfaceGeometry) geom;
      writeNested(g, s, new RingLeaf(s, local));
      writeSemantics(g, s);
      writeMaterials(g, s);
      writeTextures(g, s);
    } else if (geom instanceof MultiLineString) {
      MultiLineString l = (MultiLineString) geom;
      g.writeStartArray();
      for (int i = 0; i < l.lineCount(); i++) {
        g.writeStartArray();
        for (int v = l.lineStart(i); v < l.lineEnd(i); v++) {
          g.writeNumber(local[v]);
        }
        g.writeEndArray();
      }
      g.writeEndArray();
    } else {
      g.writeStartArray();
      for (int v : local) {
        g.writeNumber(v);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** A TIN is written as CityJSON writes terrain: a CompositeSurface of triangles. */
  private void writeMesh(JsonGenerator g, TriangleMesh m) throws IOException {
    g.writeStringField("type", "CompositeSurface");
    g.writeStringField("lod", m.lod().toString());
    int[] local = new int[m.vertexCount()];
    for (int v = 0; v < local.length; v++) {
      local[v] = vertex(m.x(v), m.y(v), m.z(v));
    }
    g.writeArrayFieldStart("boundaries");
    for (int t = 0; t < m.triangleCount(); t++) {
      g.writeStartArray();
      g.writeStartArray();
      g.writeNumber(local[m.triangleVertex(t, 0)]);
      g.writeNumber(local[m.triangleVertex(t, 1)]);
      g.writeNumber(local[m.triangleVertex(t, 2)]);
      g.writeEndArray();
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  /** What to write for each surface or ring at the innermost level of a nested array. */
  private interface Leaf {
    /** Writes the value(s) of ring r of surface s. */
    void ring(JsonGenerator g, int surface, int ring) throws IOException;

    /** True if the leaves are per surface (semantic and material values), not per ring. */
    default boolean perSurface() {
      return false;
    }

    /** Writes the value of surface s (when perSurface). */
    default void surface(JsonGenerator g, int surface) throws IOException {}
  }

  /** Boundaries: each ring is an array of vertex indices. */
  private static final class RingLeaf implements Leaf {
    private final SurfaceGeometry s;
    private final int[] local;

    RingLeaf(SurfaceGeometry s, int[] local) {
      this.s = s;
      this.local = local;
    }

    @Override
    public void ring(JsonGenerator g, int surface, int ring) throws IOException {
      g.writeStartArray();
      for (int k = 0; k < s.ringSize(ring); k++) {
        g.writeNumber(local[s.ringVertex(ring, k)]);
      }
      g.writeEndArray();
    }
  }

  /**
   * Writes the nesting of a surface geometry (solids, shells, surfaces, rings) with the leaf's
   * values: rings for boundaries and textures, one value per surface for semantics and materials.
   */
  private static void writeNested(JsonGenerator g, SurfaceGeometry s, Leaf leaf)
      throws IOException {
    if (s instanceof MultiSolid) {
      MultiSolid m = (MultiSolid) s;
      g.writeStartArray();
      for (int solid = 0; solid < m.solidCount(); solid++) {
        g.writeStartArray();
        int firstShell = m.solidFirstShell(solid);
        for (int shell = firstShell; shell < firstShell + m.solidShellCount(solid); shell++) {
          writeSurfaces(g, s, m.shellFirstSurface(shell), m.shellSurfaceCount(shell), leaf);
        }
        g.writeEndArray();
      }
      g.writeEndArray();
    } else if (s instanceof Solid) {
      Solid solid = (Solid) s;
      g.writeStartArray();
      for (int shell = 0; shell < solid.shellCount(); shell++) {
        writeSurfaces(g, s, solid.shellFirstSurface(shell), solid.shellSurfaceCount(shell), leaf);
      }
      g.writeEndArray();
    } else {
      writeSurfaces(g, s, 0, s.surfaceCount(), leaf);
    }
  }

  private static void writeSurfaces(
      JsonGenerator g, SurfaceGeometry s, int first, int count, Leaf leaf) throws IOException {
    g.writeStartArray();
    for (int surface = first; surface < first + count; surface++) {
      if (leaf.perSurface()) {
        leaf.surface(g, surface);
        continue;
      }
      g.writeStartArray();
      int r0 = s.surfaceFirstRing(surface);
      for (int r = r0; r < r0 + s.surfaceRingCount(surface); r++) {
        leaf.ring(g, surface, r);
      }
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  private void writeSemantics(JsonGenerator g, SurfaceGeometry s) throws IOException {
    if (!s.hasSemantics()) {
      return;
    }
    // distinct semantic objects, parents included, in order of first use
    Map<SemanticSurface, Integer> index = new IdentityHashMap<>();
    List<SemanticSurface> list = new ArrayList<>();
    for (int i = 0; i < s.surfaceCount(); i++) {
      register(s.semantic(i), index, list);
    }
    g.writeObjectFieldStart("semantics");
    g.writeArrayFieldStart("surfaces");
    for (SemanticSurface sem : list) {
      g.writeStartObject();
      g.writeStringField("type", sem.type().name());
      if (sem.id() != null) {
        g.writeStringField("id", sem.id());
      }
      if (sem.parent() != null) {
        g.writeNumberField("parent", index.get(sem.parent()));
      }
      List<Integer> children = new ArrayList<>();
      for (int c = 0; c < list.size(); c++) {
        if (list.get(c).parent() == sem) {
          children.add(c);
        }
      }
      if (!children.isEmpty()) {
        g.writeArrayFieldStart("children");
        for (int c : children) {
          g.writeNumber(c);
        }
        g.writeEndArray();
      }
      Attributes a = sem.attributes();
      for (int i = 0; i < a.size(); i++) {
        g.writeFieldName(a.name(i));
        writeValue(g, a.value(i), sem.id() == null ? "semantic surface" : sem.id(), a.name(i));
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeFieldName("values");
    writeNested(
        g,
        s,
        new Leaf() {
          @Override
          public void ring(JsonGenerator gen, int surface, int ring) {}

          @Override
          public boolean perSurface() {
            return true;
          }

          @Override
          public void surface(JsonGenerator gen, int surface) throws IOException {
            SemanticSurface sem = s.semantic(surface);
            if (sem == null) {
              gen.writeNull();
            } else {
              gen.writeNumber(index.get(sem));
            }
          }
        });
    g.writeEndObject();
  }

  private static void register(
      @Nullable SemanticSurface s,
      Map<SemanticSurface, Integer> index,
      List<SemanticSurface> list) {
    if (s == null || index.containsKey(s)) {
      return;
    }
    register(s.parent(), index, list);
    index.put(s, list.size());
    list.add(s);
  }

  private void writeMaterials(JsonGenerator g, SurfaceGeometry s) throws IOException {
    GeometryAppearance a = s.appearance();
    if (a == null || a.materialThemes().isEmpty()) {
      return;
    }
    g.writeObjectFieldStart("material");
    for (String theme : a.materialThemes()) {
      g.writeObjectFieldStart(theme);
      g.writeFieldName("values");
      writeNested(
          g,
          s,
          new Leaf() {
            @Override
            public void ring(JsonGenerator gen, int surface, int ring) {}

            @Override
            public boolean perSurface() {
              return true;
            }

            @Override
            public void surface(JsonGenerator gen, int surface) throws IOException {
              int m = a.material(theme, surface);
              if (m < 0) {
                gen.writeNull();
              } else {
                gen.writeNumber(materialIndex(m));
              }
            }
          });
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private void writeTextures(JsonGenerator g, SurfaceGeometry s) throws IOException {
    GeometryAppearance a = s.appearance();
    if (a == null || a.textureThemes().isEmpty()) {
      return;
    }
    g.writeObjectFieldStart("texture");
    for (String theme : a.textureThemes()) {
      g.writeObjectFieldStart(theme);
      g.writeFieldName("values");
      writeNested(
          g,
          s,
          (gen, surface, ring) -> {
            int t = a.texture(theme, ring);
            gen.writeStartArray();
            if (t < 0) {
              gen.writeNull();
            } else {
              gen.writeNumber(textureIndex(t));
              for (int k = 0; k < s.ringSize(ring); k++) {
                int corner = s.cornerIndex(ring, k);
                gen.writeNumber(uvIndex(a.u(theme, corner), a.v(theme, corner)));
              }
            }
            gen.writeEndArray();
          });
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** The index of a texture vertex, deduplicated on its 1e-7 grid (CityJSON's usual precision). */
  private int uvIndex(double u, double v) {
    long qu = Math.round(u * 1e7);
    long qv = Math.round(v * 1e7);
    long key = qu * 0x9E3779B97F4A7C15L ^ qv;
    Integer i = uvIndex.get(key);
    if (i != null && uv.get(2 * i) == qu / 1e7 && uv.get(2 * i + 1) == qv / 1e7) {
      return i;
    }
    int n = uv.size() / 2;
    uv.add(qu / 1e7);
    uv.add(qv / 1e7);
    if (i == null) {
      uvIndex.put(key, n);
    }
    return n;
  }

  /** The index of a vertex, quantised, deduplicated on its integer coordinates. */
  private int vertex(double x, double y, double z) {
    double[] t = translate;
    long qx = Math.round((x - t[0]) / scale);
    long qy = Math.round((y - t[1]) / scale);
    long qz = Math.round((z - t[2]) / scale);
    double dev =
        Math.max(
            Math.abs(qx * scale + t[0] - x),
            Math.max(Math.abs(qy * scale + t[1] - y), Math.abs(qz * scale + t[2] - z)));
    if (dev > 1e-9 * Math.max(1, Math.abs(x) + Math.abs(y))) {
      roundedVertices++;
      worstRounding = Math.max(worstRounding, dev);
    }
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    minZ = Math.min(minZ, z);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
    maxZ = Math.max(maxZ, z);
    return vertices.index(qx, qy, qz);
  }

  // ---------------------------------------------------------------- document members

  private void writeTransform() throws IOException {
    double[] t = translate;
    json.writeObjectFieldStart("transform");
    json.writeArrayFieldStart("scale");
    for (int k = 0; k < 3; k++) {
      json.writeNumber(scale);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("translate");
    for (int k = 0; k < 3; k++) {
      json.writeNumber(t[k]);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private void writeMetadata(boolean withExtent) throws IOException {
    json.writeObjectFieldStart("metadata");
    if (crs != null && crs.toOgcUri().isPresent()) {
      json.writeStringField("referenceSystem", crs.toOgcUri().get());
    } else if (crsText != null) {
      report.add(
          "changed CRS",
          "the CRS '" + crsText + "' has no EPSG code; written as given",
          SourceLocation.of(target));
      json.writeStringField("referenceSystem", crsText);
    }
    if (withExtent && minX <= maxX) {
      json.writeArrayFieldStart("geographicalExtent");
      for (double v : new double[] {minX, minY, minZ, maxX, maxY, maxZ}) {
        json.writeNumber(v);
      }
      json.writeEndArray();
    }
    if (metadata.identifier() != null) {
      json.writeStringField("identifier", metadata.identifier());
    }
    if (metadata.title() != null) {
      json.writeStringField("title", metadata.title());
    }
    if (metadata.referenceDate() != null) {
      json.writeStringField("referenceDate", metadata.referenceDate().toString());
    }
    Attributes other = metadata.other();
    for (int i = 0; i < other.size(); i++) {
      String name = other.name(i);
      if (name.equals("extensions") || name.startsWith("appearance.") || name.startsWith("+")) {
        continue;
      }
      json.writeFieldName(name);
      writeValue(json, other.value(i), "metadata", name);
    }
    json.writeEndObject();
    AttributeValue ext = other.get("extensions");
    if (ext != null) {
      json.writeFieldName("extensions");
      writeValue(json, ext, "metadata", "extensions");
    }
  }

  private void writeAppearanceTables(boolean withUv) throws IOException {
    writeAppearance(json, appearances.materials(), appearances.textures(), withUv);
  }

  /** An "appearance" member with these tables (and the texture vertices if asked), if not empty. */
  private void writeAppearance(
      JsonGenerator g, List<Material> materials, List<Texture> textures, boolean withUv)
      throws IOException {
    if (materials.isEmpty() && textures.isEmpty() && (!withUv || uv.size() == 0)) {
      return;
    }
    g.writeObjectFieldStart("appearance");
    if (!materials.isEmpty()) {
      g.writeArrayFieldStart("materials");
      for (Material m : materials) {
        g.writeStartObject();
        g.writeStringField("name", m.name() == null ? "material" : m.name());
        number(g, "ambientIntensity", m.ambientIntensity());
        color(g, "diffuseColor", m.diffuseColor());
        color(g, "emissiveColor", m.emissiveColor());
        color(g, "specularColor", m.specularColor());
        number(g, "shininess", m.shininess());
        number(g, "transparency", m.transparency());
        if (m.isSmooth() != null) {
          g.writeBooleanField("isSmooth", m.isSmooth());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (!textures.isEmpty()) {
      g.writeArrayFieldStart("textures");
      for (Texture t : textures) {
        g.writeStartObject();
        g.writeStringField("type", cityJsonImageType(t));
        g.writeStringField("image", t.image());
        if (t.wrapMode() != null) {
          g.writeStringField("wrapMode", t.wrapMode());
        }
        if (t.textureType() != null) {
          g.writeStringField("textureType", t.textureType());
        }
        if (t.borderColor() != null) {
          g.writeArrayFieldStart("borderColor");
          for (double c : t.borderColor()) {
            g.writeNumber(c);
          }
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (withUv && uv.size() > 0) {
      writeUv(g);
    }
    g.writeEndObject();
  }

  /**
   * The index to write for a material of the table: itself in CityJSON, its place in the feature's
   * own table in CityJSONSeq (each feature carries the materials it uses, so that the tables may
   * grow while a conversion streams).
   */
  private int materialIndex(int m) {
    if (!sequence) {
      return m;
    }
    Integer local = localMaterials.get(m);
    if (local == null) {
      local = localMaterials.size();
      localMaterials.put(m, local);
    }
    return local;
  }

  private int textureIndex(int t) {
    if (!sequence) {
      return t;
    }
    Integer local = localTextures.get(t);
    if (local == null) {
      local = localTextures.size();
      localTextures.put(t, local);
    }
    return local;
  }

  private static <T> List<T> pick(List<T> table, Map<Integer, Integer> local) {
    List<T> out = new ArrayList<>(local.size());
    for (int i = 0; i < local.size(); i++) {
      out.add(null);
    }
    for (Map.Entry<Integer, Integer> e : local.entrySet()) {
      out.set(e.getValue(), table.get(e.getKey()));
    }
    return out;
  }

  @Override
  public void appearances(Appearances tables) {
    this.appearances = tables;
  }

  private void writeUv(JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("vertices-texture");
    for (int i = 0; i < uv.size(); i += 2) {
      g.writeStartArray();
      g.writeNumber(uv.get(i));
      g.writeNumber(uv.get(i + 1));
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  /** CityJSON names image types "PNG" or "JPG"; CityGML gives MIME types or nothing. */
  private static String cityJsonImageType(Texture t) {
    String m = t.mimeType() == null ? "" : t.mimeType().toLowerCase(java.util.Locale.ROOT);
    String image = t.image().toLowerCase(java.util.Locale.ROOT);
    if (m.contains("png") || image.endsWith(".png")) {
      return "PNG";
    }
    return "JPG";
  }

  private static void number(JsonGenerator g, String name, double v) throws IOException {
    if (!Double.isNaN(v)) {
      g.writeNumberField(name, v);
    }
  }

  private static void color(JsonGenerator g, String name, @Nullable Color c) throws IOException {
    if (c != null) {
      g.writeArrayFieldStart(name);
      g.writeNumber(c.red());
      g.writeNumber(c.green());
      g.writeNumber(c.blue());
      g.writeEndArray();
    }
  }

  @Override
  public ConversionReport report() {
    return report.build();
  }

  @Override
  public void abort() {
    closed = true;
    try {
      json.close();
    } catch (IOException e) {
      // the output is deleted next
    }
    output.abort();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (!started) {
        translate = translate == null ? new double[3] : translate;
        if (sequence) {
          started = true;
          json.writeStartObject();
          json.writeStringField("type", "CityJSON");
          json.writeStringField("version", "2.0");
          writeTransform();
          writeMetadata(false);
          json.writeObjectFieldStart("CityObjects");
          json.writeEndObject();
          json.writeArrayFieldStart("vertices");
          json.writeEndArray();
          json.writeEndObject();
        } else {
          json.writeStartObject();
          json.writeStringField("type", "CityJSON");
          json.writeStringField("version", "2.0");
          json.writeObjectFieldStart("CityObjects");
        }
      }
      if (!sequence) {
        json.writeEndObject(); // CityObjects
        json.writeArrayFieldStart("vertices");
        vertices.writeTo(json);
        json.writeEndArray();
        writeTransform();
        writeMetadata(true);
        writeAppearanceTables(true);
        json.writeEndObject();
      }
      json.close();
      if (roundedVertices > 0) {
        report.addMany(
            "rounded coordinates",
            roundedVertices,
            roundedVertices
                + " vertices rounded to "
                + decimals
                + " decimals (up to "
                + String.format(java.util.Locale.ROOT, "%.2g", worstRounding)
                + " CRS units)",
            SourceLocation.of(target));
      }
      output.commit();
    } catch (IOException | RuntimeException e) {
      output.abort();
      throw e;
    }
  }

  /** Integer vertices, deduplicated with an open-addressing hash of their coordinates. */
  private static final class VertexTable {
    private long[] xyz = new long[3 * 1024];
    private int size;
    private int[] table = new int[2048];

    int index(long x, long y, long z) {
      if (2 * size >= table.length) {
        rehash();
      }
      int mask = table.length - 1;
      int h = hash(x, y, z) & mask;
      while (table[h] != 0) {
        int i = table[h] - 1;
        if (xyz[3 * i] == x && xyz[3 * i + 1] == y && xyz[3 * i + 2] == z) {
          return i;
        }
        h = (h + 1) & mask;
      }
      if (3 * size + 3 > xyz.length) {
        xyz = java.util.Arrays.copyOf(xyz, xyz.length * 2);
      }
      xyz[3 * size] = x;
      xyz[3 * size + 1] = y;
      xyz[3 * size + 2] = z;
      table[h] = ++size;
      return size - 1;
    }

    private static int hash(long x, long y, long z) {
      long h = x * 0x9E3779B97F4A7C15L ^ y * 0xC2B2AE3D27D4EB4FL ^ z * 0x165667B19E3779F9L;
      return (int) (h ^ (h >>> 31));
    }

    private void rehash() {
      int[] t = new int[table.length * 2];
      int mask = t.length - 1;
      for (int i = 0; i < size; i++) {
        int h = hash(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]) & mask;
        while (t[h] != 0) {
          h = (h + 1) & mask;
        }
        t[h] = i + 1;
      }
      table = t;
    }

    void clear() {
      size = 0;
      java.util.Arrays.fill(table, 0);
    }

    void writeTo(JsonGenerator g) throws IOException {
      for (int i = 0; i < size; i++) {
        g.writeStartArray();
        g.writeNumber(xyz[3 * i]);
        g.writeNumber(xyz[3 * i + 1]);
        g.writeNumber(xyz[3 * i + 2]);
        g.writeEndArray();
      }
    }
  }
}
