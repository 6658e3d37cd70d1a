// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.twin4j.core.geom.Polygon;
import org.twin4j.core.io.ReadWarning;
import org.twin4j.mesh.building.Footprint;

/**
 * The real footprint files in {@code data/footprints}, found through the {@code twin.data.dir}
 * property, and helpers for synthetic ones.
 */
final class FootprintData {

  static final String GEOJSON = "delft_bgt_pand.geojson";
  static final String GPKG = "delft_bgt_pand.gpkg";

  /** The number of buildings in both files (SOURCES.md). */
  static final int COUNT = 160;

  private static final GeometryFactory JTS = new GeometryFactory();

  private FootprintData() {}

  static Path file(String name) {
    String dir = System.getProperty("twin.data.dir", "../data");
    Path p = Path.of(dir, "footprints", name);
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException(
          "sample file missing: " + p.toAbsolutePath() + " (set -Dtwin.data.dir)");
    }
    return p;
  }

  /** Reads a file, collecting the listener's warnings. */
  static FootprintSet read(Path file, List<ReadWarning> warnings) throws IOException {
    return FootprintFiles.read(file, FootprintOptions.defaults().withListener(warnings::add));
  }

  static FootprintSet read(Path file) throws IOException {
    return read(file, new ArrayList<>());
  }

  /** Writes a GeoJSON FeatureCollection in EPSG:28992 around some feature texts. */
  static Path geoJson(Path dir, String name, String... features) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(
        p,
        "{\"type\": \"FeatureCollection\",\n"
            + "\"crs\": {\"type\": \"name\", \"properties\": {\"name\":"
            + " \"urn:ogc:def:crs:EPSG::28992\"}},\n"
            + "\"features\": [\n"
            + String.join(",\n", features)
            + "\n]}\n",
        StandardCharsets.UTF_8);
    return p;
  }

  /** A feature text with a gml_id and a geometry given as JSON. */
  static String feature(String id, String geometryType, String coordinates) {
    return "{\"type\": \"Feature\", \"properties\": {\"gml_id\": \""
        + id
        + "\"}, \"geometry\": {\"type\": \""
        + geometryType
        + "\", \"coordinates\": "
        + coordinates
        + "}}";
  }

  /** A footprint polygon as a JTS polygon. */
  static org.locationtech.jts.geom.Polygon toJts(Polygon p) {
    LinearRing[] rings = new LinearRing[p.ringCount()];
    for (int r = 0; r < rings.length; r++) {
      int n = p.ringSize(r);
      Coordinate[] c = new Coordinate[n + 1];
      for (int i = 0; i <= n; i++) {
        c[i] = new Coordinate(p.x(r, i % n), p.y(r, i % n));
      }
      rings[r] = JTS.createLinearRing(c);
    }
    return JTS.createPolygon(rings[0], java.util.Arrays.copyOfRange(rings, 1, rings.length));
  }

  /**
   * Asserts what every footprint a reader returns must be: valid for JTS, exterior
   * counter-clockwise, holes clockwise, no repeated consecutive vertex.
   */
  static void assertValid(Footprint f) {
    Polygon p = f.polygon();
    org.locationtech.jts.geom.Polygon jts = toJts(p);
    assertTrue(jts.isValid(), () -> f.id() + " is not valid");
    assertTrue(
        Orientation.isCCW(jts.getExteriorRing().getCoordinates()),
        () -> f.id() + " exterior is not counter-clockwise");
    for (int h = 0; h < jts.getNumInteriorRing(); h++) {
      int hole = h;
      assertTrue(
          !Orientation.isCCW(jts.getInteriorRingN(h).getCoordinates()),
          () -> f.id() + " hole " + (hole + 1) + " is not clockwise");
    }
    for (int r = 0; r < p.ringCount(); r++) {
      int n = p.ringSize(r);
      for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        int ring = r;
        int at = i;
        assertTrue(
            p.x(r, i) != p.x(r, j) || p.y(r, i) != p.y(r, j),
            () -> f.id() + " ring " + ring + " repeats vertex " + at);
      }
    }
  }

  /** Asserts two footprint lists hold the same ids, coordinates (bit for bit) and attributes. */
  static void assertSameFootprints(List<Footprint> expected, List<Footprint> actual) {
    assertEquals(expected.size(), actual.size(), "footprint count");
    for (int i = 0; i < expected.size(); i++) {
      Footprint e = expected.get(i);
      Footprint a = actual.get(i);
      assertEquals(e.id(), a.id(), "id of footprint " + i);
      assertEquals(e.polygon(), a.polygon(), "polygon of " + e.id());
      assertEquals(e.attributes(), a.attributes(), "attributes of " + e.id());
    }
  }
}
