// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.util.Arrays;
import java.util.Objects;

/**
 * One variable-length record (VLR) or extended variable-length record (EVLR) of a LAS file, kept
 * byte for byte so that a file written back carries it unchanged.
 *
 * @param userId the user id (16 ASCII characters at most), e.g. {@code "LASF_Projection"}
 * @param recordId the record id, e.g. 34735 for the GeoTIFF key directory
 * @param description the description (32 characters at most)
 * @param payload the bytes after the record header; copied in and out
 * @param extended whether the record is an EVLR (after the points, 64-bit length)
 * @since 1.0
 */
public record LasRecord(
    String userId, int recordId, String description, byte[] payload, boolean extended) {

  /**
   * Validates the record and copies the payload.
   *
   * @param userId the user id
   * @param recordId the record id
   * @param description the description
   * @param payload the bytes after the record header
   * @param extended whether the record is an EVLR
   */
  public LasRecord {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(description, "description");
    payload = Objects.requireNonNull(payload, "payload").clone();
    if (recordId < 0 || recordId > 0xFFFF) {
      throw new IllegalArgumentException("record id " + recordId + " is not an unsigned short");
    }
    if (!extended && payload.length > 0xFFFF) {
      throw new IllegalArgumentException(
          "a VLR holds at most 65535 bytes, record "
              + userId
              + "/"
              + recordId
              + " has "
              + payload.length);
    }
  }

  /**
   * Returns a copy of the payload.
   *
   * @return the bytes after the record header
   */
  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /**
   * Returns the payload's length without copying it.
   *
   * @return the number of payload bytes
   */
  public int length() {
    return payload.length;
  }

  /**
   * Tells whether this record has the given user id and record id.
   *
   * @param user the user id
   * @param id the record id
   * @return true if both match
   */
  public boolean is(String user, int id) {
    return recordId == id && userId.equals(user);
  }

  byte[] bytes() {
    return payload;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LasRecord r
        && r.recordId == recordId
        && r.extended == extended
        && r.userId.equals(userId)
        && r.description.equals(description)
        && Arrays.equals(r.payload, payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(userId, recordId, description, extended, Arrays.hashCode(payload));
  }

  @Override
  public String toString() {
    return (extended ? "EVLR " : "VLR ")
        + userId
        + "/"
        + recordId
        + " ("
        + payload.length
        + " B"
        + (description.isEmpty() ? "" : ", " + description)
        + ")";
  }
}
