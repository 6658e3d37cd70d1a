// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud.filter;

import java.util.Locale;
import org.twin4j.pointcloud.PointCloud;

/**
 * A ground/non-ground classification scored point by point against a reference, as in Sithole and
 * Vosselman (2004) and Pingel et al. (2013): Type I error (ground called non-ground), Type II error
 * (objects called ground), total error and Cohen's kappa.
 *
 * <p>Only points whose reference class is ground (2) or an object (3–6: vegetation and buildings)
 * are scored; every other reference class (1 unclassified, 7 noise, 9 water, 26, …) says nothing
 * about ground and is left out.
 *
 * @param groundAsGround reference ground classified ground
 * @param groundAsObject reference ground classified non-ground (Type I errors)
 * @param objectAsGround reference objects classified ground (Type II errors)
 * @param objectAsObject reference objects classified non-ground
 * @since 1.0
 */
public record ClassificationScore(
    long groundAsGround, long groundAsObject, long objectAsGround, long objectAsObject) {

  /**
   * Validates the counts.
   *
   * @param groundAsGround reference ground classified ground
   * @param groundAsObject reference ground classified non-ground
   * @param objectAsGround reference objects classified ground
   * @param objectAsObject reference objects classified non-ground
   */
  public ClassificationScore {
    if (groundAsGround < 0 || groundAsObject < 0 || objectAsGround < 0 || objectAsObject < 0) {
      throw new IllegalArgumentException("negative count");
    }
  }

  /**
   * Scores a classification against a reference with the same points in the same order.
   *
   * @param reference the reference cloud (e.g. the provider's classes)
   * @param classified the classified cloud
   * @param groundClass the ground class in the classified cloud
   * @return the score
   * @throws IllegalArgumentException if the clouds differ in size
   */
  public static ClassificationScore of(
      PointCloud reference, PointCloud classified, int groundClass) {
    if (reference.size() != classified.size()) {
      throw new IllegalArgumentException(
          "reference has " + reference.size() + " points, classified " + classified.size());
    }
    byte[] ref = reference.classifications();
    byte[] got = classified.classifications();
    long gg = 0;
    long go = 0;
    long og = 0;
    long oo = 0;
    for (int i = 0; i < ref.length; i++) {
      int r = ref[i] & 0xFF;
      boolean ground = (got[i] & 0xFF) == groundClass;
      if (r == 2) {
        if (ground) {
          gg++;
        } else {
          go++;
        }
      } else if (r >= 3 && r <= 6) {
        if (ground) {
          og++;
        } else {
          oo++;
        }
      }
    }
    return new ClassificationScore(gg, go, og, oo);
  }

  /**
   * Returns the number of scored points.
   *
   * @return the points whose reference class is 2–6
   */
  public long scored() {
    return groundAsGround + groundAsObject + objectAsGround + objectAsObject;
  }

  /**
   * Returns the Type I error: the fraction of reference ground classified non-ground.
   *
   * @return 0–1, NaN without reference ground
   */
  public double typeI() {
    return (double) groundAsObject / (groundAsGround + groundAsObject);
  }

  /**
   * Returns the Type II error: the fraction of reference objects classified ground.
   *
   * @return 0–1, NaN without reference objects
   */
  public double typeII() {
    return (double) objectAsGround / (objectAsGround + objectAsObject);
  }

  /**
   * Returns the total error: the fraction of scored points classified wrongly.
   *
   * @return 0–1
   */
  public double total() {
    return (double) (groundAsObject + objectAsGround) / scored();
  }

  /**
   * Returns Cohen's kappa, agreement corrected for chance.
   *
   * @return at most 1; NaN when only one reference class is present
   */
  public double kappa() {
    double n = scored();
    double observed = (groundAsGround + objectAsObject) / n;
    double refGround = groundAsGround + groundAsObject;
    double refObject = objectAsGround + objectAsObject;
    double gotGround = groundAsGround + objectAsGround;
    double gotObject = groundAsObject + objectAsObject;
    double chance = (refGround * gotGround + refObject * gotObject) / (n * n);
    return refGround == 0 || refObject == 0 ? Double.NaN : (observed - chance) / (1 - chance);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "scored %d: Type I %.2f %%, Type II %.2f %%, total %.2f %%, kappa %.4f",
        scored(),
        100 * typeI(),
        100 * typeII(),
        100 * total(),
        kappa());
  }
}
