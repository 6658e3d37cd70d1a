// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributesTest {

  @Test
  void builder_keepsInsertionOrderAndReplacesInPlace() {
    Attributes a = Attributes.builder().put("b", 1).put("a", "x").put("b", 2.5).build();
    assertEquals(2, a.size());
    assertEquals("b", a.name(0));
    assertEquals(new DoubleValue(2.5), a.get("b"));
    assertEquals(List.of("b", "a"), List.copyOf(a.asMap().keySet()));
  }

  @Test
  void equals_ignoresOrder() {
    Attributes a = Attributes.builder().put("x", 1).put("y", true).build();
    Attributes b = Attributes.builder().put("y", true).put("x", 1).build();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
  }

  @Test
  void typedValues_coverCityGmlAndCityJsonTypes() {
    Attributes a =
        Attributes.builder()
            .put("measuredHeight", new MeasureValue(12.5, "m"))
            .put(
                "function",
                new CodeValue("31001_1000", "http://www.sig3d.org/codelists/function.xml"))
            .put("built", AttributeValue.of(LocalDate.of(1923, 5, 1)))
            .put("web", AttributeValue.of(URI.create("https://example.org/b/1")))
            .put("tags", AttributeValue.of(List.of(AttributeValue.of("a"), AttributeValue.of(2))))
            .put("nested", new MapValue(Attributes.builder().put("k", "v").build()))
            .put("unknown", NullValue.INSTANCE)
            .build();
    assertEquals(12.5, a.get("measuredHeight").asDouble());
    assertEquals("1923-05-01", a.get("built").asText());
    assertEquals("[a, 2]", a.get("tags").asText());
    assertEquals(Map.of("k", new StringValue("v")), ((MapValue) a.get("nested")).values().asMap());
    assertEquals(Double.NaN, a.get("web").asDouble());
  }

  @Test
  void withAndWithout_leaveOriginalUnchanged() {
    Attributes a = Attributes.builder().put("x", 1).build();
    Attributes b = a.with("y", AttributeValue.of(2));
    assertEquals(1, a.size());
    assertEquals(2, b.size());
    assertSame(Attributes.empty(), b.without("x").without("y"));
    assertNull(b.without("y").get("y"));
  }

  @Test
  void doubleValue_rejectsNaN() {
    assertThrows(IllegalArgumentException.class, () -> new DoubleValue(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new MeasureValue(Double.NaN, "m"));
  }
}
