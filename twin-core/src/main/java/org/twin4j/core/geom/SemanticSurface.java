// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.attribute.Attributes;

/**
 * The semantics of one surface of a geometry: its type and, where the source has them, an id
 * (CityGML 3.0 boundary surfaces are features with ids) and attributes (CityJSON semantic objects
 * carry attributes such as {@code "slope"}).
 *
 * <p>Surfaces with the same plain semantics share one instance: {@link #of(SemanticType)} returns
 * it, so a million roofs cost one object.
 *
 * @param type the semantic type
 * @param id the identifier of the boundary surface, or null
 * @param attributes the attributes, empty if none
 * @since 1.0
 */
public record SemanticSurface(SemanticType type, @Nullable String id, Attributes attributes) {

  /** Checks the type and attributes are not null. */
  public SemanticSurface {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(attributes, "attributes");
  }

  /**
   * Returns the shared semantics of a type without id or attributes.
   *
   * @param type the semantic type
   * @return the shared instance
   */
  public static SemanticSurface of(SemanticType type) {
    return type.plainSurface();
  }
}
