// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud.filter;

import java.util.Arrays;

/**
 * The parameters of {@link Smrf}, with PDAL {@code filters.smrf}'s defaults.
 *
 * @param cell the grid cell size, in CRS units (metres in a metric CRS); default 1
 * @param slope the terrain slope the morphological filter tolerates (rise over run); default 0.15
 * @param window the largest window radius of the morphological filter, in CRS units; default 18
 * @param threshold the elevation threshold of the final test, in CRS units; default 0.5
 * @param scalar the multiple of the local slope added to the threshold; default 1.25
 * @param lastReturnsOnly whether only last and single returns are candidates for ground (true, as
 *     PDAL's {@code returns: "last,only"}); earlier returns of a multi-return pulse cannot be
 *     ground, a later return of the same pulse lies below them, and are classed as other
 * @param ignoreClasses classes that are neither candidates nor changed (default 7 and 18, low and
 *     high noise)
 * @param groundClass the class written for ground (2)
 * @param otherClass the class written for every other candidate (1)
 * @since 1.0
 */
public record SmrfOptions(
    double cell,
    double slope,
    double window,
    double threshold,
    double scalar,
    boolean lastReturnsOnly,
    int[] ignoreClasses,
    int groundClass,
    int otherClass) {

  /**
   * Validates the options.
   *
   * @param cell the grid cell size
   * @param slope the slope tolerance
   * @param window the largest window radius
   * @param threshold the elevation threshold
   * @param scalar the slope scalar
   * @param lastReturnsOnly whether only last and single returns are candidates
   * @param ignoreClasses classes left alone
   * @param groundClass the ground class
   * @param otherClass the class of other candidates
   */
  public SmrfOptions {
    if (!(cell > 0) || !(window >= cell) || !(slope >= 0) || !(threshold >= 0) || !(scalar >= 0)) {
      throw new IllegalArgumentException(
          "SMRF needs cell > 0, window >= cell and non-negative slope, threshold and scalar; got"
              + " cell "
              + cell
              + ", window "
              + window
              + ", slope "
              + slope
              + ", threshold "
              + threshold
              + ", scalar "
              + scalar);
    }
    ignoreClasses = ignoreClasses.clone();
    if (groundClass == otherClass) {
      throw new IllegalArgumentException("ground and other class are both " + groundClass);
    }
  }

  /**
   * PDAL's defaults: cell 1, slope 0.15, window 18, threshold 0.5, scalar 1.25, last and only
   * returns, noise classes 7 and 18 ignored.
   *
   * @return the defaults
   */
  public static SmrfOptions defaults() {
    return new SmrfOptions(1, 0.15, 18, 0.5, 1.25, true, new int[] {7, 18}, 2, 1);
  }

  /**
   * Returns a copy of the ignored classes.
   *
   * @return the classes left alone
   */
  @Override
  public int[] ignoreClasses() {
    return ignoreClasses.clone();
  }

  /**
   * Returns these options with another cell size.
   *
   * @param c the cell size
   * @return the new options
   */
  public SmrfOptions withCell(double c) {
    return new SmrfOptions(
        c,
        slope,
        window,
        threshold,
        scalar,
        lastReturnsOnly,
        ignoreClasses,
        groundClass,
        otherClass);
  }

  /**
   * Returns these options with another slope, window, threshold and scalar.
   *
   * @param s the slope
   * @param w the window radius
   * @param t the threshold
   * @param k the scalar
   * @return the new options
   */
  public SmrfOptions withParameters(double s, double w, double t, double k) {
    return new SmrfOptions(
        cell, s, w, t, k, lastReturnsOnly, ignoreClasses, groundClass, otherClass);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SmrfOptions p
        && p.cell == cell
        && p.slope == slope
        && p.window == window
        && p.threshold == threshold
        && p.scalar == scalar
        && p.lastReturnsOnly == lastReturnsOnly
        && Arrays.equals(p.ignoreClasses, ignoreClasses)
        && p.groundClass == groundClass
        && p.otherClass == otherClass;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(cell) * 31 + Arrays.hashCode(ignoreClasses);
  }

  @Override
  public String toString() {
    return "SmrfOptions[cell="
        + cell
        + ", slope="
        + slope
        + ", window="
        + window
        + ", threshold="
        + threshold
        + ", scalar="
        + scalar
        + ", lastReturnsOnly="
        + lastReturnsOnly
        + ", ignore="
        + Arrays.toString(ignoreClasses)
        + "]";
  }
}
