// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.twin4j.core.appearance.Texture;
import org.twin4j.core.attribute.ListValue;
import org.twin4j.core.attribute.MapValue;
import org.twin4j.core.geom.Geometry;
import org.twin4j.core.geom.Lod;
import org.twin4j.core.geom.SemanticSurface;
import org.twin4j.core.geom.SurfaceGeometry;
import org.twin4j.core.geom.TriangleMesh;
import org.twin4j.core.io.WarningListener;
import org.twin4j.core.model.CityObject;
import org.twin4j.core.model.CitySnapshot;

/**
 * Reading each real sample gives what its SOURCES.md says the file holds: objects by type, semantic
 * surfaces by type, CRS, LODs, addresses, terrain, appearances.
 */
class ReadFactsTest {

  private static ReadResult read(String name) throws IOException {
    return CityFiles.read(CityData.file(name), new ReadOptions(WarningListener.silent()));
  }

  private static Map<String, Long> types(CitySnapshot m) {
    Map<String, Long> out = new TreeMap<>();
    m.allObjects().forEach(o -> out.merge(o.type().name(), 1L, Long::sum));
    return out;
  }

  /**
   * Distinct semantic surfaces (one per CityGML thematic surface, per CityJSON semantics entry) by
   * type.
   */
  private static Map<String, Long> semantics(CitySnapshot m) {
    Set<SemanticSurface> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Map<String, Long> out = new TreeMap<>();
    m.allObjects()
        .forEach(
            o -> {
              for (Geometry g : o.geometries()) {
                if (g instanceof SurfaceGeometry) {
                  SurfaceGeometry s = (SurfaceGeometry) g;
                  for (int i = 0; i < s.surfaceCount(); i++) {
                    SemanticSurface sem = s.semantic(i);
                    if (sem != null && seen.add(sem)) {
                      out.merge(sem.type().name(), 1L, Long::sum);
                    }
                  }
                }
              }
            });
    return out;
  }

  private static String crs(ReadResult r) {
    return r.model().crs().map(c -> c.epsgCode().orElse("?")).orElse("none");
  }

  @Test
  void berlinCityGml1() throws IOException {
    ReadResult r = read("citygml1/berlin_open_data_sample_data.citygml");
    assertEquals("1.0", r.info().version());
    assertEquals(Map.of("Building", 61L), types(r.model()));
    assertEquals(
        Map.of("WallSurface", 793L, "RoofSurface", 249L, "GroundSurface", 83L),
        semantics(r.model()));
    assertEquals("EPSG:25833", crs(r));
  }

  @Test
  void potsdamLod1WithAddressesAndGenericAttributes() throws IOException {
    ReadResult r = read("citygml1/Potsdam_LoD1.gml");
    assertEquals(Map.of("Building", 97L), types(r.model()));
    assertEquals("EPSG:25833+5783", crs(r));
    long addresses =
        r.model().allObjects().filter(o -> o.attribute("address") instanceof ListValue).count();
    assertEquals(97, addresses);
    CityObject any = r.model().stream().findFirst().orElseThrow();
    MapValue address = (MapValue) ((ListValue) any.attribute("address")).values().get(0);
    assertTrue(address.values().get("LocalityName") != null, address.toString());
    long attributes = r.model().allObjects().mapToLong(o -> o.attributes().size()).sum();
    // 1198 gen:*Attribute elements, plus name, function, measured height and address per building
    assertTrue(attributes >= 1198 + 97, "attributes: " + attributes);
    assertTrue(r.model().allObjects().allMatch(o -> o.lods().equals(java.util.List.of(Lod.of(1)))));
  }

  @Test
  void buildingWithPartAndTerrain() throws IOException {
    ReadResult r = read("citygml2/Building_and_garage_LOD2-EPSG25832.gml");
    assertEquals(
        Map.of("Building", 1L, "BuildingPart", 1L, "ReliefFeature", 1L, "TINRelief", 1L),
        types(r.model()));
    assertEquals(
        Map.of("WallSurface", 8L, "RoofSurface", 3L, "GroundSurface", 2L), semantics(r.model()));
    assertEquals("EPSG:25832+5783", crs(r));
    CityObject tin =
        r.model()
            .allObjects()
            .filter(o -> o.type().name().equals("TINRelief"))
            .findFirst()
            .orElseThrow();
    assertTrue(tin.geometries().get(0) instanceof TriangleMesh);
    assertTrue(((TriangleMesh) tin.geometries().get(0)).triangleCount() > 0);
    CityObject building =
        r.model().stream()
            .filter(o -> o.type().name().equals("Building"))
            .findFirst()
            .orElseThrow();
    assertEquals("BuildingPart", building.children().get(0).type().name());
  }

  @Test
  void lod3WithOpeningsMaterialsAndTextures() throws IOException {
    Path file = CityData.file("citygml2/lod3_building_v2.gml");
    ReadResult r = read("citygml2/lod3_building_v2.gml");
    assertEquals(Map.of("Building", 1L, "BuildingInstallation", 1L), types(r.model()));
    Map<String, Long> sem = semantics(r.model());
    assertEquals(21L, sem.get("Window"));
    assertEquals(2L, sem.get("Door"));
    assertEquals("EPSG:3068+5783", crs(r));
    assertEquals(
        8,
        r.model().appearances().textures().size(),
        r.model().appearances().textures().toString());
    for (Texture t : r.model().appearances().textures()) {
      assertTrue(Files.isRegularFile(file.resolveSibling(t.image())), t.image());
    }
    assertTrue(r.model().appearances().materials().size() >= 2);
  }

  @Test
  void cityGml3WithXlinks() throws IOException {
    ReadResult r = read("citygml3/lod2_buildings_v3.gml");
    assertEquals("3.0", r.info().version());
    assertEquals(Map.of("Building", 100L), types(r.model()));
    assertEquals(
        Map.of("WallSurface", 400L, "RoofSurface", 200L, "GroundSurface", 100L),
        semantics(r.model()));
  }

  @Test
  void delftAllTypes() throws IOException {
    ReadResult r = read("cityjson/delft.json");
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
        types(r.model()));
    assertEquals("EPSG:7415", crs(r));
  }

  @Test
  void zurichCityJson11WithParts() throws IOException {
    ReadResult r = read("cityjson/zurich_subset_lod2.json");
    assertEquals("1.1", r.info().version());
    assertEquals(Map.of("Building", 49L, "BuildingPart", 161L), types(r.model()));
    Map<String, Long> sem = semantics(r.model());
    assertEquals(1340L, sem.get("WallSurface"));
    assertEquals(644L, sem.get("RoofSurface"));
    assertEquals(54L, sem.get("GroundSurface"));
    assertEquals("EPSG:2056", crs(r));
  }

  @Test
  void cityJson10WithoutTransformOrCrs() throws IOException {
    ReadResult r = read("cityjson/LOD2_Buildings.json");
    assertEquals("1.0", r.info().version());
    assertEquals(Map.of("Building", 100L), types(r.model()));
    assertEquals(
        Map.of("WallSurface", 400L, "RoofSurface", 200L, "GroundSurface", 100L),
        semantics(r.model()));
    assertEquals("none", crs(r));
  }

  @Test
  void cityJsonSeqWithRefinedLod() throws IOException {
    ReadResult r = read("cityjson/3dbag_b2.city.jsonl");
    assertEquals(CityFormat.CITYJSON_SEQ, r.info().format());
    assertEquals(Map.of("Building", 2L, "BuildingPart", 2L), types(r.model()));
    assertTrue(r.model().allObjects().anyMatch(o -> o.lods().contains(Lod.parse("2.2"))));
    assertEquals("EPSG:7415", crs(r));
  }

  /** The same 100 FZK buildings in CityGML 3.0 and CityJSON 1.0 read as the same model. */
  @Test
  void sameBuildingsInTwoEncodingsReadAlike() throws IOException {
    CitySnapshot gml = read("citygml3/lod2_buildings_v3.gml").model();
    CitySnapshot json = read("cityjson/LOD2_Buildings.json").model();
    assertEquals(
        gml.allObjects().map(CityObject::id).sorted().toList(),
        json.allObjects().map(CityObject::id).sorted().toList());
    for (CityObject g : (Iterable<CityObject>) gml.stream()::iterator) {
      CityObject j = json.get(g.id()).orElseThrow();
      assertEquals(g.lods(), j.lods(), g.id());
      assertEquals(g.bounds().orElseThrow().minX(), j.bounds().orElseThrow().minX(), 1e-3, g.id());
      assertEquals(g.bounds().orElseThrow().maxZ(), j.bounds().orElseThrow().maxZ(), 1e-3, g.id());
    }
  }
}
