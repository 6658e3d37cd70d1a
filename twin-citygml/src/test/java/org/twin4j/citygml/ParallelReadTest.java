// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twin4j.core.io.ReadWarning;
import org.twin4j.core.io.TwinFormatException;
import org.twin4j.core.model.CityObject;

/** CityGML parsed on a second thread gives what parsing on the caller's thread gives. */
class ParallelReadTest {

  private static final List<String> GML =
      List.of(
          "citygml1/berlin_open_data_sample_data.citygml",
          "citygml1/Potsdam_LoD1.gml",
          "citygml2/Building_and_garage_LOD2-EPSG25832.gml",
          "citygml2/lod3_building_v2.gml",
          "citygml3/lod2_buildings_v3.gml",
          "citygml3/invalid_building_v3.gml");

  @TempDir static Path tmp;

  /**
   * A file over the 16 MB from which the parser gets its own thread: the CityGML 3.0 sample's
   * members repeated with prefixed ids (coordinates unchanged).
   */
  private static Path large() throws IOException {
    Path file = tmp.resolve("large.gml");
    if (Files.exists(file)) {
      return file;
    }
    String gml = Files.readString(CityData.file("citygml3/lod2_buildings_v3.gml"));
    int start = gml.indexOf("<cityObjectMember");
    int end = gml.lastIndexOf("</cityObjectMember>") + "</cityObjectMember>".length();
    String members = gml.substring(start, end);
    StringBuilder sb = new StringBuilder(gml.substring(0, start));
    for (int k = 0; sb.length() < 17 << 20; k++) {
      sb.append(
          members
              .replace("gml:id=\"", "gml:id=\"c" + k + "_")
              .replace("xlink:href=\"#", "xlink:href=\"#c" + k + "_"));
    }
    sb.append(gml.substring(end));
    Files.writeString(file, sb);
    return file;
  }

  @Test
  void sameObjectsOrderAndWarnings() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String name : GML) {
      files.add(CityData.file(name));
    }
    files.add(large());
    for (Path name : files) {
      List<ReadWarning> w1 = new ArrayList<>();
      List<ReadWarning> w2 = new ArrayList<>();
      List<String> order1 = new ArrayList<>();
      List<String> order2 = new ArrayList<>();
      ReadResult seq = CityFiles.read(name, new ReadOptions(w1::add, false, false));
      ReadResult par = CityFiles.read(name, new ReadOptions(w2::add, false, true));
      seq.model().stream().forEach(o -> order1.add(o.id()));
      par.model().stream().forEach(o -> order2.add(o.id()));
      assertEquals(order1, order2, name.toString());
      assertEquals(
          List.of(),
          ModelDiff.compare(seq.model(), par.model(), new ModelDiff.Loss(false, false, false, 0)),
          name.toString());
      assertEquals(w1, w2, name.toString());
      assertEquals(seq.info(), par.info(), name.toString());
    }
  }

  @Test
  void closingEarlyStopsTheParserThread() throws Exception {
    for (int i = 0; i < 10; i++) {
      try (CityReader r = CityFiles.openReader(large(), new ReadOptions(w -> {}, false, true))) {
        CityObject first = r.next();
        assertFalse(first.id().isEmpty());
        assertTrue(
            Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("twin-citygml")),
            "the parser has its thread");
      }
    }
    Thread.sleep(200);
    boolean alive =
        Thread.getAllStackTraces().keySet().stream()
            .anyMatch(t -> t.getName().startsWith("twin-citygml") && t.isAlive());
    assertFalse(alive, "a parser thread outlived its reader");
  }

  @Test
  void errorsComeThroughTheQueueWithTheirPlace(@TempDir Path dir) throws IOException {
    String gml = Files.readString(large());
    Path cut = dir.resolve("cut.gml");
    Files.writeString(
        cut, gml.substring(0, gml.length() - 5000)); // still above 16 MB: the parser thread fails
    for (boolean parallel : new boolean[] {false, true}) {
      TwinFormatException e =
          assertThrows(
              TwinFormatException.class,
              () -> CityFiles.read(cut, new ReadOptions(w -> {}, false, parallel)));
      assertTrue(e.location().line() > 1, e.getMessage());
    }
  }
}
