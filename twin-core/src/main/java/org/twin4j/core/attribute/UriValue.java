// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.attribute;

import java.net.URI;
import java.util.Objects;

/**
 * A URI attribute value (CityGML UriAttribute).
 *
 * @param value the URI
 * @since 1.0
 */
public record UriValue(URI value) implements AttributeValue {

  /**
   * Checks the value is not null.
   *
   * @param value the URI
   */
  public UriValue {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String asText() {
    return value.toString();
  }
}
