// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.nio.ByteBuffer;

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
   */
  static void decode(ByteBuffer in, int pos, PointChunk c, int at, int n) {
    PointSchema s = c.schema;
    int len = s.recordLength();
    int[] xs = c.x;
    int[] ys = c.y;
    int[] zs = c.z;
    for (int i = 0, p = pos; i < n; i++, p += len) {
      xs[at + i] = in.getInt(p);
      ys[at + i] = in.getInt(p + 4);
      zs[at + i] = in.getInt(p + 8);
    }
    char[] intensity = c.intensity;
    for (int i = 0, p = pos + 12; i < n; i++, p += len) {
      intensity[at + i] = in.getChar(p);
    }
    byte[] returns = c.returns;
    byte[] flags = c.flags;
    byte[] classes = c.classification;
    short[] angle = c.scanAngle;
    byte[] user = c.userData;
    char[] source = c.pointSourceId;
    int timeAt;
    if (s.isExtended()) {
      for (int i = 0, p = pos + 14; i < n; i++, p += len) {
        returns[at + i] = in.get(p);
        flags[at + i] = in.get(p + 1);
        classes[at + i] = in.get(p + 2);
        user[at + i] = in.get(p + 3);
      }
      for (int i = 0, p = pos + 18; i < n; i++, p += len) {
        angle[at + i] = in.getShort(p);
        source[at + i] = in.getChar(p + 2);
      }
      timeAt = 22;
    } else {
      for (int i = 0, p = pos + 14; i < n; i++, p += len) {
        int b = in.get(p);
        int k = in.get(p + 1);
        returns[at + i] = (byte) ((b & 7) | (b & 0x38) << 1);
        flags[at + i] = (byte) (((k >> 5) & 7) | (b & 0xC0));
        classes[at + i] = (byte) (k & 31);
        angle[at + i] = in.get(p + 2);
        user[at + i] = in.get(p + 3);
        source[at + i] = in.getChar(p + 4);
      }
      timeAt = 20;
    }
    double[] time = c.gpsTime;
    if (time != null) {
      for (int i = 0, p = pos + timeAt; i < n; i++, p += len) {
        time[at + i] = in.getDouble(p);
      }
    }
    char[] red = c.red;
    if (red != null) {
      char[] green = c.green;
      char[] blue = c.blue;
      int rgbAt = rgbOffset(s.pointFormat());
      for (int i = 0, p = pos + rgbAt; i < n; i++, p += len) {
        red[at + i] = in.getChar(p);
        green[at + i] = in.getChar(p + 2);
        blue[at + i] = in.getChar(p + 4);
      }
    }
    char[] nir = c.nir;
    if (nir != null) {
      for (int i = 0, p = pos + 36; i < n; i++, p += len) {
        nir[at + i] = in.getChar(p);
      }
    }
    byte[] extra = c.extra;
    if (extra != null) {
      int e = s.extraBytes();
      int std = s.standardLength();
      for (int i = 0, p = pos + std; i < n; i++, p += len) {
        in.get(p, extra, (at + i) * e, e);
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
