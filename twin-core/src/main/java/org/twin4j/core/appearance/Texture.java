// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.appearance;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A texture image, as CityGML's ParameterizedTexture and CityJSON's {@code textures} entries name
 * it.
 *
 * @param image the image path or URI as the source gives it (relative paths resolve against the
 *     file)
 * @param mimeType the image type ("PNG", "JPG" in CityJSON; a MIME type in CityGML), or null
 * @param wrapMode "none", "wrap", "mirror", "clamp" or "border", or null
 * @param textureType "specific", "typical" or "unknown", or null
 * @param borderColor red, green, blue, alpha from 0 to 1 for the "border" wrap mode, or null
 * @since 1.0
 */
public record Texture(
    String image,
    @Nullable String mimeType,
    @Nullable String wrapMode,
    @Nullable String textureType,
    @Nullable List<Double> borderColor) {

  /**
   * Checks the image is not null and copies the border colour.
   *
   * @param image the image path or URI as the source gives it (relative paths resolve against the
   *     file)
   * @param mimeType the image type ("PNG", "JPG" in CityJSON; a MIME type in CityGML), or null
   * @param wrapMode "none", "wrap", "mirror", "clamp" or "border", or null
   * @param textureType "specific", "typical" or "unknown", or null
   * @param borderColor red, green, blue, alpha from 0 to 1 for the "border" wrap mode, or null
   */
  public Texture {
    Objects.requireNonNull(image, "image");
    borderColor = borderColor == null ? null : List.copyOf(borderColor);
  }

  /**
   * Returns a texture with only an image.
   *
   * @param image the image path
   * @return the texture
   */
  public static Texture of(String image) {
    return new Texture(image, null, null, null, null);
  }
}
