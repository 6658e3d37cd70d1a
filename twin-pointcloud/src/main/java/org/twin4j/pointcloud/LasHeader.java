// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.util.List;
import java.util.Objects;
import org.twin4j.core.geom.Bounds3D;

/**
 * The public header block of a LAS or LAZ file and its variable-length records, as the file states
 * them. Figures here can disagree with the points (a header that was never filled in); the reader
 * warns when they do, and {@link PointCloud} reports the points' own count and bounds.
 *
 * @param versionMajor the LAS major version (1)
 * @param versionMinor the LAS minor version (0–4)
 * @param pointFormat the point data record format, 0–10 (LASzip's compression bits removed)
 * @param recordLength the length of a point record in bytes, extra bytes included
 * @param headerSize the size of the header block in bytes
 * @param offsetToPoints the byte offset of the first point record
 * @param pointCount the number of points the header states (the 64-bit count in LAS 1.4)
 * @param pointsByReturn the number of points by return number the header states (5 or 15 entries)
 * @param bounds the bounds the header states
 * @param systemId the system identifier
 * @param software the generating software
 * @param creationDay the day of the year the file was created (0 if unknown)
 * @param creationYear the year the file was created (0 if unknown)
 * @param fileSourceId the file source id (e.g. the flight line)
 * @param globalEncoding the global encoding bits (bit 0 adjusted standard GPS time, bit 4 WKT)
 * @param compressed whether the points are LASzip-compressed (a LAZ file)
 * @param records the VLRs and EVLRs in file order
 * @since 1.0
 */
public record LasHeader(
    int versionMajor,
    int versionMinor,
    int pointFormat,
    int recordLength,
    int headerSize,
    long offsetToPoints,
    long pointCount,
    long[] pointsByReturn,
    Bounds3D bounds,
    String systemId,
    String software,
    int creationDay,
    int creationYear,
    int fileSourceId,
    int globalEncoding,
    boolean compressed,
    List<LasRecord> records) {

  /**
   * Validates the header and copies the arrays and lists.
   *
   * @param versionMajor the LAS major version
   * @param versionMinor the LAS minor version
   * @param pointFormat the point data record format
   * @param recordLength the length of a point record
   * @param headerSize the size of the header block
   * @param offsetToPoints the byte offset of the first point record
   * @param pointCount the number of points the header states
   * @param pointsByReturn the number of points by return number
   * @param bounds the bounds the header states
   * @param systemId the system identifier
   * @param software the generating software
   * @param creationDay the day of the year of creation
   * @param creationYear the year of creation
   * @param fileSourceId the file source id
   * @param globalEncoding the global encoding bits
   * @param compressed whether the points are LASzip-compressed
   * @param records the VLRs and EVLRs
   */
  public LasHeader {
    pointsByReturn = pointsByReturn.clone();
    Objects.requireNonNull(bounds, "bounds");
    Objects.requireNonNull(systemId, "systemId");
    Objects.requireNonNull(software, "software");
    records = List.copyOf(records);
  }

  /**
   * Returns a copy of the points-by-return figures.
   *
   * @return 5 entries (LAS 1.0–1.3) or 15 (LAS 1.4)
   */
  @Override
  public long[] pointsByReturn() {
    return pointsByReturn.clone();
  }

  /**
   * Returns the version as text.
   *
   * @return e.g. {@code "1.4"}
   */
  public String version() {
    return versionMajor + "." + versionMinor;
  }

  /**
   * Returns the first record with the given user id and record id.
   *
   * @param userId the user id
   * @param recordId the record id
   * @return the record, or null if the file has none
   */
  public @org.jspecify.annotations.Nullable LasRecord record(String userId, int recordId) {
    for (LasRecord r : records) {
      if (r.is(userId, recordId)) {
        return r;
      }
    }
    return null;
  }

  /**
   * Tells whether GPS times are adjusted standard GPS time (global encoding bit 0) rather than GPS
   * week seconds.
   *
   * @return the bit
   */
  public boolean isAdjustedStandardGpsTime() {
    return (globalEncoding & 1) != 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LasHeader h
        && h.versionMajor == versionMajor
        && h.versionMinor == versionMinor
        && h.pointFormat == pointFormat
        && h.recordLength == recordLength
        && h.pointCount == pointCount
        && java.util.Arrays.equals(h.pointsByReturn, pointsByReturn)
        && h.bounds.equals(bounds)
        && h.records.equals(records)
        && h.compressed == compressed
        && h.systemId.equals(systemId)
        && h.software.equals(software);
  }

  @Override
  public int hashCode() {
    return Objects.hash(versionMajor, versionMinor, pointFormat, pointCount, records);
  }

  @Override
  public String toString() {
    return "LAS "
        + version()
        + (compressed ? " (LAZ)" : "")
        + ", format "
        + pointFormat
        + ", "
        + pointCount
        + " points, "
        + records.size()
        + " records";
  }
}
