// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh.building;

import java.util.Arrays;
import java.util.BitSet;

/**
 * What reconstruction takes from the points and how it judges them. Immutable; {@link #defaults()}
 * gives the values below and the {@code with…} methods return changed copies.
 *
 * <ul>
 *   <li>roof height: the {@code roofPercentile} (default 70) of the points of {@code roofClasses}
 *       (default 1 and 6) inside the footprint;
 *   <li>ground height: the {@code groundPercentile} (default 10) of the points of {@code
 *       groundClasses} (default 2 and 9) within {@code groundDistance} (default 3 m) outside the
 *       footprint, searched three times as far when none are that close;
 *   <li>a building is flagged, not invented, when it has fewer than {@code minPoints} (default 10)
 *       roof points or they cover less than {@code minCoverage} (default 0.25) of its footprint in
 *       1 m cells;
 *   <li>LOD2: roof planes are found in, and measured against, the points of {@code lod2Classes}
 *       (default 6, building: roofer's input, so that trees over a roof do not count); normals from
 *       {@code neighbours} (default 10) nearest points, regions grown within {@code normalAngle}
 *       (default 20°) and {@code planeTolerance} (default 0.15 m), kept from {@code minPlanePoints}
 *       (default 15) points; faces are smoothed with weight {@code smoothness} (default 0.5) per
 *       metre of boundary per point per m² against the sum of absolute residuals; {@code
 *       planarityTolerance} (default 0.01 m, val3dity's) for validation.
 * </ul>
 *
 * 3dfier's settings for the Delft sample are {@code withRoofPercentile(90).withRoofClasses(0, 1,
 * 6)}, ground as by default.
 *
 * @since 1.0
 */
public final class ReconstructionOptions {

  private static final ReconstructionOptions DEFAULTS = new ReconstructionOptions();

  // set only on a fresh copy inside a with… method, then checked: the object is immutable outside
  private double roofPercentile = 70;
  private BitSet roofClasses = classes(1, 6);
  private double groundPercentile = 10;
  private BitSet groundClasses = classes(2, 9);
  private double groundDistance = 3.0;
  private int minPoints = 10;
  private double minCoverage = 0.25;
  private BitSet lod2Classes = classes(6);
  private int neighbours = 10;
  private double normalAngle = 20;
  private double planeTolerance = 0.15;
  private int minPlanePoints = 15;
  private double smoothness = 0.5;
  private double planarityTolerance = 0.01;

  private ReconstructionOptions() {}

  /** A copy to change; the class sets are never changed in place, so they are shared. */
  private ReconstructionOptions copy() {
    ReconstructionOptions c = new ReconstructionOptions();
    c.roofPercentile = roofPercentile;
    c.roofClasses = roofClasses;
    c.groundPercentile = groundPercentile;
    c.groundClasses = groundClasses;
    c.groundDistance = groundDistance;
    c.minPoints = minPoints;
    c.minCoverage = minCoverage;
    c.lod2Classes = lod2Classes;
    c.neighbours = neighbours;
    c.normalAngle = normalAngle;
    c.planeTolerance = planeTolerance;
    c.minPlanePoints = minPlanePoints;
    c.smoothness = smoothness;
    c.planarityTolerance = planarityTolerance;
    return c;
  }

  /** Checks every value; returns this. */
  private ReconstructionOptions checked() {
    percentile(roofPercentile, "roof");
    percentile(groundPercentile, "ground");
    positive(groundDistance, "ground distance");
    positive(normalAngle, "normal angle");
    positive(planeTolerance, "plane tolerance");
    positive(planarityTolerance, "planarity tolerance");
    if (normalAngle >= 90) {
      throw new IllegalArgumentException(
          "normal angle must be below 90 degrees, got " + normalAngle);
    }
    if (minPoints < 1 || neighbours < 3 || minPlanePoints < 3 || !(smoothness >= 0)) {
      throw new IllegalArgumentException(
          "need minPoints >= 1, neighbours >= 3, minPlanePoints >= 3, smoothness >= 0");
    }
    if (!(minCoverage >= 0 && minCoverage <= 1)) {
      throw new IllegalArgumentException("coverage must be within [0, 1], got " + minCoverage);
    }
    return this;
  }

  /**
   * Returns the defaults.
   *
   * @return the default options
   */
  public static ReconstructionOptions defaults() {
    return DEFAULTS;
  }

  private static void percentile(double p, String what) {
    if (!(p >= 0 && p <= 100)) {
      throw new IllegalArgumentException(what + " percentile must be within [0, 100], got " + p);
    }
  }

  private static void positive(double v, String what) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(what + " must be positive, got " + v);
    }
  }

  private static BitSet classes(int... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("at least one class is needed");
    }
    BitSet b = new BitSet(256);
    for (int v : values) {
      if (v < 0 || v > 255) {
        throw new IllegalArgumentException("a class must be within 0..255, got " + v);
      }
      b.set(v);
    }
    return b;
  }

  /**
   * Returns these options with another roof percentile.
   *
   * @param p the percentile, 0–100
   * @return the changed copy
   */
  public ReconstructionOptions withRoofPercentile(double p) {
    ReconstructionOptions c = copy();
    c.roofPercentile = p;
    return c.checked();
  }

  /**
   * Returns these options with other roof classes.
   *
   * @param values LAS classes, 0–255, at least one
   * @return the changed copy
   */
  public ReconstructionOptions withRoofClasses(int... values) {
    ReconstructionOptions c = copy();
    c.roofClasses = classes(values);
    return c.checked();
  }

  /**
   * Returns these options with another ground percentile.
   *
   * @param p the percentile, 0–100
   * @return the changed copy
   */
  public ReconstructionOptions withGroundPercentile(double p) {
    ReconstructionOptions c = copy();
    c.groundPercentile = p;
    return c.checked();
  }

  /**
   * Returns these options with other ground classes.
   *
   * @param values LAS classes, 0–255, at least one
   * @return the changed copy
   */
  public ReconstructionOptions withGroundClasses(int... values) {
    ReconstructionOptions c = copy();
    c.groundClasses = classes(values);
    return c.checked();
  }

  /**
   * Returns these options with another reach for ground points around a footprint.
   *
   * @param metres the distance outside the footprint, positive
   * @return the changed copy
   */
  public ReconstructionOptions withGroundDistance(double metres) {
    ReconstructionOptions c = copy();
    c.groundDistance = metres;
    return c.checked();
  }

  /**
   * Returns these options with other thresholds for flagging a building with too few points.
   *
   * @param points the fewest roof points
   * @param coverage the smallest fraction of the footprint's 1 m cells holding a roof point
   * @return the changed copy
   */
  public ReconstructionOptions withMinimum(int points, double coverage) {
    ReconstructionOptions c = copy();
    c.minPoints = points;
    c.minCoverage = coverage;
    return c.checked();
  }

  /**
   * Returns these options with other classes for LOD2 roof planes and their RMSE.
   *
   * @param values LAS classes, 0–255, at least one
   * @return the changed copy
   */
  public ReconstructionOptions withLod2Classes(int... values) {
    ReconstructionOptions c = copy();
    c.lod2Classes = classes(values);
    return c.checked();
  }

  /**
   * Returns these options with other LOD2 plane detection settings.
   *
   * @param neighbourCount points in each normal's neighbourhood, at least 3
   * @param angleDegrees the largest angle between a point's normal and its region's plane
   * @param tolerance the largest distance of a point from its region's plane
   * @param minRegion the fewest points of a plane
   * @return the changed copy
   */
  public ReconstructionOptions withPlaneDetection(
      int neighbourCount, double angleDegrees, double tolerance, int minRegion) {
    ReconstructionOptions c = copy();
    c.neighbours = neighbourCount;
    c.normalAngle = angleDegrees;
    c.planeTolerance = tolerance;
    c.minPlanePoints = minRegion;
    return c.checked();
  }

  /**
   * Returns these options with another smoothness weight of the roof partition.
   *
   * @param weight zero chooses each face's plane from its points alone
   * @return the changed copy
   */
  public ReconstructionOptions withSmoothness(double weight) {
    ReconstructionOptions c = copy();
    c.smoothness = weight;
    return c.checked();
  }

  /**
   * @return the roof percentile, 0–100
   */
  public double roofPercentile() {
    return roofPercentile;
  }

  /**
   * @return the roof classes, ascending
   */
  public int[] roofClasses() {
    return roofClasses.stream().toArray();
  }

  /**
   * @return the ground percentile, 0–100
   */
  public double groundPercentile() {
    return groundPercentile;
  }

  /**
   * @return the ground classes, ascending
   */
  public int[] groundClasses() {
    return groundClasses.stream().toArray();
  }

  /**
   * @return how far outside a footprint ground points are taken
   */
  public double groundDistance() {
    return groundDistance;
  }

  /**
   * @return the fewest roof points of a reconstructed building
   */
  public int minPoints() {
    return minPoints;
  }

  /**
   * @return the smallest covered fraction of a reconstructed building's footprint
   */
  public double minCoverage() {
    return minCoverage;
  }

  /**
   * @return the neighbourhood size of the normals
   */
  public int neighbours() {
    return neighbours;
  }

  /**
   * @return the normal angle tolerance in degrees
   */
  public double normalAngle() {
    return normalAngle;
  }

  /**
   * @return the point-to-plane tolerance of region growing
   */
  public double planeTolerance() {
    return planeTolerance;
  }

  /**
   * @return the fewest points of a roof plane
   */
  public int minPlanePoints() {
    return minPlanePoints;
  }

  /**
   * @return the smoothness weight of the roof partition
   */
  public double smoothness() {
    return smoothness;
  }

  /**
   * @return the planarity tolerance of the validator
   */
  public double planarityTolerance() {
    return planarityTolerance;
  }

  boolean[] roofClassMask() {
    return mask(roofClasses);
  }

  boolean[] lod2ClassMask() {
    return mask(lod2Classes);
  }

  boolean[] groundClassMask() {
    return mask(groundClasses);
  }

  private static boolean[] mask(BitSet b) {
    boolean[] m = new boolean[256];
    b.stream().forEach(i -> m[i] = true);
    return m;
  }

  @Override
  public String toString() {
    return "roof p"
        + roofPercentile
        + " of classes "
        + Arrays.toString(roofClasses())
        + ", ground p"
        + groundPercentile
        + " of classes "
        + Arrays.toString(groundClasses())
        + " within "
        + groundDistance
        + " m";
  }
}
