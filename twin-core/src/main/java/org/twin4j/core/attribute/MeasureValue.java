// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.attribute;

import java.util.Objects;

/**
 * A measured quantity with its unit of measure (CityGML MeasureAttribute, {@code measuredHeight}).
 *
 * @param value the number, not NaN
 * @param uom the unit of measure as the source gives it ("m", "urn:ogc:def:uom:UCUM::m", "#m")
 * @since 1.0
 */
public record MeasureValue(double value, String uom) implements AttributeValue {

  /**
   * Validates the measure. @throws IllegalArgumentException if the value is NaN
   *
   * @param value the number, not NaN
   * @param uom the unit of measure as the source gives it ("m", "urn:ogc:def:uom:UCUM::m", "#m")
   */
  public MeasureValue {
    Objects.requireNonNull(uom, "uom");
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("a measure must not be NaN (unit '" + uom + "')");
    }
  }

  @Override
  public String asText() {
    return Double.toString(value);
  }

  @Override
  public double asDouble() {
    return value;
  }
}
