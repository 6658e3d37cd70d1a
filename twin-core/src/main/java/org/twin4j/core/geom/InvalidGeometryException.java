// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

/**
 * Thrown when a geometry handed to a constructor, factory or builder is invalid: a non-finite
 * coordinate, a ring with fewer than three vertices, an index out of range, an inverted box.
 *
 * <p>The exception carries the index of the offending element (vertex, ring, surface) where there
 * is one, as JTS's {@code TopologyException} carries its coordinate.
 *
 * @since 1.0
 */
public class InvalidGeometryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int index;

  /**
   * Creates an exception that names no element.
   *
   * @param message the rule broken, the offending value and where
   */
  public InvalidGeometryException(String message) {
    this(message, -1);
  }

  /**
   * Creates an exception naming the offending element.
   *
   * @param message the rule broken, the offending value and where
   * @param index index of the offending vertex, ring or surface, or -1 if none applies
   */
  public InvalidGeometryException(String message, int index) {
    super(message);
    this.index = index;
  }

  /**
   * Returns the index of the offending element.
   *
   * @return the index of the offending vertex, ring or surface, or -1 if none applies
   */
  public int index() {
    return index;
  }

  /**
   * Checks that a coordinate triple is finite.
   *
   * @param what what the coordinates belong to, for the message ("vertex", "origin")
   * @param index index of the element, for the message
   * @param x x coordinate
   * @param y y coordinate
   * @param z z coordinate
   * @throws InvalidGeometryException if any coordinate is NaN or infinite
   */
  static void checkFinite(String what, int index, double x, double y, double z) {
    if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
      throw new InvalidGeometryException(
          what + " " + index + " has a non-finite coordinate (" + x + ", " + y + ", " + z + ")",
          index);
    }
  }
}
