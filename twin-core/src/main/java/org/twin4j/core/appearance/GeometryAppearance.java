// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.appearance;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the surfaces of one surface geometry use a model's {@link Appearances}, per theme: a material
 * per surface, a texture per ring and texture coordinates per ring corner, as CityJSON's geometry
 * {@code material} and {@code texture} members hold them. Corners are numbered as in the geometry
 * (all rings' corners in order, see {@code SurfaceGeometry.cornerIndex}).
 *
 * <p>Immutable. Memory: 4 bytes per surface per material theme, 4 per ring and 16 per corner per
 * texture theme; untextured geometries have none of it.
 *
 * @since 1.0
 */
public final class GeometryAppearance {

  private final String[] materialThemes;
  private final int[][] surfaceMaterials;
  private final String[] textureThemes;
  private final int[][] ringTextures;
  private final double[][] uvs;
  private final int surfaces;
  private final int rings;
  private final int corners;

  private GeometryAppearance(
      int surfaces,
      int rings,
      int corners,
      String[] materialThemes,
      int[][] surfaceMaterials,
      String[] textureThemes,
      int[][] ringTextures,
      double[][] uvs) {
    this.surfaces = surfaces;
    this.rings = rings;
    this.corners = corners;
    this.materialThemes = materialThemes;
    this.surfaceMaterials = surfaceMaterials;
    this.textureThemes = textureThemes;
    this.ringTextures = ringTextures;
    this.uvs = uvs;
  }

  /**
   * Returns a builder for a geometry of the given shape.
   *
   * @param surfaces the geometry's surface count
   * @param rings its ring count
   * @param corners its ring corner count
   * @return a new builder
   */
  public static Builder builder(int surfaces, int rings, int corners) {
    return new Builder(surfaces, rings, corners);
  }

  /**
   * Returns the themes that assign materials.
   *
   * @return the theme names
   */
  public List<String> materialThemes() {
    return List.of(materialThemes);
  }

  /**
   * Returns the themes that assign textures.
   *
   * @return the theme names
   */
  public List<String> textureThemes() {
    return List.of(textureThemes);
  }

  /**
   * Returns the material of a surface in a theme.
   *
   * @param theme the theme
   * @param surface the surface index
   * @return the index into {@link Appearances#materials()}, or -1 if none
   */
  public int material(String theme, int surface) {
    int t = indexOf(materialThemes, theme);
    return t < 0 ? -1 : surfaceMaterials[t][surface];
  }

  /**
   * Returns the texture of a ring in a theme.
   *
   * @param theme the theme
   * @param ring the ring index
   * @return the index into {@link Appearances#textures()}, or -1 if none
   */
  public int texture(String theme, int ring) {
    int t = indexOf(textureThemes, theme);
    return t < 0 ? -1 : ringTextures[t][ring];
  }

  /**
   * Returns the u texture coordinate of a ring corner in a theme.
   *
   * @param theme the theme
   * @param corner the corner index
   * @return u, or NaN if the corner's ring is not textured in the theme
   */
  public double u(String theme, int corner) {
    int t = indexOf(textureThemes, theme);
    return t < 0 ? Double.NaN : uvs[t][2 * corner];
  }

  /**
   * Returns the v texture coordinate of a ring corner in a theme.
   *
   * @param theme the theme
   * @param corner the corner index
   * @return v, or NaN if the corner's ring is not textured in the theme
   */
  public double v(String theme, int corner) {
    int t = indexOf(textureThemes, theme);
    return t < 0 ? Double.NaN : uvs[t][2 * corner + 1];
  }

  /**
   * Returns the surface count of the geometry this appearance was made for.
   *
   * @return the surface count
   */
  public int surfaceCount() {
    return surfaces;
  }

  /**
   * Returns the ring count of the geometry this appearance was made for.
   *
   * @return the ring count
   */
  public int ringCount() {
    return rings;
  }

  /**
   * Returns the corner count of the geometry this appearance was made for.
   *
   * @return the corner count
   */
  public int cornerCount() {
    return corners;
  }

  private static int indexOf(String[] themes, String theme) {
    for (int i = 0; i < themes.length; i++) {
      if (themes[i].equals(theme)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof GeometryAppearance)) {
      return false;
    }
    GeometryAppearance a = (GeometryAppearance) o;
    return Arrays.equals(materialThemes, a.materialThemes)
        && Arrays.deepEquals(surfaceMaterials, a.surfaceMaterials)
        && Arrays.equals(textureThemes, a.textureThemes)
        && Arrays.deepEquals(ringTextures, a.ringTextures)
        && Arrays.deepEquals(uvs, a.uvs);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(materialThemes) * 31 + Arrays.hashCode(textureThemes);
  }

  /** Builds a {@link GeometryAppearance}. Single-use; not thread-safe. */
  public static final class Builder {
    private final int surfaces;
    private final int rings;
    private final int corners;
    private String[] materialThemes = new String[0];
    private int[][] surfaceMaterials = new int[0][];
    private String[] textureThemes = new String[0];
    private int[][] ringTextures = new int[0][];
    private double[][] uvs = new double[0][];

    private Builder(int surfaces, int rings, int corners) {
      this.surfaces = surfaces;
      this.rings = rings;
      this.corners = corners;
    }

    /**
     * Assigns a material to a surface in a theme.
     *
     * @param theme the theme
     * @param surface the surface index
     * @param material the material index, or -1 for none
     * @return this builder
     */
    public Builder material(String theme, int surface, int material) {
      Objects.checkIndex(surface, surfaces);
      int t = indexOf(materialThemes, Objects.requireNonNull(theme, "theme"));
      if (t < 0) {
        t = materialThemes.length;
        materialThemes = Arrays.copyOf(materialThemes, t + 1);
        materialThemes[t] = theme;
        surfaceMaterials = Arrays.copyOf(surfaceMaterials, t + 1);
        surfaceMaterials[t] = new int[surfaces];
        Arrays.fill(surfaceMaterials[t], -1);
      }
      surfaceMaterials[t][surface] = material;
      return this;
    }

    /**
     * Assigns a texture to a ring in a theme, with the texture coordinates of its corners.
     *
     * @param theme the theme
     * @param ring the ring index
     * @param texture the texture index
     * @param firstCorner the index of the ring's first corner in the geometry
     * @param uv u, v of each corner of the ring, in ring order
     * @return this builder
     */
    public Builder texture(String theme, int ring, int texture, int firstCorner, double[] uv) {
      Objects.checkIndex(ring, rings);
      if (firstCorner < 0 || firstCorner + uv.length / 2 > corners || uv.length % 2 != 0) {
        throw new IllegalArgumentException(
            "texture coordinates of ring "
                + ring
                + " do not fit the geometry's "
                + corners
                + " corners");
      }
      int t = indexOf(textureThemes, Objects.requireNonNull(theme, "theme"));
      if (t < 0) {
        t = textureThemes.length;
        textureThemes = Arrays.copyOf(textureThemes, t + 1);
        textureThemes[t] = theme;
        ringTextures = Arrays.copyOf(ringTextures, t + 1);
        ringTextures[t] = new int[rings];
        Arrays.fill(ringTextures[t], -1);
        uvs = Arrays.copyOf(uvs, t + 1);
        uvs[t] = new double[2 * corners];
        Arrays.fill(uvs[t], Double.NaN);
      }
      ringTextures[t][ring] = texture;
      System.arraycopy(uv, 0, uvs[t], 2 * firstCorner, uv.length);
      return this;
    }

    /**
     * Tells whether nothing was assigned.
     *
     * @return true if there is no theme
     */
    public boolean isEmpty() {
      return materialThemes.length == 0 && textureThemes.length == 0;
    }

    /**
     * Builds the appearance.
     *
     * @return the immutable appearance
     */
    public GeometryAppearance build() {
      return new GeometryAppearance(
          surfaces,
          rings,
          corners,
          materialThemes,
          surfaceMaterials,
          textureThemes,
          ringTextures,
          uvs);
    }
  }
}
