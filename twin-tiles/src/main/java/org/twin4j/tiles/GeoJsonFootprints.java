// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.tiles;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.attribute.AttributeValue;
import org.twin4j.core.attribute.Attributes;
import org.twin4j.core.attribute.BooleanValue;
import org.twin4j.core.attribute.DoubleValue;
import org.twin4j.core.attribute.IntegerValue;
import org.twin4j.core.attribute.ListValue;
import org.twin4j.core.attribute.MapValue;
import org.twin4j.core.attribute.NullValue;
import org.twin4j.core.attribute.StringValue;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.geom.Polygon;
import org.twin4j.core.io.SourceLocation;
import org.twin4j.core.io.TwinFormatException;
import org.twin4j.mesh.building.Footprint;

/**
 * GeoJSON footprints, read with Jackson's streaming parser (one feature in memory at a time) and
 * written with its streaming generator, one feature per line.
 */
final class GeoJsonFootprints {

  private static final JsonFactory JSON = JsonFactory.builder().build();

  /** CRS84 in any of its spellings: OGC URN and URI, {@code CRS:84}. */
  private static final Pattern CRS84 = Pattern.compile("(?i)(?:^|.*[:/])CRS:?84");

  /** Jackson's location text inside its messages; our SourceLocation says it better. */
  private static final Pattern JACKSON_SOURCE = Pattern.compile("\\[Source: [^;\\]]*;? ?");

  private GeoJsonFootprints() {}

  static boolean isCrs84(CrsIdentifier crs) {
    return CRS84.matcher(crs.text().strip()).matches();
  }

  static FootprintSet read(Path file, FootprintOptions options) throws IOException {
    String source = file.toString();
    FootprintCollector collector = new FootprintCollector(options);
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = JSON.createParser(in)) {
      CrsIdentifier crs = new Reader(p, source, collector).collection();
      return collector.finish(crs);
    } catch (JsonProcessingException e) {
      String what = e.getOriginalMessage();
      throw new TwinFormatException(
          location(source, e.getLocation()),
          "not valid JSON: " + JACKSON_SOURCE.matcher(what == null ? "" : what).replaceAll("["),
          e);
    }
  }

  private static SourceLocation location(String source, @Nullable JsonLocation l) {
    if (l == null) {
      return SourceLocation.of(source);
    }
    return new SourceLocation(source, l.getLineNr(), l.getColumnNr(), l.getByteOffset(), null);
  }

  /** The state of one read. */
  private static final class Reader {
    private final JsonParser p;
    private final String source;
    private final FootprintCollector collector;
    private int position;

    Reader(JsonParser p, String source, FootprintCollector collector) {
      this.p = p;
      this.source = source;
      this.collector = collector;
    }

    @Nullable CrsIdentifier collection() throws IOException {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw fail("the file is empty, expected a GeoJSON FeatureCollection");
      }
      if (t != JsonToken.START_OBJECT) {
        throw fail("expected a GeoJSON FeatureCollection object, found " + describe(t));
      }
      String type = null;
      boolean features = false;
      @Nullable CrsIdentifier crs = FootprintFiles.CRS84;
      while (next() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = next();
        switch (name) {
          case "type":
            type = string(v, "type");
            if (!type.equals("FeatureCollection")) {
              throw fail("expected a GeoJSON FeatureCollection, found type '" + type + "'");
            }
            break;
          case "crs":
            crs = crs(v);
            break;
          case "features":
            if (v != JsonToken.START_ARRAY) {
              throw fail("'features' must be an array, found " + describe(v));
            }
            features = true;
            while (next() != JsonToken.END_ARRAY) {
              feature();
            }
            break;
          default:
            p.skipChildren();
        }
      }
      if (type == null) {
        throw fail("the top-level object has no 'type'; expected a GeoJSON FeatureCollection");
      }
      if (!features) {
        throw fail("the FeatureCollection has no 'features' array");
      }
      JsonToken after = p.nextToken();
      if (after != null) {
        throw fail("unexpected " + describe(after) + " after the FeatureCollection");
      }
      return crs;
    }

    private void feature() throws IOException {
      int n = ++position;
      JsonToken t = p.currentToken();
      if (t != JsonToken.START_OBJECT) {
        throw fail("feature " + n + " is not a JSON object but " + describe(t));
      }
      SourceLocation at = location(source, p.currentTokenLocation());
      String type = null;
      String id = null;
      Attributes attributes = Attributes.empty();
      boolean hasGeometry = false;
      Geometry geometry = null;
      while (next() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = next();
        switch (name) {
          case "type":
            type = string(v, "feature type");
            break;
          case "id":
            if (v == JsonToken.VALUE_STRING || v.isNumeric()) {
              id = p.getText();
            } else if (v != JsonToken.VALUE_NULL) {
              throw fail(
                  "feature " + n + ": 'id' must be a string or number, found " + describe(v));
            }
            break;
          case "properties":
            if (v == JsonToken.START_OBJECT) {
              attributes = object(false);
            } else if (v != JsonToken.VALUE_NULL) {
              throw fail(
                  "feature "
                      + n
                      + ": 'properties' must be an object or null, found "
                      + describe(v));
            }
            break;
          case "geometry":
            hasGeometry = true;
            geometry = v == JsonToken.VALUE_NULL ? null : geometry(n);
            break;
          default:
            p.skipChildren();
        }
      }
      String where = "feature " + n + (id == null ? "" : " (id '" + id + "')");
      if (!"Feature".equals(type)) {
        throw new TwinFormatException(
            at,
            where
                + " has "
                + (type == null ? "no 'type'" : "type '" + type + "'")
                + ", expected 'Feature'");
      }
      if (!hasGeometry) {
        throw new TwinFormatException(
            at,
            where
                + " has no 'geometry' member (RFC 7946 section 3.2: null if the feature has no"
                + " location)");
      }
      collector.add(
          new RawFeature(
              n,
              id,
              attributes,
              geometry == null ? null : geometry.type,
              geometry == null ? null : geometry.parts,
              at));
    }

    private Geometry geometry(int n) throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw fail(
            "feature "
                + n
                + ": 'geometry' must be an object or null, found "
                + describe(p.currentToken()));
      }
      SourceLocation at = location(source, p.currentTokenLocation());
      String type = null;
      Object coordinates = null;
      while (next() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = next();
        if (name.equals("type")) {
          type = string(v, "geometry type");
        } else if (name.equals("coordinates") && v == JsonToken.START_ARRAY) {
          coordinates = nested();
        } else {
          p.skipChildren();
        }
      }
      if (type == null) {
        throw new TwinFormatException(at, "feature " + n + ": geometry has no 'type'");
      }
      switch (type) {
        case "Polygon":
          {
            double[][] rings = polygon(coordinates, at, n);
            return new Geometry(
                type, rings.length == 0 ? List.of() : Collections.singletonList(rings));
          }
        case "MultiPolygon":
          {
            List<?> polygons = list(coordinates, at, n, "MultiPolygon coordinates");
            List<double[][]> parts = new ArrayList<>(polygons.size());
            for (Object polygon : polygons) {
              double[][] rings = polygon(polygon, at, n);
              if (rings.length > 0) {
                parts.add(rings);
              }
            }
            return new Geometry(type, parts);
          }
        case "Point":
        case "MultiPoint":
        case "LineString":
        case "MultiLineString":
        case "GeometryCollection":
          return new Geometry(type, null);
        default:
          throw new TwinFormatException(
              at, "feature " + n + ": unknown geometry type '" + type + "'");
      }
    }

    private static double[][] polygon(@Nullable Object coordinates, SourceLocation at, int n)
        throws TwinFormatException {
      List<?> rings = list(coordinates, at, n, "Polygon coordinates");
      double[][] out = new double[rings.size()][];
      for (int r = 0; r < out.length; r++) {
        List<?> ring = list(rings.get(r), at, n, "a Polygon ring");
        double[] xy = new double[2 * ring.size()];
        for (int i = 0; i < ring.size(); i++) {
          if (!(ring.get(i) instanceof double[]) || ((double[]) ring.get(i)).length < 2) {
            throw new TwinFormatException(
                at,
                "feature "
                    + n
                    + ": ring "
                    + r
                    + " position "
                    + i
                    + " is not an array of at least 2 numbers");
          }
          double[] position = (double[]) ring.get(i);
          xy[2 * i] = position[0];
          xy[2 * i + 1] = position[1];
        }
        out[r] = xy;
      }
      return out;
    }

    private static List<?> list(@Nullable Object o, SourceLocation at, int n, String what)
        throws TwinFormatException {
      if (!(o instanceof List)) {
        throw new TwinFormatException(
            at,
            "feature "
                + n
                + ": "
                + what
                + (o == null ? " are missing" : " must be an array of arrays, found a position"));
      }
      return (List<?>) o;
    }

    /**
     * Reads nested coordinate arrays, the current token being their START_ARRAY: an array of
     * numbers becomes a {@code double[]} position, any other array a list.
     */
    private Object nested() throws IOException {
      JsonToken t = next();
      if (t.isNumeric()) {
        double[] position = new double[3];
        int n = 0;
        while (t != JsonToken.END_ARRAY) {
          if (!t.isNumeric()) {
            throw fail("a position must hold only numbers, found " + describe(t));
          }
          if (n == position.length) {
            position = Arrays.copyOf(position, 2 * n);
          }
          position[n++] = p.getDoubleValue();
          t = next();
        }
        return Arrays.copyOf(position, n);
      }
      List<Object> list = new ArrayList<>();
      while (t != JsonToken.END_ARRAY) {
        if (t != JsonToken.START_ARRAY) {
          throw fail("coordinates must be nested arrays of numbers, found " + describe(t));
        }
        list.add(nested());
        t = next();
      }
      return list;
    }

    /**
     * Reads a JSON object into attributes, the current token being its START_OBJECT; nulls are left
     * out at the top level and kept as {@link NullValue} inside.
     */
    private Attributes object(boolean keepNulls) throws IOException {
      Attributes.Builder b = Attributes.builder();
      while (next() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        AttributeValue v = value(next());
        if (v != null) {
          b.put(name, v);
        } else if (keepNulls) {
          b.put(name, NullValue.INSTANCE);
        }
      }
      return b.build();
    }

    private @Nullable AttributeValue value(JsonToken t) throws IOException {
      switch (t) {
        case VALUE_STRING:
          return new StringValue(p.getText());
        case VALUE_NUMBER_INT:
          // beyond a long: keep the digits rather than round them
          return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
              ? new StringValue(p.getText())
              : new IntegerValue(p.getLongValue());
        case VALUE_NUMBER_FLOAT:
          return new DoubleValue(p.getDoubleValue());
        case VALUE_TRUE:
          return BooleanValue.TRUE;
        case VALUE_FALSE:
          return BooleanValue.FALSE;
        case VALUE_NULL:
          return null;
        case START_ARRAY:
          {
            List<AttributeValue> values = new ArrayList<>();
            JsonToken u;
            while ((u = next()) != JsonToken.END_ARRAY) {
              AttributeValue v = value(u);
              values.add(v == null ? NullValue.INSTANCE : v);
            }
            return new ListValue(values);
          }
        case START_OBJECT:
          return new MapValue(object(true));
        default:
          throw fail("unexpected " + describe(t) + " in properties");
      }
    }

    private @Nullable CrsIdentifier crs(JsonToken t) throws IOException {
      if (t == JsonToken.VALUE_NULL) {
        return null;
      }
      SourceLocation at = location(source, p.currentTokenLocation());
      if (t != JsonToken.START_OBJECT) {
        throw fail("'crs' must be an object or null, found " + describe(t));
      }
      String type = null;
      String name = null;
      while (next() == JsonToken.FIELD_NAME) {
        String member = p.currentName();
        JsonToken v = next();
        if (member.equals("type") && v == JsonToken.VALUE_STRING) {
          type = p.getText();
        } else if (member.equals("properties") && v == JsonToken.START_OBJECT) {
          while (next() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            if (next() == JsonToken.VALUE_STRING && key.equals("name")) {
              name = p.getText();
            } else {
              p.skipChildren();
            }
          }
        } else {
          p.skipChildren();
        }
      }
      if (!"name".equals(type) || name == null) {
        collector.warning(
            "unknown CRS",
            "a 'crs' member of type '" + type + "' is not supported; the CRS is unknown",
            at);
        return null;
      }
      if (CRS84.matcher(name.strip()).matches()) {
        return FootprintFiles.CRS84;
      }
      try {
        return CrsIdentifier.parse(name);
      } catch (IllegalArgumentException e) {
        collector.warning("unknown CRS", e.getMessage() + "; the CRS is unknown", at);
        return null;
      }
    }

    private String string(JsonToken t, String what) throws TwinFormatException {
      if (t != JsonToken.VALUE_STRING) {
        throw fail("'" + what + "' must be a string, found " + describe(t));
      }
      try {
        return p.getText();
      } catch (IOException e) {
        throw fail("cannot read '" + what + "': " + e.getMessage());
      }
    }

    private JsonToken next() throws IOException {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw fail("unexpected end of file");
      }
      return t;
    }

    private TwinFormatException fail(String message) {
      return new TwinFormatException(location(source, p.currentTokenLocation()), message);
    }

    private static String describe(@Nullable JsonToken t) {
      if (t == null) {
        return "end of file";
      }
      switch (t) {
        case START_OBJECT:
          return "an object";
        case START_ARRAY:
          return "an array";
        case VALUE_STRING:
          return "a string";
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          return "a number";
        case VALUE_TRUE:
        case VALUE_FALSE:
          return "a boolean";
        case VALUE_NULL:
          return "null";
        default:
          return t.asString() == null ? t.name() : "'" + t.asString() + "'";
      }
    }
  }

  /** A geometry's type and, for polygons, its parts. */
  private static final class Geometry {
    final String type;
    final @Nullable List<double[][]> parts;

    Geometry(String type, @Nullable List<double[][]> parts) {
      this.type = type;
      this.parts = parts;
    }
  }

  static void write(
      Path file, Collection<? extends Footprint> footprints, @Nullable CrsIdentifier crs)
      throws IOException {
    FootprintOutput.write(
        file,
        "",
        temp -> {
          try (OutputStream out = Files.newOutputStream(temp);
              JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new FeaturePerLine());
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            if (crs != null && !isCrs84(crs)) {
              g.writeObjectFieldStart("crs");
              g.writeStringField("type", "name");
              g.writeObjectFieldStart("properties");
              g.writeStringField("name", crs.toUrn().orElse(crs.text()));
              g.writeEndObject();
              g.writeEndObject();
            }
            g.writeArrayFieldStart("features");
            for (Footprint f : footprints) {
              feature(g, f);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
          }
        });
  }

  private static void feature(JsonGenerator g, Footprint f) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeStringField("id", f.id());
    g.writeFieldName("properties");
    value(g, new MapValue(f.attributes()));
    g.writeObjectFieldStart("geometry");
    g.writeStringField("type", "Polygon");
    g.writeArrayFieldStart("coordinates");
    Polygon polygon = f.polygon();
    for (int r = 0; r < polygon.ringCount(); r++) {
      g.writeStartArray();
      int n = polygon.ringSize(r);
      for (int i = 0; i <= n; i++) {
        g.writeStartArray();
        g.writeNumber(polygon.x(r, i % n));
        g.writeNumber(polygon.y(r, i % n));
        g.writeEndArray();
      }
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void value(JsonGenerator g, AttributeValue v) throws IOException {
    if (v instanceof StringValue) {
      g.writeString(((StringValue) v).value());
    } else if (v instanceof IntegerValue) {
      g.writeNumber(((IntegerValue) v).value());
    } else if (v instanceof DoubleValue) {
      g.writeNumber(((DoubleValue) v).value());
    } else if (v instanceof BooleanValue) {
      g.writeBoolean(((BooleanValue) v).value());
    } else if (v instanceof NullValue) {
      g.writeNull();
    } else if (v instanceof ListValue) {
      g.writeStartArray();
      for (AttributeValue e : ((ListValue) v).values()) {
        value(g, e);
      }
      g.writeEndArray();
    } else if (v instanceof MapValue) {
      Attributes a = ((MapValue) v).values();
      g.writeStartObject();
      for (int i = 0; i < a.size(); i++) {
        g.writeFieldName(a.name(i));
        value(g, a.value(i));
      }
      g.writeEndObject();
    } else {
      // dates, URIs, codes, measures: their text, as CityJSON writes them
      g.writeString(v.asText());
    }
  }

  /** A value as JSON text, for GeoPackage TEXT columns holding lists and maps. */
  static String toJson(AttributeValue v) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      value(g, v);
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to a string failed", e);
    }
    return w.toString();
  }

  /** Compact JSON with each feature of the top-level {@code features} array on its own line. */
  private static final class FeaturePerLine extends MinimalPrettyPrinter {
    private static boolean inFeatures(JsonGenerator g) {
      JsonStreamContext array = g.getOutputContext();
      JsonStreamContext parent = array.getParent();
      return array.inArray()
          && parent != null
          && parent.getParent() != null
          && parent.getParent().inRoot()
          && "features".equals(parent.getCurrentName());
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
      if (inFeatures(g)) {
        g.writeRaw('\n');
      }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(inFeatures(g) ? ",\n" : ",");
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
      if (values > 0 && inFeatures(g)) {
        g.writeRaw('\n');
      }
      g.writeRaw(']');
    }
  }
}
