// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.attribute;

/**
 * The explicit null a CityJSON attribute may hold, kept so that it survives a round trip.
 *
 * @since 1.0
 */
public enum NullValue implements AttributeValue {
  /** The only instance. */
  INSTANCE;

  @Override
  public String asText() {
    return "null";
  }
}
