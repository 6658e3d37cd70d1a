// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.twin4j.core.attribute.AttributeValue;
import org.twin4j.core.geom.Bounds3D;
import org.twin4j.core.geom.Lod;
import org.twin4j.core.geom.MultiSurface;
import org.twin4j.core.geom.Polygon;
import org.twin4j.core.geom.SemanticSurface;
import org.twin4j.core.geom.SemanticType;

class CityObjectTest {

  @Test
  void builder_collectsGeometriesPerLodAndChildren() {
    MultiSurface roof =
        MultiSurface.builder(Lod.parse("2.2"))
            .polygon(
                Polygon.of(new double[] {0, 0, 10, 5, 0, 10, 5, 5, 12}),
                SemanticSurface.of(SemanticType.ROOF))
            .build();
    CityObject b =
        CityObject.builder("b1", CityObjectType.BUILDING)
            .geometry(Buildings.block("tmp", 0, 0, 5, 10).geometries().get(0))
            .geometry(roof)
            .child(
                CityObject.builder("b1-roof", CityObjectType.of("RoofSurface"))
                    .geometry(roof.withLod(Lod.LOD2))
                    .build())
            .build();
    assertEquals(List.of(Lod.LOD1, Lod.LOD2, Lod.parse("2.2")), b.lods());
    assertEquals(1, b.geometries(Lod.parse("2.2")).size());
    assertTrue(b.children().get(0).type().isBoundarySurface());
    assertFalse(b.children().get(0).type().isFirstLevel());
    assertEquals(new Bounds3D(0, 0, 0, 5, 5, 12), b.bounds().orElseThrow());
    assertEquals("b1-roof", b.find("b1-roof").orElseThrow().id());
    assertSame(b, b.find("b1").orElseThrow());
  }

  @Test
  void build_rejectsRepeatedIdInTree() {
    CityObject part = CityObject.builder("p", CityObjectType.BUILDING_PART).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CityObject.builder("b", CityObjectType.BUILDING).child(part).child(part).build());
    assertTrue(e.getMessage().contains("'p' occurs twice"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> CityObject.builder(" ", CityObjectType.BUILDING));
  }

  @Test
  void equals_comparesContent() {
    CityObject a = Buildings.block("x", 0, 0, 5, 10);
    assertEquals(a, Buildings.block("x", 0, 0, 5, 10));
    assertNotEquals(a, Buildings.block("x", 0, 0, 5, 11));
    assertNotEquals(a, a.withAttributes(a.attributes().with("height", AttributeValue.of(11.0))));
  }

  @Test
  void type_isOpenAndInterned() {
    assertSame(CityObjectType.of("Building"), CityObjectType.BUILDING);
    CityObjectType ext = CityObjectType.of("+NoiseBarrier");
    assertSame(ext, CityObjectType.of("+NoiseBarrier"));
    assertFalse(ext.isKnown());
    assertTrue(ext.isFirstLevel());
    assertFalse(CityObjectType.BUILDING_PART.isFirstLevel());
  }
}
