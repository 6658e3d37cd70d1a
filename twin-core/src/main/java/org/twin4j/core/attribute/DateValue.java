// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.attribute;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A calendar date attribute value (CityGML DateAttribute, creation and termination dates).
 *
 * @param value the date
 * @since 1.0
 */
public record DateValue(LocalDate value) implements AttributeValue {

  /**
   * Checks the value is not null.
   *
   * @param value the date
   */
  public DateValue {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String asText() {
    return value.toString();
  }
}
