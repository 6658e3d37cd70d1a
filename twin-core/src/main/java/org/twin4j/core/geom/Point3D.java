// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

/**
 * A point in three dimensions, in the units of its coordinate reference system.
 *
 * @param x easting or x, finite
 * @param y northing or y, finite
 * @param z height or z, finite
 * @since 1.0
 */
public record Point3D(double x, double y, double z) {

  /**
   * Validates the coordinates. @throws InvalidGeometryException if a coordinate is NaN or infinite
   *
   * @param x easting or x, finite
   * @param y northing or y, finite
   * @param z height or z, finite
   */
  public Point3D {
    InvalidGeometryException.checkFinite("point", 0, x, y, z);
  }

  /**
   * Returns the Euclidean distance to another point.
   *
   * @param other the other point
   * @return the distance, in CRS units
   */
  public double distance(Point3D other) {
    double dx = x - other.x;
    double dy = y - other.y;
    double dz = z - other.z;
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }
}
