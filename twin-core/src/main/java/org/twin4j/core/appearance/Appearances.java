// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.appearance;

import java.util.List;
import java.util.Objects;

/**
 * The materials and textures of a model, referred to by index from {@link GeometryAppearance}s, as
 * CityJSON's {@code appearance.materials} and {@code appearance.textures}. Immutable.
 *
 * @param materials the materials
 * @param textures the textures
 * @since 1.0
 */
public record Appearances(List<Material> materials, List<Texture> textures) {

  private static final Appearances NONE = new Appearances(List.of(), List.of());

  /**
   * Copies the lists.
   *
   * @param materials the materials
   * @param textures the textures
   */
  public Appearances {
    materials = List.copyOf(Objects.requireNonNull(materials, "materials"));
    textures = List.copyOf(Objects.requireNonNull(textures, "textures"));
  }

  /**
   * Returns the empty tables.
   *
   * @return no materials and no textures
   */
  public static Appearances none() {
    return NONE;
  }

  /**
   * Tells whether there is neither material nor texture.
   *
   * @return true if empty
   */
  public boolean isEmpty() {
    return materials.isEmpty() && textures.isEmpty();
  }
}
