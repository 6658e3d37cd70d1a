// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.attribute;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A value from a code list, as CityGML's {@code function}, {@code usage} and {@code class} carry
 * them.
 *
 * @param value the code
 * @param codeSpace the URI of the code list, or null if the source names none
 * @since 1.0
 */
public record CodeValue(String value, @Nullable String codeSpace) implements AttributeValue {

  /**
   * Checks the code is not null.
   *
   * @param value the code
   * @param codeSpace the URI of the code list, or null if the source names none
   */
  public CodeValue {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String asText() {
    return value;
  }
}
