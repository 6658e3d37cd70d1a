// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.twin4j.citygml.CityFiles;
import org.twin4j.citygml.CityReader;
import org.twin4j.citygml.ConversionReport;
import org.twin4j.citygml.DocumentInfo;
import org.twin4j.citygml.ReadOptions;
import org.twin4j.core.geom.Bounds3D;
import org.twin4j.core.geom.Geometry;
import org.twin4j.core.geom.Lod;
import org.twin4j.core.io.WarningListener;
import org.twin4j.core.model.CityObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code twin info FILE}: what a city model file holds, read one top-level object at a time so that
 * files larger than the heap can be described.
 */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {
      "Describe a CityGML (1.0, 2.0, 3.0), CityJSON (1.0, 1.1, 2.0) or CityJSONSeq file:",
      "format, version, CRS, objects by type (nested ones included), top-level objects, LODs,",
      "vertices and bounds. The file is streamed; its format is detected from its content.",
      "For a LAS or LAZ file (by extension): version, point format, points, bounds, CRS,",
      "classes and returns counted from the points, and the header's disagreements."
    })
final class InfoCommand implements Callable<Integer> {

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The file to describe.")
  private Path file;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  private boolean json;

  @Option(
      names = "--validate",
      description = "Also validate CityGML against its XML schemas (reads the file twice).")
  private boolean validate;

  /** Figures gathered while streaming. */
  private static final class Figures {
    final Map<String, Long> objects = new TreeMap<>();
    final Map<String, Long> topLevel = new TreeMap<>();
    final TreeSet<Lod> lods = new TreeSet<>();
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double minZ = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    double maxZ = Double.NEGATIVE_INFINITY;

    void add(CityObject o) {
      if (!o.type().isBoundarySurface()) {
        objects.merge(o.type().name(), 1L, Long::sum);
      }
      for (Geometry g : o.geometries()) {
        lods.add(g.lod());
        Bounds3D b = g.bounds();
        minX = Math.min(minX, b.minX());
        minY = Math.min(minY, b.minY());
        minZ = Math.min(minZ, b.minZ());
        maxX = Math.max(maxX, b.maxX());
        maxY = Math.max(maxY, b.maxY());
        maxZ = Math.max(maxZ, b.maxZ());
      }
      for (CityObject c : o.children()) {
        add(c);
      }
    }

    boolean hasBounds() {
      return minX <= maxX;
    }
  }

  @Override
  public Integer call() throws IOException {
    if (PointInfo.accepts(file)) {
      PointInfo.print(file, json, spec.commandLine().getOut());
      return 0;
    }
    ReadOptions options = new ReadOptions(WarningListener.silent(), validate);
    Figures f = new Figures();
    DocumentInfo info;
    ConversionReport report;
    long vertices;
    try (CityReader r = CityFiles.openReader(file, options)) {
      while (r.hasNext()) {
        CityObject o = r.next();
        f.topLevel.merge(o.type().name(), 1L, Long::sum);
        f.add(o);
      }
      info = r.info();
      report = r.report();
      vertices = r.vertexCount();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      json(out, info, f, vertices, report);
    } else {
      text(out, info, f, vertices, report);
    }
    out.flush();
    return 0;
  }

  private void text(
      PrintWriter out, DocumentInfo info, Figures f, long vertices, ConversionReport report) {
    out.println("file:      " + file);
    out.println("format:    " + info.format().displayName() + " " + info.version());
    String crs = info.crsText() == null ? "none" : info.crsText();
    if (info.crs() != null && info.crs().epsgCode().isPresent()) {
      crs += " (" + info.crs().epsgCode().get() + ")";
    }
    out.println("crs:       " + crs);
    out.println("objects:   " + total(f.objects) + " " + f.objects);
    out.println("top level: " + total(f.topLevel) + " " + f.topLevel);
    out.println("lods:      " + f.lods);
    out.println("vertices:  " + vertices);
    if (f.hasBounds()) {
      out.printf(
          Locale.ROOT,
          "bounds:    [%.3f, %.3f, %.3f, %.3f, %.3f, %.3f]%n",
          f.minX,
          f.minY,
          f.minZ,
          f.maxX,
          f.maxY,
          f.maxZ);
    }
    if (!report.isEmpty()) {
      out.println("warnings:  " + report.counts());
    }
  }

  private static long total(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  private void json(
      PrintWriter out, DocumentInfo info, Figures f, long vertices, ConversionReport report)
      throws IOException {
    JsonGenerator g = new JsonFactory().createGenerator(out);
    g.useDefaultPrettyPrinter();
    g.writeStartObject();
    g.writeStringField("file", file.toString());
    g.writeStringField("format", info.format().displayName());
    g.writeStringField("version", info.version());
    if (info.crsText() == null) {
      g.writeNullField("crs");
    } else {
      g.writeStringField("crs", info.crsText());
    }
    if (info.crs() != null && info.crs().epsgCode().isPresent()) {
      g.writeStringField("epsg", info.crs().epsgCode().get());
    }
    counts(g, "objects", f.objects);
    counts(g, "topLevel", f.topLevel);
    g.writeArrayFieldStart("lods");
    for (Lod l : f.lods) {
      g.writeString(l.toString());
    }
    g.writeEndArray();
    g.writeNumberField("vertices", vertices);
    if (f.hasBounds()) {
      g.writeArrayFieldStart("bounds");
      for (double v : new double[] {f.minX, f.minY, f.minZ, f.maxX, f.maxY, f.maxZ}) {
        g.writeNumber(v);
      }
      g.writeEndArray();
    } else {
      g.writeNullField("bounds");
    }
    counts(g, "warnings", report.counts());
    g.writeEndObject();
    g.flush();
    out.println();
  }

  private static void counts(JsonGenerator g, String name, Map<String, Long> counts)
      throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }
}
