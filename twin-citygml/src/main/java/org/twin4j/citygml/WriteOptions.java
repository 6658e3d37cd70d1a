// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.geom.Lod;
import org.twin4j.core.io.WarningListener;

/**
 * Options for writing.
 *
 * @param format the encoding to write
 * @param version its version: "2.0" or "3.0" for CityGML, "2.0" for CityJSON and CityJSONSeq
 * @param lod if not null, only geometries of this level of detail are written ("2" keeps 2.0, 2.1,
 *     2.2 ...; "2.2" keeps only 2.2)
 * @param decimals CityJSON vertex precision in decimal places, or -1 to choose from the CRS: 3
 *     (millimetres) in a projected CRS, 9 in a geographic one
 * @param listener receives each recoverable problem as it happens
 * @since 1.0
 */
public record WriteOptions(
    CityFormat format, String version, @Nullable Lod lod, int decimals, WarningListener listener) {

  /**
   * Validates the options. @throws IllegalArgumentException if the version is not one this module
   * writes for the format
   *
   * @param format the encoding to write
   * @param version its version: "2.0" or "3.0" for CityGML, "2.0" for CityJSON and CityJSONSeq
   * @param lod if not null, only geometries of this level of detail are written ("2" keeps 2.0,
   *     2.1, 2.2 ...; "2.2" keeps only 2.2)
   * @param decimals CityJSON vertex precision in decimal places, or -1 to choose from the CRS: 3
   *     (millimetres) in a projected CRS, 9 in a geographic one
   * @param listener receives each recoverable problem as it happens
   */
  public WriteOptions {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(listener, "listener");
    boolean ok =
        format == CityFormat.CITYGML
            ? version.equals("2.0") || version.equals("3.0")
            : version.equals("2.0");
    if (!ok) {
      throw new IllegalArgumentException(
          format.displayName()
              + " is written as "
              + (format == CityFormat.CITYGML ? "2.0 or 3.0" : "2.0")
              + ", not "
              + version);
    }
    if (decimals < -1 || decimals > 12) {
      throw new IllegalArgumentException(
          "decimals must be -1 (automatic) or 0 to 12, got " + decimals);
    }
  }

  /**
   * Returns options for a format at its current version, all geometries, automatic precision.
   *
   * @param format the format
   * @return the options: CityGML 3.0, CityJSON 2.0 or CityJSONSeq 2.0
   */
  public static WriteOptions of(CityFormat format) {
    return new WriteOptions(
        format, format == CityFormat.CITYGML ? "3.0" : "2.0", null, -1, WarningListener.logOnce());
  }

  /**
   * Returns these options with another version.
   *
   * @param value the version
   * @return the new options
   */
  public WriteOptions withVersion(String value) {
    return new WriteOptions(format, value, lod, decimals, listener);
  }

  /**
   * Returns these options keeping only one level of detail.
   *
   * @param value the level, or null for all
   * @return the new options
   */
  public WriteOptions withLod(@Nullable Lod value) {
    return new WriteOptions(format, version, value, decimals, listener);
  }

  /**
   * Returns these options with a warning listener.
   *
   * @param value the listener
   * @return the new options
   */
  public WriteOptions withListener(WarningListener value) {
    return new WriteOptions(format, version, lod, decimals, value);
  }

  /**
   * Tells whether a geometry's level of detail passes the filter.
   *
   * @param geometryLod the geometry's level
   * @return true if it is to be written
   */
  public boolean keeps(Lod geometryLod) {
    return lod == null
        || (lod.isRefined() ? lod.equals(geometryLod) : lod.level() == geometryLod.level());
  }
}
