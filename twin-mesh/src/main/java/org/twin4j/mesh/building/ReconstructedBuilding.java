// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh.building;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.geom.Solid;
import org.twin4j.core.model.CityObject;
import org.twin4j.mesh.SolidValidator;

/**
 * What reconstruction made of one footprint: the city object (with its LOD1 and, when asked, LOD2
 * solid) and the numbers behind it. A flagged building keeps its id and attributes but gets no
 * geometry, and its heights are NaN where they could not be measured.
 *
 * @param id the footprint's id, also the city object's
 * @param status reconstructed or why not
 * @param roofHeight the roof percentile of the roof points, NaN if none
 * @param groundHeight the ground percentile of the ground points near the footprint, NaN if none
 * @param roofPoints roof-class points inside the footprint
 * @param groundPoints ground-class points used for the ground height
 * @param rmseLod1 root mean square of the roof points' heights above or below the flat LOD1 roof
 * @param rmseLod2 root mean square of the 3D distances of the LOD2-class points inside the
 *     footprint to the LOD2 solid's surface (roofer's and the 3D BAG's measure; points on walls
 *     count against the walls), NaN without LOD2
 * @param roofPlanes planes detected in the roof points (LOD2), 0 without LOD2
 * @param lod1 the LOD1 block, null if flagged
 * @param lod2 the LOD2 solid, null if flagged or not asked for
 * @param validation the validator's report on the LOD2 solid (on LOD1 without LOD2), null if
 *     flagged
 * @param nanos the time spent on this building
 * @param object the city object
 * @since 1.0
 */
public record ReconstructedBuilding(
    String id,
    Status status,
    double roofHeight,
    double groundHeight,
    int roofPoints,
    int groundPoints,
    double rmseLod1,
    double rmseLod2,
    int roofPlanes,
    @Nullable Solid lod1,
    @Nullable Solid lod2,
    SolidValidator.@Nullable Report validation,
    long nanos,
    CityObject object) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if the id, status or object is null
   */
  public ReconstructedBuilding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(object, "object");
  }

  /**
   * Tells whether the building's final solid passed the validator.
   *
   * @return true if reconstructed and valid
   */
  public boolean isValid() {
    return validation != null && validation.isValid();
  }

  /** Whether, and if not why not, a building was reconstructed. */
  public enum Status {
    /** Heights measured and solids built. */
    RECONSTRUCTED("reconstructed"),
    /** Fewer roof points than the minimum, or too little of the footprint covered. */
    TOO_FEW_POINTS("too-few-points"),
    /** No ground point near the footprint, even three times further out. */
    NO_GROUND("no-ground"),
    /** The roof height is less than half a metre above the ground. */
    TOO_LOW("too-low"),
    /** The footprint cannot be extruded (a ring without area); the reason is in the attributes. */
    INVALID_FOOTPRINT("invalid-footprint");

    private final String code;

    Status(String code) {
      this.code = code;
    }

    /**
     * The short code written in the city object's {@code reconstruction} attribute.
     *
     * @return the code
     */
    public String code() {
      return code;
    }
  }
}
