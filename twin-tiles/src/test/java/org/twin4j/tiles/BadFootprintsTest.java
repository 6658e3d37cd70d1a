// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twin4j.tiles.FootprintData.feature;
import static org.twin4j.tiles.FootprintData.geoJson;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twin4j.core.attribute.BooleanValue;
import org.twin4j.core.attribute.DoubleValue;
import org.twin4j.core.attribute.IntegerValue;
import org.twin4j.core.attribute.ListValue;
import org.twin4j.core.attribute.MapValue;
import org.twin4j.core.attribute.NullValue;
import org.twin4j.core.attribute.StringValue;
import org.twin4j.core.io.ReadWarning;
import org.twin4j.core.io.TwinFormatException;
import org.twin4j.mesh.building.Footprint;

/** Broken and awkward GeoJSON footprints: repaired and reported per id, or a clear error. */
class BadFootprintsTest {

  private static final double AREA_TOL_M2 = 1e-9;

  /** A 10 m square, counter-clockwise, closed. */
  private static final String SQUARE = "[[[0,0],[10,0],[10,10],[0,10],[0,0]]]";

  @TempDir Path dir;

  private FootprintSet read(String... features) throws Exception {
    return FootprintData.read(geoJson(dir, "t.geojson", features));
  }

  private static FootprintIssue only(FootprintSet set, FootprintIssue.Kind kind) {
    List<FootprintIssue> found = new ArrayList<>();
    set.issues().stream().filter(i -> i.kind() == kind).forEach(found::add);
    assertEquals(1, found.size(), () -> kind + " issues: " + set.issues());
    return found.get(0);
  }

  @Test
  void read_bowtie_repairedIntoTwoTriangles() throws Exception {
    FootprintSet set = read(feature("bow", "Polygon", "[[[0,0],[10,10],[10,0],[0,10],[0,0]]]"));
    FootprintIssue issue = only(set, FootprintIssue.Kind.SELF_INTERSECTION);
    assertEquals("bow", issue.id());
    assertTrue(issue.message().contains("self-intersection at (5.0, 5.0)"), issue.message());
    assertTrue(issue.action().contains("into 2 polygons"), issue.action());
    assertEquals(List.of("bow", "bow#2"), ids(set));
    for (Footprint f : set.footprints()) {
      FootprintData.assertValid(f);
      assertEquals(25, f.polygon().area2D(), AREA_TOL_M2);
      assertEquals("bow", ((StringValue) f.attributes().get("gml_id")).value());
    }
  }

  @Test
  void read_duplicateVertices_removed() throws Exception {
    FootprintSet set =
        read(
            feature("dup", "Polygon", "[[[0,0],[10,0],[10,0],[10,10],[0,10],[0,0]]]"),
            feature("closing", "Polygon", "[[[0,0],[10,0],[10,10],[0,10],[0,0],[0,0]]]"));
    assertEquals(2, set.issueCount(FootprintIssue.Kind.DUPLICATE_VERTEX));
    assertEquals("1 repeated consecutive vertices in exterior", set.issues().get(0).message());
    assertEquals("removed", set.issues().get(0).action());
    for (Footprint f : set.footprints()) {
      assertEquals(4, f.polygon().ringSize(0));
      FootprintData.assertValid(f);
    }
    assertEquals(2, set.issues().size(), "no other issue");
  }

  @Test
  void read_clockwiseExterior_reversed() throws Exception {
    FootprintSet set = read(feature("cw", "Polygon", "[[[0,0],[0,10],[10,10],[10,0],[0,0]]]"));
    FootprintIssue issue = only(set, FootprintIssue.Kind.ORIENTATION);
    assertEquals("exterior clockwise seen from above", issue.message());
    Footprint f = set.footprints().get(0);
    assertEquals(100, f.polygon().signedArea2D(), AREA_TOL_M2);
    assertEquals(0, f.polygon().x(0, 0), "the ring still starts where it did");
    FootprintData.assertValid(f);
  }

  @Test
  void read_counterClockwiseHole_reversed() throws Exception {
    FootprintSet set =
        read(
            feature(
                "yard",
                "Polygon",
                "[[[0,0],[10,0],[10,10],[0,10],[0,0]], [[2,2],[4,2],[4,4],[2,4],[2,2]]]"));
    FootprintIssue issue = only(set, FootprintIssue.Kind.ORIENTATION);
    assertEquals("hole 1 counter-clockwise seen from above", issue.message());
    Footprint f = set.footprints().get(0);
    assertEquals(1, f.polygon().holeCount());
    assertEquals(96, f.polygon().signedArea2D(), AREA_TOL_M2);
    FootprintData.assertValid(f);
  }

  @Test
  void read_infiniteCoordinate_footprintSkipped() throws Exception {
    // JSON has no NaN; 1e999 overflows to infinity when parsed
    FootprintSet set =
        read(
            feature("inf", "Polygon", "[[[0,0],[1e999,0],[10,10],[0,10],[0,0]]]"),
            feature("fine", "Polygon", SQUARE));
    FootprintIssue issue = only(set, FootprintIssue.Kind.NOT_FINITE);
    assertEquals("inf", issue.id());
    assertEquals("exterior vertex 1 has coordinate (Infinity, 0.0)", issue.message());
    assertEquals("footprint skipped", issue.action());
    assertEquals(List.of("fine"), ids(set));
    assertEquals(2, set.read());
    assertEquals(1, set.skipped());
  }

  @Test
  void read_duplicateId_laterOneSuffixed() throws Exception {
    List<ReadWarning> warnings = new ArrayList<>();
    FootprintSet set =
        FootprintData.read(
            geoJson(
                dir,
                "t.geojson",
                feature("a", "Polygon", SQUARE),
                feature("a", "Polygon", "[[[20,0],[30,0],[30,10],[20,10],[20,0]]]"),
                feature("a", "Polygon", "[[[40,0],[50,0],[50,10],[40,10],[40,0]]]")),
            warnings);
    assertEquals(List.of("a", "a#2", "a#3"), ids(set));
    assertEquals(2, set.issueCount(FootprintIssue.Kind.DUPLICATE_ID));
    assertEquals("renamed to a#2", set.issues().get(0).action());
    assertEquals(20, set.find("a#2").orElseThrow().polygon().x(0, 0));
    assertEquals("duplicate-id", warnings.get(0).kind());
    assertEquals("a", warnings.get(0).location().objectId());
  }

  @Test
  void read_multiPolygonOfTwoParts_oneFootprintPerPart() throws Exception {
    FootprintSet set =
        read(
            feature(
                "m",
                "MultiPolygon",
                "[[[[0,0],[10,0],[10,10],[0,10],[0,0]]], [[[20,0],[30,0],[30,10],[20,10],[20,0]]]]"),
            feature("one", "MultiPolygon", "[" + SQUARE + "]"));
    FootprintIssue issue = only(set, FootprintIssue.Kind.MULTIPART);
    assertEquals("m", issue.id());
    assertEquals("MultiPolygon of 2 parts", issue.message());
    assertEquals("one footprint per part: m, m#2", issue.action());
    assertEquals(List.of("m", "m#2", "one"), ids(set));
    assertEquals(20, set.find("m#2").orElseThrow().polygon().x(0, 0));
    assertEquals(3, set.footprints().size());
    assertEquals(2, set.read());
  }

  @Test
  void read_unclosedAndDegenerateRings_closedOrDropped() throws Exception {
    FootprintSet set =
        read(
            feature("open", "Polygon", "[[[0,0],[10,0],[10,10],[0,10]]]"),
            feature("line", "Polygon", "[[[0,0],[5,0],[10,0],[0,0]]]"),
            feature("twopoints", "Polygon", "[[[0,0],[10,0],[10,0],[0,0]]]"),
            feature(
                "flathole",
                "Polygon",
                "[[[0,0],[10,0],[10,10],[0,10],[0,0]], [[2,2],[3,3],[4,4],[2,2]]]"));
    assertEquals("closed", only(set, FootprintIssue.Kind.UNCLOSED_RING).action());
    assertEquals(List.of("open", "flathole"), ids(set));
    assertEquals(3, set.issueCount(FootprintIssue.Kind.DEGENERATE));
    List<String> messages = new ArrayList<>();
    set.issues().stream()
        .filter(i -> i.kind() == FootprintIssue.Kind.DEGENERATE)
        .forEach(i -> messages.add(i.id() + ": " + i.message() + "; " + i.action()));
    assertEquals(
        List.of(
            "line: exterior has zero area (its vertices lie on one line); footprint skipped",
            "twopoints: exterior has 2 distinct vertices, fewer than 3; footprint skipped",
            "flathole: hole 1 has zero area (its vertices lie on one line); hole dropped"),
        messages);
    assertEquals(0, set.find("flathole").orElseThrow().polygon().holeCount());
    assertEquals(2, set.skipped());
  }

  @Test
  void read_holeOutsideExterior_repaired() throws Exception {
    FootprintSet set =
        read(
            feature(
                "outside",
                "Polygon",
                "[[[0,0],[10,0],[10,10],[0,10],[0,0]], [[20,20],[20,22],[22,22],[22,20],[20,20]]]"));
    FootprintIssue issue = only(set, FootprintIssue.Kind.INVALID_TOPOLOGY);
    assertTrue(issue.message().startsWith("hole lies outside shell"), issue.message());
    // the fix keeps the shell and the stray ring as separate parts, nothing lost
    assertTrue(set.footprints().size() >= 1, set.footprints().toString());
    double area = set.footprints().stream().mapToDouble(f -> f.polygon().area2D()).sum();
    assertTrue(area >= 100 - 1e-9, "area " + area);
    set.footprints().forEach(FootprintData::assertValid);
  }

  @Test
  void read_nullPointAndEmptyGeometry_skipped() throws Exception {
    FootprintSet set =
        read(
            "{\"type\": \"Feature\", \"properties\": {\"gml_id\": \"nothing\"}, \"geometry\": null}",
            feature("pt", "Point", "[1, 2]"),
            feature("empty", "Polygon", "[]"),
            feature("fine", "Polygon", SQUARE));
    assertEquals(2, set.issueCount(FootprintIssue.Kind.NO_GEOMETRY));
    assertEquals(
        "geometry is a Point, not a Polygon or MultiPolygon",
        only(set, FootprintIssue.Kind.UNSUPPORTED_GEOMETRY).message());
    assertEquals(List.of("fine"), ids(set));
    assertEquals(4, set.read());
    assertEquals(3, set.skipped());
  }

  @Test
  void read_idFallbacks_featureIdThenPosition() throws Exception {
    String geometry = "\"geometry\": {\"type\": \"Polygon\", \"coordinates\": " + SQUARE + "}";
    FootprintSet set =
        read(
            "{\"type\": \"Feature\", \"id\": 17, \"properties\": {\"id\": \"own\"}, "
                + geometry
                + "}",
            "{\"type\": \"Feature\", \"id\": 18, \"properties\": {}, " + geometry + "}",
            "{\"type\": \"Feature\", \"properties\": null, " + geometry + "}");
    assertEquals(List.of("own", "18", "3"), ids(set));
    assertEquals("used its position 3 as id", only(set, FootprintIssue.Kind.MISSING_ID).action());
  }

  @Test
  void read_propertyTypes_keptNullsLeftOut() throws Exception {
    FootprintSet set =
        read(
            "{\"type\": \"Feature\", \"properties\": {\"gml_id\": \"p\", \"i\": 5, \"d\": 2.50,"
                + " \"b\": true, \"n\": null, \"big\": 123456789012345678901234567890,"
                + " \"list\": [1, \"x\", null], \"map\": {\"k\": false, \"z\": null}},"
                + " \"geometry\": {\"type\": \"Polygon\", \"coordinates\": "
                + SQUARE
                + "}}");
    var a = set.footprints().get(0).attributes();
    assertEquals(new IntegerValue(5), a.get("i"));
    assertEquals(new DoubleValue(2.5), a.get("d"));
    assertSame(BooleanValue.TRUE, a.get("b"));
    assertFalse(a.containsKey("n"));
    assertEquals(new StringValue("123456789012345678901234567890"), a.get("big"));
    assertEquals(
        new ListValue(List.of(new IntegerValue(1), new StringValue("x"), NullValue.INSTANCE)),
        a.get("list"));
    assertEquals(BooleanValue.FALSE, ((MapValue) a.get("map")).values().get("k"));
    assertEquals(NullValue.INSTANCE, ((MapValue) a.get("map")).values().get("z"));
  }

  @Test
  void read_noCrsMember_isCrs84() throws Exception {
    Path p = dir.resolve("wgs84.geojson");
    Files.writeString(
        p,
        "{\"type\": \"FeatureCollection\", \"features\": ["
            + feature("w", "Polygon", "[[[4.35,52.0],[4.36,52.0],[4.36,52.01],[4.35,52.0]]]")
            + "]}");
    FootprintSet set = FootprintData.read(p);
    assertSame(FootprintFiles.CRS84, set.crs().orElseThrow());
    assertTrue(set.crs().orElseThrow().isGeographic());
  }

  @Test
  void read_unknownCrs_warnedAndEmpty() throws Exception {
    Path p = dir.resolve("odd.geojson");
    Files.writeString(
        p,
        "{\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", \"properties\":"
            + " {\"name\": \"urn:x:local\"}}, \"features\": []}");
    List<ReadWarning> warnings = new ArrayList<>();
    FootprintSet set = FootprintData.read(p, warnings);
    assertTrue(set.crs().isEmpty());
    assertEquals("unknown CRS", warnings.get(0).kind());
    assertTrue(warnings.get(0).message().contains("urn:x:local"), warnings.get(0).message());
  }

  @Test
  void read_truncatedJson_namesFileAndLine() throws Exception {
    byte[] all = Files.readAllBytes(FootprintData.file(FootprintData.GEOJSON));
    Path p = dir.resolve("cut.geojson");
    Files.write(p, Arrays.copyOf(all, 40_000));
    TwinFormatException e = assertThrows(TwinFormatException.class, () -> FootprintData.read(p));
    long lines = new String(all, 0, 40_000, StandardCharsets.UTF_8).lines().count();
    assertEquals(lines, e.location().line(), e.getMessage());
    assertTrue(e.getMessage().startsWith(p + ", line " + lines + ", column "), e.getMessage());
    assertTrue(e.getMessage().contains("not valid JSON: Unexpected end-of-input"), e.getMessage());
  }

  @Test
  void read_brokenJson_namesLineAndColumn() throws Exception {
    Path p = dir.resolve("broken.geojson");
    Files.writeString(
        p, "{\"type\": \"FeatureCollection\",\n \"features\": [\n  {\"type\" \"Feature\"}]}");
    TwinFormatException e = assertThrows(TwinFormatException.class, () -> FootprintData.read(p));
    assertEquals(3, e.location().line(), e.getMessage());
    assertEquals(11, e.location().column(), e.getMessage());
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
  }

  @Test
  void read_featureWithoutGeometryMember_fails() throws Exception {
    Path p =
        geoJson(dir, "t.geojson", "{\"type\": \"Feature\", \"id\": \"g\", \"properties\": {}}");
    TwinFormatException e = assertThrows(TwinFormatException.class, () -> FootprintData.read(p));
    assertEquals(4, e.location().line());
    assertTrue(
        e.getMessage().contains("feature 1 (id 'g') has no 'geometry' member"), e.getMessage());
  }

  @Test
  void read_malformedStructure_fails() throws Exception {
    String[][] cases = {
      {"[]", "expected a GeoJSON FeatureCollection object, found an array"},
      {"", "the file is empty"},
      {"{\"type\": \"Feature\"}", "found type 'Feature'"},
      {"{\"type\": \"FeatureCollection\"}", "has no 'features' array"},
      {"{\"type\": \"FeatureCollection\", \"features\": [1]}", "feature 1 is not a JSON object"},
      {
        "{\"type\": \"FeatureCollection\", \"features\": ["
            + feature("x", "Polygon", "[[[0,0],[1,\"a\"]]]")
            + "]}",
        "a position must hold only numbers"
      },
      {
        "{\"type\": \"FeatureCollection\", \"features\": ["
            + feature("x", "Polygon", "[[0, 0]]")
            + "]}",
        "a Polygon ring must be an array of arrays, found a position"
      },
      {
        "{\"type\": \"FeatureCollection\", \"features\": [" + feature("x", "Circle", "[]") + "]}",
        "unknown geometry type 'Circle'"
      },
      {"{\"type\": \"FeatureCollection\", \"features\": []} {}", "after the FeatureCollection"},
    };
    for (String[] c : cases) {
      Path p = dir.resolve("bad.json");
      Files.writeString(p, c[0]);
      TwinFormatException e = assertThrows(TwinFormatException.class, () -> FootprintData.read(p));
      assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
      assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
    }
  }

  @Test
  void read_notAGeoPackage_clearError() throws Exception {
    Path p = dir.resolve("fake.gpkg");
    Files.writeString(p, "this is text, not SQLite");
    TwinFormatException e = assertThrows(TwinFormatException.class, () -> FootprintData.read(p));
    assertEquals(
        p
            + ": not a GeoPackage: the file is not an SQLite database (it does not start with"
            + " 'SQLite format 3')",
        e.getMessage());
  }

  @Test
  void read_unknownFormat_clearError() throws Exception {
    Path p = dir.resolve("notes.txt");
    Files.writeString(p, "hello");
    TwinFormatException e = assertThrows(TwinFormatException.class, () -> FootprintData.read(p));
    assertTrue(e.getMessage().contains("neither GeoJSON"), e.getMessage());
  }

  @Test
  void read_geoJsonContentWithOtherExtension_detected() throws Exception {
    Path json = geoJson(dir, "t.geojson", feature("x", "Polygon", SQUARE));
    Path p = Files.copy(json, dir.resolve("footprints.dat"));
    assertEquals(List.of("x"), ids(FootprintData.read(p)));
  }

  static List<String> ids(FootprintSet set) {
    List<String> ids = new ArrayList<>();
    set.footprints().forEach(f -> ids.add(f.id()));
    return ids;
  }
}
