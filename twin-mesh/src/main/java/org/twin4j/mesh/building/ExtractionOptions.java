// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh.building;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How {@link FootprintExtractor} finds footprints in classified points. Immutable; {@link
 * #defaults()} gives the values below and the {@code with…} methods return changed copies.
 *
 * <ul>
 *   <li>{@code buildingClasses} (default 6, building): the LAS classes taken as building points;
 *   <li>{@code cellSize} (default 0.5 m): the side of the square grid cells the points are binned
 *       in. AHN3 has about 10 first returns per m², so a 0.5 m cell of a roof holds 2–4 points and
 *       a one-cell closing bridges the gaps between scan lines; sparser clouds need larger cells
 *       (about 2 / √density);
 *   <li>{@code minArea} (default 10 m²): clusters whose cells cover less are dropped, and
 *       courtyards smaller than this are filled;
 *   <li>{@code simplifyTolerance} (default 0.5 m): the Douglas–Peucker tolerance of the outline,
 *       also the largest offset between two parallel edges that are merged into one; edges shorter
 *       than twice this are removed when their neighbours meet;
 *   <li>{@code snapAngle} (default 15°): edges within this angle of the building's dominant
 *       direction or its perpendicular are turned onto it; 0 keeps every fitted direction.
 * </ul>
 *
 * <pre>{@code
 * ExtractionOptions o = ExtractionOptions.defaults().withCellSize(1.0).withMinArea(20);
 * }</pre>
 *
 * @since 1.0
 */
public final class ExtractionOptions {

  private static final ExtractionOptions DEFAULTS =
      new ExtractionOptions(classes("buildingClasses", 6), 0.5, 10, 0.5, 15);

  private final BitSet buildingClasses;
  private final double cellSize;
  private final double minArea;
  private final double simplifyTolerance;
  private final double snapAngle;

  private ExtractionOptions(
      BitSet buildingClasses,
      double cellSize,
      double minArea,
      double simplifyTolerance,
      double snapAngle) {
    this.buildingClasses = buildingClasses;
    this.cellSize = positive(cellSize, "cellSize");
    if (!(minArea >= 0) || !Double.isFinite(minArea)) {
      throw new IllegalArgumentException("minArea must be finite and >= 0 m², got " + minArea);
    }
    this.minArea = minArea;
    this.simplifyTolerance = positive(simplifyTolerance, "simplifyTolerance");
    if (!(snapAngle >= 0 && snapAngle < 45)) {
      throw new IllegalArgumentException(
          "snapAngle must be within [0, 45) degrees, got " + snapAngle);
    }
    this.snapAngle = snapAngle;
  }

  /**
   * Returns the defaults.
   *
   * @return the default options
   */
  public static ExtractionOptions defaults() {
    return DEFAULTS;
  }

  private static double positive(double v, String name) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be positive and finite, got " + v);
    }
    return v;
  }

  private static BitSet classes(String name, int... values) {
    Objects.requireNonNull(values, name);
    if (values.length == 0) {
      throw new IllegalArgumentException(name + " needs at least one class");
    }
    BitSet b = new BitSet(256);
    for (int v : values) {
      if (v < 0 || v > 255) {
        throw new IllegalArgumentException(name + " must be within 0..255, got " + v);
      }
      b.set(v);
    }
    return b;
  }

  /**
   * Returns these options with other building classes.
   *
   * @param values LAS classes, 0–255, at least one
   * @return the changed copy
   * @throws IllegalArgumentException if no class is given or one is out of range
   */
  public ExtractionOptions withBuildingClasses(int... values) {
    return new ExtractionOptions(
        classes("buildingClasses", values), cellSize, minArea, simplifyTolerance, snapAngle);
  }

  /**
   * Returns these options with another grid cell size.
   *
   * @param metres the side of a cell, in CRS units (metres), positive
   * @return the changed copy
   * @throws IllegalArgumentException if the size is not positive and finite
   */
  public ExtractionOptions withCellSize(double metres) {
    return new ExtractionOptions(buildingClasses, metres, minArea, simplifyTolerance, snapAngle);
  }

  /**
   * Returns these options with another smallest cluster and courtyard area.
   *
   * @param squareMetres the area, in square CRS units, at least 0
   * @return the changed copy
   * @throws IllegalArgumentException if the area is negative or not finite
   */
  public ExtractionOptions withMinArea(double squareMetres) {
    return new ExtractionOptions(
        buildingClasses, cellSize, squareMetres, simplifyTolerance, snapAngle);
  }

  /**
   * Returns these options with another simplification tolerance.
   *
   * @param metres the Douglas–Peucker tolerance, in CRS units, positive
   * @return the changed copy
   * @throws IllegalArgumentException if the tolerance is not positive and finite
   */
  public ExtractionOptions withSimplifyTolerance(double metres) {
    return new ExtractionOptions(buildingClasses, cellSize, minArea, metres, snapAngle);
  }

  /**
   * Returns these options with another snapping angle.
   *
   * @param degrees the largest turn of an edge onto the dominant direction, within [0, 45)
   * @return the changed copy
   * @throws IllegalArgumentException if the angle is outside [0, 45)
   */
  public ExtractionOptions withSnapAngle(double degrees) {
    return new ExtractionOptions(buildingClasses, cellSize, minArea, simplifyTolerance, degrees);
  }

  /**
   * Returns the building classes.
   *
   * @return the LAS classes taken as building points, ascending
   */
  public int[] buildingClasses() {
    return buildingClasses.stream().toArray();
  }

  /**
   * Returns the grid cell size.
   *
   * @return the side of a cell, in metres
   */
  public double cellSize() {
    return cellSize;
  }

  /**
   * Returns the smallest cluster and courtyard area.
   *
   * @return the area, in m²
   */
  public double minArea() {
    return minArea;
  }

  /**
   * Returns the simplification tolerance.
   *
   * @return the Douglas–Peucker tolerance, in metres
   */
  public double simplifyTolerance() {
    return simplifyTolerance;
  }

  /**
   * Returns the snapping angle.
   *
   * @return the angle, in degrees
   */
  public double snapAngle() {
    return snapAngle;
  }

  boolean[] classMask() {
    boolean[] m = new boolean[256];
    buildingClasses.stream().forEach(i -> m[i] = true);
    return m;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ExtractionOptions e
        && buildingClasses.equals(e.buildingClasses)
        && cellSize == e.cellSize
        && minArea == e.minArea
        && simplifyTolerance == e.simplifyTolerance
        && snapAngle == e.snapAngle;
  }

  @Override
  public int hashCode() {
    return Objects.hash(buildingClasses, cellSize, minArea, simplifyTolerance, snapAngle);
  }

  @Override
  public String toString() {
    return "classes "
        + Arrays.toString(buildingClasses())
        + ", cell "
        + cellSize
        + " m, min area "
        + minArea
        + " m², tolerance "
        + simplifyTolerance
        + " m, snap "
        + snapAngle
        + "°";
  }
}
