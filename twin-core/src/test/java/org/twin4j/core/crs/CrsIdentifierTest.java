// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrsIdentifierTest {

  @Test
  void parse_formsFoundInTheSampleCityFiles() {
    assertEquals(Optional.of("EPSG:25833"), CrsIdentifier.parse("EPSG:25833").epsgCode());
    assertEquals(
        Optional.of("EPSG:25833+5783"),
        CrsIdentifier.parse("urn:ogc:def:crs,crs:EPSG:6.12:25833,crs:EPSG:6.12:5783").epsgCode());
    assertEquals(
        Optional.of("EPSG:25832+5783"),
        CrsIdentifier.parse("urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::5783").epsgCode());
    assertEquals(
        7415, CrsIdentifier.parse("https://www.opengis.net/def/crs/EPSG/0/7415").horizontalEpsg());
    assertEquals(
        2056, CrsIdentifier.parse("http://www.opengis.net/def/crs/EPSG/0/2056").horizontalEpsg());
  }

  @Test
  void parse_otherCommonForms() {
    assertEquals(28992, CrsIdentifier.parse("urn:ogc:def:crs:EPSG::28992").horizontalEpsg());
    CrsIdentifier compound =
        CrsIdentifier.parse(
            "https://www.opengis.net/def/crs-compound?1=https://www.opengis.net/def/crs/EPSG/0/28992&2=https://www.opengis.net/def/crs/EPSG/0/5709");
    assertEquals(28992, compound.horizontalEpsg());
    assertEquals(5709, compound.verticalEpsg());
    CrsIdentifier adv = CrsIdentifier.parse("urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH");
    assertEquals(Optional.of("EPSG:25832+7837"), adv.epsgCode());
    assertEquals("EPSG:7415+5709", CrsIdentifier.ofEpsg(7415, 5709).text());
  }

  @Test
  void parse_wktTakesTheTopLevelAuthority() {
    String wkt =
        "PROJCS[\"RGF93 / Lambert-93\",GEOGCS[\"RGF93\",DATUM[\"Reseau_Geodesique_Francais_1993\","
            + "SPHEROID[\"GRS 1980\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"7019\"]],AUTHORITY[\"EPSG\",\"6171\"]],"
            + "AUTHORITY[\"EPSG\",\"4171\"]],PROJECTION[\"Lambert_Conformal_Conic_2SP\"],UNIT[\"metre\",1,"
            + "AUTHORITY[\"EPSG\",\"9001\"]],AUTHORITY[\"EPSG\",\"2154\"]]";
    CrsIdentifier crs = CrsIdentifier.parse(wkt);
    assertEquals(2154, crs.horizontalEpsg());
    assertEquals(wkt, crs.wkt());
    assertFalse(crs.isGeographic());
    CrsIdentifier wkt2 =
        CrsIdentifier.ofWkt("GEOGCRS[\"WGS 84\",ENSEMBLE[\"x\"],ID[\"EPSG\",4326]]");
    assertEquals(4326, wkt2.horizontalEpsg());
    assertTrue(wkt2.isGeographic());
    CrsIdentifier noCode = CrsIdentifier.ofWkt("LOCAL_CS[\"site\"]".replace("LOCAL_CS", "ENGCRS"));
    assertEquals(0, noCode.horizontalEpsg());
    assertEquals(Optional.empty(), noCode.epsgCode());
  }

  @Test
  void parse_unknownFormNamesTheText() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CrsIdentifier.parse("RD-new-ish"));
    assertTrue(e.getMessage().contains("'RD-new-ish'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CrsIdentifier.parse("EPSG:0"));
  }

  @Test
  void toUrnAndUri_roundTrip() {
    CrsIdentifier c = CrsIdentifier.ofEpsg(25833, 5783);
    assertEquals(c.epsgCode(), CrsIdentifier.parse(c.toUrn().orElseThrow()).epsgCode());
    assertEquals(c.epsgCode(), CrsIdentifier.parse(c.toOgcUri().orElseThrow()).epsgCode());
    assertEquals("urn:ogc:def:crs:EPSG::7415", CrsIdentifier.ofEpsg(7415).toUrn().orElseThrow());
    assertTrue(CrsIdentifier.ofEpsg(4326).isGeographic());
  }
}
