// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh.building;

import java.util.Arrays;
import java.util.List;

/**
 * The buildings of one reconstruction run, in footprint order, with the summary numbers a run is
 * judged by.
 *
 * @param buildings one entry per footprint
 * @param lod2 whether LOD2 solids were asked for
 * @since 1.0
 */
public record Reconstruction(List<ReconstructedBuilding> buildings, boolean lod2) {

  /** Copies the list. */
  public Reconstruction {
    buildings = List.copyOf(buildings);
  }

  /**
   * Counts the buildings that got solids.
   *
   * @return the number reconstructed
   */
  public int reconstructed() {
    return (int)
        buildings.stream()
            .filter(b -> b.status() == ReconstructedBuilding.Status.RECONSTRUCTED)
            .count();
  }

  /**
   * The share of reconstructed buildings whose final solid (LOD2 if asked, else LOD1) is valid.
   *
   * @return 0–1, NaN if none was reconstructed
   */
  public double validFraction() {
    int r = reconstructed();
    return r == 0
        ? Double.NaN
        : buildings.stream().filter(ReconstructedBuilding::isValid).count() / (double) r;
  }

  /**
   * The median over reconstructed buildings of the RMSE against the final solid (LOD2: 3D distance
   * of the LOD2-class points; LOD1: vertical distance of the roof points to the flat roof);
   * buildings whose LOD2 solid could not be made are left out (they count as invalid in {@link
   * #validFraction()}).
   *
   * @return metres, NaN if none was reconstructed
   */
  public double medianRmse() {
    double[] v =
        buildings.stream()
            .mapToDouble(b -> lod2 ? b.rmseLod2() : b.rmseLod1())
            .filter(Double::isFinite)
            .toArray();
    return median(v);
  }

  /**
   * The median time per reconstructed building.
   *
   * @return milliseconds, NaN if none was reconstructed
   */
  public double medianMillis() {
    double[] v =
        buildings.stream()
            .filter(b -> b.status() == ReconstructedBuilding.Status.RECONSTRUCTED)
            .mapToDouble(b -> b.nanos() / 1e6)
            .toArray();
    return median(v);
  }

  private static double median(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
