// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.util.Arrays;

/**
 * The encoding side of the LASzip arithmetic coder: the interval {@code base} and {@code length},
 * bytes appended to a growing array, a carry propagated back through the bytes already written.
 * {@link #done()} writes the closing bytes exactly as LASzip does, so that a LASzip decoder reads
 * each chunk to its last byte.
 */
final class LazOutput {

  private static final long MIN_LENGTH = 0x01000000L;
  private static final long MAX_LENGTH = 0xFFFFFFFFL;
  private static final long MASK = 0xFFFFFFFFL;

  private byte[] bytes = new byte[1 << 16];
  private int size;
  private int start;
  private long base;
  private long length;

  /** Starts a coded stream at the current end of the bytes. */
  void init() {
    start = size;
    base = 0;
    length = MAX_LENGTH;
  }

  /** Appends raw bytes (a chunk's first point) outside any coded stream. */
  void putRaw(byte[] data, int from, int n) {
    ensure(n);
    System.arraycopy(data, from, bytes, size, n);
    size += n;
  }

  /** The bytes written so far. */
  byte[] bytes() {
    return bytes;
  }

  /** The number of bytes written so far. */
  int size() {
    return size;
  }

  /** Forgets every byte written. */
  void clear() {
    size = 0;
    start = 0;
  }

  private void ensure(int n) {
    if (size + n > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
    }
  }

  private void carry() {
    int p = size - 1;
    while (p >= start && bytes[p] == (byte) 0xFF) {
      bytes[p] = 0;
      p--;
    }
    if (p >= start) {
      bytes[p]++;
    }
  }

  private void renormalize() {
    do {
      ensure(1);
      bytes[size++] = (byte) (base >>> 24);
      base = (base << 8) & MASK;
      length <<= 8;
    } while (length < MIN_LENGTH);
  }

  private void add(long x) {
    base += x;
    if (base > MASK) {
      base &= MASK;
      carry();
    }
  }

  void encodeBit(LazBitModel m, int bit) {
    long x = m.zeroProbability * (length >>> LazBitModel.LENGTH_SHIFT);
    if (bit == 0) {
      length = x;
    } else {
      add(x);
      length -= x;
    }
    if (length < MIN_LENGTH) {
      renormalize();
    }
    m.count(bit);
  }

  void encodeSymbol(LazModel m, int sym) {
    long x;
    int[] d = m.distribution;
    if (sym == m.lastSymbol) {
      x = d[sym] * (length >>> LazModel.LENGTH_SHIFT);
      add(x);
      length -= x;
    } else {
      length >>>= LazModel.LENGTH_SHIFT;
      x = d[sym] * length;
      add(x);
      length = d[sym + 1] * length - x;
    }
    if (length < MIN_LENGTH) {
      renormalize();
    }
    m.count(sym);
  }

  /** Writes the low {@code bits} bits of {@code value} raw (1 to 32 bits). */
  void writeBits(int bits, int value) {
    long v = value & MASK;
    if (bits > 19) {
      writeShort((int) (v & 0xFFFF));
      v >>>= 16;
      bits -= 16;
    }
    length >>>= bits;
    add(v * length);
    if (length < MIN_LENGTH) {
      renormalize();
    }
  }

  void writeShort(int value) {
    writeBits(16, value & 0xFFFF);
  }

  /** Writes 32 raw bits, low half first. */
  void writeInt(int value) {
    writeShort(value & 0xFFFF);
    writeShort(value >>> 16);
  }

  /**
   * Ends the coded stream: the bytes that fix the final value, then LASzip's two or three zeros.
   */
  void done() {
    boolean anotherByte = true;
    if (length > 2 * MIN_LENGTH) {
      base += MIN_LENGTH;
      length = MIN_LENGTH >>> 1;
    } else {
      base += MIN_LENGTH >>> 1;
      length = MIN_LENGTH >>> 9;
      anotherByte = false;
    }
    if (base > MASK) {
      base &= MASK;
      carry();
    }
    renormalize();
    ensure(3);
    bytes[size++] = 0;
    bytes[size++] = 0;
    if (anotherByte) {
      bytes[size++] = 0;
    }
  }
}
