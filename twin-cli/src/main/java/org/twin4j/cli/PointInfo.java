// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.io.ReadWarning;
import org.twin4j.pointcloud.ExtraDimension;
import org.twin4j.pointcloud.LasFiles;
import org.twin4j.pointcloud.LasHeader;
import org.twin4j.pointcloud.LasReadOptions;
import org.twin4j.pointcloud.LasReader;
import org.twin4j.pointcloud.PointChunk;
import org.twin4j.pointcloud.PointCloud;
import org.twin4j.pointcloud.PointDimension;
import org.twin4j.pointcloud.PointSchema;

/** {@code twin info} for LAS/LAZ files: the points streamed chunk by chunk, figures from them. */
final class PointInfo {

  private final Path file;
  private final List<ReadWarning> warnings = new ArrayList<>();
  private final long[] classes = new long[256];
  private final long[] returns = new long[16];
  private final double[] bounds = {
    Double.POSITIVE_INFINITY,
    Double.POSITIVE_INFINITY,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Double.NEGATIVE_INFINITY
  };
  private LasHeader header;
  private PointSchema schema;
  private CrsIdentifier crs;
  private long points;

  private PointInfo(Path file) {
    this.file = file;
  }

  static boolean accepts(Path file) {
    return LasFiles.isLas(file);
  }

  static void print(Path file, boolean json, PrintWriter out) throws IOException {
    PointInfo p = new PointInfo(file);
    p.read();
    if (json) {
      p.json(out);
    } else {
      p.text(out);
    }
    out.flush();
  }

  private void read() throws IOException {
    // the class and the returns are all it reports besides x, y and z: nothing else is kept, and
    // of LAS 1.4 LAZ chunks nothing else is decoded
    LasReadOptions options =
        LasReadOptions.defaults()
            .withListener(warnings::add)
            .withDimensions(PointDimension.CLASSIFICATION, PointDimension.RETURNS);
    try (LasReader r = LasFiles.openReader(file, options)) {
      header = r.header();
      schema = r.schema();
      crs = r.crs().orElse(null);
      while (r.hasNext()) {
        PointChunk c = r.next();
        for (int i = 0; i < c.size(); i++) {
          classes[c.classification(i)]++;
          returns[c.returnNumber(i)]++;
          double x = c.x(i);
          double y = c.y(i);
          double z = c.z(i);
          bounds[0] = Math.min(bounds[0], x);
          bounds[1] = Math.min(bounds[1], y);
          bounds[2] = Math.min(bounds[2], z);
          bounds[3] = Math.max(bounds[3], x);
          bounds[4] = Math.max(bounds[4], y);
          bounds[5] = Math.max(bounds[5], z);
        }
        points += c.size();
      }
    }
  }

  private String format() {
    return header.compressed() ? "LAZ" : "LAS";
  }

  private String crsText() {
    if (crs == null) {
      return null;
    }
    return crs.epsgCode().orElse(crs.wkt() != null ? crs.wkt() : crs.text());
  }

  private void text(PrintWriter out) {
    out.println("file:         " + file);
    out.println("format:       " + format() + " " + header.version());
    out.println("point format: " + schema.pointFormat() + " (" + header.recordLength() + " B)");
    out.println("points:       " + points);
    if (points > 0) {
      out.printf(Locale.ROOT, "bounds:       [%s, %s, %s, %s, %s, %s]%n", (Object[]) rounded());
    }
    String c = crsText();
    out.println(
        "crs:          "
            + (c == null ? "none" : c.length() > 100 ? c.substring(0, 100) + "..." : c));
    StringBuilder k = new StringBuilder();
    for (int i = 0; i < 256; i++) {
      if (classes[i] > 0) {
        k.append(k.length() == 0 ? "" : ", ").append(i).append(": ").append(classes[i]);
      }
    }
    out.println("classes:      " + k);
    StringBuilder ret = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (returns[i] > 0) {
        ret.append(ret.length() == 0 ? "" : ", ").append(i).append(": ").append(returns[i]);
      }
    }
    out.println("returns:      " + ret);
    out.println(
        "scale/offset: "
            + schema.scaleX()
            + " "
            + schema.scaleY()
            + " "
            + schema.scaleZ()
            + " / "
            + schema.offsetX()
            + " "
            + schema.offsetY()
            + " "
            + schema.offsetZ());
    if (!schema.extraDimensions().isEmpty()) {
      List<String> names = new ArrayList<>();
      for (ExtraDimension d : schema.extraDimensions()) {
        names.add(d.name() + " (" + d.type().name().toLowerCase(Locale.ROOT) + ")");
      }
      out.println("extra:        " + String.join(", ", names));
    }
    out.println("memory:       " + PointCloud.bytesPerPoint(schema) + " B per point in twin4j");
    for (ReadWarning w : warnings) {
      out.println("warning:      " + w.message());
    }
  }

  private String[] rounded() {
    double[] scale = {
      schema.scaleX(),
      schema.scaleY(),
      schema.scaleZ(),
      schema.scaleX(),
      schema.scaleY(),
      schema.scaleZ()
    };
    String[] s = new String[6];
    for (int i = 0; i < 6; i++) {
      int decimals = Math.max(0, (int) Math.ceil(-Math.log10(scale[i])));
      s[i] = String.format(Locale.ROOT, "%." + decimals + "f", bounds[i]);
    }
    return s;
  }

  private void json(PrintWriter out) throws IOException {
    JsonGenerator g = new JsonFactory().createGenerator(out);
    g.useDefaultPrettyPrinter();
    g.writeStartObject();
    g.writeStringField("file", file.toString());
    g.writeStringField("format", format());
    g.writeStringField("version", header.version());
    g.writeNumberField("pointFormat", schema.pointFormat());
    g.writeNumberField("points", points);
    if (points > 0) {
      g.writeArrayFieldStart("bounds");
      for (String v : rounded()) {
        g.writeNumber(v);
      }
      g.writeEndArray();
    } else {
      g.writeNullField("bounds");
    }
    String c = crsText();
    if (c == null) {
      g.writeNullField("crs");
    } else {
      g.writeStringField("crs", c);
    }
    g.writeObjectFieldStart("classes");
    for (int i = 0; i < 256; i++) {
      if (classes[i] > 0) {
        g.writeNumberField(Integer.toString(i), classes[i]);
      }
    }
    g.writeEndObject();
    g.writeObjectFieldStart("returns");
    for (int i = 0; i < 16; i++) {
      if (returns[i] > 0) {
        g.writeNumberField(Integer.toString(i), returns[i]);
      }
    }
    g.writeEndObject();
    g.writeFieldName("scale");
    g.writeArray(new double[] {schema.scaleX(), schema.scaleY(), schema.scaleZ()}, 0, 3);
    g.writeFieldName("offset");
    g.writeArray(new double[] {schema.offsetX(), schema.offsetY(), schema.offsetZ()}, 0, 3);
    g.writeArrayFieldStart("extraDimensions");
    for (ExtraDimension d : schema.extraDimensions()) {
      g.writeString(d.name());
    }
    g.writeEndArray();
    g.writeNumberField("bytesPerPoint", PointCloud.bytesPerPoint(schema));
    g.writeArrayFieldStart("warnings");
    for (ReadWarning w : warnings) {
      g.writeString(w.kind() + ": " + w.message());
    }
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
    out.println();
  }
}
