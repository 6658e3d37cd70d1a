// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.attribute;

/**
 * A floating-point attribute value (CityGML DoubleAttribute, a CityJSON number with a fraction).
 *
 * @param value the number, finite or infinite but not NaN
 * @since 1.0
 */
public record DoubleValue(double value) implements AttributeValue {

  /**
   * Rejects NaN, which neither CityGML nor JSON can carry. @throws IllegalArgumentException if the
   * value is NaN
   *
   * @param value the number, finite or infinite but not NaN
   */
  public DoubleValue {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("a double attribute value must not be NaN");
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
