// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.benchmarks.city;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Large CityGML files made by replicating a real sample: every top-level member is copied again and
 * again with new gml:ids (and XLinks that follow them) and coordinates shifted by a kilometre grid,
 * so that the copies neither collide by id nor overlap in space. Used by the streaming test and the
 * read benchmarks; the data stays the sample's, only repeated.
 */
public final class SyntheticCityFiles {

  private static final Pattern MEMBER_START = Pattern.compile("<(\\w+:)?cityObjectMember[\\s>]");
  private static final Pattern MEMBER_END = Pattern.compile("</(\\w+:)?cityObjectMember>");
  private static final Pattern TOKENS =
      Pattern.compile(
          "gml:id=\"([^\"]+)\""
              + "|xlink:href=\"#([^\"]+)\""
              + "|<gml:posList[^>]*>([^<]*)</gml:posList>"
              + "|<gml:pos(?:\\s[^>]*)?>([^<]*)</gml:pos>"
              + "|<gml:(?:lower|upper)Corner[^>]*>([^<]*)</gml:(?:lower|upper)Corner>");

  private SyntheticCityFiles() {}

  /** A piece of a member: literal text, an id to suffix, or coordinates to shift. */
  private sealed interface Piece permits Text, Id, Coords {}

  private record Text(String text) implements Piece {}

  private record Id(String id) implements Piece {}

  private record Coords(double[] xyz) implements Piece {}

  /**
   * Writes a CityGML file of at least {@code minBytes} by replicating the members of a sample.
   *
   * @param sample a CityGML file with 3D coordinates in posList, pos or corners
   * @param out the file to write
   * @param minBytes the size to reach
   * @return the number of top-level members written
   * @throws IOException if reading or writing fails
   */
  public static long replicateCityGml(Path sample, Path out, long minBytes) throws IOException {
    String text = Files.readString(sample, StandardCharsets.UTF_8);
    Matcher first = MEMBER_START.matcher(text);
    if (!first.find()) {
      throw new IOException(sample + " has no cityObjectMember");
    }
    int lastEnd = -1;
    Matcher end = MEMBER_END.matcher(text);
    while (end.find()) {
      lastEnd = end.end();
    }
    String header = text.substring(0, first.start());
    String footer = text.substring(lastEnd);
    List<Piece> template = template(text.substring(first.start(), lastEnd));
    int membersPerCopy = count(MEMBER_START, text);
    long members = 0;
    long written = 0;
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write(header);
      written += header.length();
      for (int copy = 0; written < minBytes; copy++) {
        String suffix = "_c" + copy;
        double dx = 1000.0 * (copy % 100);
        double dy = 1000.0 * (copy / 100);
        StringBuilder sb = new StringBuilder(text.length() + 1024);
        for (Piece p : template) {
          if (p instanceof Text t) {
            sb.append(t.text());
          } else if (p instanceof Id id) {
            sb.append(id.id()).append(suffix);
          } else {
            double[] xyz = ((Coords) p).xyz();
            for (int i = 0; i < xyz.length; i += 3) {
              if (i > 0) {
                sb.append(' ');
              }
              sb.append(xyz[i] + dx)
                  .append(' ')
                  .append(xyz[i + 1] + dy)
                  .append(' ')
                  .append(xyz[i + 2]);
            }
          }
        }
        sb.append('\n');
        w.write(sb.toString());
        written += sb.length();
        members += membersPerCopy;
      }
      w.write(footer);
    }
    return members;
  }

  private static int count(Pattern p, String s) {
    Matcher m = p.matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static List<Piece> template(String members) {
    List<Piece> out = new ArrayList<>();
    Matcher m = TOKENS.matcher(members);
    int at = 0;
    while (m.find()) {
      int group = 1;
      while (m.group(group) == null) {
        group++;
      }
      out.add(new Text(members.substring(at, m.start(group))));
      String value = m.group(group);
      if (group <= 2) {
        out.add(new Id(value));
      } else {
        String[] parts = value.trim().split("\\s+");
        if (parts.length % 3 != 0) {
          throw new IllegalArgumentException("coordinates not in 3D: " + value);
        }
        double[] xyz = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
          xyz[i] = Double.parseDouble(parts[i]);
        }
        out.add(new Coords(xyz));
      }
      at = m.end(group);
    }
    out.add(new Text(members.substring(at)));
    return out;
  }

  /**
   * Writes a CityJSON file of {@code copies} copies of a sample's city objects, with new ids
   * (parents and children following them), vertex indices moved to each copy's vertices, and those
   * vertices shifted by a kilometre grid.
   *
   * @param sample a CityJSON file with a transform
   * @param out the file to write
   * @param copies how many copies
   * @return the number of city objects written
   * @throws IOException if reading or writing fails
   */
  public static long replicateCityJson(Path sample, Path out, int copies) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode doc = mapper.readTree(sample.toFile());
    JsonNode transform = doc.get("transform");
    if (transform == null) {
      throw new IOException(sample + " has no transform");
    }
    double sx = transform.get("scale").get(0).asDouble();
    double sy = transform.get("scale").get(1).asDouble();
    JsonNode vertices = doc.get("vertices");
    int nv = vertices.size();
    JsonNode objects = doc.get("CityObjects");
    long written = 0;
    try (JsonGenerator g = mapper.getFactory().createGenerator(out.toFile(), JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("type", "CityJSON");
      g.writeStringField("version", doc.get("version").asText());
      g.writeFieldName("transform");
      mapper.writeTree(g, transform);
      if (doc.has("metadata")) {
        g.writeFieldName("metadata");
        mapper.writeTree(g, doc.get("metadata"));
      }
      g.writeObjectFieldStart("CityObjects");
      for (int copy = 0; copy < copies; copy++) {
        String suffix = "_c" + copy;
        int offset = copy * nv;
        for (Iterator<Map.Entry<String, JsonNode>> it = objects.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          ObjectNode o = e.getValue().deepCopy();
          for (String link : new String[] {"parents", "children"}) {
            if (o.has(link)) {
              ArrayNode renamed = mapper.createArrayNode();
              for (JsonNode id : o.get(link)) {
                renamed.add(id.asText() + suffix);
              }
              o.set(link, renamed);
            }
          }
          if (o.has("geometry")) {
            for (JsonNode geom : o.get("geometry")) {
              if (geom.has("boundaries")) {
                ((ObjectNode) geom)
                    .set("boundaries", shift(geom.get("boundaries"), offset, mapper));
              }
            }
          }
          g.writeFieldName(e.getKey() + suffix);
          mapper.writeTree(g, o);
          written++;
        }
      }
      g.writeEndObject();
      g.writeArrayFieldStart("vertices");
      for (int copy = 0; copy < copies; copy++) {
        long dx = Math.round(1000.0 * (copy % 100) / sx);
        long dy = Math.round(1000.0 * (copy / 100) / sy);
        for (JsonNode v : vertices) {
          g.writeStartArray();
          g.writeNumber(v.get(0).asLong() + dx);
          g.writeNumber(v.get(1).asLong() + dy);
          g.writeNumber(v.get(2).asLong());
          g.writeEndArray();
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return written;
  }

  private static JsonNode shift(JsonNode n, int offset, ObjectMapper mapper) {
    if (n.isArray()) {
      ArrayNode a = mapper.createArrayNode();
      for (JsonNode c : n) {
        a.add(shift(c, offset, mapper));
      }
      return a;
    }
    return n.isInt() ? mapper.getNodeFactory().numberNode(n.asInt() + offset) : n;
  }
}
