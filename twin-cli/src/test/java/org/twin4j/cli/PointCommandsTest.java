// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code twin info}, {@code twin ground} and {@code twin convert} on the real LiDAR files. */
class PointCommandsTest {

  @TempDir Path dir;

  private static Path data(String name) {
    return Path.of(System.getProperty("twin.data.dir", "../data"), "lidar", name);
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TwinCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  private static JsonNode info(Path file) throws Exception {
    String[] r = run("info", "--json", file.toString());
    assertEquals("0", r[0], r[2]);
    return new ObjectMapper().readTree(r[1]);
  }

  private static Map<String, Long> classes(JsonNode j) {
    Map<String, Long> m = new LinkedHashMap<>();
    j.get("classes").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
    return m;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "autzen_trim.laz; LAZ; 1.2; 3; 110000; 636001.76 848935.20 406.26 637179.22 849497.90"
            + " 520.51; PROJCS[; 1=83893 2=26107",
        "ahn3_cropped_1.laz; LAZ; 1.2; 1; 640510; 84808.300 447412.800 -0.568 84999.999 447641.299"
            + " 19.398; ; 1=196137 2=195988 6=246753 9=267 26=1365",
        "file_with_both_wkt_and_geotiff_vlrs.las; LAS; 1.4; 6; 25408; 2445180 604300 1352.7"
            + " 2445239.99 604339.98 1403.96; PROJCS[\"NAD83_2011_Nebraska_ft\"; 2=9808 3=158"
            + " 4=724 5=10956 6=3737 7=25",
        "las_with_several_extra_byte_bloc.laz; LAZ; 1.4; 8; 697721; 484649.36 6632629.73 99.65"
            + " 484999.99 6632999.99 120.42; EPSG:2154; 1=3262 2=683023 3=960 4=873 5=9003 6=590"
            + " 65=10",
        "warsaw_small.las; LAS; 1.2; 3; 3000; 639913.26 485143.14 84.70 639946.75 485175.91"
            + " 104.55; ; 0=433 2=1381 3=257 4=27 5=902"
      })
  void infoJson_keysFromThePoints(
      String name,
      String format,
      String version,
      int pointFormat,
      long points,
      String bounds,
      String crs,
      String classes)
      throws Exception {
    JsonNode j = info(data(name));
    assertEquals(format, j.get("format").asText());
    assertEquals(version, j.get("version").asText());
    assertEquals(pointFormat, j.get("pointFormat").asInt());
    assertEquals(points, j.get("points").asLong());
    double[] expected =
        Arrays.stream(bounds.trim().split(" +")).mapToDouble(Double::parseDouble).toArray();
    for (int i = 0; i < 6; i++) {
      assertEquals(expected[i], j.get("bounds").get(i).asDouble(), 1e-6, "bounds " + i);
    }
    if (crs == null) {
      assertTrue(j.get("crs").isNull(), j.get("crs").toString());
    } else {
      assertTrue(j.get("crs").asText().startsWith(crs), j.get("crs").asText());
    }
    Map<String, Long> k = new LinkedHashMap<>();
    for (String kv : classes.trim().split(" ")) {
      String[] p = kv.split("=");
      k.put(p[0], Long.parseLong(p[1]));
    }
    assertEquals(k, classes(j));
  }

  @Test
  void ground_writesClassesKeepsCountAndPrintsThem() throws Exception {
    Path out = dir.resolve("ground.las");
    String[] r =
        run("ground", data("ahn3_cropped_2.laz").toString(), "-o", out.toString(), "--score");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("classes: 1: "), r[1]);
    assertTrue(r[1].contains("kappa 0.98"), r[1]);
    JsonNode j = info(out);
    assertEquals(208_432, j.get("points").asLong());
    Map<String, Long> k = classes(j);
    assertEquals(2, k.size(), k.toString());
    assertEquals(208_432, k.get("1") + k.get("2"));
    assertTrue(r[1].contains("2: " + k.get("2")), r[1]);
  }

  @Test
  void convert_lazToLasAndArrowAndBack_samePoints() throws Exception {
    Path las = dir.resolve("autzen.las");
    String[] r = run("convert", data("autzen_trim.laz").toString(), las.toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("converted 110000 points"), r[1]);
    Path arrow = dir.resolve("autzen.arrow");
    assertEquals("0", run("convert", las.toString(), arrow.toString())[0]);
    Path back = dir.resolve("back.las");
    assertEquals("0", run("convert", arrow.toString(), back.toString(), "--las-version", "1.2")[0]);
    JsonNode a = info(data("autzen_trim.las"));
    JsonNode b = info(back);
    assertEquals(a.get("bounds"), b.get("bounds"));
    assertEquals(a.get("classes"), b.get("classes"));
    assertEquals(a.get("returns"), b.get("returns"));
    assertEquals("1.2", b.get("version").asText());
  }

  @Test
  void info_truncatedLaz_errorWithoutStackTraceAndNonZeroExit() throws Exception {
    byte[] all = Files.readAllBytes(data("autzen_trim.laz"));
    Path cut = dir.resolve("cut.laz");
    Files.write(cut, Arrays.copyOf(all, 100_000));
    String[] r = run("info", cut.toString());
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("cut.laz"), r[2]);
    assertTrue(r[2].contains("corrupt or truncated"), r[2]);
    assertFalse(r[2].contains("\tat "), "no stack trace: " + r[2]);
  }

  @Test
  void dtm_writesTinAndGridsAndPrintsTheCounts() throws Exception {
    Path glb = dir.resolve("t.glb");
    Path asc = dir.resolve("dtm.asc");
    String[] r =
        run(
            "dtm",
            data("ahn3_cropped_2.laz").toString(),
            "-o",
            glb.toString(),
            "--max-error",
            "0.2",
            "--raster",
            asc.toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("ground points: 87130, from class 2 in the file"), r[1]);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("max error measured ([0-9.]+)").matcher(r[1]);
    assertTrue(m.find(), r[1]);
    assertTrue(Double.parseDouble(m.group(1)) <= 0.2, r[1]);
    byte[] head = Arrays.copyOf(Files.readAllBytes(glb), 4);
    assertEquals("glTF", new String(head, java.nio.charset.StandardCharsets.US_ASCII));
    assertTrue(Files.readAllLines(asc).get(0).startsWith("ncols "));
  }

  @Test
  void dtm_geoTiffGrids_floatRastersAndTheMissingCrsSaid() throws Exception {
    Path tif = dir.resolve("dtm.tif");
    Path dsmTif = dir.resolve("dsm.tif");
    String[] r =
        run(
            "dtm",
            data("ahn3_cropped_2.laz").toString(),
            "-o",
            dir.resolve("t.ply").toString(),
            "--raster",
            tif.toString(),
            "--dsm",
            dsmTif.toString());
    assertEquals("0", r[0], r[2]);
    // the AHN3 tile has no CRS record: the GeoTIFF has georeferencing but no CRS keys, and says so
    assertTrue(r[1].contains(tif + " has no CRS keys: the input names no CRS"), r[1]);
    for (Path p : new Path[] {tif, dsmTif}) {
      java.awt.image.Raster raster = javax.imageio.ImageIO.read(p.toFile()).getRaster();
      assertEquals(java.awt.image.DataBuffer.TYPE_FLOAT, raster.getDataBuffer().getDataType());
      int valid = 0;
      for (int y = 0; y < raster.getHeight(); y++) {
        for (int x = 0; x < raster.getWidth(); x++) {
          float v = raster.getSampleFloat(x, y, 0);
          if (!Float.isNaN(v)) {
            assertTrue(v > -10 && v < 60, p + ": height " + v);
            valid++;
          }
        }
      }
      assertTrue(valid > raster.getWidth() * raster.getHeight() / 2, p + ": " + valid);
    }
  }

  @Test
  void dtm_cityModelOutput_isATinRelief() throws Exception {
    for (String name : new String[] {"terrain.city.json", "terrain.gml"}) {
      Path f = dir.resolve(name);
      String[] r =
          run("dtm", data("warsaw_small.las").toString(), "-o", f.toString(), "--max-error", "0.1");
      assertEquals("0", r[0], r[2]);
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(\\d+) triangles within").matcher(r[1]);
      assertTrue(m.find(), r[1]);
      JsonNode j = info(f);
      assertEquals(1, j.get("objects").get("TINRelief").asInt(), j.toString());
      org.twin4j.core.model.CitySnapshot model = org.twin4j.citygml.CityFiles.read(f).model();
      org.twin4j.core.model.CityObject relief = model.stream().findFirst().orElseThrow();
      org.twin4j.core.geom.Geometry g = relief.geometries().get(0);
      int triangles =
          g instanceof org.twin4j.core.geom.TriangleMesh
              ? ((org.twin4j.core.geom.TriangleMesh) g).triangleCount()
              : ((org.twin4j.core.geom.SurfaceGeometry) g).surfaceCount();
      assertEquals(Integer.parseInt(m.group(1)), triangles, name + " " + g.type());
    }
  }

  @Test
  void convert_cityModelToGlb_everyPolygonMeshed() throws Exception {
    Path city =
        Path.of(
            System.getProperty("twin.data.dir", "../data"),
            "city",
            "citygml3",
            "lod2_buildings_v3.gml");
    Path glb = dir.resolve("fzk.glb");
    String[] r = run("convert", city.toString(), glb.toString());
    assertEquals("0", r[0], r[2]);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "into (\\d+) triangles, (\\d+) vertices \\((\\d+) polygons skipped")
            .matcher(r[1]);
    assertTrue(m.find(), r[1]);
    assertTrue(Integer.parseInt(m.group(1)) > 1000, r[1]);
    assertEquals("0", m.group(3), r[1]);
    byte[] head = Arrays.copyOf(Files.readAllBytes(glb), 4);
    assertEquals("glTF", new String(head, java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void convert_toLaz_andBack_samePoints() throws Exception {
    Path laz = dir.resolve("w.laz");
    String[] r = run("convert", data("warsaw_small.las").toString(), laz.toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("converted 3000 points"), r[1]);
    JsonNode j = info(laz);
    assertEquals("LAZ", j.get("format").asText());
    assertEquals(3000, j.get("points").asLong());
    assertEquals(classes(info(data("warsaw_small.las"))), classes(j));
    Path las = dir.resolve("w.las");
    assertEquals("0", run("convert", laz.toString(), las.toString())[0]);
    assertTrue(Files.size(laz) < Files.size(las) / 2, "LAZ is less than half the LAS");
  }

  @Test
  void convert_format6ToLaz_layeredLasz14_sameClassesAndCrs() throws Exception {
    Path src = data("file_with_both_wkt_and_geotiff_vlrs.las");
    Path out = dir.resolve("n.laz");
    String[] r = run("convert", src.toString(), out.toString());
    assertEquals("0", r[0], r[2]);
    JsonNode a = info(src);
    JsonNode b = info(out);
    assertEquals("LAZ", b.get("format").asText());
    assertEquals("1.4", b.get("version").asText());
    assertEquals(6, b.get("pointFormat").asInt());
    assertEquals(a.get("points").asLong(), b.get("points").asLong());
    assertEquals(a.get("crs").asText(), b.get("crs").asText());
    assertEquals(classes(a), classes(b));
    assertEquals(a.get("bounds"), b.get("bounds"));
  }
}
