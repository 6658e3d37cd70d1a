// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.model;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.attribute.Attributes;

/**
 * Descriptive metadata of a city model: the CityJSON {@code metadata} members and the CityGML
 * {@code gml:name}/{@code gml:description} of a model.
 *
 * @param identifier a unique identifier of the data set, or null
 * @param title a human-readable title, or null
 * @param referenceDate the date the data describes, or null
 * @param other any further members, kept for round trips (point of contact, lineage, ...)
 * @since 1.0
 */
public record Metadata(
    @Nullable String identifier,
    @Nullable String title,
    @Nullable LocalDate referenceDate,
    Attributes other) {

  private static final Metadata EMPTY = new Metadata(null, null, null, Attributes.empty());

  /**
   * Checks that {@code other} is not null.
   *
   * @param identifier a unique identifier of the data set, or null
   * @param title a human-readable title, or null
   * @param referenceDate the date the data describes, or null
   * @param other any further members, kept for round trips (point of contact, lineage, ...)
   */
  public Metadata {
    Objects.requireNonNull(other, "other");
  }

  /**
   * Returns metadata with no member set.
   *
   * @return the shared empty instance
   */
  public static Metadata empty() {
    return EMPTY;
  }

  /**
   * Returns metadata with only a title.
   *
   * @param title the title
   * @return the metadata
   */
  public static Metadata titled(String title) {
    return new Metadata(null, Objects.requireNonNull(title, "title"), null, Attributes.empty());
  }
}
