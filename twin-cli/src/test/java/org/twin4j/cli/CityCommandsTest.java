// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code twin info} and {@code twin convert} on the real sample files. */
class CityCommandsTest {

  @TempDir Path dir;

  private static Path data(String name) {
    return Path.of(System.getProperty("twin.data.dir", "../data"), "city", name);
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TwinCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  /**
   * A flat reading of the info JSON: top-level scalars as text, objects as maps, arrays as lists.
   */
  private static Map<String, Object> parse(String json) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      assertEquals(JsonToken.START_OBJECT, p.nextToken());
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_OBJECT) {
          Map<String, Long> m = new LinkedHashMap<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            p.nextToken();
            m.put(k, p.getLongValue());
          }
          out.put(name, m);
        } else if (t == JsonToken.START_ARRAY) {
          List<String> l = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            l.add(p.getText());
          }
          out.put(name, l);
        } else {
          out.put(name, t == JsonToken.VALUE_NULL ? null : p.getText());
        }
      }
      assertEquals(null, p.nextToken(), "one JSON object");
    }
    return out;
  }

  @Test
  void infoJsonOnCityJson() throws IOException {
    String[] r = run("info", "--json", data("cityjson/delft.json").toString());
    assertEquals("0", r[0], r[2]);
    Map<String, Object> j = parse(r[1]);
    assertEquals("CityJSON", j.get("format"));
    assertEquals("2.0", j.get("version"));
    assertEquals("https://www.opengis.net/def/crs/EPSG/0/7415", j.get("crs"));
    assertEquals(
        Map.of(
            "Building",
            160L,
            "Road",
            143L,
            "PlantCover",
            126L,
            "LandUse",
            81L,
            "GenericCityObject",
            54L,
            "Bridge",
            3L,
            "WaterBody",
            3L),
        j.get("objects"));
    assertEquals(j.get("objects"), j.get("topLevel"));
    assertEquals(List.of("1"), j.get("lods"));
    assertEquals("18262", j.get("vertices"));
    @SuppressWarnings("unchecked")
    List<String> bounds = (List<String>) j.get("bounds");
    assertEquals(6, bounds.size());
    assertTrue(Double.parseDouble(bounds.get(0)) < Double.parseDouble(bounds.get(3)));
  }

  @Test
  void infoJsonCountsNestedObjectsButNotBoundarySurfaces() throws IOException {
    String[] r =
        run("info", "--json", data("citygml2/Building_and_garage_LOD2-EPSG25832.gml").toString());
    assertEquals("0", r[0], r[2]);
    Map<String, Object> j = parse(r[1]);
    assertEquals("CityGML", j.get("format"));
    assertEquals("2.0", j.get("version"));
    assertEquals("urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::5783", j.get("crs"));
    assertEquals(
        Map.of("Building", 1L, "BuildingPart", 1L, "ReliefFeature", 1L, "TINRelief", 1L),
        j.get("objects"));
    assertEquals(Map.of("Building", 1L, "ReliefFeature", 1L), j.get("topLevel"));
    assertEquals(List.of("2"), j.get("lods"));
    assertTrue(Long.parseLong((String) j.get("vertices")) > 0);
  }

  @Test
  void infoJsonOnCityJsonSeqWithRefinedLods() throws IOException {
    String[] r = run("info", "--json", data("cityjson/3dbag_b2.city.jsonl").toString());
    assertEquals("0", r[0], r[2]);
    Map<String, Object> j = parse(r[1]);
    assertEquals("CityJSONSeq", j.get("format"));
    assertEquals(Map.of("Building", 2L, "BuildingPart", 2L), j.get("objects"));
    assertEquals(Map.of("Building", 2L), j.get("topLevel"));
    @SuppressWarnings("unchecked")
    List<String> lods = (List<String>) j.get("lods");
    assertTrue(lods.contains("2.2"), lods.toString());
    assertEquals(lods.stream().sorted().toList(), lods);
  }

  @Test
  void infoTextIsReadable() {
    String[] r = run("info", data("citygml1/Potsdam_LoD1.gml").toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("CityGML 1.0"), r[1]);
    assertTrue(r[1].contains("EPSG:25833+5783"), r[1]);
    assertTrue(r[1].contains("Building=97"), r[1]);
  }

  @Test
  void brokenFileIsAnErrorWithoutStackTrace() {
    String[] r = run("info", data("cityjson/invalid_json_cityjson.json").toString());
    assertEquals(Integer.toString(TwinCommand.EXIT_FAILURE), r[0]);
    assertTrue(r[2].contains("invalid_json_cityjson.json"), r[2]);
    assertTrue(r[2].contains("line 3"), r[2]);
    assertFalse(r[2].contains("\tat "), r[2]);
    String[] verbose =
        run("info", "--verbose", data("cityjson/invalid_json_cityjson.json").toString());
    assertTrue(verbose[2].contains("\tat "), "stack trace with --verbose");
  }

  @Test
  void missingFileIsAnError() {
    String[] r = run("info", dir.resolve("nope.gml").toString());
    assertEquals(Integer.toString(TwinCommand.EXIT_FAILURE), r[0]);
    assertTrue(r[2].contains("nope.gml"), r[2]);
  }

  @Test
  void convertByExtensionAndBack() throws IOException {
    Path json = dir.resolve("zurich.city.json");
    String[] r = run("convert", data("citygml3/lod2_buildings_v3.gml").toString(), json.toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("converted 100 top-level objects"), r[1]);
    String[] info = run("info", "--json", json.toString());
    Map<String, Object> j = parse(info[1]);
    assertEquals("CityJSON", j.get("format"));
    assertEquals(Map.of("Building", 100L), j.get("objects"));
    Path gml = dir.resolve("back.gml");
    r = run("convert", "--format", "citygml2", json.toString(), gml.toString());
    assertEquals("0", r[0], r[2]);
    j = parse(run("info", "--json", gml.toString())[1]);
    assertEquals("2.0", j.get("version"));
    assertEquals(Map.of("Building", 100L), j.get("objects"));
  }

  @Test
  void convertKeepsOnlyTheAskedLod() throws IOException {
    Path out = dir.resolve("lod1.city.jsonl");
    String[] r =
        run(
            "convert",
            "--lod",
            "1",
            data("citygml2/lod3_building_v2.gml").toString(),
            out.toString());
    assertEquals("0", r[0], r[2]);
    Map<String, Object> j = parse(run("info", "--json", out.toString())[1]);
    assertEquals(List.of(), j.get("lods"), "the LOD3 building has no LOD1 geometry");
    r =
        run(
            "convert",
            "--lod",
            "3",
            data("citygml2/lod3_building_v2.gml").toString(),
            out.toString());
    j = parse(run("info", "--json", out.toString())[1]);
    assertEquals(List.of("3"), j.get("lods"));
  }

  @Test
  void convertWithUnknownFormatIsAUsageError() {
    String[] r =
        run(
            "convert",
            "--format",
            "shapefile",
            data("cityjson/delft.json").toString(),
            dir.resolve("x.shp").toString());
    assertEquals(Integer.toString(TwinCommand.EXIT_USAGE), r[0]);
    assertTrue(r[2].contains("shapefile"), r[2]);
    assertFalse(Files.exists(dir.resolve("x.shp")));
  }

  @Test
  void failedConvertLeavesNoOutput() {
    Path out = dir.resolve("never.city.json");
    String[] r =
        run("convert", data("cityjson/invalid_json_cityjson.json").toString(), out.toString());
    assertEquals(Integer.toString(TwinCommand.EXIT_FAILURE), r[0]);
    assertFalse(Files.exists(out));
  }
}
