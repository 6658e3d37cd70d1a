// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.attribute;

import java.util.Objects;

/**
 * A nested map of values: a CityJSON object attribute or a CityGML generic attribute set.
 *
 * @param values the entries
 * @since 1.0
 */
public record MapValue(Attributes values) implements AttributeValue {

  /**
   * Checks the entries are not null.
   *
   * @param values the entries
   */
  public MapValue {
    Objects.requireNonNull(values, "values");
  }

  @Override
  public String asText() {
    return values.toString();
  }
}
