// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Up to {@link PointCloud#CHUNK_SIZE} points as one primitive array per dimension.
 *
 * <p>Coordinates are the file's quantized integers ({@link #rawX(int)}); {@link #x(int)} applies
 * the schema's scale and offset. Returns are packed in one byte (return number in the low 4 bits,
 * number of returns in the high 4), and so are the flags (classification flags synthetic 1,
 * key-point 2, withheld 4, overlap 8 in the low 4 bits; scanner channel in bits 4–5; scan direction
 * bit 6; edge of flight line bit 7), the layout of LAS 1.4's extended formats. Classes are 0–255
 * with no flag bits mixed in, whatever format the points came from.
 *
 * <p>Memory: 22 bytes per point for x, y, z and the always-present dimensions, plus 8 for GPS time,
 * 6 for RGB, 2 for NIR and the extra bytes: 36 bytes for format 3, 41 for format 8 with 3 extra
 * bytes. A read may keep fewer dimensions ({@link #dimensions()}): the others share one array of
 * zeros and cost nothing (x, y, z and classes alone: 13 bytes). A chunk is immutable once built;
 * methods returning chunks share the unchanged arrays.
 *
 * @since 1.0
 */
public final class PointChunk {

  final PointSchema schema;
  final int size;
  final int[] x;
  final int[] y;
  final int[] z;
  final char[] intensity;
  final byte[] returns;
  final byte[] flags;
  final byte[] classification;
  final short[] scanAngle;
  final byte[] userData;
  final char[] pointSourceId;
  final double @Nullable [] gpsTime;
  final char @Nullable [] red;
  final char @Nullable [] green;
  final char @Nullable [] blue;
  final char @Nullable [] nir;
  final byte @Nullable [] extra;

  /**
   * The dimensions this chunk holds besides x, y and z: those of its format that were read. The
   * others (but extra bytes, which are then null) are arrays of zeros, shared by every full chunk.
   */
  final Set<PointDimension> dimensions;

  /** Whether the chunk holds every dimension of its format. */
  final boolean complete;

  /** Allocates empty columns for {@code capacity} points of the schema. */
  PointChunk(PointSchema schema, int capacity) {
    this(schema, capacity, PointDimension.all());
  }

  /**
   * Allocates empty columns for {@code capacity} points of the schema, for the dimensions in {@code
   * keep}. The others take no memory: a full chunk's are shared arrays of zeros (never written:
   * chunks are immutable), a shorter chunk's its own (so every column has the chunk's length), and
   * extra bytes left out are null.
   */
  PointChunk(PointSchema schema, int capacity, Set<PointDimension> keep) {
    if (capacity > PointCloud.CHUNK_SIZE) {
      throw new IllegalArgumentException(capacity + " points in one chunk");
    }
    this.schema = schema;
    this.size = capacity;
    Set<PointDimension> format = ofFormat(schema);
    Set<PointDimension> has = EnumSet.noneOf(PointDimension.class);
    has.addAll(keep);
    has.retainAll(format);
    this.dimensions = Collections.unmodifiableSet(has);
    this.complete = has.size() == format.size();
    boolean shared = capacity == PointCloud.CHUNK_SIZE;
    x = new int[capacity];
    y = new int[capacity];
    z = new int[capacity];
    intensity = has.contains(PointDimension.INTENSITY) || !shared ? new char[capacity] : ZERO_CHARS;
    returns = has.contains(PointDimension.RETURNS) || !shared ? new byte[capacity] : ZERO_BYTES;
    flags = has.contains(PointDimension.FLAGS) || !shared ? new byte[capacity] : ZERO_BYTES;
    classification =
        has.contains(PointDimension.CLASSIFICATION) || !shared ? new byte[capacity] : ZERO_BYTES;
    scanAngle =
        has.contains(PointDimension.SCAN_ANGLE) || !shared ? new short[capacity] : ZERO_SHORTS;
    userData = has.contains(PointDimension.USER_DATA) || !shared ? new byte[capacity] : ZERO_BYTES;
    pointSourceId =
        has.contains(PointDimension.POINT_SOURCE_ID) || !shared ? new char[capacity] : ZERO_CHARS;
    gpsTime =
        !schema.hasGpsTime()
            ? null
            : has.contains(PointDimension.GPS_TIME) || !shared
                ? new double[capacity]
                : ZERO_DOUBLES;
    boolean rgb = schema.hasRgb();
    boolean ownRgb = has.contains(PointDimension.RGB) || !shared;
    red = rgb ? ownRgb ? new char[capacity] : ZERO_CHARS : null;
    green = rgb ? ownRgb ? new char[capacity] : ZERO_CHARS : null;
    blue = rgb ? ownRgb ? new char[capacity] : ZERO_CHARS : null;
    nir =
        !schema.hasNir()
            ? null
            : has.contains(PointDimension.NIR) || !shared ? new char[capacity] : ZERO_CHARS;
    extra =
        has.contains(PointDimension.EXTRA_BYTES) ? new byte[capacity * schema.extraBytes()] : null;
  }

  /** The dimensions a schema's point format has besides x, y and z. */
  static Set<PointDimension> ofFormat(PointSchema schema) {
    Set<PointDimension> d = EnumSet.allOf(PointDimension.class);
    if (!schema.hasGpsTime()) {
      d.remove(PointDimension.GPS_TIME);
    }
    if (!schema.hasRgb()) {
      d.remove(PointDimension.RGB);
    }
    if (!schema.hasNir()) {
      d.remove(PointDimension.NIR);
    }
    if (schema.extraBytes() == 0) {
      d.remove(PointDimension.EXTRA_BYTES);
    }
    return d;
  }

  private static final byte[] ZERO_BYTES = new byte[PointCloud.CHUNK_SIZE];
  private static final char[] ZERO_CHARS = new char[PointCloud.CHUNK_SIZE];
  private static final short[] ZERO_SHORTS = new short[PointCloud.CHUNK_SIZE];
  private static final double[] ZERO_DOUBLES = new double[PointCloud.CHUNK_SIZE];

  private PointChunk(PointChunk from, byte[] classification) {
    schema = from.schema;
    size = from.size;
    Set<PointDimension> d = EnumSet.noneOf(PointDimension.class);
    d.addAll(from.dimensions);
    d.add(PointDimension.CLASSIFICATION);
    dimensions = Collections.unmodifiableSet(d);
    complete = d.size() == ofFormat(schema).size();
    x = from.x;
    y = from.y;
    z = from.z;
    intensity = from.intensity;
    returns = from.returns;
    flags = from.flags;
    this.classification = classification;
    scanAngle = from.scanAngle;
    userData = from.userData;
    pointSourceId = from.pointSourceId;
    gpsTime = from.gpsTime;
    red = from.red;
    green = from.green;
    blue = from.blue;
    nir = from.nir;
    extra = from.extra;
  }

  /**
   * Returns the schema the points follow.
   *
   * @return the schema
   */
  public PointSchema schema() {
    return schema;
  }

  /**
   * Returns the number of points.
   *
   * @return the number of points in this chunk
   */
  public int size() {
    return size;
  }

  /**
   * Returns the dimensions this chunk holds besides x, y and z: every one of its format unless the
   * read left some out ({@link LasReadOptions#withDimensions}); the others read as 0, and those its
   * format lacks as the accessors say (NaN GPS time, -1 colours).
   *
   * @return an unmodifiable set
   */
  public Set<PointDimension> dimensions() {
    return dimensions;
  }

  /**
   * Returns x of a point in CRS units.
   *
   * @param i the point's index in this chunk
   * @return {@code rawX(i) * scaleX + offsetX}
   */
  public double x(int i) {
    return x[i] * schema.scaleX() + schema.offsetX();
  }

  /**
   * Returns y of a point in CRS units.
   *
   * @param i the point's index in this chunk
   * @return {@code rawY(i) * scaleY + offsetY}
   */
  public double y(int i) {
    return y[i] * schema.scaleY() + schema.offsetY();
  }

  /**
   * Returns z of a point in CRS units.
   *
   * @param i the point's index in this chunk
   * @return {@code rawZ(i) * scaleZ + offsetZ}
   */
  public double z(int i) {
    return z[i] * schema.scaleZ() + schema.offsetZ();
  }

  /**
   * Returns the stored (quantized) x of a point.
   *
   * @param i the point's index in this chunk
   * @return the integer as the file holds it
   */
  public int rawX(int i) {
    return x[i];
  }

  /**
   * Returns the stored (quantized) y of a point.
   *
   * @param i the point's index in this chunk
   * @return the integer as the file holds it
   */
  public int rawY(int i) {
    return y[i];
  }

  /**
   * Returns the stored (quantized) z of a point.
   *
   * @param i the point's index in this chunk
   * @return the integer as the file holds it
   */
  public int rawZ(int i) {
    return z[i];
  }

  /**
   * Returns the intensity of a point.
   *
   * @param i the point's index in this chunk
   * @return 0–65535
   */
  public int intensity(int i) {
    return intensity[i];
  }

  /**
   * Returns the return number of a point.
   *
   * @param i the point's index in this chunk
   * @return 0–15 (0–7 in the legacy formats)
   */
  public int returnNumber(int i) {
    return returns[i] & 0x0F;
  }

  /**
   * Returns the number of returns of the pulse a point belongs to.
   *
   * @param i the point's index in this chunk
   * @return 0–15 (0–7 in the legacy formats)
   */
  public int numberOfReturns(int i) {
    return (returns[i] >> 4) & 0x0F;
  }

  /**
   * Returns the class of a point, without flag bits.
   *
   * @param i the point's index in this chunk
   * @return 0–255 (0–31 in the legacy formats)
   */
  public int classification(int i) {
    return classification[i] & 0xFF;
  }

  /**
   * Returns the classification flags of a point: synthetic 1, key-point 2, withheld 4, overlap 8.
   *
   * @param i the point's index in this chunk
   * @return the flags, 0–15
   */
  public int classificationFlags(int i) {
    return flags[i] & 0x0F;
  }

  /**
   * Returns the scanner channel of a point (formats 6–10; 0 otherwise).
   *
   * @param i the point's index in this chunk
   * @return 0–3
   */
  public int scannerChannel(int i) {
    return (flags[i] >> 4) & 0x03;
  }

  /**
   * Tells whether the scan mirror moved in the positive direction when the point was taken.
   *
   * @param i the point's index in this chunk
   * @return the scan direction flag
   */
  public boolean scanDirection(int i) {
    return (flags[i] & 0x40) != 0;
  }

  /**
   * Tells whether a point is the last on a scan line before the mirror turned.
   *
   * @param i the point's index in this chunk
   * @return the edge of flight line flag
   */
  public boolean edgeOfFlightLine(int i) {
    return (flags[i] & 0x80) != 0;
  }

  /**
   * Returns the scan angle of a point in degrees (the legacy formats store whole degrees, formats
   * 6–10 steps of 0.006°).
   *
   * @param i the point's index in this chunk
   * @return the angle in degrees, negative to the left of nadir
   */
  public double scanAngleDegrees(int i) {
    return schema.isExtended() ? scanAngle[i] * 0.006 : scanAngle[i];
  }

  /**
   * Returns the stored scan angle: whole degrees in the legacy formats, 0.006° steps in formats
   * 6–10.
   *
   * @param i the point's index in this chunk
   * @return the stored number
   */
  public int rawScanAngle(int i) {
    return scanAngle[i];
  }

  /**
   * Returns the user data byte of a point.
   *
   * @param i the point's index in this chunk
   * @return 0–255
   */
  public int userData(int i) {
    return userData[i] & 0xFF;
  }

  /**
   * Returns the point source id (usually the flight line) of a point.
   *
   * @param i the point's index in this chunk
   * @return 0–65535
   */
  public int pointSourceId(int i) {
    return pointSourceId[i];
  }

  /**
   * Returns the GPS time of a point.
   *
   * @param i the point's index in this chunk
   * @return the time as the file stores it, or NaN if the format has none
   */
  public double gpsTime(int i) {
    return gpsTime == null ? Double.NaN : gpsTime[i];
  }

  /**
   * Returns the red channel of a point.
   *
   * @param i the point's index in this chunk
   * @return 0–65535, or -1 if the format has no colour
   */
  public int red(int i) {
    return red == null ? -1 : red[i];
  }

  /**
   * Returns the green channel of a point.
   *
   * @param i the point's index in this chunk
   * @return 0–65535, or -1 if the format has no colour
   */
  public int green(int i) {
    return green == null ? -1 : green[i];
  }

  /**
   * Returns the blue channel of a point.
   *
   * @param i the point's index in this chunk
   * @return 0–65535, or -1 if the format has no colour
   */
  public int blue(int i) {
    return blue == null ? -1 : blue[i];
  }

  /**
   * Returns the near-infrared channel of a point.
   *
   * @param i the point's index in this chunk
   * @return 0–65535, or -1 if the format has no NIR
   */
  public int nir(int i) {
    return nir == null ? -1 : nir[i];
  }

  /**
   * Returns the value of an extra dimension of a point, scaled and offset as its descriptor says.
   *
   * @param dimension the index of the dimension in the schema's {@link
   *     PointSchema#extraDimensions()}
   * @param i the point's index in this chunk
   * @return the value; NaN for {@link ExtraDimension.Type#BYTES}
   */
  public double extra(int dimension, int i) {
    ExtraDimension d = schema.extraDimensions().get(dimension);
    Objects.checkIndex(i, size);
    // extra bytes not read: the value of zero bytes
    byte[] e = extra != null ? extra : ZERO_BYTES;
    int p = (extra != null ? i * schema.extraBytes() : 0) + d.byteOffset();
    double v;
    switch (d.type()) {
      case UINT8:
        v = e[p] & 0xFF;
        break;
      case INT8:
        v = e[p];
        break;
      case UINT16:
        v = (e[p] & 0xFF) | (e[p + 1] & 0xFF) << 8;
        break;
      case INT16:
        v = (short) ((e[p] & 0xFF) | (e[p + 1] & 0xFF) << 8);
        break;
      case UINT32:
        v = Integer.toUnsignedLong(int32(e, p));
        break;
      case INT32:
        v = int32(e, p);
        break;
      case UINT64:
      case INT64:
        v = int64(e, p);
        break;
      case FLOAT32:
        v = Float.intBitsToFloat(int32(e, p));
        break;
      case FLOAT64:
        v = Double.longBitsToDouble(int64(e, p));
        break;
      default:
        return Double.NaN;
    }
    return v * d.scale() + d.offset();
  }

  /**
   * Copies the extra bytes of a point.
   *
   * @param i the point's index in this chunk
   * @return the bytes after the standard record, empty if there are none
   */
  public byte[] extraBytes(int i) {
    Objects.checkIndex(i, size);
    int n = schema.extraBytes();
    byte[] out = new byte[n];
    if (extra != null) {
      System.arraycopy(extra, i * n, out, 0, n);
    }
    return out;
  }

  private static int int32(byte[] e, int p) {
    return (e[p] & 0xFF) | (e[p + 1] & 0xFF) << 8 | (e[p + 2] & 0xFF) << 16 | e[p + 3] << 24;
  }

  private static long int64(byte[] e, int p) {
    return (int32(e, p) & 0xFFFFFFFFL) | (long) int32(e, p + 4) << 32;
  }

  /**
   * Returns this chunk with other classes, sharing every other column.
   *
   * @param classes the new classes, one per point; the chunk takes ownership of the array
   * @return the new chunk
   */
  PointChunk withClassification(byte[] classes) {
    if (classes.length != size) {
      throw new IllegalArgumentException(classes.length + " classes for " + size + " points");
    }
    return new PointChunk(this, classes);
  }

  /**
   * Returns the bytes this chunk's arrays hold per point.
   *
   * @param schema the schema
   * @return the bytes per point
   */
  static int bytesPerPoint(PointSchema schema) {
    return bytesPerPoint(schema, PointDimension.all());
  }

  /**
   * Returns the bytes a chunk's arrays hold per point when it keeps some dimensions only.
   *
   * @param schema the schema
   * @param keep the dimensions kept besides x, y and z
   * @return the bytes per point
   */
  static int bytesPerPoint(PointSchema schema, Set<PointDimension> keep) {
    int b = 12;
    b += keep.contains(PointDimension.INTENSITY) ? 2 : 0;
    b += keep.contains(PointDimension.RETURNS) ? 1 : 0;
    b += keep.contains(PointDimension.FLAGS) ? 1 : 0;
    b += keep.contains(PointDimension.CLASSIFICATION) ? 1 : 0;
    b += keep.contains(PointDimension.SCAN_ANGLE) ? 2 : 0;
    b += keep.contains(PointDimension.USER_DATA) ? 1 : 0;
    b += keep.contains(PointDimension.POINT_SOURCE_ID) ? 2 : 0;
    if (schema.hasGpsTime() && keep.contains(PointDimension.GPS_TIME)) {
      b += 8;
    }
    if (schema.hasRgb() && keep.contains(PointDimension.RGB)) {
      b += 6;
    }
    if (schema.hasNir() && keep.contains(PointDimension.NIR)) {
      b += 2;
    }
    return b + (keep.contains(PointDimension.EXTRA_BYTES) ? schema.extraBytes() : 0);
  }

  /**
   * Copies point {@code i} of this chunk to point {@code j} of {@code to} (same schema), the
   * dimensions {@code to} holds.
   */
  void copyTo(int i, PointChunk to, int j) {
    to.x[j] = x[i];
    to.y[j] = y[i];
    to.z[j] = z[i];
    Set<PointDimension> keep = to.dimensions;
    boolean all = to.complete;
    if (all || keep.contains(PointDimension.INTENSITY)) {
      to.intensity[j] = intensity[i];
    }
    if (all || keep.contains(PointDimension.RETURNS)) {
      to.returns[j] = returns[i];
    }
    if (all || keep.contains(PointDimension.FLAGS)) {
      to.flags[j] = flags[i];
    }
    if (all || keep.contains(PointDimension.CLASSIFICATION)) {
      to.classification[j] = classification[i];
    }
    if (all || keep.contains(PointDimension.SCAN_ANGLE)) {
      to.scanAngle[j] = scanAngle[i];
    }
    if (all || keep.contains(PointDimension.USER_DATA)) {
      to.userData[j] = userData[i];
    }
    if (all || keep.contains(PointDimension.POINT_SOURCE_ID)) {
      to.pointSourceId[j] = pointSourceId[i];
    }
    if (gpsTime != null && (all || keep.contains(PointDimension.GPS_TIME))) {
      to.gpsTime[j] = gpsTime[i];
    }
    if (red != null && (all || keep.contains(PointDimension.RGB))) {
      to.red[j] = red[i];
      to.green[j] = green[i];
      to.blue[j] = blue[i];
    }
    if (nir != null && (all || keep.contains(PointDimension.NIR))) {
      to.nir[j] = nir[i];
    }
    if (extra != null && (all || keep.contains(PointDimension.EXTRA_BYTES))) {
      int n = schema.extraBytes();
      System.arraycopy(extra, i * n, to.extra, j * n, n);
    }
  }

  /** A chunk holding the first {@code n} points of this one's arrays (copied). */
  PointChunk truncate(int n) {
    PointChunk c = new PointChunk(schema, n, dimensions);
    for (int i = 0; i < n; i++) {
      copyTo(i, c, i);
    }
    return c;
  }
}
