// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twin4j.core.io.ReadWarning;
import org.twin4j.core.io.TwinFormatException;
import org.twin4j.core.io.WarningListener;
import org.twin4j.core.model.CityObject;
import org.twin4j.core.model.CitySnapshot;

/**
 * Broken input gives a {@link TwinFormatException} naming the file and the place, or, where the
 * rest is readable, a warning and a counted skip. Uses the broken files of the sample set and
 * damaged copies of the good ones.
 */
class BadInputTest {

  @TempDir Path dir;

  private final List<ReadWarning> warnings = new ArrayList<>();
  private final ReadOptions collect = new ReadOptions(warnings::add);

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private static String read(String name) throws IOException {
    return Files.readString(CityData.file(name), StandardCharsets.UTF_8);
  }

  @Test
  void malformedJsonNamesFileLineAndColumn() {
    Path file = CityData.file("cityjson/invalid_json_cityjson.json");
    TwinFormatException e =
        assertThrows(TwinFormatException.class, () -> CityFiles.read(file, collect));
    assertEquals(file.toString(), e.location().source());
    assertEquals(3, e.location().line(), e.getMessage());
    // the object that should follow "CityObjects": starts with the string "id-1" (column 5 to 11)
    assertTrue(e.location().column() >= 5 && e.location().column() <= 11, e.getMessage());
    assertTrue(e.getMessage().contains("\"id-1\""), e.getMessage());
    assertTrue(e.getMessage().contains("invalid_json_cityjson.json"), e.getMessage());
    assertTrue(e.getMessage().toLowerCase().contains("malformed"), e.getMessage());
  }

  @Test
  void truncatedXmlFailsAtItsEndAfterTheObjectsBeforeIt() throws IOException {
    String gml = read("citygml3/lod2_buildings_v3.gml");
    Path file = write("truncated.gml", gml.substring(0, gml.length() / 2));
    long lines = gml.substring(0, gml.length() / 2).lines().count();
    List<String> seen = new ArrayList<>();
    TwinFormatException e =
        assertThrows(
            TwinFormatException.class,
            () -> {
              try (CityReader r = CityFiles.openReader(file, collect)) {
                while (r.hasNext()) {
                  seen.add(r.next().id());
                }
              }
            });
    assertTrue(seen.size() > 10 && seen.size() < 100, "objects before the cut: " + seen.size());
    assertEquals(file.toString(), e.location().source());
    assertTrue(
        e.location().line() >= lines - 1, "error at line " + e.location().line() + " of " + lines);
    assertTrue(e.getMessage().contains("truncated.gml"), e.getMessage());
  }

  @Test
  void notXmlAtAllIsAFormatError() throws IOException {
    Path file =
        write(
            "garbage.gml", "<CityModel><cityObjectMember><bldg:Building gml:id=\"x\"></CityModel>");
    TwinFormatException e =
        assertThrows(TwinFormatException.class, () -> CityFiles.read(file, collect));
    assertTrue(e.location().line() >= 1, e.getMessage());
  }

  @Test
  void emptyFilesAreFormatErrors() throws IOException {
    for (String name : List.of("empty.json", "empty.gml", "blank.city.jsonl")) {
      Path file = write(name, name.startsWith("blank") ? "  \n\n" : "");
      TwinFormatException e =
          assertThrows(TwinFormatException.class, () -> CityFiles.read(file, collect), name);
      assertTrue(e.getMessage().contains(name), e.getMessage());
      assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }
  }

  @Test
  void unknownFormatIsAFormatError() throws IOException {
    Path file = write("points.json", "{\"type\": \"FeatureCollection\", \"features\": []}");
    TwinFormatException e =
        assertThrows(TwinFormatException.class, () -> CityFiles.read(file, collect));
    assertTrue(e.getMessage().contains("FeatureCollection"), e.getMessage());
  }

  @Test
  void vertexIndexOutOfRangeSkipsThatObjectOnly() throws IOException {
    String json = read("cityjson/LOD2_Buildings.json");
    // the first boundary index of the first object points far past the vertex list
    int at = json.indexOf("\"boundaries\"");
    int open = json.indexOf("[[[", at);
    int end = json.indexOf(",", open);
    String damaged = json.substring(0, open + 3) + "99999999" + json.substring(end);
    Path file = write("bad-index.json", damaged);
    ReadResult r = CityFiles.read(file, collect);
    assertEquals(99, r.model().size());
    assertEquals(1, r.report().count("skipped object"), r.report().toString());
    ReadWarning w =
        warnings.stream().filter(x -> x.kind().equals("skipped object")).findFirst().orElseThrow();
    assertTrue(w.message().contains("99999999"), w.message());
    assertTrue(w.location().objectId() != null, w.toString());
    assertFalse(r.model().get(w.location().objectId()).isPresent());
  }

  @Test
  void missingBoundariesSkipTheObjectWithAWarning() throws IOException {
    String json = read("cityjson/LOD2_Buildings.json");
    int at = json.indexOf("\"boundaries\"");
    String damaged =
        json.substring(0, at) + "\"boundarie\"" + json.substring(at + "\"boundaries\"".length());
    Path file = write("no-boundaries.json", damaged);
    ReadResult r = CityFiles.read(file, collect);
    assertEquals(99, r.model().size());
    assertEquals(1, r.report().count("skipped object"), r.report().toString());
    ReadWarning w =
        warnings.stream().filter(x -> x.kind().equals("skipped object")).findFirst().orElseThrow();
    assertTrue(w.message().contains("boundaries"), w.message());
  }

  @Test
  void unknownCrsIsAWarningAndNoCrs() throws IOException {
    String json =
        read("cityjson/delft.json")
            .replace("https://www.opengis.net/def/crs/EPSG/0/7415", "urn:x-made-up:crs:42");
    Path file = write("unknown-crs.json", json);
    ReadResult r = CityFiles.read(file, collect);
    assertEquals(570, r.model().size());
    assertEquals(1, r.report().count("unknown CRS"), r.report().toString());
    assertFalse(r.model().crs().isPresent());
    assertEquals("urn:x-made-up:crs:42", r.info().crsText());
  }

  @Test
  void schemaInvalidCityGmlIsReportedWithLineWhenValidating() throws IOException {
    Path file = CityData.file("citygml3/invalid_building_v3.gml");
    ReadResult plain = CityFiles.read(file, collect);
    assertEquals(0, plain.report().count("schema-invalid"));
    warnings.clear();
    ReadResult checked = CityFiles.read(file, collect.withValidation(true));
    assertTrue(checked.report().count("schema-invalid") >= 1, checked.report().toString());
    // the status value "unknown" is not in the enumeration; the id is no NCName either
    ReadWarning w =
        warnings.stream()
            .filter(x -> x.kind().equals("schema-invalid") && x.message().contains("'unknown'"))
            .findFirst()
            .orElseThrow();
    assertTrue(w.location().line() > 1, w.toString());
    assertEquals(1, checked.model().size(), "the building is still read");
  }

  @Test
  void validSamplesPassValidation() throws IOException {
    for (String name :
        List.of(
            "citygml2/Building_and_garage_LOD2-EPSG25832.gml", "citygml3/lod2_buildings_v3.gml")) {
      ReadResult r = CityFiles.read(CityData.file(name), collect.withValidation(true));
      assertEquals(0, r.report().count("schema-invalid"), name + ": " + warnings);
    }
  }

  @Test
  void ourCityGmlOutputIsSchemaValid(@TempDir Path out) throws IOException {
    for (String name :
        List.of("citygml2/lod3_building_v2.gml", "cityjson/zurich_subset_lod2.json")) {
      CitySnapshot model = CityFiles.read(CityData.file(name), collect).model();
      for (String version : List.of("2.0", "3.0")) {
        Path file = out.resolve(version + "-" + Path.of(name).getFileName() + ".gml");
        CityFiles.write(
            model,
            file,
            WriteOptions.of(CityFormat.CITYGML)
                .withVersion(version)
                .withListener(WarningListener.silent()));
        warnings.clear();
        ReadResult r = CityFiles.read(file, collect.withValidation(true));
        assertEquals(
            0, r.report().count("schema-invalid"), name + " as " + version + ": " + warnings);
      }
    }
  }

  @Test
  void aFailedWriteLeavesNoFileAndKeepsTheOldOne() throws IOException {
    Path target = write("kept.json", "old content");
    CitySnapshot model = CityFiles.read(CityData.file("cityjson/delft.json"), collect).model();
    CityWriter w =
        CityFiles.openWriter(
            target,
            WriteOptions.of(CityFormat.CITYJSON),
            CityFiles.read(CityData.file("cityjson/delft.json"), collect).info());
    int n = 0;
    for (CityObject o : (Iterable<CityObject>) model.stream()::iterator) {
      w.write(o);
      if (++n == 100) {
        break;
      }
    }
    w.abort();
    assertEquals("old content", Files.readString(target));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left");
    }
  }

  @Test
  void unknownElementsAreCountedNotDroppedSilently() throws IOException {
    String gml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<core:CityModel xmlns:core=\"http://www.opengis.net/citygml/2.0\""
            + " xmlns:bldg=\"http://www.opengis.net/citygml/building/2.0\""
            + " xmlns:gml=\"http://www.opengis.net/gml\" xmlns:x=\"urn:example:ade\">\n"
            + " <core:cityObjectMember>\n"
            + "  <bldg:Building gml:id=\"b1\">\n"
            + "   <x:energyClass>B</x:energyClass>\n"
            + "   <bldg:measuredHeight uom=\"m\">9.5</bldg:measuredHeight>\n"
            + "  </bldg:Building>\n"
            + " </core:cityObjectMember>\n"
            + " <core:cityObjectMember>\n"
            + "  <x:SolarPanel gml:id=\"p1\"><x:peak>4.2</x:peak></x:SolarPanel>\n"
            + " </core:cityObjectMember>\n"
            + "</core:CityModel>\n";
    Path file = write("ade.gml", gml);
    ReadResult r = CityFiles.read(file, collect);
    assertEquals(1, r.model().size());
    CityObject b = r.model().get("b1").orElseThrow();
    assertEquals(9.5, b.attribute("measuredHeight").asDouble());
    long unknown =
        r.report().counts().entrySet().stream()
            .filter(e -> e.getKey().startsWith("dropped") || e.getKey().startsWith("skipped"))
            .mapToLong(java.util.Map.Entry::getValue)
            .sum();
    assertTrue(unknown >= 2, "the ADE property and the ADE feature are counted: " + r.report());
    assertTrue(
        warnings.stream().anyMatch(w -> w.message().contains("energyClass")), warnings.toString());
  }
}
