// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import com.github.mreutegg.laszip4j.laszip.ByteStreamOutArray;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Where laszip4j's raw point writer puts each decompressed point: a fixed byte array written with
 * little-endian array views. laszip4j's own array stream checks its capacity and goes through a
 * {@code ByteBuffer} for every field, which costs 10–15 % of a LAZ read; this sink is sized for the
 * chunk up front. Only the little-endian methods the raw writers call are used.
 */
final class RecordSink extends ByteStreamOutArray {

  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] bytes;
  private int pos;

  RecordSink(int size) {
    super(0);
    this.bytes = new byte[size];
  }

  @Override
  public boolean putByte(byte b) {
    bytes[pos++] = b;
    return true;
  }

  @Override
  public boolean putBytes(byte[] b, int n) {
    System.arraycopy(b, 0, bytes, pos, n);
    pos += n;
    return true;
  }

  @Override
  public boolean put16bitsLE(char v) {
    SHORT.set(bytes, pos, (short) v);
    pos += 2;
    return true;
  }

  @Override
  public boolean put16bitsLE(short v) {
    SHORT.set(bytes, pos, v);
    pos += 2;
    return true;
  }

  @Override
  public boolean put32bitsLE(int v) {
    INT.set(bytes, pos, v);
    pos += 4;
    return true;
  }

  @Override
  public boolean put64bitsLE(long v) {
    LONG.set(bytes, pos, v);
    pos += 8;
    return true;
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
    pos = (int) position;
    return true;
  }

  @Override
  public boolean seekEnd() {
    pos = bytes.length;
    return true;
  }

  /** The records written, as a little-endian buffer from index 0 to the last byte written. */
  ByteBuffer records() {
    return ByteBuffer.wrap(bytes, 0, pos).slice().order(ByteOrder.LITTLE_ENDIAN);
  }

  @Override
  public void close() {
    // nothing to release
  }
}
