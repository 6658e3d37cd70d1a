// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

/**
 * An axis-aligned box in three dimensions, closed on all sides. A flat or zero-size box is valid;
 * an inverted one is not.
 *
 * @param minX smallest x
 * @param minY smallest y
 * @param minZ smallest z
 * @param maxX largest x, not smaller than {@code minX}
 * @param maxY largest y, not smaller than {@code minY}
 * @param maxZ largest z, not smaller than {@code minZ}
 * @since 1.0
 */
public record Bounds3D(
    double minX, double minY, double minZ, double maxX, double maxY, double maxZ) {

  /**
   * Validates the bounds. @throws InvalidGeometryException if a value is NaN or a minimum exceeds
   * its maximum
   *
   * @param minX smallest x
   * @param minY smallest y
   * @param minZ smallest z
   * @param maxX largest x, not smaller than {@code minX}
   * @param maxY largest y, not smaller than {@code minY}
   * @param maxZ largest z, not smaller than {@code minZ}
   */
  public Bounds3D {
    if (!(minX <= maxX) || !(minY <= maxY) || !(minZ <= maxZ)) {
      throw new InvalidGeometryException(
          "bounds must have min <= max and no NaN, got x ["
              + minX
              + ", "
              + maxX
              + "], y ["
              + minY
              + ", "
              + maxY
              + "], z ["
              + minZ
              + ", "
              + maxZ
              + "]");
    }
  }

  /**
   * Returns the box that extends a rectangle over all heights.
   *
   * @param footprint the rectangle
   * @return a box from minus to plus infinity in z
   */
  public static Bounds3D ofFootprint(Bounds2D footprint) {
    return new Bounds3D(
        footprint.minX(),
        footprint.minY(),
        Double.NEGATIVE_INFINITY,
        footprint.maxX(),
        footprint.maxY(),
        Double.POSITIVE_INFINITY);
  }

  /**
   * Returns the projection of this box on the x/y plane.
   *
   * @return the footprint rectangle
   */
  public Bounds2D toBounds2D() {
    return new Bounds2D(minX, minY, maxX, maxY);
  }

  /**
   * Tells whether this box and another share at least one point.
   *
   * @param other the other box
   * @return true if they intersect or touch
   */
  public boolean intersects(Bounds3D other) {
    return minX <= other.maxX
        && other.minX <= maxX
        && minY <= other.maxY
        && other.minY <= maxY
        && minZ <= other.maxZ
        && other.minZ <= maxZ;
  }

  /**
   * Tells whether a point lies in this box or on its boundary.
   *
   * @param x the x coordinate
   * @param y the y coordinate
   * @param z the z coordinate
   * @return true if the point is covered
   */
  public boolean contains(double x, double y, double z) {
    return x >= minX && x <= maxX && y >= minY && y <= maxY && z >= minZ && z <= maxZ;
  }

  /**
   * Returns the Euclidean distance from a point to the nearest point of this box.
   *
   * @param x the x coordinate
   * @param y the y coordinate
   * @param z the z coordinate
   * @return 0 inside the box, else the distance in CRS units
   */
  public double distance(double x, double y, double z) {
    double dx = Math.max(0, Math.max(minX - x, x - maxX));
    double dy = Math.max(0, Math.max(minY - y, y - maxY));
    double dz = Math.max(0, Math.max(minZ - z, z - maxZ));
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }

  /**
   * Returns the smallest box covering this one and another.
   *
   * @param other the other box
   * @return the union
   */
  public Bounds3D union(Bounds3D other) {
    return new Bounds3D(
        Math.min(minX, other.minX),
        Math.min(minY, other.minY),
        Math.min(minZ, other.minZ),
        Math.max(maxX, other.maxX),
        Math.max(maxY, other.maxY),
        Math.max(maxZ, other.maxZ));
  }
}
