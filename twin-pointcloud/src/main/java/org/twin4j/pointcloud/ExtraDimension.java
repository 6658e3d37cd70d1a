// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.util.Objects;

/**
 * A named dimension stored in a point record's extra bytes, as described by an Extra Bytes record
 * (LAS 1.4 R15 §2.6, {@code LASF_Spec} record 4): its name, type, position in the extra bytes and
 * the scale and offset that turn the stored number into a value ({@code value = stored * scale +
 * offset}).
 *
 * @param name the name in the descriptor, e.g. {@code "Deviation"}
 * @param description the descriptor's description, possibly empty
 * @param type the stored type
 * @param byteOffset where the value starts within a point's extra bytes
 * @param byteSize how many bytes it takes (the type's size, or the descriptor's count for {@link
 *     Type#BYTES})
 * @param scale the scale applied to the stored number (1 when the descriptor gives none)
 * @param offset the offset added after scaling (0 when the descriptor gives none)
 * @since 1.0
 */
public record ExtraDimension(
    String name,
    String description,
    Type type,
    int byteOffset,
    int byteSize,
    double scale,
    double offset) {

  /** The stored type of an extra dimension (the descriptor's {@code data_type} 0–10). */
  public enum Type {
    /** Undocumented bytes (data type 0): kept and written back, not interpreted. */
    BYTES(0),
    /** Unsigned 8-bit integer. */
    UINT8(1),
    /** Signed 8-bit integer. */
    INT8(1),
    /** Unsigned 16-bit integer. */
    UINT16(2),
    /** Signed 16-bit integer. */
    INT16(2),
    /** Unsigned 32-bit integer. */
    UINT32(4),
    /** Signed 32-bit integer. */
    INT32(4),
    /** Unsigned 64-bit integer (read as a signed long; values above 2^63 wrap). */
    UINT64(8),
    /** Signed 64-bit integer. */
    INT64(8),
    /** IEEE 754 single precision. */
    FLOAT32(4),
    /** IEEE 754 double precision. */
    FLOAT64(8);

    private final int size;

    Type(int size) {
      this.size = size;
    }

    /**
     * Returns the size of one value in bytes, or 0 for {@link #BYTES} (whose size the descriptor
     * gives).
     *
     * @return the size in bytes
     */
    public int size() {
      return this == BYTES ? 0 : size;
    }
  }

  /**
   * Validates the dimension.
   *
   * @param name the name in the descriptor
   * @param description the descriptor's description
   * @param type the stored type
   * @param byteOffset where the value starts within a point's extra bytes
   * @param byteSize how many bytes it takes
   * @param scale the scale applied to the stored number
   * @param offset the offset added after scaling
   */
  public ExtraDimension {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(type, "type");
    if (byteOffset < 0 || byteSize <= 0) {
      throw new IllegalArgumentException(
          "extra dimension '" + name + "' at byte " + byteOffset + " with size " + byteSize);
    }
    if (type != Type.BYTES && type.size() != byteSize) {
      throw new IllegalArgumentException(
          "extra dimension '" + name + "' of type " + type + " cannot take " + byteSize + " bytes");
    }
  }
}
