// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.tiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.attribute.AttributeValue;
import org.twin4j.core.attribute.ListValue;
import org.twin4j.core.attribute.MapValue;
import org.twin4j.core.attribute.NullValue;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.geom.Polygon;
import org.twin4j.core.io.ReadWarning;
import org.twin4j.core.io.SourceLocation;
import org.twin4j.mesh.building.Footprint;

/**
 * Turns the raw features a format reader finds into footprints: gives each a unique id, repairs its
 * geometry and records every issue (also sent to the options' listener). Single-use, not
 * thread-safe.
 */
final class FootprintCollector {

  private final FootprintOptions options;
  private final List<Footprint> footprints = new ArrayList<>();
  private final List<FootprintIssue> issues = new ArrayList<>();
  private final Set<String> used = new HashSet<>();
  private final Map<String, Integer> nextSuffix = new HashMap<>();
  private int read;
  private int skipped;

  FootprintCollector(FootprintOptions options) {
    this.options = options;
  }

  /** Adds one feature. */
  void add(RawFeature f) {
    read++;
    String id = idOf(f);
    SourceLocation at = f.location().withObjectId(id);
    FootprintRepair.IssueSink sink =
        (kind, message, action) -> issue(new FootprintIssue(id, kind, message, action, at));
    List<double[][]> parts = f.parts();
    if (f.geometryType() == null || (parts != null && parts.isEmpty())) {
      sink.issue(
          FootprintIssue.Kind.NO_GEOMETRY,
          f.geometryType() == null
              ? "geometry is null"
              : "geometry is an empty " + f.geometryType(),
          "footprint skipped");
      skipped++;
      return;
    }
    if (parts == null) {
      sink.issue(
          FootprintIssue.Kind.UNSUPPORTED_GEOMETRY,
          "geometry is a " + f.geometryType() + ", not a Polygon or MultiPolygon",
          "footprint skipped");
      skipped++;
      return;
    }
    String notFinite = FootprintRepair.firstNotFinite(parts);
    if (notFinite != null) {
      sink.issue(FootprintIssue.Kind.NOT_FINITE, notFinite, "footprint skipped");
      skipped++;
      return;
    }
    List<double[][]> polygons = FootprintRepair.repair(parts, sink);
    if (polygons.isEmpty()) {
      skipped++;
      return;
    }
    List<String> ids = new ArrayList<>(polygons.size());
    for (int i = 0; i < polygons.size(); i++) {
      ids.add(nextId(id));
    }
    if (!ids.get(0).equals(id)) {
      sink.issue(
          FootprintIssue.Kind.DUPLICATE_ID,
          "id '" + id + "' is already used by an earlier footprint",
          "renamed to " + String.join(", ", ids));
    }
    if (parts.size() > 1) {
      sink.issue(
          FootprintIssue.Kind.MULTIPART,
          "MultiPolygon of " + parts.size() + " parts",
          polygons.size() > 1
              ? "one footprint per part: " + String.join(", ", ids)
              : "one part left: " + ids.get(0));
    }
    for (int i = 0; i < polygons.size(); i++) {
      double[][] rings = polygons.get(i);
      Polygon polygon = Polygon.ofXy(rings[0], Arrays.copyOfRange(rings, 1, rings.length));
      footprints.add(new Footprint(ids.get(i), polygon, f.attributes()));
    }
  }

  /** Sends a file-level warning (not about one footprint) to the listener. */
  void warning(String kind, String message, SourceLocation at) {
    options.listener().warning(new ReadWarning(kind, message, at));
  }

  /** Returns the result. */
  FootprintSet finish(@Nullable CrsIdentifier crs) {
    return new FootprintSet(footprints, crs, issues, read, skipped);
  }

  private String idOf(RawFeature f) {
    for (String name : options.idAttributes()) {
      AttributeValue v = f.attributes().get(name);
      if (v != null
          && !(v instanceof NullValue)
          && !(v instanceof ListValue)
          && !(v instanceof MapValue)
          && !v.asText().isBlank()) {
        return v.asText();
      }
    }
    String fid = f.featureId();
    if (fid != null && !fid.isBlank()) {
      return fid;
    }
    String id = Integer.toString(f.position());
    issue(
        new FootprintIssue(
            id,
            FootprintIssue.Kind.MISSING_ID,
            "feature "
                + f.position()
                + " has no "
                + (options.idAttributes().isEmpty()
                    ? ""
                    : String.join(" or ", options.idAttributes()) + " attribute and no ")
                + "feature id",
            "used its position " + id + " as id",
            f.location().withObjectId(id)));
    return id;
  }

  /** The next free id for a base: base, base#2, base#3, ... skipping ids already taken. */
  private String nextId(String base) {
    int k = nextSuffix.getOrDefault(base, 1);
    String candidate;
    do {
      candidate = k == 1 ? base : base + "#" + k;
      k++;
    } while (!used.add(candidate));
    nextSuffix.put(base, k);
    return candidate;
  }

  private void issue(FootprintIssue issue) {
    issues.add(issue);
    options.listener().warning(issue.toWarning());
  }
}
