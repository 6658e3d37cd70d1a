// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LodTest {

  @Test
  void parse_plainAndRefinedLevels() {
    assertSame(Lod.LOD2, Lod.parse("2"));
    assertEquals(new Lod(2, 2), Lod.parse("2.2"));
    assertEquals(new Lod(1, 3), Lod.parse(" 1.3 "));
    assertEquals("2.2", Lod.parse("2.2").toString());
    assertEquals("0", Lod.LOD0.toString());
    assertTrue(Lod.parse("2.2").isRefined());
    assertFalse(Lod.LOD1.isRefined());
    assertSame(Lod.LOD2, Lod.parse("2.2").base());
  }

  @Test
  void parse_rejectsMalformed() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Lod.parse("2.22"))
            .getMessage()
            .contains("2.22"));
    assertThrows(IllegalArgumentException.class, () -> Lod.parse("x"));
    assertThrows(IllegalArgumentException.class, () -> Lod.parse("5"));
    assertThrows(IllegalArgumentException.class, () -> new Lod(2, 10));
  }

  @Test
  void compareTo_ordersByLevelThenRefinement() {
    List<Lod> lods =
        new ArrayList<>(List.of(Lod.parse("2.2"), Lod.LOD1, Lod.parse("1.2"), Lod.LOD2, Lod.LOD0));
    Collections.sort(lods);
    assertEquals("[0, 1, 1.2, 2, 2.2]", lods.toString());
  }
}
