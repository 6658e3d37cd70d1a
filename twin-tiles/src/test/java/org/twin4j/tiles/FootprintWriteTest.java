// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twin4j.tiles.FootprintData.feature;
import static org.twin4j.tiles.FootprintData.geoJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twin4j.core.attribute.AttributeValue;
import org.twin4j.core.attribute.Attributes;
import org.twin4j.core.attribute.BooleanValue;
import org.twin4j.core.attribute.DoubleValue;
import org.twin4j.core.attribute.IntegerValue;
import org.twin4j.core.attribute.StringValue;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.geom.Polygon;
import org.twin4j.mesh.building.Footprint;

/** Writing footprints: round trips through both formats, and failures that leave no file. */
class FootprintWriteTest {

  private static final CrsIdentifier RD_NEW = CrsIdentifier.ofEpsg(28992);

  @TempDir Path dir;

  /** The real footprints with what a reconstruction adds: heights, counts, a flag. */
  private static List<Footprint> realWithResults() throws IOException {
    FootprintSet set = FootprintData.read(FootprintData.file(FootprintData.GEOJSON));
    List<Footprint> out = new ArrayList<>();
    int i = 0;
    for (Footprint f : set.footprints()) {
      Attributes a =
          f.attributes().toBuilder()
              .put("h_dak_max", 10 + i / 7.0 + Math.ulp(10.0)) // all 53 bits of a double
              .put("h_maaiveld", -0.5 + i * 1e-3)
              .put("roof_points", (1L << 40) + i) // beyond an int
              .put("lod", "1.2")
              .put("reconstructed", i % 3 != 0)
              .build();
      out.add(new Footprint(f.id(), f.polygon(), a));
      i++;
    }
    return out;
  }

  @Test
  void write_geoJsonToGeoPackageToGeoJson_sameFootprintsAndAttributes() throws Exception {
    List<Footprint> original = realWithResults();
    Path json1 = dir.resolve("one.geojson");
    Path gpkg = dir.resolve("two.gpkg");
    Path json2 = dir.resolve("three.geojson");
    FootprintFiles.writeGeoJson(json1, original, RD_NEW);
    FootprintSet a = FootprintData.read(json1);
    FootprintFiles.writeGeoPackage(gpkg, "buildings", a.footprints(), a.crs().orElseThrow());
    FootprintSet b = FootprintData.read(gpkg);
    FootprintFiles.writeGeoJson(json2, b.footprints(), b.crs().orElseThrow());
    FootprintSet c = FootprintData.read(json2);
    for (FootprintSet set : List.of(a, b, c)) {
      FootprintData.assertSameFootprints(original, set.footprints());
      assertEquals(List.of(), set.issues(), "what we write needs no repair");
      assertEquals(28992, set.crs().orElseThrow().horizontalEpsg());
    }
    Attributes first = b.footprints().get(0).attributes();
    assertEquals(new IntegerValue((1L << 40)), first.get("roof_points"));
    assertEquals(new DoubleValue(10 + Math.ulp(10.0)), first.get("h_dak_max"));
    assertEquals(BooleanValue.FALSE, first.get("reconstructed"));
    assertEquals(new StringValue("1.2"), first.get("lod"));
  }

  @Test
  void write_realGeoPackageThroughBothWriters_sameAsSource() throws Exception {
    FootprintSet source = FootprintData.read(FootprintData.file(FootprintData.GPKG));
    Path gpkg = dir.resolve("copy.gpkg");
    FootprintFiles.writeGeoPackage(gpkg, "pand", source.footprints(), source.crs().orElseThrow());
    FootprintSet copy = FootprintData.read(gpkg);
    FootprintData.assertSameFootprints(source.footprints(), copy.footprints());
    // the WKT of the source's gpkg_spatial_ref_sys travels with the EPSG code
    assertEquals(source.crs(), copy.crs());
  }

  @Test
  void write_splitPartsSharingAnId_comeBackWithTheSameIds() throws Exception {
    Path in =
        geoJson(
            dir,
            "in.geojson",
            feature("bow", "Polygon", "[[[0,0],[10,10],[10,0],[0,10],[0,0]]]"),
            feature(
                "m",
                "MultiPolygon",
                "[[[[0,0],[10,0],[10,10],[0,10],[0,0]]], [[[20,0],[30,0],[30,10],[20,10],[20,0]]]]"));
    FootprintSet read = FootprintData.read(in);
    assertEquals(List.of("bow", "bow#2", "m", "m#2"), BadFootprintsTest.ids(read));
    for (String ext : List.of("geojson", "gpkg")) {
      Path out = dir.resolve("out." + ext);
      write(out, read.footprints(), RD_NEW);
      FootprintSet back = FootprintData.read(out);
      FootprintData.assertSameFootprints(read.footprints(), back.footprints());
      // their gml_id is shared: reported, and renamed as the reader named the parts
      assertEquals(2, back.issueCount(FootprintIssue.Kind.DUPLICATE_ID), ext);
      assertEquals(2, back.issues().size(), ext);
    }
  }

  @Test
  void write_footprintsWithoutIdAttribute_keepTheirIds() throws Exception {
    Polygon square = Polygon.ofXy(new double[] {0, 0, 10, 0, 10, 10, 0, 10});
    List<Footprint> fps =
        List.of(
            new Footprint("k1", square, Attributes.builder().put("h", 3.5).build()),
            new Footprint("k2", square, Attributes.empty()));
    Path json = dir.resolve("k.geojson");
    FootprintFiles.writeGeoJson(json, fps, RD_NEW);
    FootprintData.assertSameFootprints(fps, FootprintData.read(json).footprints());
    Path gpkg = dir.resolve("k.gpkg");
    FootprintFiles.writeGeoPackage(gpkg, "k", fps, RD_NEW);
    List<Footprint> back = FootprintData.read(gpkg).footprints();
    // a GeoPackage feature id is an integer: the id goes into an "id" column
    assertEquals(List.of("k1", "k2"), List.of(back.get(0).id(), back.get(1).id()));
    assertEquals(new StringValue("k1"), back.get(0).attributes().get("id"));
    assertEquals(new DoubleValue(3.5), back.get(0).attributes().get("h"));
  }

  @Test
  void write_mixedIntegerAndDoubleAttribute_doubleColumn() throws Exception {
    Polygon square = Polygon.ofXy(new double[] {0, 0, 10, 0, 10, 10, 0, 10});
    List<Footprint> fps =
        List.of(
            new Footprint(
                "a", square, attrs("gml_id", new StringValue("a"), "h", new IntegerValue(3))),
            new Footprint(
                "b", square, attrs("gml_id", new StringValue("b"), "h", new DoubleValue(4.25))),
            new Footprint(
                "c", square, attrs("gml_id", new StringValue("c"), "h", BooleanValue.TRUE)),
            new Footprint(
                "d", square, attrs("gml_id", new StringValue("d"), "x", BooleanValue.TRUE)));
    Path gpkg = dir.resolve("mixed.gpkg");
    FootprintFiles.writeGeoPackage(gpkg, "mixed", fps, RD_NEW);
    List<Footprint> back = FootprintData.read(gpkg).footprints();
    // integers, doubles and a boolean in one column: TEXT
    assertEquals(new StringValue("3"), back.get(0).attributes().get("h"));
    assertEquals(new StringValue("true"), back.get(2).attributes().get("h"));
    assertEquals(BooleanValue.TRUE, back.get(3).attributes().get("x"));
    assertFalse(back.get(0).attributes().containsKey("x"), "NULL is left out");
    List<Footprint> numbers = fps.subList(0, 2);
    FootprintFiles.writeGeoPackage(gpkg, "mixed", numbers, RD_NEW);
    back = FootprintData.read(gpkg).footprints();
    assertEquals(new DoubleValue(3), back.get(0).attributes().get("h"));
    assertEquals(new DoubleValue(4.25), back.get(1).attributes().get("h"));
  }

  @Test
  void write_crsForms_readBack() throws Exception {
    Polygon square = Polygon.ofXy(new double[] {0, 0, 10, 0, 10, 10, 0, 10});
    List<Footprint> fps = List.of(new Footprint("a", square, Attributes.empty()));
    for (String ext : List.of("geojson", "gpkg")) {
      Path p = dir.resolve("crs." + ext);
      write(p, fps, CrsIdentifier.ofEpsg(25833, 5783));
      assertEquals("EPSG:25833+5783", FootprintData.read(p).crs().orElseThrow().epsgCode().get());
      // RD New + NAP: a compound CRS with a single EPSG code, which proj4j does not know
      write(p, fps, CrsIdentifier.ofEpsg(7415));
      assertEquals("EPSG:7415", FootprintData.read(p).crs().orElseThrow().epsgCode().get());
      String wkt =
          "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],"
              + "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]";
      write(p, fps, CrsIdentifier.ofWkt(wkt));
      assertEquals(wkt, FootprintData.read(p).crs().orElseThrow().wkt());
      write(p, fps, FootprintFiles.CRS84);
      assertEquals(4326, FootprintData.read(p).crs().orElseThrow().horizontalEpsg());
      write(p, fps, null);
      assertTrue(
          ext.equals("geojson") == FootprintData.read(p).crs().isPresent(),
          "GeoJSON without crs member is CRS84; a GeoPackage says undefined");
    }
    Path json = dir.resolve("crs.geojson");
    write(json, fps, FootprintFiles.CRS84);
    assertFalse(Files.readString(json).contains("\"crs\""), "RFC 7946: no crs member");
    assertTrue(Files.readString(json).contains("\n{\"type\":\"Feature\",\"id\":\"a\""));
  }

  @Test
  void write_emptyCollection_readsBackEmpty() throws Exception {
    for (String ext : List.of("geojson", "gpkg")) {
      Path p = dir.resolve("empty." + ext);
      write(p, List.of(), RD_NEW);
      FootprintSet set = FootprintData.read(p);
      assertEquals(0, set.footprints().size());
      assertEquals(0, set.read());
    }
  }

  @Test
  void write_failingMidway_leavesNoFileAndTheOldOneUntouched() throws Exception {
    List<Footprint> fps = realWithResults();
    for (String ext : List.of("geojson", "gpkg")) {
      Path p = dir.resolve("fail." + ext);
      // the GeoPackage writer goes through the footprints twice: fail in the second pass, with
      // the database already created
      int failAt = ext.equals("gpkg") ? fps.size() + 50 : 50;
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class, () -> write(p, new Failing(fps, failAt), RD_NEW));
      assertEquals("simulated failure at footprint " + failAt, e.getMessage());
      assertFalse(Files.exists(p), ext);
      assertEquals(List.of(), files(), "no temporary file left");

      write(p, fps.subList(0, 3), RD_NEW);
      byte[] before = Files.readAllBytes(p);
      assertThrows(IllegalStateException.class, () -> write(p, new Failing(fps, failAt), RD_NEW));
      assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(p)), "old file untouched");
      assertEquals(List.of(p.getFileName().toString()), files());
      Files.delete(p);
    }
  }

  @Test
  void write_targetIsADirectory_failsAndCleansUp() throws Exception {
    List<Footprint> fps = realWithResults().subList(0, 5);
    for (String ext : List.of("geojson", "gpkg")) {
      Path target = Files.createDirectory(dir.resolve("taken." + ext));
      Files.writeString(target.resolve("keep.txt"), "x");
      assertThrows(IOException.class, () -> write(target, fps, RD_NEW));
      assertTrue(Files.isRegularFile(target.resolve("keep.txt")));
      assertEquals(List.of("taken." + ext), files());
      Files.delete(target.resolve("keep.txt"));
      Files.delete(target);
    }
  }

  @Test
  void write_attributeNamesDifferingInCase_refusedForGeoPackage() throws Exception {
    Polygon square = Polygon.ofXy(new double[] {0, 0, 10, 0, 10, 10, 0, 10});
    List<Footprint> fps =
        List.of(
            new Footprint(
                "a", square, attrs("Name", new StringValue("x"), "name", new StringValue("y"))));
    Path p = dir.resolve("case.gpkg");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FootprintFiles.writeGeoPackage(p, "c", fps, RD_NEW));
    assertTrue(e.getMessage().contains("'Name' and 'name' differ only in case"), e.getMessage());
    assertEquals(List.of(), files());
  }

  private static void write(Path p, java.util.Collection<Footprint> fps, CrsIdentifier crs)
      throws IOException {
    if (p.toString().endsWith(".gpkg")) {
      FootprintFiles.writeGeoPackage(p, "buildings", fps, crs);
    } else {
      FootprintFiles.writeGeoJson(p, fps, crs);
    }
  }

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(q -> q.getFileName().toString()).sorted().toList();
    }
  }

  private static Attributes attrs(String k1, AttributeValue v1, String k2, AttributeValue v2) {
    return Attributes.builder().put(k1, v1).put(k2, v2).build();
  }

  /** A collection whose iterators fail at the n-th element handed out, counted over all. */
  private static final class Failing extends AbstractCollection<Footprint> {
    private final List<Footprint> list;
    private final int failAt;
    private int handedOut;

    Failing(List<Footprint> list, int failAt) {
      this.list = list;
      this.failAt = failAt;
    }

    @Override
    public Iterator<Footprint> iterator() {
      Iterator<Footprint> it = list.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Footprint next() {
          if (++handedOut == failAt) {
            throw new IllegalStateException("simulated failure at footprint " + failAt);
          }
          return it.next();
        }
      };
    }

    @Override
    public int size() {
      return list.size();
    }
  }
}
