// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

/**
 * An axis-aligned rectangle in the x/y plane, closed on all sides. A zero-width or zero-height
 * rectangle (a point or a segment) is valid; an inverted one is not.
 *
 * @param minX smallest x
 * @param minY smallest y
 * @param maxX largest x, not smaller than {@code minX}
 * @param maxY largest y, not smaller than {@code minY}
 * @since 1.0
 */
public record Bounds2D(double minX, double minY, double maxX, double maxY) {

  /**
   * Validates the bounds. @throws InvalidGeometryException if a value is NaN or a minimum exceeds
   * its maximum
   *
   * @param minX smallest x
   * @param minY smallest y
   * @param maxX largest x, not smaller than {@code minX}
   * @param maxY largest y, not smaller than {@code minY}
   */
  public Bounds2D {
    if (!(minX <= maxX) || !(minY <= maxY)) {
      throw new InvalidGeometryException(
          "bounds must have min <= max and no NaN, got x ["
              + minX
              + ", "
              + maxX
              + "], y ["
              + minY
              + ", "
              + maxY
              + "]");
    }
  }

  /**
   * Returns the rectangle centred on a point.
   *
   * @param x centre x
   * @param y centre y
   * @param halfWidth half the extent in x and in y, not negative
   * @return the rectangle
   */
  public static Bounds2D around(double x, double y, double halfWidth) {
    return new Bounds2D(x - halfWidth, y - halfWidth, x + halfWidth, y + halfWidth);
  }

  /**
   * Tells whether this rectangle and another share at least one point.
   *
   * @param other the other rectangle
   * @return true if they intersect or touch
   */
  public boolean intersects(Bounds2D other) {
    return minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY;
  }

  /**
   * Tells whether a point lies in this rectangle or on its boundary.
   *
   * @param x the x coordinate
   * @param y the y coordinate
   * @return true if the point is covered
   */
  public boolean contains(double x, double y) {
    return x >= minX && x <= maxX && y >= minY && y <= maxY;
  }

  /**
   * Returns the width along x.
   *
   * @return {@code maxX - minX}
   */
  public double width() {
    return maxX - minX;
  }

  /**
   * Returns the height along y.
   *
   * @return {@code maxY - minY}
   */
  public double height() {
    return maxY - minY;
  }

  /**
   * Returns the smallest rectangle covering this one and another.
   *
   * @param other the other rectangle
   * @return the union
   */
  public Bounds2D union(Bounds2D other) {
    return new Bounds2D(
        Math.min(minX, other.minX),
        Math.min(minY, other.minY),
        Math.max(maxX, other.maxX),
        Math.max(maxY, other.maxY));
  }
}
