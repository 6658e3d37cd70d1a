// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.attribute;

/**
 * An integer attribute value (CityGML IntAttribute, a CityJSON integer).
 *
 * @param value the integer
 * @since 1.0
 */
public record IntegerValue(long value) implements AttributeValue {

  @Override
  public String asText() {
    return Long.toString(value);
  }

  @Override
  public double asDouble() {
    return value;
  }
}
