// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The dimensions of a point beyond x, y and z, as a read can choose them ({@link
 * LasReadOptions#withDimensions}): a dimension left out takes no memory and reads as 0, as lidR's
 * {@code readLAS(select = ...)} leaves columns out. x, y and z are always read. A dimension the
 * point format lacks (GPS time in format 0, colours in format 1) is absent whatever is asked.
 *
 * @since 1.0
 */
public enum PointDimension {
  /** Pulse return magnitude. */
  INTENSITY,
  /** Return number and number of returns. */
  RETURNS,
  /** Classification flags, scanner channel, scan direction and edge of flight line. */
  FLAGS,
  /** The class, flag bits masked out. */
  CLASSIFICATION,
  /** Scan angle. */
  SCAN_ANGLE,
  /** User data. */
  USER_DATA,
  /** Point source id. */
  POINT_SOURCE_ID,
  /** GPS time (formats 1, 3–10). */
  GPS_TIME,
  /** Red, green and blue (formats 2, 3, 5, 7, 8, 10). */
  RGB,
  /** Near infrared (formats 8 and 10). */
  NIR,
  /** The extra bytes after the standard fields, with the named dimensions they hold. */
  EXTRA_BYTES;

  private static final Set<PointDimension> ALL =
      Collections.unmodifiableSet(EnumSet.allOf(PointDimension.class));

  /**
   * Returns every dimension.
   *
   * @return an unmodifiable set of all dimensions
   */
  public static Set<PointDimension> all() {
    return ALL;
  }
}
