// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.attribute;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A list of values, as CityJSON arrays allow.
 *
 * @param values the elements, copied into an immutable list
 * @since 1.0
 */
public record ListValue(List<AttributeValue> values) implements AttributeValue {

  /**
   * Copies the elements.
   *
   * @param values the elements, copied into an immutable list
   */
  public ListValue {
    values = List.copyOf(values);
  }

  @Override
  public String asText() {
    return values.stream().map(AttributeValue::asText).collect(Collectors.joining(", ", "[", "]"));
  }
}
