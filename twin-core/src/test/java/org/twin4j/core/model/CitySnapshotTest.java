// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.geom.Bounds2D;
import org.twin4j.core.geom.Bounds3D;

class CitySnapshotTest {

  private static CitySnapshot sample() {
    return CityModel.builder()
        .crs(CrsIdentifier.ofEpsg(7415))
        .metadata(Metadata.titled("test"))
        .add(Buildings.block("a", 0, 0, 10, 10))
        .add(Buildings.withParts("b", 20, 0))
        .add(CityObject.builder("group", CityObjectType.CITY_OBJECT_GROUP).build())
        .buildSnapshot();
  }

  @Test
  void lookup_findsObjectsAtEveryLevel() {
    CitySnapshot s = sample();
    assertEquals(3, s.size());
    assertEquals(5, s.objectCount());
    assertEquals(CityObjectType.BUILDING_PART, s.get("b-b").orElseThrow().type());
    assertEquals("b", s.parentOf("b-b").orElseThrow().id());
    assertTrue(s.parentOf("b").isEmpty());
    assertFalse(s.contains("nope"));
    assertEquals(
        List.of("a", "b", "group"), s.stream().map(CityObject::id).collect(Collectors.toList()));
    assertEquals(
        List.of("a", "b", "b-a"),
        s.objectsOfType(CityObjectType.BUILDING).map(CityObject::id).collect(Collectors.toList()));
    assertEquals(new Bounds3D(0, 0, 0, 30, 10, 10), s.bounds().orElseThrow());
    assertEquals(7415, s.crs().orElseThrow().horizontalEpsg());
  }

  @Test
  void edit_replaceAndRemoveNestedObjectsLeaveTheOldSnapshotIntact() {
    CitySnapshot before = sample();
    CitySnapshot.Edit e = before.edit();
    e.replace(CityObject.builder("b-b", CityObjectType.BUILDING_PART).build());
    assertTrue(e.remove("a"));
    assertFalse(e.remove("a"));
    e.add(Buildings.block("c", 50, 50, 5, 5));
    CitySnapshot after = e.apply();
    assertEquals(3, after.size());
    assertTrue(after.get("b-b").orElseThrow().geometries().isEmpty());
    assertFalse(after.contains("a"));
    assertEquals(
        List.of("group", "b", "c"),
        after.stream().map(CityObject::id).collect(Collectors.toList()));
    // the old state is untouched
    assertEquals(1, before.get("b-b").orElseThrow().geometries().size());
    assertTrue(before.contains("a"));
    assertEquals(5, before.objectCount());
    assertEquals(5, after.objectCount());
  }

  @Test
  void edit_removingANestedObjectDropsItsSubtree() {
    CitySnapshot s = sample().edit().apply();
    CitySnapshot.Edit e = s.edit();
    assertTrue(e.remove("b-a"));
    CitySnapshot after = e.apply();
    assertFalse(after.contains("b-a"));
    assertEquals(1, after.get("b").orElseThrow().children().size());
    assertEquals(4, after.objectCount());
  }

  @Test
  void edit_rejectsDuplicateAndMissingIds() {
    CitySnapshot s = sample();
    IllegalArgumentException dup =
        assertThrows(
            IllegalArgumentException.class, () -> s.edit().add(Buildings.block("b-a", 0, 0, 1, 1)));
    assertTrue(dup.getMessage().contains("'b-a' exists already"), dup.getMessage());
    assertThrows(
        NoSuchElementException.class, () -> s.edit().replace(Buildings.block("zz", 0, 0, 1, 1)));
    CitySnapshot.Edit e = s.edit();
    e.apply();
    assertThrows(IllegalStateException.class, e::apply);
  }

  @Test
  void edit_manyRemovalsCompactSlotsAndKeepOrder() {
    CityModel.Builder b = CityModel.builder();
    for (int i = 0; i < 5000; i++) {
      b.add(Buildings.block("o" + i, i * 20, 0, 10, 10));
    }
    CitySnapshot s = b.buildSnapshot();
    CitySnapshot.Edit e = s.edit();
    for (int i = 0; i < 5000; i++) {
      if (i % 5 != 0) {
        e.remove("o" + i);
      }
    }
    CitySnapshot after = e.apply();
    assertEquals(1000, after.size());
    assertEquals("o0", after.stream().findFirst().orElseThrow().id());
    assertEquals("o4995", after.stream().reduce((x, y) -> y).orElseThrow().id());
    assertTrue(after.contains("o2500"));
    assertFalse(after.contains("o2501"));
  }

  @Test
  void spatialQuery_withoutAnIndexModuleSaysWhatIsMissing() {
    // twin-core's own tests run without twin-index on the class path
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> sample().intersecting(new Bounds2D(0, 0, 1, 1)));
    assertTrue(e.getMessage().contains("org.twin4j:twin-index"), e.getMessage());
  }

  @Test
  void liveModel_publishesNothingWhenAnEditFails() {
    CityModel m = CityModel.of(sample());
    CitySnapshot before = m.snapshot();
    assertThrows(
        IllegalArgumentException.class,
        () ->
            m.edit(
                e -> {
                  e.remove("a");
                  e.add(Buildings.block("b", 0, 0, 1, 1));
                }));
    assertTrue(m.contains("a"));
    assertTrue(before == m.snapshot());
    assertTrue(m.remove("a"));
    assertFalse(m.contains("a"));
    assertTrue(before.contains("a"));
  }
}
