// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.sf.LineString;
import mil.nga.sf.Point;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.io.TwinFormatException;
import org.twin4j.mesh.building.Footprint;

/** GeoPackages with bad rows, made from the real footprints with the NGA library. */
class BadGeoPackageTest {

  private static List<Footprint> real;

  @TempDir Path dir;

  @BeforeAll
  static void readReal() throws Exception {
    real = FootprintData.read(FootprintData.file(FootprintData.GPKG)).footprints();
  }

  /** Writes the real footprints, then lets a change be made to the database. */
  private Path copyWith(String name, Change change) throws Exception {
    Path p = dir.resolve(name);
    FootprintFiles.writeGeoPackage(p, "buildings", real, CrsIdentifier.ofEpsg(28992));
    GeoPackage gp = GeoPackageManager.open(p.toFile());
    try {
      change.apply(gp, gp.getFeatureDao("buildings"));
    } finally {
      gp.close();
    }
    return p;
  }

  @FunctionalInterface
  private interface Change {
    void apply(GeoPackage gp, FeatureDao dao) throws Exception;
  }

  @Test
  void read_nanCoordinate_footprintSkipped() throws Exception {
    Path p =
        copyWith(
            "nan.gpkg",
            (gp, dao) -> {
              FeatureRow row = dao.queryForIdRow(3);
              LineString ring = new LineString();
              ring.addPoint(new Point(0, 0));
              ring.addPoint(new Point(10, 0));
              ring.addPoint(new Point(Double.NaN, 10));
              ring.addPoint(new Point(0, 0));
              mil.nga.sf.Polygon polygon = new mil.nga.sf.Polygon();
              polygon.addRing(ring);
              row.setGeometry(GeoPackageGeometryData.create(dao.getSrsId(), polygon));
              dao.update(row);
            });
    FootprintSet set = FootprintData.read(p);
    assertEquals(FootprintData.COUNT, set.read());
    assertEquals(1, set.skipped());
    assertEquals(FootprintData.COUNT - 1, set.footprints().size());
    FootprintIssue issue = set.issues().get(0);
    assertEquals(FootprintIssue.Kind.NOT_FINITE, issue.kind());
    assertEquals(real.get(2).id(), issue.id());
    assertEquals("exterior vertex 2 has coordinate (NaN, 10.0)", issue.message());
    assertEquals(1, set.issues().size());
  }

  @Test
  void read_corruptGeometryBlob_namesTheFeatureId() throws Exception {
    Path p =
        copyWith(
            "corrupt.gpkg",
            (gp, dao) -> gp.execSQL("UPDATE buildings SET geom = X'47500001' WHERE fid = 5"));
    TwinFormatException e = assertThrows(TwinFormatException.class, () -> FootprintData.read(p));
    assertEquals("5", e.location().objectId(), e.getMessage());
    assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("feature fid 5 of layer 'buildings'"), e.getMessage());
  }

  @Test
  void read_missingLayer_listsTheLayers() throws Exception {
    Path p = FootprintData.file(FootprintData.GPKG);
    TwinFormatException e =
        assertThrows(
            TwinFormatException.class,
            () ->
                FootprintFiles.read(
                    p, FootprintOptions.defaults().withLayer("roads").withListener(w -> {})));
    assertTrue(
        e.getMessage().endsWith("no feature table 'roads'; the feature tables are [buildings]"),
        e.getMessage());
  }
}
