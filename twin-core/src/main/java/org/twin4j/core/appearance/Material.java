// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.appearance;

import org.jspecify.annotations.Nullable;

/**
 * An X3D material, as CityGML's X3DMaterial and CityJSON's {@code materials} entries hold it. Unset
 * numbers are NaN, unset colours and flags null.
 *
 * @param name a name (CityJSON {@code name}, CityGML {@code gml:name}), or null
 * @param ambientIntensity 0 to 1, or NaN
 * @param diffuseColor the diffuse colour, or null
 * @param emissiveColor the emissive colour, or null
 * @param specularColor the specular colour, or null
 * @param shininess 0 to 1, or NaN
 * @param transparency 0 to 1, or NaN
 * @param isSmooth whether normals are interpolated, or null
 * @since 1.0
 */
public record Material(
    @Nullable String name,
    double ambientIntensity,
    @Nullable Color diffuseColor,
    @Nullable Color emissiveColor,
    @Nullable Color specularColor,
    double shininess,
    double transparency,
    @Nullable Boolean isSmooth) {

  /**
   * Returns a material with only a diffuse colour.
   *
   * @param diffuse the colour
   * @return the material
   */
  public static Material ofDiffuse(Color diffuse) {
    return new Material(null, Double.NaN, diffuse, null, null, Double.NaN, Double.NaN, null);
  }
}
