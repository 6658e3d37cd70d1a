// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.twin4j.core.attribute.IntegerValue;
import org.twin4j.core.attribute.StringValue;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.io.ReadWarning;
import org.twin4j.mesh.building.Footprint;

/** The 160 real Delft footprints (BGT "pand"), as GeoJSON and as GeoPackage. */
class RealFootprintsTest {

  /** The first feature of both files, attributes looked up in the GeoJSON text. */
  private static final String FIRST = "b31e1feb1-00ba-11e6-b420-2bdcc4ab5d7f";

  /** The only footprint with a courtyard (hole). */
  private static final String WITH_HOLE = "b31bd5f7b-00ba-11e6-b420-2bdcc4ab5d7f";

  /** How far the two files' coordinates of one vertex may be apart, in metres. */
  private static final double COORD_TOL_M = 0.5e-3;

  private static FootprintSet geoJson;
  private static FootprintSet gpkg;
  private static final List<ReadWarning> GEOJSON_WARNINGS = new ArrayList<>();
  private static final List<ReadWarning> GPKG_WARNINGS = new ArrayList<>();

  @BeforeAll
  static void read() throws Exception {
    geoJson = FootprintData.read(FootprintData.file(FootprintData.GEOJSON), GEOJSON_WARNINGS);
    gpkg = FootprintData.read(FootprintData.file(FootprintData.GPKG), GPKG_WARNINGS);
  }

  @Test
  void read_geoJson_all160FootprintsNoneSkipped() {
    assertEquals(FootprintData.COUNT, geoJson.footprints().size());
    assertEquals(FootprintData.COUNT, geoJson.read());
    assertEquals(0, geoJson.skipped());
  }

  @Test
  void read_geoPackage_all160FootprintsNoneSkipped() {
    assertEquals(FootprintData.COUNT, gpkg.footprints().size());
    assertEquals(FootprintData.COUNT, gpkg.read());
    assertEquals(0, gpkg.skipped());
  }

  @Test
  void read_bothFormats_crsIsRdNew() {
    CrsIdentifier a = geoJson.crs().orElseThrow();
    CrsIdentifier b = gpkg.crs().orElseThrow();
    assertEquals("EPSG:28992", a.epsgCode().orElseThrow());
    assertEquals("EPSG:28992", b.epsgCode().orElseThrow());
    assertEquals("urn:ogc:def:crs:EPSG::28992", a.text());
    // the GeoPackage also gives the WKT of gpkg_spatial_ref_sys
    assertTrue(b.wkt() != null && b.wkt().startsWith("PROJCS[\"Amersfoort / RD New\""), b.wkt());
  }

  @Test
  void read_bothFormats_sameIdsAttributesAndCoordinatesToHalfAMillimetre() {
    List<Footprint> a = geoJson.footprints();
    List<Footprint> b = gpkg.footprints();
    assertEquals(a.size(), b.size());
    int vertices = 0;
    int differing = 0;
    Set<String> footprintsDiffering = new HashSet<>();
    for (int k = 0; k < a.size(); k++) {
      Footprint f = a.get(k);
      Footprint g = b.get(k);
      assertEquals(f.id(), g.id());
      assertEquals(f.attributes(), g.attributes(), f.id());
      assertEquals(f.polygon().ringCount(), g.polygon().ringCount(), f.id());
      for (int r = 0; r < f.polygon().ringCount(); r++) {
        assertEquals(f.polygon().ringSize(r), g.polygon().ringSize(r), f.id());
        for (int i = 0; i < f.polygon().ringSize(r); i++) {
          double dx = f.polygon().x(r, i) - g.polygon().x(r, i);
          double dy = f.polygon().y(r, i) - g.polygon().y(r, i);
          assertEquals(0, dx, COORD_TOL_M, f.id());
          assertEquals(0, dy, COORD_TOL_M, f.id());
          vertices++;
          if (dx != 0 || dy != 0) {
            differing++;
            footprintsDiffering.add(f.id());
          }
        }
      }
    }
    // GDAL wrote the GeoJSON with millimetres; three footprints have finer coordinates in the
    // GeoPackage (same source), 62 of their vertices differ by less than half a millimetre
    assertEquals(1601, vertices);
    assertEquals(62, differing);
    assertEquals(3, footprintsDiffering.size());
  }

  @Test
  void read_bothFormats_idsAreTheUniqueGmlIds() {
    Set<String> ids = new HashSet<>();
    for (Footprint f : geoJson.footprints()) {
      assertEquals(new StringValue(f.id()), f.attributes().get("gml_id"));
      assertTrue(ids.add(f.id()), "duplicate " + f.id());
    }
    assertEquals(FootprintData.COUNT, ids.size());
  }

  @Test
  void read_knownId_attributesAsInTheFile() {
    for (FootprintSet set : List.of(geoJson, gpkg)) {
      Footprint f = set.find(FIRST).orElseThrow();
      assertEquals(4, f.attributes().size());
      assertEquals(new StringValue(FIRST), f.attributes().get("gml_id"));
      assertEquals(new IntegerValue(0), f.attributes().get("relatievehoogteligging"));
      assertEquals(new IntegerValue(503100000018603L), f.attributes().get("identificatiebagpnd"));
      assertEquals(new StringValue("bestaand"), f.attributes().get("bgt_status"));
      // first vertex as in the file, exterior now counter-clockwise: 7 distinct vertices
      assertEquals(84967.573, f.polygon().x(0, 0));
      assertEquals(447497.445, f.polygon().y(0, 0));
      assertEquals(7, f.polygon().ringSize(0));
      assertEquals(84967.602, f.polygon().x(0, 1), "reversed: the file's last distinct vertex");
      assertTrue(f.polygon().signedArea2D() > 0);
    }
  }

  @Test
  void read_bothFormats_everyPolygonValidAndCounterClockwise() {
    for (FootprintSet set : List.of(geoJson, gpkg)) {
      set.footprints().forEach(FootprintData::assertValid);
    }
    Footprint courtyard = geoJson.find(WITH_HOLE).orElseThrow();
    assertEquals(1, courtyard.polygon().holeCount());
  }

  @Test
  void read_bothFormats_onlyIssueIsClockwiseRings() {
    // the files come from GDAL with every exterior clockwise and the one hole counter-clockwise
    // (ESRI order); no repeated vertex, self-intersection or degenerate ring
    for (FootprintSet set : List.of(geoJson, gpkg)) {
      assertEquals(FootprintData.COUNT, set.issues().size());
      assertEquals(FootprintData.COUNT, set.issueCount(FootprintIssue.Kind.ORIENTATION));
      FootprintIssue hole =
          set.issues().stream().filter(i -> i.id().equals(WITH_HOLE)).findFirst().orElseThrow();
      assertEquals("exterior clockwise, hole 1 counter-clockwise seen from above", hole.message());
      assertEquals("reversed", hole.action());
    }
    assertEquals(FootprintData.COUNT, GEOJSON_WARNINGS.size());
    assertEquals(FootprintData.COUNT, GPKG_WARNINGS.size());
    assertEquals("orientation", GEOJSON_WARNINGS.get(0).kind());
  }

  @Test
  void read_geoJsonIssue_locatesTheFeatureLine() {
    FootprintIssue first = geoJson.issues().get(0);
    assertEquals(FIRST, first.id());
    assertEquals(6, first.location().line(), "the first feature is on line 6");
    assertEquals(FIRST, first.location().objectId());
    assertNotNull(first.location().source());
  }

  @Test
  void read_explicitLayerAndIdAttribute_usesThem() throws Exception {
    Path file = FootprintData.file(FootprintData.GPKG);
    FootprintSet set =
        FootprintFiles.read(
            file,
            FootprintOptions.defaults()
                .withLayer("buildings")
                .withIdAttributes("identificatiebagpnd")
                .withListener(w -> {}));
    assertTrue(set.find("503100000018603").isPresent());
    assertEquals(0, set.issueCount(FootprintIssue.Kind.DUPLICATE_ID));
    FootprintSet byFid =
        FootprintFiles.read(
            file, FootprintOptions.defaults().withIdAttributes().withListener(w -> {}));
    // the GeoPackage primary key (ogc_fid) of the first row
    assertEquals("109", byFid.footprints().get(0).id());
  }
}
