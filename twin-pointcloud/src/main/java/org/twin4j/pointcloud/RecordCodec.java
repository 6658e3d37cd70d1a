// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Moves points between LAS point data records (little-endian, formats 0–10, LAS 1.4 R15 §2.6) and
 * the columns of a {@link PointChunk}: one pass per column over the records, which keeps each loop
 * a plain strided read the JIT compiles tightly.
 */
final class RecordCodec {

  private RecordCodec() {}

  /**
   * Decodes {@code n} records starting at byte {@code pos} of {@code in} into points {@code at..}
   * of {@code c}; the records follow {@code c}'s schema.
   *
   * @param in little-endian records
   * @param pos the byte where the first record starts
   * @param c the chunk to fill
   * @param at the first point of the chunk to fill
   * @param n the number of records
   * @param stats the figures to add the records to
   */
  static void decode(ByteBuffer in, int pos, PointChunk c, int at, int n, Stats stats) {
    int len = c.schema.recordLength();
    for (int b = 0; b < n; b += BLOCK) {
      decodeBlock(in, pos + b * len, c, at + b, Math.min(BLOCK, n - b), stats);
    }
  }

  /**
   * Figures gathered while decoding, for checking a header against its points: the smallest and
   * largest stored coordinates and the number of points per return number.
   */
  static final class Stats {
    final int[] min = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
    final int[] max = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
    final long[] byReturn = new long[16];
  }

  /**
   * Records per block: the column passes run over one block at a time, so its bytes stay in the
   * L1/L2 cache between passes (1 024 records of 34 bytes are 34 KB).
   */
  private static final int BLOCK = 1024;

  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle CHAR =
      MethodHandles.byteArrayViewVarHandle(char[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle DOUBLE =
      MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * Per-thread copy buffer: a block of a (mapped) file is copied out in one bulk move; records
   * already in a heap array are read in place.
   */
  private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[0]);

  private static void decodeBlock(
      ByteBuffer in, int pos, PointChunk c, int at, int n, Stats stats) {
    PointSchema s = c.schema;
    int len = s.recordLength();
    byte[] buf;
    int base;
    if (in.hasArray()) {
      // decoded LAZ records are already on the heap: read them where they are
      buf = in.array();
      base = in.arrayOffset() + pos;
    } else {
      buf = BUFFER.get();
      if (buf.length < n * len) {
        buf = new byte[BLOCK * len];
        BUFFER.set(buf);
      }
      in.get(pos, buf, 0, n * len);
      base = 0;
    }
    int[] xs = c.x;
    int[] ys = c.y;
    int[] zs = c.z;
    char[] intensity = c.intensity;
    byte[] returns = c.returns;
    byte[] flags = c.flags;
    byte[] classes = c.classification;
    short[] angle = c.scanAngle;
    byte[] user = c.userData;
    char[] source = c.pointSourceId;
    double[] time = c.gpsTime;
    int end = at + n;
    long[] byReturn = stats.byReturn;
    int x0 = stats.min[0];
    int y0 = stats.min[1];
    int z0 = stats.min[2];
    int x1 = stats.max[0];
    int y1 = stats.max[1];
    int z1 = stats.max[2];
    // coordinates and intensity sit at the same place in every format
    for (int i = at, p = base; i < end; i++, p += len) {
      int x = (int) INT.get(buf, p);
      int y = (int) INT.get(buf, p + 4);
      int z = (int) INT.get(buf, p + 8);
      xs[i] = x;
      ys[i] = y;
      zs[i] = z;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      z0 = Math.min(z0, z);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
      z1 = Math.max(z1, z);
      intensity[i] = (char) CHAR.get(buf, p + 12);
    }
    if (s.isExtended()) {
      for (int i = at, p = base + 14; i < end; i++, p += len) {
        byte r = buf[p];
        returns[i] = r;
        byReturn[r & 0x0F]++;
        flags[i] = buf[p + 1];
        classes[i] = buf[p + 2];
        user[i] = buf[p + 3];
        angle[i] = (short) SHORT.get(buf, p + 4);
        source[i] = (char) CHAR.get(buf, p + 6);
        time[i] = (double) DOUBLE.get(buf, p + 8);
      }
    } else {
      for (int i = at, p = base + 14; i < end; i++, p += len) {
        int b = buf[p];
        int k = buf[p + 1];
        byReturn[b & 7]++;
        returns[i] = (byte) ((b & 7) | (b & 0x38) << 1);
        flags[i] = (byte) (((k >> 5) & 7) | (b & 0xC0));
        classes[i] = (byte) (k & 31);
        angle[i] = buf[p + 2];
        user[i] = buf[p + 3];
        source[i] = (char) CHAR.get(buf, p + 4);
      }
      if (time != null) {
        for (int i = at, p = base + 20; i < end; i++, p += len) {
          time[i] = (double) DOUBLE.get(buf, p);
        }
      }
    }
    stats.min[0] = x0;
    stats.min[1] = y0;
    stats.min[2] = z0;
    stats.max[0] = x1;
    stats.max[1] = y1;
    stats.max[2] = z1;
    char[] red = c.red;
    if (red != null) {
      char[] green = c.green;
      char[] blue = c.blue;
      int rgbAt = rgbOffset(s.pointFormat());
      for (int i = at, p = base + rgbAt; i < end; i++, p += len) {
        red[i] = (char) CHAR.get(buf, p);
        green[i] = (char) CHAR.get(buf, p + 2);
        blue[i] = (char) CHAR.get(buf, p + 4);
      }
    }
    char[] nir = c.nir;
    if (nir != null) {
      for (int i = at, p = base + 36; i < end; i++, p += len) {
        nir[i] = (char) CHAR.get(buf, p);
      }
    }
    byte[] extra = c.extra;
    if (extra != null) {
      int e = s.extraBytes();
      int std = s.standardLength();
      for (int i = at, p = base + std; i < end; i++, p += len) {
        System.arraycopy(buf, p, extra, i * e, e);
      }
    }
  }

  static int rgbOffset(int format) {
    switch (format) {
      case 2:
        return 20;
      case 3:
      case 5:
        return 28;
      default:
        return 30;
    }
  }

  /** What {@link #encode} had to change to fit the target format, counted. */
  static final class Losses {
    long classesClamped;
    long returnsClamped;
    long overlapDropped;
    long channelDropped;
    long nirDropped;
    long scanAngleRounded;
    long extraDropped;
  }

  /**
   * Encodes points {@code from..from+n} of {@code c} as records of {@code target} format (same
   * scale and offset) into {@code out} at byte {@code pos}, counting what the format cannot hold.
   * The bytes must be zero beforehand: fields the target has and the points lack (waveform packets,
   * extra bytes beyond the source's) stay zero.
   */
  static void encode(
      PointChunk c, int from, int n, PointSchema target, ByteBuffer out, int pos, Losses losses) {
    PointSchema s = c.schema;
    int len = target.recordLength();
    boolean ext = target.isExtended();
    for (int i = 0; i < n; i++) {
      int j = from + i;
      int p = pos + i * len;
      out.putInt(p, c.x[j]);
      out.putInt(p + 4, c.y[j]);
      out.putInt(p + 8, c.z[j]);
      out.putChar(p + 12, c.intensity[j]);
      int r = c.returns[j] & 0xFF;
      int f = c.flags[j] & 0xFF;
      int k = c.classification[j] & 0xFF;
      int angle = c.scanAngle[j];
      if (ext) {
        out.put(p + 14, (byte) r);
        out.put(p + 15, (byte) f);
        out.put(p + 16, (byte) k);
        out.put(p + 17, c.userData[j]);
        if (!s.isExtended()) {
          angle = (int) Math.round(angle / 0.006);
        }
        out.putShort(p + 18, (short) angle);
        out.putChar(p + 20, c.pointSourceId[j]);
      } else {
        int rn = r & 0x0F;
        int nr = r >> 4;
        if (rn > 7 || nr > 7) {
          losses.returnsClamped++;
          rn = Math.min(rn, 7);
          nr = Math.min(nr, 7);
        }
        if (k > 31) {
          losses.classesClamped++;
          k = 0;
        }
        if ((f & 0x08) != 0) {
          losses.overlapDropped++;
        }
        if ((f & 0x30) != 0) {
          losses.channelDropped++;
        }
        out.put(p + 14, (byte) (rn | nr << 3 | (f & 0xC0)));
        out.put(p + 15, (byte) (k | (f & 7) << 5));
        if (s.isExtended()) {
          double deg = angle * 0.006;
          int rounded = (int) Math.max(-128, Math.min(127, Math.round(deg)));
          if (rounded != deg) {
            losses.scanAngleRounded++;
          }
          angle = rounded;
        }
        out.put(p + 16, (byte) angle);
        out.put(p + 17, c.userData[j]);
        out.putChar(p + 18, c.pointSourceId[j]);
      }
      if (target.hasGpsTime()) {
        out.putDouble(p + (ext ? 22 : 20), c.gpsTime == null ? 0 : c.gpsTime[j]);
      }
      if (target.hasRgb()) {
        int q = p + rgbOffset(target.pointFormat());
        if (c.red != null) {
          out.putChar(q, c.red[j]);
          out.putChar(q + 2, c.green[j]);
          out.putChar(q + 4, c.blue[j]);
        } else {
          out.putChar(q, (char) 0).putChar(q + 2, (char) 0).putChar(q + 4, (char) 0);
        }
      }
      if (target.hasNir()) {
        out.putChar(p + 36, c.nir == null ? 0 : c.nir[j]);
      } else if (c.nir != null) {
        losses.nirDropped++;
      }
      int std = target.standardLength();
      if (c.extra != null) {
        int e = s.extraBytes();
        int keep = Math.min(e, target.extraBytes());
        if (keep < e) {
          losses.extraDropped++;
        }
        out.put(p + std, c.extra, j * e, keep);
      }
    }
  }
}
