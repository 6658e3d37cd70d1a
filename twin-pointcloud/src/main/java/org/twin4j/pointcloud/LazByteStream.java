// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import com.github.mreutegg.laszip4j.laszip.ByteStreamIn;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The bytes of a LAZ file for laszip4j's decoder, from a read-only memory map. laszip4j's own file
 * stream goes through a general multi-segment reader for every byte; the arithmetic decoder asks
 * for one byte at a time, so a stream that is a plain buffer index makes decoding faster. Files up
 * to 2 GiB (one map); larger ones use laszip4j's own stream.
 */
final class LazByteStream extends ByteStreamIn {

  private final ByteBuffer data;
  private int pos;

  LazByteStream(ByteBuffer data) {
    this.data = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
  }

  @Override
  public byte getByte() {
    return data.get(pos++);
  }

  @Override
  public void getBytes(byte[] bytes, int n) {
    data.get(pos, bytes, 0, n);
    pos += n;
  }

  @Override
  public char get16bitsLE() {
    char v = data.getChar(pos);
    pos += 2;
    return v;
  }

  @Override
  public int get32bitsLE() {
    int v = data.getInt(pos);
    pos += 4;
    return v;
  }

  @Override
  public long get64bitsLE() {
    long v = data.getLong(pos);
    pos += 8;
    return v;
  }

  @Override
  public char get16bitsBE() {
    return Character.reverseBytes(get16bitsLE());
  }

  @Override
  public int get32bitsBE() {
    return Integer.reverseBytes(get32bitsLE());
  }

  @Override
  public long get64bitsBE() {
    return Long.reverseBytes(get64bitsLE());
  }

  @Override
  public boolean isSeekable() {
    return true;
  }

  @Override
  public long tell() {
    return pos;
  }

  @Override
  public boolean seek(long position) {
    if (position < 0 || position > data.limit()) {
      return false;
    }
    pos = (int) position;
    return true;
  }

  @Override
  public boolean seekEnd(long distance) {
    return seek(data.limit() - distance);
  }

  @Override
  public void close() {
    // the map is released with the buffer
  }
}
