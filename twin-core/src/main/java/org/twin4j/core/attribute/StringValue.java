// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.attribute;

import java.util.Objects;

/**
 * A string attribute value.
 *
 * @param value the string
 * @since 1.0
 */
public record StringValue(String value) implements AttributeValue {

  /**
   * Checks the value is not null.
   *
   * @param value the string
   */
  public StringValue {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String asText() {
    return value;
  }
}
