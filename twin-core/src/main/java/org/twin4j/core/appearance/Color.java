// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.appearance;

/**
 * An RGB colour with components from 0 to 1, as X3D and CityJSON write them.
 *
 * @param red red, 0 to 1
 * @param green green, 0 to 1
 * @param blue blue, 0 to 1
 * @since 1.0
 */
public record Color(double red, double green, double blue) {

  /**
   * Validates the components. @throws IllegalArgumentException if a component is outside 0 to 1 or
   * NaN
   *
   * @param red red, 0 to 1
   * @param green green, 0 to 1
   * @param blue blue, 0 to 1
   */
  public Color {
    if (!(red >= 0 && red <= 1 && green >= 0 && green <= 1 && blue >= 0 && blue <= 1)) {
      throw new IllegalArgumentException(
          "colour components must be 0 to 1, got (" + red + ", " + green + ", " + blue + ")");
    }
  }
}
