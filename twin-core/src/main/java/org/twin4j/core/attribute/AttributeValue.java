// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.attribute;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * A typed attribute value. The record implementing it says the type; switch over it with pattern
 * matching or use the conversion helpers here.
 *
 * @since 1.0
 */
public sealed interface AttributeValue
    permits StringValue,
        IntegerValue,
        DoubleValue,
        BooleanValue,
        DateValue,
        UriValue,
        MeasureValue,
        CodeValue,
        ListValue,
        MapValue,
        NullValue {

  /**
   * Returns a string value.
   *
   * @param value the string
   * @return the value
   */
  static AttributeValue of(String value) {
    return new StringValue(value);
  }

  /**
   * Returns an integer value.
   *
   * @param value the integer
   * @return the value
   */
  static AttributeValue of(long value) {
    return new IntegerValue(value);
  }

  /**
   * Returns a double value.
   *
   * @param value the number, not NaN
   * @return the value
   */
  static AttributeValue of(double value) {
    return new DoubleValue(value);
  }

  /**
   * Returns a boolean value.
   *
   * @param value the boolean
   * @return the value
   */
  static AttributeValue of(boolean value) {
    return value ? BooleanValue.TRUE : BooleanValue.FALSE;
  }

  /**
   * Returns a date value.
   *
   * @param value the date
   * @return the value
   */
  static AttributeValue of(LocalDate value) {
    return new DateValue(value);
  }

  /**
   * Returns a URI value.
   *
   * @param value the URI
   * @return the value
   */
  static AttributeValue of(URI value) {
    return new UriValue(value);
  }

  /**
   * Returns a list value.
   *
   * @param values the elements, copied
   * @return the value
   */
  static AttributeValue of(List<? extends AttributeValue> values) {
    return new ListValue(List.copyOf(values));
  }

  /**
   * Returns the value as plain text, as a CityJSON string or a CityGML string attribute would hold
   * it: the string itself, the decimal form of a number, ISO-8601 for a date, the value without its
   * unit for a measure.
   *
   * @return the text form
   */
  String asText();

  /**
   * Returns the value as a number where it is one.
   *
   * @return the number for integer, double and measure values, else NaN
   */
  default double asDouble() {
    return Double.NaN;
  }
}
