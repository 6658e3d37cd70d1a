// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.twin4j.citygml.CityFormat;
import org.twin4j.citygml.CityReader;
import org.twin4j.citygml.ConversionReport;
import org.twin4j.citygml.DocumentInfo;
import org.twin4j.citygml.ReadOptions;
import org.twin4j.citygml.internal.DoubleList;
import org.twin4j.citygml.internal.Vertices;
import org.twin4j.core.appearance.Appearances;
import org.twin4j.core.appearance.Color;
import org.twin4j.core.appearance.Material;
import org.twin4j.core.appearance.Texture;
import org.twin4j.core.attribute.AttributeValue;
import org.twin4j.core.attribute.Attributes;
import org.twin4j.core.attribute.ListValue;
import org.twin4j.core.attribute.StringValue;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.geom.Geometry;
import org.twin4j.core.io.SourceLocation;
import org.twin4j.core.io.TwinFormatException;
import org.twin4j.core.model.CityObject;
import org.twin4j.core.model.CityObjectType;
import org.twin4j.core.model.Metadata;

/**
 * Reads CityJSON 1.0, 1.1, 2.0 and CityJSONSeq with Jackson's streaming parser.
 *
 * <p>A plain CityJSON file is parsed in one pass: objects are kept with their vertex indices until
 * the shared {@code vertices} (which may come after them) are read, then their geometries are built
 * and the parent/child trees assembled. A CityJSONSeq file is parsed one CityJSONFeature line at a
 * time, so memory stays near one feature.
 */
public final class JsonCityReader implements CityReader {

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

  private final String source;
  private final InputStream in;
  private final JsonParser parser;
  private final ConversionReport.Builder report;
  private final boolean sequence;
  private final ArrayDeque<CityObject> ready = new ArrayDeque<>();

  private String version = "";
  private double[] scale = {1, 1, 1};
  private double[] translate = {0, 0, 0};
  private boolean transformed;
  private @Nullable String crsText;
  private @Nullable CrsIdentifier crs;
  private Metadata metadata = Metadata.empty();
  private final List<Material> materials = new ArrayList<>();
  private final List<Texture> textures = new ArrayList<>();
  private final DoubleList textureVertices = new DoubleList();
  private final List<RawGeometry> templates = new ArrayList<>();
  private double[] templateVertices = new double[0];
  private final Attributes.Builder otherMetadata = Attributes.builder();
  private long distinctVertices;
  private boolean exhausted;
  private @Nullable DocumentInfo info;

  private JsonCityReader(Path file, ReadOptions options, boolean sequence) throws IOException {
    this.source = file.toString();
    this.sequence = sequence;
    this.report = new ConversionReport.Builder(options.listener());
    this.in = Files.newInputStream(file);
    JsonParser p = null;
    try {
      p = FACTORY.createParser(in);
      this.parser = p;
      readHeader();
    } catch (IOException | RuntimeException e) {
      if (p != null) {
        p.close();
      }
      in.close();
      throw e;
    }
  }

  /**
   * Opens a CityJSON or CityJSONSeq file and reads what precedes its objects.
   *
   * @param file the file
   * @param options the read options
   * @param sequence true for CityJSONSeq
   * @return the reader
   * @throws IOException if the file cannot be read or is malformed
   */
  public static JsonCityReader open(Path file, ReadOptions options, boolean sequence)
      throws IOException {
    return new JsonCityReader(file, options, sequence);
  }

  // ---------------------------------------------------------------- document level

  /** Reads the whole document (plain CityJSON) or its header line (CityJSONSeq). */
  private void readHeader() throws IOException {
    JsonToken first;
    try {
      first = parser.nextToken();
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
    if (first == null) {
      throw new TwinFormatException(SourceLocation.of(source), "the file is empty");
    }
    if (first != JsonToken.START_OBJECT) {
      throw formatError("a CityJSON document must be a JSON object, found " + first);
    }
    Map<String, RawObject> objects = new LinkedHashMap<>();
    List<double[]> vertexChunks = new ArrayList<>();
    String type = null;
    try {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken t = parser.nextToken();
        switch (field) {
          case "type":
            type = parser.getText();
            break;
          case "version":
            version = parser.getText();
            break;
          case "transform":
            readTransform();
            break;
          case "metadata":
            readMetadata();
            break;
          case "CityObjects":
            expect(t, JsonToken.START_OBJECT, "CityObjects");
            readCityObjects(objects);
            break;
          case "vertices":
            expect(t, JsonToken.START_ARRAY, "vertices");
            vertexChunks.add(countDistinct(readVertices()));
            break;
          case "appearance":
            readAppearance();
            break;
          case "geometry-templates":
            readTemplates();
            break;
          default:
            // "extensions" and other root members are kept with the metadata for round trips
            otherMetadata.put(field, JsonValues.read(parser));
        }
      }
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
    if (!"CityJSON".equals(type)) {
      throw formatError(
          "expected \"type\": \"CityJSON\", found " + (type == null ? "none" : "\"" + type + "\""));
    }
    if (version.isEmpty()) {
      report.add(
          "missing version",
          "the document states no CityJSON version; read as 2.0",
          SourceLocation.of(source));
      version = "2.0";
    } else if (!version.equals("1.0") && !version.equals("1.1") && !version.equals("2.0")) {
      report.add(
          "unsupported version",
          "CityJSON version " + version + " is not 1.0, 1.1 or 2.0; read as 2.0",
          SourceLocation.of(source));
    }
    if (!version.equals("1.0")
        && !transformed
        && !vertexChunks.isEmpty()
        && vertexChunks.get(0).length > 0) {
      report.add(
          "missing transform",
          "CityJSON " + version + " requires \"transform\"; vertices read as plain coordinates",
          SourceLocation.of(source));
    }
    Attributes other = otherMetadata.build();
    if (!other.isEmpty()) {
      metadata =
          new Metadata(
              metadata.identifier(),
              metadata.title(),
              metadata.referenceDate(),
              mergeAttributes(metadata.other(), other));
    }
    if (!sequence) {
      double[] vertices =
          vertexChunks.isEmpty() ? new double[0] : applyTransform(vertexChunks.get(0));
      assemble(objects, vertices);
      exhausted = true;
    }
    info =
        new DocumentInfo(
            sequence ? CityFormat.CITYJSON_SEQ : CityFormat.CITYJSON,
            version,
            crsText,
            crs,
            metadata,
            new Appearances(materials, textures));
  }

  private static Attributes mergeAttributes(Attributes a, Attributes b) {
    Attributes.Builder m = a.toBuilder();
    b.forEach(m::put);
    return m.build();
  }

  private void expect(JsonToken actual, JsonToken wanted, String what) throws TwinFormatException {
    if (actual != wanted) {
      throw formatError(
          "malformed CityJSON: \""
              + what
              + "\" must be "
              + (wanted == JsonToken.START_OBJECT ? "an object {...}" : "an array [...]")
              + ", found "
              + describe(actual));
    }
  }

  /** A JSON token in words, for messages. */
  private String describe(@Nullable JsonToken t) {
    if (t == null) {
      return "the end of the file";
    }
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "the string " + quote();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "the number " + quote();
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return t.toString();
    }
  }

  private String quote() {
    try {
      String text = parser.getText();
      return "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
    } catch (IOException e) {
      return "";
    }
  }

  private void readTransform() throws IOException {
    expect(parser.currentToken(), JsonToken.START_OBJECT, "transform");
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String f = parser.currentName();
      parser.nextToken();
      if (f.equals("scale") || f.equals("translate")) {
        double[] v = JsonValues.readNumbers(parser);
        if (v.length != 3) {
          throw formatError("transform \"" + f + "\" needs 3 numbers, got " + v.length);
        }
        if (f.equals("scale")) {
          scale = v;
        } else {
          translate = v;
        }
      } else {
        parser.skipChildren();
      }
    }
    transformed = true;
  }

  private void readMetadata() throws IOException {
    expect(parser.currentToken(), JsonToken.START_OBJECT, "metadata");
    String identifier = null;
    String title = null;
    LocalDate date = null;
    Attributes.Builder other = Attributes.builder();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String f = parser.currentName();
      parser.nextToken();
      switch (f) {
        case "referenceSystem":
          crsText = parser.getText();
          try {
            crs = CrsIdentifier.parse(crsText);
          } catch (IllegalArgumentException e) {
            report.add("unknown CRS", e.getMessage(), SourceLocation.of(source));
          }
          break;
        case "identifier":
          identifier = parser.getText();
          break;
        case "title":
          title = parser.getText();
          break;
        case "referenceDate":
          String d = parser.getText();
          try {
            date = LocalDate.parse(d);
          } catch (DateTimeParseException e) {
            other.put(f, new StringValue(d));
            report.add(
                "unparsed date",
                "metadata referenceDate '" + d + "' is not an ISO date; kept as text",
                SourceLocation.of(source));
          }
          break;
        case "geographicalExtent":
          parser.skipChildren(); // derived from the objects; writers recompute it
          break;
        default:
          other.put(f, JsonValues.read(parser));
      }
    }
    metadata = new Metadata(identifier, title, date, other.build());
  }

  /** Reads a "vertices" array of [x, y, z] arrays, untransformed. */
  private double[] readVertices() throws IOException {
    DoubleList v = new DoubleList(3 * 1024);
    while (parser.nextToken() == JsonToken.START_ARRAY) {
      int n = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        if (!parser.currentToken().isNumeric()) {
          throw formatError(
              "vertex " + v.size() / 3 + " has a non-numeric coordinate " + parser.getText());
        }
        v.add(parser.getDoubleValue());
        n++;
      }
      if (n != 3) {
        throw formatError("vertex " + (v.size() - n) / 3 + " has " + n + " coordinates, not 3");
      }
    }
    if (parser.currentToken() != JsonToken.END_ARRAY) {
      throw formatError("\"vertices\" must be an array of [x, y, z] arrays");
    }
    return v.toArray();
  }

  private double[] countDistinct(double[] v) {
    distinctVertices += Vertices.distinct(v);
    return v;
  }

  @Override
  public long vertexCount() {
    return distinctVertices;
  }

  private double[] applyTransform(double[] v) {
    if (transformed) {
      for (int i = 0; i < v.length; i += 3) {
        v[i] = v[i] * scale[0] + translate[0];
        v[i + 1] = v[i + 1] * scale[1] + translate[1];
        v[i + 2] = v[i + 2] * scale[2] + translate[2];
      }
    }
    return v;
  }

  /**
   * Reads an "appearance" member; its materials, textures and texture vertices are appended to the
   * tables (a CityJSONFeature's geometries then have their indices shifted).
   */
  private void readAppearance() throws IOException {
    expect(parser.currentToken(), JsonToken.START_OBJECT, "appearance");
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String f = parser.currentName();
      parser.nextToken();
      switch (f) {
        case "materials":
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            materials.add(material(JsonValues.readObject(parser)));
          }
          break;
        case "textures":
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            textures.add(texture(JsonValues.readObject(parser)));
          }
          break;
        case "vertices-texture":
          while (parser.nextToken() == JsonToken.START_ARRAY) {
            double[] uv = JsonValues.readNumbers(parser);
            if (uv.length != 2) {
              throw formatError("a texture vertex needs 2 numbers, got " + uv.length);
            }
            textureVertices.add(uv[0]);
            textureVertices.add(uv[1]);
          }
          break;
        default:
          otherMetadata.put("appearance." + f, JsonValues.read(parser));
      }
    }
  }

  private static Material material(Attributes a) {
    return new Material(
        a.get("name") == null ? null : a.get("name").asText(),
        number(a, "ambientIntensity"),
        color(a.get("diffuseColor")),
        color(a.get("emissiveColor")),
        color(a.get("specularColor")),
        number(a, "shininess"),
        number(a, "transparency"),
        a.get("isSmooth") instanceof org.twin4j.core.attribute.BooleanValue
            ? ((org.twin4j.core.attribute.BooleanValue) a.get("isSmooth")).value()
            : null);
  }

  private static double number(Attributes a, String key) {
    AttributeValue v = a.get(key);
    return v == null ? Double.NaN : v.asDouble();
  }

  private static @Nullable Color color(@Nullable AttributeValue v) {
    if (v instanceof ListValue && ((ListValue) v).values().size() == 3) {
      List<AttributeValue> c = ((ListValue) v).values();
      return new Color(c.get(0).asDouble(), c.get(1).asDouble(), c.get(2).asDouble());
    }
    return null;
  }

  private static Texture texture(Attributes a) {
    List<Double> border = null;
    if (a.get("borderColor") instanceof ListValue) {
      border = new ArrayList<>();
      for (AttributeValue v : ((ListValue) a.get("borderColor")).values()) {
        border.add(v.asDouble());
      }
    }
    return new Texture(
        a.get("image") == null ? "" : a.get("image").asText(),
        a.get("type") == null ? null : mimeType(a.get("type").asText()),
        a.get("wrapMode") == null ? null : a.get("wrapMode").asText(),
        a.get("textureType") == null ? null : a.get("textureType").asText(),
        border);
  }

  /** CityJSON's image types as MIME types, as CityGML gives them. */
  private static String mimeType(String cityJsonType) {
    switch (cityJsonType.toUpperCase(java.util.Locale.ROOT)) {
      case "PNG":
        return "image/png";
      case "JPG":
      case "JPEG":
        return "image/jpeg";
      default:
        return cityJsonType;
    }
  }

  private void readTemplates() throws IOException {
    expect(parser.currentToken(), JsonToken.START_OBJECT, "geometry-templates");
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String f = parser.currentName();
      parser.nextToken();
      if (f.equals("templates")) {
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          templates.add(readGeometry());
        }
      } else if (f.equals("vertices-templates")) {
        templateVertices = readVertices(); // template vertices are never transformed
      } else {
        parser.skipChildren();
      }
    }
  }

  // ---------------------------------------------------------------- objects

  /** An object as read, before its vertex indices are resolved and its tree is built. */
  static final class RawObject {
    final String id;
    final SourceLocation location;
    String type = "";
    Attributes attributes = Attributes.empty();
    final List<RawGeometry> geometries = new ArrayList<>();
    final List<String> parents = new ArrayList<>();
    final List<String> children = new ArrayList<>();
    List<Geometry> built = List.of();
    boolean skipped;

    RawObject(String id, SourceLocation location) {
      this.id = id;
      this.location = location;
    }
  }

  private void readCityObjects(Map<String, RawObject> into) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String id = parser.currentName();
      JsonLocation where = parser.currentLocation();
      SourceLocation loc =
          new SourceLocation(
              source, where.getLineNr(), where.getColumnNr(), where.getCharOffset(), id);
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        report.add("skipped object", "city object '" + id + "' is not a JSON object; skipped", loc);
        parser.skipChildren();
        continue;
      }
      RawObject o = readObject(id, loc);
      if (into.putIfAbsent(id, o) != null) {
        report.add(
            "skipped object",
            "city object id '" + id + "' occurs twice; the second is skipped",
            loc);
      }
    }
  }

  private RawObject readObject(String id, SourceLocation loc) throws IOException {
    RawObject o = new RawObject(id, loc);
    Attributes.Builder attributes = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String f = parser.currentName();
      JsonToken t = parser.nextToken();
      switch (f) {
        case "type":
          o.type = parser.getText();
          break;
        case "attributes":
          if (t == JsonToken.START_OBJECT) {
            Attributes a = JsonValues.readObject(parser);
            attributes = attributes == null ? a.toBuilder() : mergeInto(attributes, a);
          } else {
            parser.skipChildren();
          }
          break;
        case "geometry":
          if (t == JsonToken.START_ARRAY) {
            while (parser.nextToken() == JsonToken.START_OBJECT) {
              o.geometries.add(readGeometry());
            }
          } else {
            parser.skipChildren();
          }
          break;
        case "parents":
          readStrings(o.parents);
          break;
        case "children":
          readStrings(o.children);
          break;
        case "geographicalExtent":
          parser.skipChildren(); // derived; recomputed on write
          break;
        case "address":
          // CityJSON 1.1/2.0 addresses: kept as a list of maps, the CityJSON shape
          if (attributes == null) {
            attributes = Attributes.builder();
          }
          attributes.put("address", JsonValues.read(parser));
          break;
        default:
          if (f.startsWith("+")) {
            // an extension's object-level property: kept as an attribute of the same name
            if (attributes == null) {
              attributes = Attributes.builder();
            }
            attributes.put(f, JsonValues.read(parser));
          } else {
            report.add(
                "dropped member",
                "city object '" + id + "': unknown member \"" + f + "\" dropped",
                loc);
            parser.skipChildren();
          }
      }
    }
    if (o.type.isEmpty()) {
      report.add("skipped object", "city object '" + id + "' has no \"type\"; skipped", loc);
      o.skipped = true;
    }
    if (attributes != null) {
      o.attributes = attributes.build();
    }
    return o;
  }

  private static Attributes.Builder mergeInto(Attributes.Builder b, Attributes a) {
    a.forEach(b::put);
    return b;
  }

  private void readStrings(List<String> into) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      into.add(parser.getText());
    }
  }

  /** A geometry object as read. */
  static final class RawGeometry {
    String type = "";
    @Nullable String lod;
    @Nullable Nested boundaries;
    @Nullable Nested semanticValues;
    final List<Attributes> semanticSurfaces = new ArrayList<>();
    final Map<String, Nested> materials = new LinkedHashMap<>();
    final Map<String, Nested> textures = new LinkedHashMap<>();
    int template = -1;
    double @Nullable [] matrix;

    /** Added to material, texture and texture-vertex indices (a CityJSONFeature's own tables). */
    int materialOffset;

    int textureOffset;
    int uvOffset;
  }

  private RawGeometry readGeometry() throws IOException {
    RawGeometry g = new RawGeometry();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String f = parser.currentName();
      JsonToken t = parser.nextToken();
      switch (f) {
        case "type":
          g.type = parser.getText();
          break;
        case "lod":
          g.lod =
              t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
                  ? lodNumber()
                  : parser.getText();
          break;
        case "boundaries":
          if (t == JsonToken.START_ARRAY) {
            g.boundaries = Nested.parse(parser);
          } else {
            parser.skipChildren();
          }
          break;
        case "semantics":
          readSemantics(g);
          break;
        case "material":
          readThemes(g.materials, true);
          break;
        case "texture":
          readThemes(g.textures, false);
          break;
        case "template":
          g.template = parser.getIntValue();
          break;
        case "transformationMatrix":
          g.matrix = JsonValues.readNumbers(parser);
          break;
        default:
          parser.skipChildren();
      }
    }
    return g;
  }

  /** A CityJSON 1.0 numeric LOD: 2 or 2.0 is level 2, 1.3 is level 1 refined 3. */
  private String lodNumber() throws IOException {
    double v = parser.getDoubleValue();
    if (v == Math.rint(v)) {
      return Integer.toString((int) v);
    }
    return parser.getText();
  }

  private void readSemantics(RawGeometry g) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String f = parser.currentName();
      JsonToken t = parser.nextToken();
      if (f.equals("surfaces") && t == JsonToken.START_ARRAY) {
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          g.semanticSurfaces.add(JsonValues.readObject(parser));
        }
      } else if (f.equals("values")) {
        if (t == JsonToken.START_ARRAY) {
          g.semanticValues = Nested.parse(parser);
        } else if (t == JsonToken.VALUE_NUMBER_INT) {
          g.semanticValues = Nested.scalar(parser.getIntValue());
        }
      } else {
        parser.skipChildren();
      }
    }
  }

  private void readThemes(Map<String, Nested> into, boolean material) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String theme = parser.currentName();
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String f = parser.currentName();
        JsonToken t = parser.nextToken();
        if (f.equals("values") && t == JsonToken.START_ARRAY) {
          into.put(theme, Nested.parse(parser));
        } else if (material && f.equals("value") && t == JsonToken.VALUE_NUMBER_INT) {
          into.put(theme, Nested.scalar(parser.getIntValue()));
        } else {
          parser.skipChildren();
        }
      }
    }
  }

  // ---------------------------------------------------------------- building

  /** Builds the geometries and trees of the parsed objects and queues the top-level ones. */
  private void assemble(Map<String, RawObject> objects, double[] vertices) {
    GeometryAssembler assembler =
        new GeometryAssembler(
            vertices, templates, templateVertices, textureVertices.toArray(), report);
    for (RawObject o : objects.values()) {
      if (o.skipped) {
        continue;
      }
      List<Geometry> built = new ArrayList<>(o.geometries.size());
      for (int i = 0; i < o.geometries.size(); i++) {
        try {
          Geometry g = assembler.build(o.geometries.get(i));
          if (g != null) {
            built.add(g);
          }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
          // the object cannot be built as the file says: skip it whole, count it, go on
          report.add(
              "skipped object",
              "city object '"
                  + o.id
                  + "', geometry "
                  + i
                  + ": "
                  + e.getMessage()
                  + "; object skipped",
              o.location);
          o.skipped = true;
          break;
        }
      }
      o.built = built;
    }
    // parents first: an object is top-level if no (readable) object claims it as a child
    Map<String, String> parentOf = new HashMap<>();
    for (RawObject o : objects.values()) {
      if (o.skipped) {
        continue;
      }
      for (String c : o.children) {
        RawObject child = objects.get(c);
        if (child == null || child.skipped) {
          report.add(
              "missing child",
              "city object '" + o.id + "' lists child '" + c + "', which is not in the file",
              o.location);
        } else if (parentOf.putIfAbsent(c, o.id) != null && !parentOf.get(c).equals(o.id)) {
          report.add(
              "several parents",
              "city object '" + c + "' has several parents; kept under '" + parentOf.get(c) + "'",
              child.location);
        }
      }
    }
    for (RawObject o : objects.values()) {
      if (o.skipped) {
        continue;
      }
      for (String p : o.parents) {
        RawObject parent = objects.get(p);
        if (parent == null || parent.skipped) {
          report.add(
              "missing parent",
              "city object '"
                  + o.id
                  + "' names parent '"
                  + p
                  + "', which is not in the file; read as top-level",
              o.location);
        } else if (!parentOf.containsKey(o.id)) {
          parentOf.put(o.id, p); // listed in "parents" only: join the parent's children
          parent.children.add(o.id);
        }
      }
    }
    Set<String> done = new HashSet<>();
    for (RawObject o : objects.values()) {
      if (!o.skipped && !parentOf.containsKey(o.id)) {
        ready.add(tree(o, objects, parentOf, done));
      }
    }
    for (RawObject o : objects.values()) {
      if (!o.skipped && !done.contains(o.id)) {
        report.add(
            "parent cycle",
            "city object '" + o.id + "' is in a cycle of parents; read as top-level",
            o.location);
        parentOf.remove(o.id);
        ready.add(tree(o, objects, parentOf, done));
      }
    }
  }

  private CityObject tree(
      RawObject o, Map<String, RawObject> objects, Map<String, String> parentOf, Set<String> done) {
    done.add(o.id);
    CityObjectType type = CityObjectType.of(o.type);
    Attributes attributes = o.attributes;
    org.twin4j.core.attribute.AttributeValue original =
        attributes.get(JsonCityWriter.ORIGINAL_TYPE);
    if (original != null && o.type.equals("GenericCityObject")) {
      // a CityGML type CityJSON does not have, written by twin4j as a generic object
      type = CityObjectType.of(original.asText());
      attributes = attributes.without(JsonCityWriter.ORIGINAL_TYPE);
    }
    CityObject.Builder b = CityObject.builder(o.id, type).attributes(attributes);
    for (Geometry g : o.built) {
      b.geometry(g);
    }
    for (String c : o.children) {
      RawObject child = objects.get(c);
      if (child != null && !child.skipped && o.id.equals(parentOf.get(c)) && !done.contains(c)) {
        b.child(tree(child, objects, parentOf, done));
      }
    }
    return b.build();
  }

  // ---------------------------------------------------------------- CityJSONSeq

  /** Reads the next CityJSONFeature line into the queue; false at the end of the file. */
  private boolean readFeature() throws IOException {
    JsonToken t;
    try {
      t = parser.nextToken();
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
    if (t == null) {
      return false;
    }
    if (t != JsonToken.START_OBJECT) {
      throw formatError("a CityJSONSeq line must be a JSON object, found " + t);
    }
    Map<String, RawObject> objects = new LinkedHashMap<>();
    double[] vertices = new double[0];
    String type = null;
    int materialOffset = materials.size();
    int textureOffset = textures.size();
    int uvOffset = textureVertices.size() / 2;
    try {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String f = parser.currentName();
        JsonToken v = parser.nextToken();
        switch (f) {
          case "type":
            type = parser.getText();
            break;
          case "CityObjects":
            expect(v, JsonToken.START_OBJECT, "CityObjects");
            readCityObjects(objects);
            break;
          case "vertices":
            expect(v, JsonToken.START_ARRAY, "vertices");
            vertices = applyTransform(countDistinct(readVertices()));
            break;
          case "appearance":
            readAppearance();
            break;
          default:
            parser.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
    if (!"CityJSONFeature".equals(type)) {
      throw formatError(
          "expected a line with \"type\": \"CityJSONFeature\", found "
              + (type == null ? "none" : "\"" + type + "\""));
    }
    // a feature's indices count in its own tables if it has them, else in the header's
    if (materials.size() == materialOffset) {
      materialOffset = 0;
    }
    if (textures.size() == textureOffset) {
      textureOffset = 0;
    }
    if (textureVertices.size() / 2 == uvOffset) {
      uvOffset = 0;
    }
    if (materialOffset > 0 || textureOffset > 0 || uvOffset > 0) {
      shiftAppearanceIndices(objects, materialOffset, textureOffset, uvOffset);
    }
    assemble(objects, vertices);
    return true;
  }

  /** A feature's own materials and textures were appended to the tables: shift its indices. */
  private static void shiftAppearanceIndices(
      Map<String, RawObject> objects, int materialOffset, int textureOffset, int uvOffset) {
    for (RawObject o : objects.values()) {
      for (RawGeometry g : o.geometries) {
        g.materialOffset = materialOffset;
        g.textureOffset = textureOffset;
        g.uvOffset = uvOffset;
      }
    }
  }

  // ---------------------------------------------------------------- CityReader

  @Override
  public DocumentInfo info() {
    DocumentInfo i = info;
    if (i == null) {
      throw new IllegalStateException("not initialised");
    }
    // the tables grow while a sequence is read; rebuilt only then, so that callers may compare by
    // identity
    if (sequence
        && (i.appearances().materials().size() != materials.size()
            || i.appearances().textures().size() != textures.size())) {
      i =
          new DocumentInfo(
              i.format(),
              i.version(),
              i.crsText(),
              i.crs(),
              i.metadata(),
              new Appearances(materials, textures));
      info = i;
    }
    return i;
  }

  @Override
  public boolean hasNext() throws IOException {
    while (ready.isEmpty() && !exhausted) {
      if (!readFeature()) {
        exhausted = true;
      }
    }
    return !ready.isEmpty();
  }

  @Override
  public CityObject next() throws IOException {
    if (!hasNext()) {
      throw new NoSuchElementException("no more city objects in " + source);
    }
    return ready.poll();
  }

  @Override
  public ConversionReport report() {
    return report.build();
  }

  @Override
  public void close() throws IOException {
    try {
      parser.close();
    } finally {
      in.close();
    }
  }

  // ---------------------------------------------------------------- errors

  private TwinFormatException formatError(String message) {
    JsonLocation l = parser.currentLocation();
    return new TwinFormatException(
        new SourceLocation(source, l.getLineNr(), l.getColumnNr(), l.getCharOffset(), null),
        message);
  }

  private TwinFormatException malformed(JsonProcessingException e) {
    JsonLocation l = e.getLocation();
    SourceLocation where =
        l == null
            ? SourceLocation.of(source)
            : new SourceLocation(source, l.getLineNr(), l.getColumnNr(), l.getCharOffset(), null);
    return new TwinFormatException(where, "malformed JSON: " + e.getOriginalMessage(), e);
  }
}
