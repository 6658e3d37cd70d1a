// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.geom.Bounds3D;
import org.twin4j.core.geom.Geometry;
import org.twin4j.core.geom.Lod;
import org.twin4j.core.geom.Polygon;
import org.twin4j.core.geom.Solid;
import org.twin4j.core.io.WarningListener;
import org.twin4j.core.model.CityObject;
import org.twin4j.core.model.CityObjectType;
import org.twin4j.core.model.CitySnapshot;
import org.twin4j.core.model.Metadata;

/**
 * Content the real samples do not hold: implicit geometries (CityJSON templates, CityGML implicit
 * representations), CityGML 3.0 types written as 2.0, and geographic coordinates in CityJSON.
 */
class ContentTest {

  @TempDir Path dir;

  private final ReadOptions quiet = new ReadOptions(WarningListener.silent());

  @Test
  void cityJsonGeometryInstancesAreExpanded() throws IOException {
    String json =
        "{\"type\":\"CityJSON\",\"version\":\"2.0\","
            + "\"transform\":{\"scale\":[0.001,0.001,0.001],\"translate\":[1000,2000,0]},"
            + "\"geometry-templates\":{\"templates\":[{\"type\":\"MultiSurface\",\"lod\":\"2\","
            + "\"boundaries\":[[[0,1,2]]]}],\"vertices-templates\":[[0,0,0],[1,0,0],[0,1,2]]},"
            + "\"CityObjects\":{\"tree\":{\"type\":\"SolitaryVegetationObject\",\"geometry\":[{"
            + "\"type\":\"GeometryInstance\",\"template\":0,\"boundaries\":[0],"
            + "\"transformationMatrix\":[2,0,0,0, 0,2,0,0, 0,0,2,0, 0,0,0,1]}]}},"
            + "\"vertices\":[[5000,6000,1000]]}";
    Path file = dir.resolve("tree.city.json");
    Files.writeString(file, json);
    CityObject tree = CityFiles.read(file, quiet).model().get("tree").orElseThrow();
    Geometry g = tree.geometries().get(0);
    assertEquals(Lod.of(2), g.lod());
    // reference point (1005, 2006, 1) + 2 * template vertex
    assertEquals(new Bounds3D(1005, 2006, 1, 1007, 2008, 5), g.bounds());
  }

  @Test
  void cityGmlImplicitGeometriesAreResolved() throws IOException {
    String gml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<core:CityModel xmlns:core=\"http://www.opengis.net/citygml/2.0\""
            + " xmlns:frn=\"http://www.opengis.net/citygml/cityfurniture/2.0\""
            + " xmlns:gml=\"http://www.opengis.net/gml\">\n"
            + "<core:cityObjectMember><frn:CityFurniture gml:id=\"bench\">\n"
            + " <frn:lod2ImplicitRepresentation><core:ImplicitGeometry>\n"
            + "  <core:transformationMatrix>1 0 0 0 0 1 0 0 0 0 1 0 0 0 0 1</core:transformationMatrix>\n"
            + "  <core:relativeGMLGeometry><gml:MultiSurface gml:id=\"tpl\"><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing>"
            + "<gml:posList srsDimension=\"3\">0 0 0 2 0 0 2 1 0 0 1 0 0 0 0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>"
            + "</gml:surfaceMember></gml:MultiSurface></core:relativeGMLGeometry>\n"
            + "  <core:referencePoint><gml:Point srsName=\"EPSG:25832\"><gml:pos srsDimension=\"3\">500000 5400000 40</gml:pos></gml:Point></core:referencePoint>\n"
            + " </core:ImplicitGeometry></frn:lod2ImplicitRepresentation>\n"
            + "</frn:CityFurniture></core:cityObjectMember>\n"
            + "</core:CityModel>\n";
    Path file = dir.resolve("bench.gml");
    Files.writeString(file, gml);
    CityObject bench = CityFiles.read(file, quiet).model().get("bench").orElseThrow();
    assertEquals(CityObjectType.of("CityFurniture"), bench.type());
    assertEquals(
        new Bounds3D(500000, 5400000, 40, 500002, 5400001, 40), bench.geometries().get(0).bounds());
  }

  @Test
  void cityGml3TypesWrittenAs2AreReportedWithCounts() throws IOException {
    Solid block =
        Solid.extrude(Polygon.ofXy(new double[] {0, 0, 10, 0, 10, 10, 0, 10}), 0, 9, Lod.of(2));
    CityObject storey = CityObject.builder("s1", CityObjectType.of("BuildingStorey")).build();
    CityObject unit = CityObject.builder("u1", CityObjectType.of("BuildingUnit")).build();
    CityObject building =
        CityObject.builder("b1", CityObjectType.BUILDING)
            .geometry(block)
            .child(storey)
            .child(unit)
            .build();
    CitySnapshot model =
        CitySnapshot.empty(CrsIdentifier.ofEpsg(25832), Metadata.empty())
            .edit()
            .add(building)
            .apply();
    ConversionReport v2 =
        CityFiles.write(
            model,
            dir.resolve("b.gml"),
            WriteOptions.of(CityFormat.CITYGML)
                .withVersion("2.0")
                .withListener(WarningListener.silent()));
    assertEquals(2, v2.count("dropped object"), v2.toString());
    CitySnapshot back = CityFiles.read(dir.resolve("b.gml"), quiet).model();
    assertEquals(1, back.allObjects().count());
    assertTrue(back.get("b1").orElseThrow().hasGeometry());
    ConversionReport v3 =
        CityFiles.write(
            model,
            dir.resolve("b3.gml"),
            WriteOptions.of(CityFormat.CITYGML)
                .withVersion("3.0")
                .withListener(WarningListener.silent()));
    assertEquals(0, v3.count("dropped object"), v3.toString());
    assertEquals(
        List.of("u1", "s1").stream().sorted().toList(),
        CityFiles.read(dir.resolve("b3.gml"), quiet)
            .model()
            .get("b1")
            .orElseThrow()
            .children()
            .stream()
            .map(CityObject::id)
            .sorted()
            .toList());
  }

  @Test
  void geographicCoordinatesKeepNineDecimalsInCityJson() throws IOException {
    double lon = 4.357_812_345;
    double lat = 52.011_987_654;
    Solid block =
        Solid.extrude(
            Polygon.ofXy(
                new double[] {lon, lat, lon + 1e-4, lat, lon + 1e-4, lat + 1e-4, lon, lat + 1e-4}),
            0,
            9,
            Lod.of(1));
    CitySnapshot model =
        CitySnapshot.empty(CrsIdentifier.ofEpsg(4326), Metadata.empty())
            .edit()
            .add(CityObject.builder("g", CityObjectType.BUILDING).geometry(block).build())
            .apply();
    Path out = dir.resolve("geo.city.json");
    ConversionReport r =
        CityFiles.write(
            model,
            out,
            WriteOptions.of(CityFormat.CITYJSON).withListener(WarningListener.silent()));
    assertFalse(r.counts().containsKey("rounded coordinates"), r.toString());
    Bounds3D b =
        CityFiles.read(out, quiet).model().get("g").orElseThrow().geometries().get(0).bounds();
    assertEquals(lon, b.minX(), 1e-9);
    assertEquals(lat, b.minY(), 1e-9);
    assertTrue(
        Files.readString(out).contains("1.0E-9")
            || Files.readString(out).contains("1e-09")
            || Files.readString(out).contains("0.000000001"),
        "scale of 1e-9");
  }
}
