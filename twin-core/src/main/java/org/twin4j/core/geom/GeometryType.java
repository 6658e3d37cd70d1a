// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

/**
 * The kind of a {@link Geometry}, with the name CityJSON gives it.
 *
 * @since 1.0
 */
public enum GeometryType {
  /** A set of points. */
  MULTI_POINT("MultiPoint"),
  /** A set of polylines. */
  MULTI_LINE_STRING("MultiLineString"),
  /** A set of surfaces with no topology required. */
  MULTI_SURFACE("MultiSurface"),
  /** A set of surfaces that share edges and do not overlap. */
  COMPOSITE_SURFACE("CompositeSurface"),
  /** A volume bounded by an outer shell and optional inner shells. */
  SOLID("Solid"),
  /** A set of solids. */
  MULTI_SOLID("MultiSolid"),
  /** A set of solids that share faces and do not overlap. */
  COMPOSITE_SOLID("CompositeSolid"),
  /** A triangle mesh (a TIN). */
  TRIANGLE_MESH("TIN");

  private final String cityJsonName;

  GeometryType(String cityJsonName) {
    this.cityJsonName = cityJsonName;
  }

  /**
   * Returns the name of this type in CityJSON's {@code "type"} member.
   *
   * @return the CityJSON name, "TIN" for a triangle mesh (CityJSON writes those as a
   *     CompositeSurface)
   */
  public String cityJsonName() {
    return cityJsonName;
  }
}
