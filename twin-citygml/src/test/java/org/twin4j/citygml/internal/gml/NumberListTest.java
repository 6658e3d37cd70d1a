// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml.internal.gml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.twin4j.citygml.ConversionReport;
import org.twin4j.citygml.ReadOptions;
import org.twin4j.citygml.internal.DoubleList;
import org.twin4j.core.geom.Geometry;
import org.twin4j.core.io.WarningListener;
import org.twin4j.core.model.CityObject;

/**
 * The parser reads the numbers of rings and texture coordinates itself ({@link ParserTables},
 * {@link Decimals}); these tests read every CityGML sample and a set of awkward documents both ways
 * (the parser's numbers, and citygml4j reading every number) and require the very same city objects
 * (coordinates compared exactly), appearance tables and report.
 */
class NumberListTest {

  @TempDir Path dir;

  /** What one read gives. */
  private record Read(List<CityObject> objects, String appearances, ConversionReport report) {}

  private static Read read(Path file, boolean readNumbers) throws IOException {
    try (GmlCityReader r =
        GmlCityReader.open(file, new ReadOptions(WarningListener.silent()), readNumbers)) {
      List<CityObject> objects = new ArrayList<>();
      while (r.hasNext()) {
        objects.add(r.next());
      }
      return new Read(objects, r.info().appearances().toString(), r.report());
    }
  }

  private static void assertSameBothWays(Path file) throws IOException {
    Read parser = read(file, true);
    Read citygml4j = read(file, false);
    assertEquals(citygml4j.objects().size(), parser.objects().size(), file.toString());
    for (int i = 0; i < parser.objects().size(); i++) {
      assertEquals(citygml4j.objects().get(i), parser.objects().get(i), file + " object " + i);
    }
    assertEquals(citygml4j.appearances(), parser.appearances(), file.toString());
    assertEquals(citygml4j.report().counts(), parser.report().counts(), file.toString());
  }

  private static Path sample(String name) {
    Path p = Path.of(System.getProperty("twin.data.dir", "../data"), "city", name);
    assertTrue(Files.isRegularFile(p), "sample file missing: " + p.toAbsolutePath());
    return p;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "citygml1/berlin_open_data_sample_data.citygml",
        "citygml1/Potsdam_LoD1.gml",
        "citygml2/Building_and_garage_LOD2-EPSG25832.gml",
        "citygml2/lod3_building_v2.gml",
        "citygml3/lod2_buildings_v3.gml",
        "citygml3/invalid_building_v3.gml"
      })
  void realSamplesReadTheSameBothWays(String name) throws IOException {
    Path file = sample(name);
    assertSameBothWays(file);
    // and the parser did read the numbers and geometries itself, without starting over
    Walk walk = walk(file);
    assertTrue(walk.lists > 0, name);
    assertTrue(walk.geometries > 0, name);
    assertEquals(0, walk.restarts, name);
  }

  /** What the parser read itself in a whole file. */
  private static final class Walk {
    long features;
    long lists;
    long geometries;
    int restarts;
  }

  private static Walk walk(Path file) throws IOException {
    GmlParser p = GmlParser.open(file, GmlCityReader.Context.get(), true);
    Walk w = new Walk();
    try {
      for (GmlParser.Item item = p.next();
          !(item instanceof GmlParser.End || item instanceof GmlParser.Failure);
          item = p.next()) {
        if (item instanceof GmlParser.Parsed) {
          w.features++;
          w.lists += ((GmlParser.Parsed) item).lists().size();
          w.geometries += ((GmlParser.Parsed) item).lists().geometryCount();
        }
      }
      w.restarts = p.restarts();
    } finally {
      p.close();
    }
    return w;
  }

  private static final String HEAD =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<core:CityModel xmlns:core=\"http://www.opengis.net/citygml/2.0\""
          + " xmlns:bldg=\"http://www.opengis.net/citygml/building/2.0\""
          + " xmlns:app=\"http://www.opengis.net/citygml/appearance/2.0\""
          + " xmlns:frn=\"http://www.opengis.net/citygml/cityfurniture/2.0\""
          + " xmlns:gen=\"http://www.opengis.net/citygml/generics/2.0\""
          + " xmlns:xlink=\"http://www.w3.org/1999/xlink\""
          + " xmlns:gml=\"http://www.opengis.net/gml\">\n"
          + "<gml:boundedBy><gml:Envelope srsName=\"EPSG:25832\">"
          + "<gml:lowerCorner>0 0 0</gml:lowerCorner><gml:upperCorner>9 9 9</gml:upperCorner>"
          + "</gml:Envelope></gml:boundedBy>\n";

  private static String building(String id, String rings) {
    return "<core:cityObjectMember><bldg:Building gml:id=\""
        + id
        + "\"><bldg:lod2MultiSurface><gml:MultiSurface>"
        + rings
        + "</gml:MultiSurface></bldg:lod2MultiSurface></bldg:Building></core:cityObjectMember>\n";
  }

  private static String polygon(String id, String ringContent) {
    return "<gml:surfaceMember><gml:Polygon gml:id=\""
        + id
        + "\"><gml:exterior><gml:LinearRing gml:id=\""
        + id
        + "-r\">"
        + ringContent
        + "</gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>";
  }

  private static String posList(String attributes, String text) {
    return "<gml:posList" + attributes + ">" + text + "</gml:posList>";
  }

  private static final String SQUARE = "0 0 0 1 0 0 1 1 0 0 1 0 0 0 0";

  @Test
  void awkwardNumberListsReadTheSameBothWays() throws IOException {
    String d3 = " srsDimension=\"3\"";
    StringBuilder b = new StringBuilder(HEAD);
    b.append(
        building(
            "plain",
            polygon("p1", posList(d3, SQUARE))
                // comments, CDATA, character references and odd white space inside the list
                + polygon(
                    "p2",
                    posList(
                        d3,
                        "0 0 0 <!-- a comment --> 1 0 0\n\t1 1 0<![CDATA[ 0 1 0 ]]>0&#32;0&#x9;0"))
                // numbers only Double.parseDouble takes: many digits, exponents, a type suffix
                + polygon(
                    "p3",
                    posList(
                        d3,
                        "0.10000000000000000555 2e-3 1E2 1.7976931348623157e308 0 +0 1d 1 -0"
                            + " 4.9e-324 1 0 0.10000000000000000555 2e-3 1E2"))
                // 2D: citygml4j's own route, with the numbers restored
                + polygon("p4", posList(" srsDimension=\"2\"", "0 0 5 0 5 5 0 5 0 0"))
                // no dimension anywhere: citygml4j's route too
                + polygon("p5", posList("", SQUARE))));
    // a malformed number: citygml4j reads the list as it is, and drops it the same way
    b.append(building("malformed", polygon("m1", posList(d3, "0 0 0 1 0 x 1 1 0 0 0 0"))));
    // an empty list, a single number, a list with an element inside
    b.append(building("empty", polygon("e1", posList(d3, ""))));
    b.append(building("single", polygon("s1", posList(d3, "7"))));
    b.append(
        building("nested", polygon("n1", posList(d3, "0 0 0 1 0 0<gml:x>1</gml:x>1 1 0 0 0 0"))));
    // a list after a gml:name: not the ring's first child, left to citygml4j
    b.append(
        building(
            "named",
            polygon("q1", "<gml:name>ring</gml:name>" + posList(d3, "3 3 3 4 3 3 4 4 3"))));
    // a reversed surface and a reference to a ring's polygon
    b.append(
        "<core:cityObjectMember><bldg:Building gml:id=\"reversed\"><bldg:lod2MultiSurface>"
            + "<gml:MultiSurface><gml:surfaceMember><gml:OrientableSurface orientation=\"-\">"
            + "<gml:baseSurface><gml:Polygon gml:id=\"r1\"><gml:exterior><gml:LinearRing>"
            + posList(d3, "0 0 1 2 0 1 2 2 1 0 0 1")
            + "</gml:LinearRing></gml:exterior></gml:Polygon></gml:baseSurface>"
            + "</gml:OrientableSurface></gml:surfaceMember>"
            + "<gml:surfaceMember xlink:href=\"#r1\"/></gml:MultiSurface>"
            + "</bldg:lod2MultiSurface></bldg:Building></core:cityObjectMember>\n");
    // an implicit geometry whose template a later feature uses by reference
    String implicit =
        "<core:cityObjectMember><frn:CityFurniture gml:id=\"%s\"><frn:lod2ImplicitRepresentation>"
            + "<core:ImplicitGeometry><core:transformationMatrix>2 0 0 0 0 2 0 0 0 0 2 0 0 0 0 1"
            + "</core:transformationMatrix>%s<core:referencePoint><gml:Point><gml:pos"
            + " srsDimension=\"3\">%s</gml:pos></gml:Point></core:referencePoint>"
            + "</core:ImplicitGeometry></frn:lod2ImplicitRepresentation></frn:CityFurniture>"
            + "</core:cityObjectMember>\n";
    b.append(
        String.format(
            implicit,
            "bench1",
            "<core:relativeGMLGeometry><gml:MultiSurface gml:id=\"tpl\">"
                + polygon("t1", posList(d3, "0 0 0 2 0 0 2 1 0 0 1 0 0 0 0"))
                + "</gml:MultiSurface></core:relativeGMLGeometry>",
            "100 200 30"));
    b.append(
        String.format(
            implicit, "bench2", "<core:relativeGMLGeometry xlink:href=\"#tpl\"/>", "300 400 50"));
    // textures: good, malformed and reversed coordinates
    b.append(
        "<core:cityObjectMember><bldg:Building gml:id=\"textured\"><app:appearance><app:Appearance>"
            + "<app:theme>t</app:theme><app:surfaceDataMember><app:ParameterizedTexture>"
            + "<app:imageURI>a.jpg</app:imageURI>"
            + "<app:target uri=\"#x1\"><app:TexCoordList><app:textureCoordinates ring=\"#x1-r\">"
            + "0 0 1 0 1 1 0 1 0 0</app:textureCoordinates></app:TexCoordList></app:target>"
            + "<app:target uri=\"#x2\"><app:TexCoordList><app:textureCoordinates ring=\"#x2-r\">"
            + "0 0 1 0 one 1 0 1 0 0</app:textureCoordinates></app:TexCoordList></app:target>"
            + "</app:ParameterizedTexture></app:surfaceDataMember></app:Appearance></app:appearance>"
            + "<bldg:lod2MultiSurface><gml:MultiSurface>"
            + polygon("x1", posList(d3, SQUARE))
            + polygon("x2", posList(d3, "5 5 5 6 5 5 6 6 5 5 6 5 5 5 5"))
            + "</gml:MultiSurface></bldg:lod2MultiSurface></bldg:Building></core:cityObjectMember>\n");
    b.append("</core:CityModel>\n");
    Path file = dir.resolve("awkward.gml");
    Files.writeString(file, b.toString());
    assertSameBothWays(file);
    // the malformed list is a geometry the parser leaves to citygml4j: it started over once
    Walk walk = walk(file);
    assertEquals(1, walk.restarts);
    assertEquals(10, walk.features);

    Read read = read(file, true);
    CityObject plain = read.objects().get(0);
    Geometry g = plain.geometries().get(0);
    assertEquals(5, ((org.twin4j.core.geom.SurfaceGeometry) g).surfaceCount(), plain.toString());
    CityObject bench2 =
        read.objects().stream().filter(o -> o.id().equals("bench2")).findFirst().get();
    // reference point (300, 400, 50) + 2 * template vertex (2, 1, 0)
    assertEquals(304, bench2.geometries().get(0).bounds().maxX());
    assertEquals(402, bench2.geometries().get(0).bounds().maxY());
  }

  @Test
  void geometriesTheParserLeavesToCitygml4jReadTheSame() throws IOException {
    String d3 = " srsDimension=\"3\"";
    String square = polygon("a1", posList(d3, SQUARE));
    // what the parser reads: composite surfaces, solids of both GML versions, orientable surfaces
    String solid31 =
        "<core:cityObjectMember><bldg:Building gml:id=\"solid\"><bldg:lod1Solid><gml:Solid"
            + " gml:id=\"s\"><gml:exterior><gml:CompositeSurface gml:id=\"cs\">"
            + polygon("s1", posList(d3, SQUARE))
            + "<gml:surfaceMember><gml:OrientableSurface orientation=\"-\"><gml:baseSurface"
            + " xlink:href=\"#s1\"/></gml:OrientableSurface></gml:surfaceMember>"
            + "</gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod1Solid>"
            + "</bldg:Building></core:cityObjectMember>\n";
    // and, one by one, what it does not
    List<String> leftOver =
        List.of(
            // a ring of gml:pos
            polygon(
                "u1",
                "<gml:pos>0 0 0</gml:pos><gml:pos>1 0 0</gml:pos><gml:pos>1 1 0</gml:pos>"
                    + "<gml:pos>0 0 0</gml:pos>"),
            // a name on a polygon
            "<gml:surfaceMember><gml:Polygon><gml:name>p</gml:name><gml:exterior><gml:LinearRing>"
                + posList(d3, SQUARE)
                + "</gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>",
            // a surface kind it does not read
            "<gml:surfaceMember><gml:Surface><gml:patches><gml:PolygonPatch><gml:exterior>"
                + "<gml:LinearRing>"
                + posList(d3, SQUARE)
                + "</gml:LinearRing></gml:exterior></gml:PolygonPatch></gml:patches></gml:Surface>"
                + "</gml:surfaceMember>",
            // an attribute it does not know
            "<gml:surfaceMember><gml:Polygon gid=\"7\"><gml:exterior><gml:LinearRing>"
                + posList(d3, SQUARE)
                + "</gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>");
    for (int k = 0; k < leftOver.size(); k++) {
      StringBuilder b = new StringBuilder(HEAD);
      b.append(building("before", square));
      b.append(
          "<core:cityObjectMember><ade:Thing xmlns:ade=\"urn:ade\" gml:id=\"t\"/>"
              + "</core:cityObjectMember>\n");
      b.append(solid31);
      b.append(building("odd", square.replace("a1", "o1") + leftOver.get(k)));
      b.append(building("after", square.replace("a1", "z1")));
      b.append("</core:CityModel>\n");
      Path file = dir.resolve("left-over-" + k + ".gml");
      Files.writeString(file, b.toString());
      assertSameBothWays(file);
      Walk walk = walk(file);
      assertEquals(1, walk.restarts, "case " + k);
      assertEquals(4, walk.features, "case " + k);
      Read read = read(file, true);
      assertEquals(
          List.of("before", "solid", "odd", "after"),
          read.objects().stream().map(CityObject::id).toList(),
          "case " + k);
      assertEquals(1, read.report().count("skipped feature"), "case " + k);
    }
    // without the odd one, nothing starts over and the solid is the parser's
    Path plain = dir.resolve("plain.gml");
    Files.writeString(plain, HEAD + building("before", square) + solid31 + "</core:CityModel>\n");
    assertSameBothWays(plain);
    Walk walk = walk(plain);
    assertEquals(0, walk.restarts);
    assertEquals(2, walk.geometries);
    Read read = read(plain, true);
    // the orientable surface repeats s1 reversed: two surfaces, four distinct vertices
    org.twin4j.core.geom.SurfaceGeometry solid =
        (org.twin4j.core.geom.SurfaceGeometry) read.objects().get(1).geometries().get(0);
    assertEquals(2, solid.surfaceCount());
  }

  @Test
  void coordinateDimensionIsInheritedAsCitygml4jInheritsIt() throws IOException {
    // a 2D feature: its envelope names the CRS and two dimensions; the list names neither
    String flat =
        "<core:cityObjectMember><bldg:Building gml:id=\"flat\"><gml:boundedBy><gml:Envelope"
            + " srsName=\"EPSG:25832\" srsDimension=\"2\"><gml:lowerCorner>0 0</gml:lowerCorner>"
            + "<gml:upperCorner>5 5</gml:upperCorner></gml:Envelope></gml:boundedBy>"
            + "<bldg:lod0FootPrint><gml:MultiSurface>"
            + polygon("f1", posList("", "0 0 5 0 5 5 0 5 0 0"))
            + "</gml:MultiSurface></bldg:lod0FootPrint><bldg:lod2MultiSurface><gml:MultiSurface>"
            + polygon("f2", posList("", "0 0 5 0 5 5 0 5 0 0"))
            + "</gml:MultiSurface></bldg:lod2MultiSurface></bldg:Building></core:cityObjectMember>\n";
    // the same list under a multi-surface that names three dimensions
    String deep =
        "<core:cityObjectMember><bldg:Building gml:id=\"deep\"><bldg:lod2MultiSurface>"
            + "<gml:MultiSurface srsName=\"EPSG:25832\" srsDimension=\"3\">"
            + polygon("d1", posList("", "0 0 5 0 5 5 0 5 0 0 1 1 1"))
            + "</gml:MultiSurface></bldg:lod2MultiSurface></bldg:Building></core:cityObjectMember>\n";
    Path file = dir.resolve("dimensions.gml");
    Files.writeString(file, HEAD + flat + deep + "</core:CityModel>\n");
    assertSameBothWays(file);
    Read read = read(file, true);
    Geometry footprint = read.objects().get(0).geometries().get(0);
    assertEquals(0, footprint.bounds().maxZ()); // read as x y pairs: 4 corners at z = 0
    assertEquals(5, footprint.bounds().maxX());
    assertEquals(0, walk(file).restarts);
  }

  /** Cases a review found where the parser's own reading once differed from citygml4j's. */
  @Test
  void geometryDetailsCitygml4jKeepsAreKept() throws IOException {
    String square3 = posList(" srsDimension=\"3\"", SQUARE);
    List<String> features =
        List.of(
            // a count gives the dimension (10 numbers, 5 positions: x y pairs)
            building("counted", polygon("c1", posList(" count=\"5\"", "0 0 5 0 5 5 0 5 0 0"))),
            // a GML 3.1 solid's composite surface keeps its id (a wall refers to it) ...
            "<core:cityObjectMember><bldg:Building gml:id=\"walled\"><bldg:lod2Solid><gml:Solid>"
                + "<gml:exterior><gml:CompositeSurface gml:id=\"cs\">"
                + polygon("w1", square3)
                + "</gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod2Solid>"
                + "<bldg:boundedBy><bldg:WallSurface gml:id=\"w\"><bldg:lod2MultiSurface>"
                + "<gml:MultiSurface><gml:surfaceMember xlink:href=\"#cs\"/></gml:MultiSurface>"
                + "</bldg:lod2MultiSurface></bldg:WallSurface></bldg:boundedBy></bldg:Building>"
                + "</core:cityObjectMember>\n",
            // ... and its srsName and srsDimension
            "<core:cityObjectMember><bldg:Building gml:id=\"flatSolid\"><bldg:lod2Solid><gml:Solid>"
                + "<gml:exterior><gml:CompositeSurface srsName=\"EPSG:1\" srsDimension=\"2\">"
                + polygon("d1", posList("", "0 0 5 0 5 5 0 5 0 0"))
                + "</gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod2Solid>"
                + "</bldg:Building></core:cityObjectMember>\n",
            // a geometry in lodXGeometry, which citygml4j files by its type
            "<core:cityObjectMember><gen:GenericCityObject gml:id=\"generic\"><gen:lod2Geometry>"
                + "<gml:CompositeSurface>"
                + polygon("g1", square3)
                + "</gml:CompositeSurface></gen:lod2Geometry></gen:GenericCityObject>"
                + "</core:cityObjectMember>\n",
            // a reference of the file in the form of the parser's own ones resolves to nothing
            "<core:cityObjectMember><bldg:Building gml:id=\"colliding\"><bldg:lod2MultiSurface>"
                + "<gml:MultiSurface>"
                + polygon("k1", square3)
                + "</gml:MultiSurface></bldg:lod2MultiSurface>"
                + "<bldg:lod3MultiSurface xlink:href=\"#:twin4j:0\"/></bldg:Building>"
                + "</core:cityObjectMember>\n");
    StringBuilder b = new StringBuilder(HEAD);
    features.forEach(b::append);
    b.append("</core:CityModel>\n");
    Path file = dir.resolve("details.gml");
    Files.writeString(file, b.toString());
    assertSameBothWays(file);
    Read read = read(file, true);
    assertEquals(0, read.objects().get(0).geometries().get(0).bounds().maxZ());
    assertEquals(5, read.objects().get(0).geometries().get(0).bounds().maxX());
    org.twin4j.core.geom.SurfaceGeometry walled =
        (org.twin4j.core.geom.SurfaceGeometry) read.objects().get(1).geometries().get(0);
    assertEquals("WallSurface", walled.semantic(0).type().name());
    assertEquals(1, read.objects().get(4).geometries().size());
    assertEquals(1, read.report().count("unresolved reference"), read.report().toString());
    assertEquals(0, walk(file).restarts);
  }

  @Test
  void decimalsGiveExactlyWhatParseDoubleGives() {
    Random rnd = new Random(7);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      StringBuilder t = new StringBuilder();
      if (rnd.nextInt(4) == 0) {
        t.append(rnd.nextBoolean() ? '-' : '+');
      }
      int intDigits = rnd.nextInt(10);
      for (int k = 0; k < intDigits; k++) {
        t.append((char) ('0' + rnd.nextInt(10)));
      }
      if (rnd.nextInt(3) > 0) {
        t.append('.');
        int frac = rnd.nextInt(12);
        for (int k = 0; k < frac; k++) {
          t.append((char) ('0' + rnd.nextInt(10)));
        }
      }
      if (rnd.nextInt(5) == 0) {
        t.append(rnd.nextBoolean() ? 'e' : 'E').append(rnd.nextInt(60) - 30);
      }
      if (t.length() > 0) {
        tokens.add(t.toString());
      }
    }
    // and coordinates as written by real tools
    for (int i = 0; i < 100_000; i++) {
      tokens.add(Double.toString(rnd.nextDouble() * 1e6));
      tokens.add(String.format(java.util.Locale.ROOT, "%.3f", rnd.nextDouble() * 1e6 - 5e5));
    }
    for (String token : tokens) {
      double expected;
      try {
        expected = Double.parseDouble(token);
      } catch (NumberFormatException e) {
        DoubleList out = new DoubleList();
        assertEquals(-1, Decimals.parse(token.toCharArray(), 0, token.length(), out), token);
        continue;
      }
      DoubleList out = new DoubleList();
      char[] text = (" " + token + "\n").toCharArray();
      assertEquals(1, Decimals.parse(text, 0, text.length, out), token);
      assertEquals(
          Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(out.get(0)), token);
    }
  }

  @Test
  void decimalsSplitOnXmlWhiteSpaceOnly() {
    String text = " 1\t2\n3\r4  5.5 ";
    DoubleList out = new DoubleList();
    assertEquals(5, Decimals.parse(text.toCharArray(), 0, text.length(), out));
    assertEquals(5.5, out.get(4));
    String formFeed = "1\f2";
    assertEquals(-1, Decimals.parse(formFeed.toCharArray(), 0, 3, new DoubleList()));
  }
}
