// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.attribute.Attributes;

/**
 * The semantics of one surface of a geometry: its type and, where the source has them, an id
 * (CityGML boundary surfaces are features with ids), attributes (CityJSON semantic objects carry
 * attributes such as {@code "slope"}) and a parent (a window's wall: CityGML's opening in a wall
 * surface, CityJSON's semantic {@code "parent"}).
 *
 * <p>Surfaces of one boundary feature share one instance, which is what groups them; surfaces with
 * the same plain semantics share one instance too: {@link #of(SemanticType)} returns it, so a
 * million roofs cost one object.
 *
 * @param type the semantic type
 * @param id the identifier of the boundary surface, or null
 * @param attributes the attributes, empty if none
 * @param parent the semantics of the surface this one is an opening in, or null
 * @since 1.0
 */
public record SemanticSurface(
    SemanticType type,
    @Nullable String id,
    Attributes attributes,
    @Nullable SemanticSurface parent) {

  /**
   * Checks the type and attributes are not null.
   *
   * @param type the semantic type
   * @param id the identifier of the boundary surface, or null
   * @param attributes the attributes, empty if none
   * @param parent the semantics of the surface this one is an opening in, or null
   */
  public SemanticSurface {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(attributes, "attributes");
  }

  /**
   * Returns the shared semantics of a type without id, attributes or parent.
   *
   * @param type the semantic type
   * @return the shared instance
   */
  public static SemanticSurface of(SemanticType type) {
    return type.plainSurface();
  }

  /**
   * Returns semantics with an id and attributes, without parent.
   *
   * @param type the semantic type
   * @param id the id, or null
   * @param attributes the attributes
   * @return the semantics
   */
  public static SemanticSurface of(SemanticType type, @Nullable String id, Attributes attributes) {
    return new SemanticSurface(type, id, attributes, null);
  }
}
