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

  private static final ReconstructionOptions DEFAULTS =
      new ReconstructionOptions(
          70,
          classes(1, 6),
          10,
          classes(2, 9),
          3.0,
          10,
          0.25,
          classes(6),
          10,
          20,
          0.15,
          15,
          0.5,
          0.01);

  private final double roofPercentile;
  private final BitSet roofClasses;
  private final double groundPercentile;
  private final BitSet groundClasses;
  private final double groundDistance;
  private final int minPoints;
  private final double minCoverage;
  private final BitSet lod2Classes;
  private final int neighbours;
  private final double normalAngle;
  private final double planeTolerance;
  private final int minPlanePoints;
  private final double smoothness;
  private final double planarityTolerance;

  private ReconstructionOptions(
      double roofPercentile,
      BitSet roofClasses,
      double groundPercentile,
      BitSet groundClasses,
      double groundDistance,
      int minPoints,
      double minCoverage,
      BitSet lod2Classes,
      int neighbours,
      double normalAngle,
      double planeTolerance,
      int minPlanePoints,
      double smoothness,
      double planarityTolerance) {
    this.roofPercentile = percentile(roofPercentile, "roof");
    this.roofClasses = roofClasses;
    this.groundPercentile = percentile(groundPercentile, "ground");
    this.groundClasses = groundClasses;
    this.groundDistance = positive(groundDistance, "ground distance");
    this.minPoints = minPoints;
    this.minCoverage = minCoverage;
    this.lod2Classes = lod2Classes;
    this.neighbours = neighbours;
    this.normalAngle = positive(normalAngle, "normal angle");
    if (normalAngle >= 90) {
      throw new IllegalArgumentException(
          "normal angle must be below 90 degrees, got " + normalAngle);
    }
    this.planeTolerance = positive(planeTolerance, "plane tolerance");
    this.minPlanePoints = minPlanePoints;
    this.smoothness = smoothness;
    this.planarityTolerance = positive(planarityTolerance, "planarity tolerance");
    if (minPoints < 1 || neighbours < 3 || minPlanePoints < 3 || !(smoothness >= 0)) {
      throw new IllegalArgumentException(
          "need minPoints >= 1, neighbours >= 3, minPlanePoints >= 3, smoothness >= 0");
    }
    if (!(minCoverage >= 0 && minCoverage <= 1)) {
      throw new IllegalArgumentException("coverage must be within [0, 1], got " + minCoverage);
    }
  }

  /**
   * Returns the defaults.
   *
   * @return the default options
   */
  public static ReconstructionOptions defaults() {
    return DEFAULTS;
  }

  private static double percentile(double p, String what) {
    if (!(p >= 0 && p <= 100)) {
      throw new IllegalArgumentException(what + " percentile must be within [0, 100], got " + p);
    }
    return p;
  }

  private static double positive(double v, String what) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(what + " must be positive, got " + v);
    }
    return v;
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

  private ReconstructionOptions copy(
      double roofP,
      BitSet roofC,
      double groundP,
      BitSet groundC,
      double groundD,
      int minP,
      double minC) {
    return new ReconstructionOptions(
        roofP,
        roofC,
        groundP,
        groundC,
        groundD,
        minP,
        minC,
        lod2Classes,
        neighbours,
        normalAngle,
        planeTolerance,
        minPlanePoints,
        smoothness,
        planarityTolerance);
  }

  private ReconstructionOptions copyLod2(
      int nb, double angle, double tol, int minPlane, double smooth, double planarity) {
    return new ReconstructionOptions(
        roofPercentile,
        roofClasses,
        groundPercentile,
        groundClasses,
        groundDistance,
        minPoints,
        minCoverage,
        lod2Classes,
        nb,
        angle,
        tol,
        minPlane,
        smooth,
        planarity);
  }

  /**
   * Returns these options with another roof percentile.
   *
   * @param p the percentile, 0–100
   * @return the changed copy
   */
  public ReconstructionOptions withRoofPercentile(double p) {
    return copy(
        p, roofClasses, groundPercentile, groundClasses, groundDistance, minPoints, minCoverage);
  }

  /**
   * Returns these options with other roof classes.
   *
   * @param values LAS classes, 0–255, at least one
   * @return the changed copy
   */
  public ReconstructionOptions withRoofClasses(int... values) {
    return copy(
        roofPercentile,
        classes(values),
        groundPercentile,
        groundClasses,
        groundDistance,
        minPoints,
        minCoverage);
  }

  /**
   * Returns these options with another ground percentile.
   *
   * @param p the percentile, 0–100
   * @return the changed copy
   */
  public ReconstructionOptions withGroundPercentile(double p) {
    return copy(
        roofPercentile, roofClasses, p, groundClasses, groundDistance, minPoints, minCoverage);
  }

  /**
   * Returns these options with other ground classes.
   *
   * @param values LAS classes, 0–255, at least one
   * @return the changed copy
   */
  public ReconstructionOptions withGroundClasses(int... values) {
    return copy(
        roofPercentile,
        roofClasses,
        groundPercentile,
        classes(values),
        groundDistance,
        minPoints,
        minCoverage);
  }

  /**
   * Returns these options with another reach for ground points around a footprint.
   *
   * @param metres the distance outside the footprint, positive
   * @return the changed copy
   */
  public ReconstructionOptions withGroundDistance(double metres) {
    return copy(
        roofPercentile,
        roofClasses,
        groundPercentile,
        groundClasses,
        metres,
        minPoints,
        minCoverage);
  }

  /**
   * Returns these options with other thresholds for flagging a building with too few points.
   *
   * @param points the fewest roof points
   * @param coverage the smallest fraction of the footprint's 1 m cells holding a roof point
   * @return the changed copy
   */
  public ReconstructionOptions withMinimum(int points, double coverage) {
    return copy(
        roofPercentile,
        roofClasses,
        groundPercentile,
        groundClasses,
        groundDistance,
        points,
        coverage);
  }

  /**
   * Returns these options with other classes for LOD2 roof planes and their RMSE.
   *
   * @param values LAS classes, 0–255, at least one
   * @return the changed copy
   */
  public ReconstructionOptions withLod2Classes(int... values) {
    return new ReconstructionOptions(
        roofPercentile,
        roofClasses,
        groundPercentile,
        groundClasses,
        groundDistance,
        minPoints,
        minCoverage,
        classes(values),
        neighbours,
        normalAngle,
        planeTolerance,
        minPlanePoints,
        smoothness,
        planarityTolerance);
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
    return copyLod2(
        neighbourCount, angleDegrees, tolerance, minRegion, smoothness, planarityTolerance);
  }

  /**
   * Returns these options with another smoothness weight of the roof partition.
   *
   * @param weight zero chooses each face's plane from its points alone
   * @return the changed copy
   */
  public ReconstructionOptions withSmoothness(double weight) {
    return copyLod2(
        neighbours, normalAngle, planeTolerance, minPlanePoints, weight, planarityTolerance);
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
