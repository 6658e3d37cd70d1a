// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.attribute;

/**
 * A boolean attribute value.
 *
 * @param value the boolean
 * @since 1.0
 */
public record BooleanValue(boolean value) implements AttributeValue {

  /** The value true. */
  public static final BooleanValue TRUE = new BooleanValue(true);

  /** The value false. */
  public static final BooleanValue FALSE = new BooleanValue(false);

  @Override
  public String asText() {
    return Boolean.toString(value);
  }
}
