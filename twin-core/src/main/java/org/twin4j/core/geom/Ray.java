// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

/**
 * A half-line from an origin along a unit direction, for sightlines and picking. The direction
 * given is normalised by the constructor.
 *
 * @param ox origin x
 * @param oy origin y
 * @param oz origin z
 * @param dx direction x (unit length after construction)
 * @param dy direction y
 * @param dz direction z
 * @since 1.0
 */
public record Ray(double ox, double oy, double oz, double dx, double dy, double dz) {

  /**
   * Validates the ray and normalises its direction. @throws InvalidGeometryException if a value is
   * not finite or the direction is zero
   *
   * @param ox origin x
   * @param oy origin y
   * @param oz origin z
   * @param dx direction x (unit length after construction)
   * @param dy direction y
   * @param dz direction z
   */
  public Ray {
    InvalidGeometryException.checkFinite("ray origin", 0, ox, oy, oz);
    InvalidGeometryException.checkFinite("ray direction", 0, dx, dy, dz);
    double len = Math.sqrt(dx * dx + dy * dy + dz * dz);
    if (!(len > 0) || !Double.isFinite(len)) {
      throw new InvalidGeometryException(
          "ray direction must be non-zero, got (" + dx + ", " + dy + ", " + dz + ")");
    }
    dx /= len;
    dy /= len;
    dz /= len;
  }

  /**
   * Returns the ray from one point towards another, as a sightline from an eye to a target.
   *
   * @param from the origin
   * @param to a point the ray passes through, different from {@code from}
   * @return the ray; {@code from.distance(to)} is where it reaches the target
   * @throws InvalidGeometryException if the points are equal
   */
  public static Ray between(Point3D from, Point3D to) {
    return new Ray(
        from.x(), from.y(), from.z(), to.x() - from.x(), to.y() - from.y(), to.z() - from.z());
  }

  /**
   * Returns the point at a distance along the ray.
   *
   * @param t the distance from the origin, in CRS units
   * @return origin + t * direction
   */
  public Point3D pointAt(double t) {
    return new Point3D(ox + t * dx, oy + t * dy, oz + t * dz);
  }
}
