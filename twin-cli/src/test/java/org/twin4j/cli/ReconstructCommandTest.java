// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twin4j.citygml.CityFiles;
import org.twin4j.core.attribute.DoubleValue;
import org.twin4j.core.geom.Lod;
import org.twin4j.core.model.CityObject;
import org.twin4j.core.model.CityObjectType;
import org.twin4j.core.model.CitySnapshot;
import org.twin4j.mesh.building.Footprint;
import org.twin4j.tiles.FootprintFiles;
import org.twin4j.tiles.FootprintSet;

/** {@code twin demo} and {@code twin reconstruct} on the real Delft sample. */
class ReconstructCommandTest {

  @TempDir Path dir;

  private static Path data(String folder, String name) {
    return Path.of(System.getProperty("twin.data.dir", "../data"), folder, name);
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TwinCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  private static double number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), regex + " in\n" + text);
    return Double.parseDouble(m.group(1));
  }

  private static Set<String> gmlIds() throws Exception {
    return FootprintFiles.read(data("footprints", "delft_bgt_pand.geojson")).footprints().stream()
        .map(Footprint::id)
        .collect(Collectors.toSet());
  }

  @Test
  void demoWritesTheDelftModelInThreeFormatsAndPrintsItsNumbers() throws Exception {
    Path out = dir.resolve("demo");
    String[] r =
        run(
            "demo",
            "--out",
            out.toString(),
            "--no-progress",
            "--data",
            Path.of(System.getProperty("twin.data.dir", "../data")).toString());
    assertEquals("0", r[0], r[2]);
    String text = r[1];
    for (String stage :
        new String[] {"read", "noise", "ground", "terrain", "footprints", "LOD1+LOD2", "write"}) {
      assertTrue(text.contains("  " + stage + " "), stage + " in\n" + text);
    }
    assertEquals(640510 + 208432, number(text, "points: +(\\d+)"));
    assertEquals(160, number(text, "buildings: +(\\d+) reconstructed of 160"));
    assertTrue(number(text, "LOD2 valid: +([\\d.]+) %") >= 95, text);
    assertTrue(number(text, "median ([\\d.]+) m LOD2") <= 0.30, text);
    assertTrue(number(text, "kappa ([\\d.]+)") > 0.9, text);

    CitySnapshot json = CityFiles.read(out.resolve("delft.city.json")).model();
    CitySnapshot gml = CityFiles.read(out.resolve("delft.gml")).model();
    for (CitySnapshot m : new CitySnapshot[] {json, gml}) {
      assertEquals(161, m.size());
      assertEquals("EPSG:28992", m.crs().orElseThrow().epsgCode().orElse(""));
      Set<String> ids =
          m.stream()
              .filter(o -> o.type() == CityObjectType.BUILDING)
              .map(CityObject::id)
              .collect(Collectors.toSet());
      assertEquals(gmlIds(), ids);
      CityObject b = m.get(ids.iterator().next()).orElseThrow();
      assertEquals(2, b.geometries().size());
      assertEquals(1, b.geometries(Lod.LOD2).size());
      assertTrue(m.get("terrain").isPresent());
    }
    try (InputStream in = Files.newInputStream(out.resolve("delft.glb"))) {
      assertEquals(
          "glTF", new String(in.readNBytes(4), java.nio.charset.StandardCharsets.US_ASCII));
    }
    // outputs are as readable as any new file here (not owner-only temporary files)
    Path plain = Files.createFile(out.resolve("plain"));
    if (Files.getFileStore(plain).supportsFileAttributeView("posix")) {
      for (String name :
          new String[] {"delft.gml", "delft.city.json", "delft.glb", "delft_footprints.geojson"}) {
        assertEquals(
            Files.getPosixFilePermissions(plain),
            Files.getPosixFilePermissions(out.resolve(name)),
            name);
      }
    }
    FootprintSet joined = FootprintFiles.read(out.resolve("delft_footprints.geojson"));
    assertEquals(160, joined.footprints().size());
    assertTrue(joined.footprints().get(0).attributes().get("roofHeight") instanceof DoubleValue);
  }

  @Test
  void reconstructWith3dfierSettingsAndFootprintsOut() throws Exception {
    Path model = dir.resolve("lod1.city.json");
    Path joined = dir.resolve("heights.gpkg");
    String[] r =
        run(
            "reconstruct",
            data("lidar", "ahn3_cropped_1.laz").toString(),
            data("lidar", "ahn3_cropped_2.laz").toString(),
            "--footprints",
            data("footprints", "delft_bgt_pand.geojson").toString(),
            "--lod",
            "1",
            "--roof-percentile",
            "90",
            "--roof-classes",
            "0,1,6",
            "--no-terrain",
            "--no-denoise",
            "--no-progress",
            "-o",
            model.toString(),
            "--footprints-out",
            joined.toString());
    assertEquals("0", r[0], r[2]);
    CitySnapshot m = CityFiles.read(model).model();
    assertEquals(160, m.size());
    CityObject b = m.stream().findFirst().orElseThrow();
    assertEquals(new DoubleValue(90.0), b.attribute("roofPercentile"));
    assertEquals(1, b.geometries().size());
    FootprintSet back = FootprintFiles.read(joined);
    assertEquals(
        gmlIds(), back.footprints().stream().map(Footprint::id).collect(Collectors.toSet()));
    assertTrue(r[1].contains("LOD1 valid:    100.0 %"), r[1]);
    assertTrue(!r[1].contains("  noise ") && !r[1].contains("  terrain "), r[1]);
  }

  @Test
  void reconstructWithoutFootprintsExtractsThem() {
    Path model = dir.resolve("extracted.city.json");
    String[] r =
        run(
            "reconstruct",
            data("lidar", "ahn3_cropped_2.laz").toString(),
            "--no-progress",
            "-o",
            model.toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("extracted from the building points"), r[1]);
    assertTrue(r[1].contains("  noise ") && r[1].contains("  terrain "), r[1]);
    assertTrue(number(r[1], "footprints: +(\\d+)") > 5, r[1]);
    assertTrue(Files.exists(model));
  }

  @Test
  void badArgumentsAndMissingFilesAreClearErrors() throws Exception {
    Path model = dir.resolve("x.city.json");
    String laz = data("lidar", "ahn3_cropped_2.laz").toString();
    String[] lod = run("reconstruct", laz, "--lod", "3", "-o", model.toString());
    assertEquals("2", lod[0]);
    assertTrue(lod[2].contains("--lod is 1 or 2"), lod[2]);
    String[] ext = run("reconstruct", laz, "-o", dir.resolve("x.txt").toString());
    assertEquals("2", ext[0]);
    String[] cls = run("reconstruct", laz, "--roof-classes", "300", "-o", model.toString());
    assertEquals("2", cls[0]);
    assertTrue(cls[2].contains("300"), cls[2]);
    Path missing = dir.resolve("nope.gpkg");
    String[] fp =
        run("reconstruct", laz, "--footprints", missing.toString(), "-o", model.toString());
    assertEquals("1", fp[0]);
    assertTrue(fp[2].contains("nope.gpkg"), fp[2]);
    assertTrue(!fp[2].contains("\tat "), "no stack trace: " + fp[2]);
    // lon/lat footprints (GeoJSON without a crs member is CRS84) over RD points: refused
    Path lonLat = dir.resolve("lonlat.geojson");
    Files.writeString(
        lonLat,
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
            + "\"properties\":{\"id\":\"a\"},\"geometry\":{\"type\":\"Polygon\","
            + "\"coordinates\":[[[4.35,52.0],[4.36,52.0],[4.36,52.01],[4.35,52.01],[4.35,52.0]]]}}]}");
    String[] crs =
        run("reconstruct", laz, "--footprints", lonLat.toString(), "-o", model.toString());
    assertEquals("1", crs[0], crs[1]);
    assertTrue(crs[2].contains("none of the 1 footprints") && crs[2].contains("one CRS"), crs[2]);
    String[] data = run("demo", "--data", dir.toString(), "--out", dir.resolve("o").toString());
    assertEquals("1", data[0]);
    assertTrue(data[2].contains("sample file missing"), data[2]);
    assertTrue(!Files.exists(model));
  }
}
