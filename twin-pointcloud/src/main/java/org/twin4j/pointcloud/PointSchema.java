// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.util.List;
import java.util.Objects;

/**
 * Which dimensions a point cloud holds and how its coordinates are quantized: the LAS point data
 * record format (0–10) they came from, the scale and offset of each axis ({@code x = X * scaleX +
 * offsetX}, in the units of the CRS), and the extra dimensions.
 *
 * <p>Every cloud has x, y, z, intensity, return number and count, classification, the
 * classification flags (synthetic, key-point, withheld, overlap), scanner channel, scan direction,
 * edge of flight line, scan angle, user data and point source id. GPS time, RGB and NIR follow the
 * format: GPS time in formats 1 and 3–10, RGB in 2, 3, 5, 7, 8 and 10, NIR in 8 and 10.
 *
 * @param pointFormat the LAS point data record format, 0–10
 * @param scaleX the scale of x (CRS units per stored unit)
 * @param scaleY the scale of y
 * @param scaleZ the scale of z
 * @param offsetX the offset of x (CRS units)
 * @param offsetY the offset of y
 * @param offsetZ the offset of z
 * @param extraBytes the number of extra bytes per point after the standard record
 * @param extraDimensions the named dimensions those bytes hold (may cover fewer bytes than there
 *     are)
 * @since 1.0
 */
public record PointSchema(
    int pointFormat,
    double scaleX,
    double scaleY,
    double scaleZ,
    double offsetX,
    double offsetY,
    double offsetZ,
    int extraBytes,
    List<ExtraDimension> extraDimensions) {

  private static final int[] STANDARD_LENGTH = {20, 28, 26, 34, 57, 63, 30, 36, 38, 59, 67};

  /**
   * Validates the schema.
   *
   * @param pointFormat the LAS point data record format, 0–10
   * @param scaleX the scale of x
   * @param scaleY the scale of y
   * @param scaleZ the scale of z
   * @param offsetX the offset of x
   * @param offsetY the offset of y
   * @param offsetZ the offset of z
   * @param extraBytes the number of extra bytes per point
   * @param extraDimensions the named dimensions those bytes hold
   */
  public PointSchema {
    if (pointFormat < 0 || pointFormat > 10) {
      throw new IllegalArgumentException(
          "point data record format " + pointFormat + " is not 0-10");
    }
    for (double s : new double[] {scaleX, scaleY, scaleZ}) {
      if (!(s > 0) || Double.isInfinite(s)) {
        throw new IllegalArgumentException("scale " + s + " is not a positive finite number");
      }
    }
    for (double o : new double[] {offsetX, offsetY, offsetZ}) {
      if (!Double.isFinite(o)) {
        throw new IllegalArgumentException("offset " + o + " is not finite");
      }
    }
    if (extraBytes < 0) {
      throw new IllegalArgumentException("extra bytes " + extraBytes + " < 0");
    }
    extraDimensions = List.copyOf(extraDimensions);
    for (ExtraDimension d : extraDimensions) {
      if (d.byteOffset() + d.byteSize() > extraBytes) {
        throw new IllegalArgumentException(
            "extra dimension '"
                + d.name()
                + "' ends at byte "
                + (d.byteOffset() + d.byteSize())
                + " but a point has "
                + extraBytes
                + " extra bytes");
      }
    }
  }

  /**
   * A schema for a point format with the given scale and offset on all three axes and no extra
   * bytes.
   *
   * @param pointFormat the LAS point data record format, 0–10
   * @param scale the scale of every axis
   * @param offsetX the offset of x
   * @param offsetY the offset of y
   * @param offsetZ the offset of z
   * @return the schema
   */
  public static PointSchema of(
      int pointFormat, double scale, double offsetX, double offsetY, double offsetZ) {
    return new PointSchema(
        pointFormat, scale, scale, scale, offsetX, offsetY, offsetZ, 0, List.of());
  }

  /**
   * Tells whether the format is one of LAS 1.4's extended formats 6–10 (4-bit return numbers, 8-bit
   * classes, a 16-bit scan angle in steps of 0.006°).
   *
   * @return true for formats 6–10
   */
  public boolean isExtended() {
    return pointFormat >= 6;
  }

  /**
   * Tells whether points carry a GPS time.
   *
   * @return true for formats 1 and 3–10
   */
  public boolean hasGpsTime() {
    return pointFormat != 0 && pointFormat != 2;
  }

  /**
   * Tells whether points carry red, green and blue.
   *
   * @return true for formats 2, 3, 5, 7, 8 and 10
   */
  public boolean hasRgb() {
    return pointFormat == 2
        || pointFormat == 3
        || pointFormat == 5
        || pointFormat == 7
        || pointFormat == 8
        || pointFormat == 10;
  }

  /**
   * Tells whether points carry near infrared.
   *
   * @return true for formats 8 and 10
   */
  public boolean hasNir() {
    return pointFormat == 8 || pointFormat == 10;
  }

  /**
   * Tells whether the format has waveform packet fields (formats 4, 5, 9, 10); twin4j does not keep
   * them.
   *
   * @return true if the record holds waveform packet descriptors
   */
  public boolean hasWavePackets() {
    return pointFormat == 4 || pointFormat == 5 || pointFormat == 9 || pointFormat == 10;
  }

  /**
   * Returns the length of a standard record of this format, without extra bytes.
   *
   * @return the length in bytes
   */
  public int standardLength() {
    return STANDARD_LENGTH[pointFormat];
  }

  /**
   * Returns the length of a record of this format with its extra bytes.
   *
   * @return the length in bytes
   */
  public int recordLength() {
    return STANDARD_LENGTH[pointFormat] + extraBytes;
  }

  /**
   * Returns the standard record length of a point format.
   *
   * @param pointFormat the format, 0–10
   * @return the length in bytes
   */
  static int standardLength(int pointFormat) {
    return STANDARD_LENGTH[pointFormat];
  }

  /**
   * Returns the extra dimension with the given name.
   *
   * @param name the name
   * @return its index in {@link #extraDimensions()}, or -1 if there is none
   */
  public int extraDimension(String name) {
    Objects.requireNonNull(name, "name");
    for (int i = 0; i < extraDimensions.size(); i++) {
      if (extraDimensions.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns this schema with another point format and extra bytes, keeping scale and offset.
   *
   * @param format the point format
   * @param extra the number of extra bytes
   * @param dims the extra dimensions
   * @return the schema
   */
  PointSchema withFormat(int format, int extra, List<ExtraDimension> dims) {
    return new PointSchema(format, scaleX, scaleY, scaleZ, offsetX, offsetY, offsetZ, extra, dims);
  }
}
