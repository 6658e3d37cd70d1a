// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

/**
 * The decoding side of the LASzip arithmetic coder over one chunk's bytes: a 32-bit interval {@code
 * length} and the code {@code value} within it, renormalised a byte at a time.
 *
 * <p>Reading past the end of the chunk's bytes means the chunk is corrupt or truncated; it throws
 * {@link Corrupt} instead of inventing bytes.
 */
final class LazInput {

  private static final long MIN_LENGTH = 0x01000000L;
  private static final long MAX_LENGTH = 0xFFFFFFFFL;

  /**
   * Thrown when the coder needs more bytes than the chunk holds, or decodes an impossible value.
   */
  static final class Corrupt extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Corrupt(String message) {
      super(message, null, false, false);
    }
  }

  private byte[] bytes = new byte[0];
  private int pos;
  private int end;
  private long value;
  private long length;

  /**
   * Starts decoding at {@code from}: reads the first four bytes of the code.
   *
   * @param data the bytes
   * @param from the first byte of the coded stream
   * @param to the end of the coded stream (exclusive)
   */
  void init(byte[] data, int from, int to) {
    this.bytes = data;
    this.pos = from;
    this.end = to;
    length = MAX_LENGTH;
    value = ((long) next() << 24) | (next() << 16) | (next() << 8) | next();
    if (value >= length) {
      // no coder output starts so (every operation keeps value below length): damaged bytes
      throw new Corrupt(
          "the coded bytes start with an impossible value (at byte "
              + from
              + " of the coded data)");
    }
  }

  /** The position of the next byte the coder would read. */
  int position() {
    return pos;
  }

  private int next() {
    if (pos >= end) {
      throw new Corrupt("the coded bytes end early (at byte " + pos + " of the coded data)");
    }
    return bytes[pos++] & 0xFF;
  }

  private void renormalize() {
    byte[] b = bytes;
    int p = pos;
    long v = value;
    long len = length;
    if (p + 4 <= end) {
      do {
        v = ((v << 8) | (b[p++] & 0xFF)) & 0xFFFFFFFFL;
        len <<= 8;
      } while (len < MIN_LENGTH);
      pos = p;
    } else {
      do {
        v = ((v << 8) | next()) & 0xFFFFFFFFL;
        len <<= 8;
      } while (len < MIN_LENGTH);
    }
    value = v;
    length = len;
  }

  int decodeBit(LazBitModel m) {
    long x = m.zeroProbability * (length >>> LazBitModel.LENGTH_SHIFT);
    int bit;
    if (value >= x) {
      value -= x;
      length -= x;
      bit = 1;
    } else {
      length = x;
      bit = 0;
    }
    if (length < MIN_LENGTH) {
      renormalize();
    }
    m.count(bit);
    return bit;
  }

  int decodeSymbol(LazModel m) {
    return m.table != null ? decodeWithTable(m, m.table) : decodeSmall(m);
  }

  /** Decodes with the model's table narrowing the search (more than 16 symbols). */
  private int decodeWithTable(LazModel m, int[] t) {
    int[] d = m.distribution;
    long y = length;
    long len = y >>> LazModel.LENGTH_SHIFT;
    long dv = value / len;
    int slot = (int) (dv >>> m.tableShift);
    int sym = t[slot];
    int n = t[slot + 1] + 1;
    while (n > sym + 1) {
      int k = (sym + n) >>> 1;
      if (d[k] > dv) {
        n = k;
      } else {
        sym = k;
      }
    }
    long x = d[sym] * len;
    if (sym != m.lastSymbol) {
      y = d[sym + 1] * len;
    }
    return take(m, sym, x, y);
  }

  /** Decodes by bisection with multiplications only (16 symbols or fewer). */
  private int decodeSmall(LazModel m) {
    int[] d = m.distribution;
    long y = length;
    long len = y >>> LazModel.LENGTH_SHIFT;
    long v = value;
    long x = 0;
    int sym = 0;
    int n = m.symbols;
    int k = n >>> 1;
    do {
      long z = len * d[k];
      if (z > v) {
        n = k;
        y = z;
      } else {
        sym = k;
        x = z;
      }
    } while ((k = (sym + n) >>> 1) != sym);
    return take(m, sym, x, y);
  }

  private int take(LazModel m, int sym, long x, long y) {
    value -= x;
    length = y - x;
    if (length < MIN_LENGTH) {
      renormalize();
    }
    m.count(sym);
    return sym;
  }

  /** Reads {@code bits} raw bits (1 to 32). */
  int readBits(int bits) {
    if (bits > 19) {
      int low = readShort();
      return (readBits(bits - 16) << 16) | low;
    }
    length >>>= bits;
    long sym = value / length;
    value -= length * sym;
    if (length < MIN_LENGTH) {
      renormalize();
    }
    if (sym >= 1L << bits) {
      throw new Corrupt("a raw value out of range (at byte " + pos + " of the coded data)");
    }
    return (int) sym;
  }

  int readShort() {
    return readBits(16);
  }

  /** Reads 32 raw bits, low half first. */
  int readInt() {
    int low = readShort();
    return (readShort() << 16) | low;
  }
}
