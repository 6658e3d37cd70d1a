// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One LASzip item of a point record with its version-2 coder: the 20 bytes every legacy format
 * starts with (POINT10), the GPS time (GPSTIME11), the colour (RGB12) and the extra bytes (BYTE).
 * Each item predicts its bytes from the previous point of the same chunk; the chunk's first point
 * is stored raw and starts the prediction ({@link #init}).
 *
 * <p>One instance decodes or encodes one stream at a time; the models are reset at every chunk.
 */
abstract class LazItem {

  static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** LASzip's item type codes. */
  static final int BYTE = 0;

  static final int POINT10 = 6;
  static final int GPSTIME11 = 7;
  static final int RGB12 = 8;

  /** The number of bytes of the record the item covers. */
  final int size;

  LazItem(int size) {
    this.size = size;
  }

  /**
   * Creates the version-2 coder of a LASzip item, or returns null when twin4j has none for it.
   *
   * @param type the item type code of the LASzip record
   * @param size the item's size in bytes
   * @param version the item's coder version
   * @return the coder, or null
   */
  static @org.jspecify.annotations.Nullable LazItem of(int type, int size, int version) {
    if (version != 2) {
      return null;
    }
    switch (type) {
      case POINT10:
        return size == 20 ? new Point10() : null;
      case GPSTIME11:
        return size == 8 ? new GpsTime11() : null;
      case RGB12:
        return size == 6 ? new Rgb12() : null;
      case BYTE:
        return size > 0 ? new Bytes(size) : null;
      default:
        return null;
    }
  }

  /** Resets the models and takes the chunk's raw first point as the prediction. */
  abstract void init(byte[] record, int off);

  /** Decodes the item of the next point into {@code out} at {@code off}. */
  abstract void read(LazInput in, byte[] out, int off);

  /** Encodes the item of the next point from {@code record} at {@code off}. */
  abstract void write(LazOutput out, byte[] record, int off);

  /** LASzip's context for a (return number, number of returns) pair, completed for odd files. */
  private static final byte[] RETURN_MAP = {
    15, 14, 13, 12, 11, 10, 9, 8, //
    14, 0, 1, 3, 6, 10, 10, 9, //
    13, 1, 2, 4, 7, 11, 11, 10, //
    12, 3, 4, 5, 8, 12, 12, 11, //
    11, 6, 7, 8, 9, 13, 13, 12, //
    10, 10, 11, 12, 13, 14, 14, 13, //
    9, 10, 11, 12, 13, 14, 15, 14, //
    8, 9, 10, 11, 12, 13, 14, 15
  };

  /** The running median of the last five values, LASzip's StreamingMedian5. */
  static final class Median5 {
    private final int[] v = new int[5];
    private boolean high = true;

    void init() {
      Arrays.fill(v, 0);
      high = true;
    }

    int get() {
      return v[2];
    }

    void add(int x) {
      int[] a = v;
      if (high) {
        if (x < a[2]) {
          a[4] = a[3];
          a[3] = a[2];
          if (x < a[0]) {
            a[2] = a[1];
            a[1] = a[0];
            a[0] = x;
          } else if (x < a[1]) {
            a[2] = a[1];
            a[1] = x;
          } else {
            a[2] = x;
          }
        } else {
          if (x < a[3]) {
            a[4] = a[3];
            a[3] = x;
          } else {
            a[4] = x;
          }
          high = false;
        }
      } else {
        if (a[2] < x) {
          a[0] = a[1];
          a[1] = a[2];
          if (a[4] < x) {
            a[2] = a[3];
            a[3] = a[4];
            a[4] = x;
          } else if (a[3] < x) {
            a[2] = a[3];
            a[3] = x;
          } else {
            a[2] = x;
          }
        } else {
          if (a[1] < x) {
            a[0] = a[1];
            a[1] = x;
          } else {
            a[0] = x;
          }
          high = true;
        }
      }
    }
  }

  /** X, Y, Z, intensity, the return/flag byte, class, scan angle, user data, point source. */
  static final class Point10 extends LazItem {
    private final LazModel changed = new LazModel(64);
    private final LazIntegers intensityCoder = new LazIntegers(16, 4);
    private final LazModel[] scanAngle = {new LazModel(256), new LazModel(256)};
    private final LazIntegers sourceCoder = new LazIntegers(16, 1);
    private final LazModel[] bitByteModels = new LazModel[256];
    private final LazModel[] classModels = new LazModel[256];
    private final LazModel[] userModels = new LazModel[256];
    private final LazIntegers dx = new LazIntegers(32, 2);
    private final LazIntegers dy = new LazIntegers(32, 22);
    private final LazIntegers dz = new LazIntegers(32, 20);
    private final Median5[] xMedian = new Median5[16];
    private final Median5[] yMedian = new Median5[16];
    private final int[] lastIntensity = new int[16];
    private final int[] lastHeight = new int[8];
    private int x;
    private int y;
    private int z;
    private int bitByte;
    private int classification;
    private int scanAngleRank;
    private int userData;
    private int source;

    Point10() {
      super(20);
      for (int i = 0; i < 16; i++) {
        xMedian[i] = new Median5();
        yMedian[i] = new Median5();
      }
    }

    @Override
    void init(byte[] r, int off) {
      for (int i = 0; i < 16; i++) {
        xMedian[i].init();
        yMedian[i].init();
      }
      Arrays.fill(lastIntensity, 0);
      Arrays.fill(lastHeight, 0);
      changed.init();
      intensityCoder.init();
      scanAngle[0].init();
      scanAngle[1].init();
      sourceCoder.init();
      for (int i = 0; i < 256; i++) {
        reset(bitByteModels[i]);
        reset(classModels[i]);
        reset(userModels[i]);
      }
      dx.init();
      dy.init();
      dz.init();
      x = (int) INT.get(r, off);
      y = (int) INT.get(r, off + 4);
      z = (int) INT.get(r, off + 8);
      bitByte = r[off + 14] & 0xFF;
      classification = r[off + 15] & 0xFF;
      scanAngleRank = r[off + 16] & 0xFF;
      userData = r[off + 17] & 0xFF;
      source = (short) SHORT.get(r, off + 18) & 0xFFFF;
    }

    private static void reset(@org.jspecify.annotations.Nullable LazModel m) {
      if (m != null) {
        m.init();
      }
    }

    private static LazModel model(LazModel[] models, int context) {
      LazModel m = models[context];
      if (m == null) {
        m = new LazModel(256);
        models[context] = m;
      }
      return m;
    }

    @Override
    void read(LazInput in, byte[] out, int off) {
      int intensity;
      int changedValues = in.decodeSymbol(changed);
      int m;
      if (changedValues != 0) {
        if ((changedValues & 32) != 0) {
          bitByte = in.decodeSymbol(model(bitByteModels, bitByte));
        }
        m = RETURN_MAP[((bitByte >>> 3) & 7) * 8 + (bitByte & 7)];
        if ((changedValues & 16) != 0) {
          intensity = intensityCoder.decompress(in, lastIntensity[m], m < 3 ? m : 3);
          lastIntensity[m] = intensity;
        } else {
          intensity = lastIntensity[m];
        }
        if ((changedValues & 8) != 0) {
          classification = in.decodeSymbol(model(classModels, classification));
        }
        if ((changedValues & 4) != 0) {
          int v = in.decodeSymbol(scanAngle[(bitByte >>> 6) & 1]);
          scanAngleRank = (v + scanAngleRank) & 0xFF;
        }
        if ((changedValues & 2) != 0) {
          userData = in.decodeSymbol(model(userModels, userData));
        }
        if ((changedValues & 1) != 0) {
          source = sourceCoder.decompress(in, source, 0);
        }
      } else {
        m = RETURN_MAP[((bitByte >>> 3) & 7) * 8 + (bitByte & 7)];
        intensity = lastIntensity[m];
      }
      int r = bitByte & 7;
      int n = (bitByte >>> 3) & 7;
      int l = Math.abs(r - n);
      int single = n == 1 ? 1 : 0;
      int diff = dx.decompress(in, xMedian[m].get(), single);
      x += diff;
      xMedian[m].add(diff);
      int kBits = dx.k();
      diff = dy.decompress(in, yMedian[m].get(), single + (kBits < 20 ? kBits & ~1 : 20));
      y += diff;
      yMedian[m].add(diff);
      kBits = (dx.k() + dy.k()) / 2;
      z = dz.decompress(in, lastHeight[l], single + (kBits < 18 ? kBits & ~1 : 18));
      lastHeight[l] = z;
      INT.set(out, off, x);
      INT.set(out, off + 4, y);
      INT.set(out, off + 8, z);
      SHORT.set(out, off + 12, (short) intensity);
      out[off + 14] = (byte) bitByte;
      out[off + 15] = (byte) classification;
      out[off + 16] = (byte) scanAngleRank;
      out[off + 17] = (byte) userData;
      SHORT.set(out, off + 18, (short) source);
    }

    @Override
    void write(LazOutput out, byte[] rec, int off) {
      int px = (int) INT.get(rec, off);
      int py = (int) INT.get(rec, off + 4);
      int pz = (int) INT.get(rec, off + 8);
      int intensity = (short) SHORT.get(rec, off + 12) & 0xFFFF;
      int pBitByte = rec[off + 14] & 0xFF;
      int pClass = rec[off + 15] & 0xFF;
      int pAngle = rec[off + 16] & 0xFF;
      int pUser = rec[off + 17] & 0xFF;
      int pSource = (short) SHORT.get(rec, off + 18) & 0xFFFF;
      int r = pBitByte & 7;
      int n = (pBitByte >>> 3) & 7;
      int m = RETURN_MAP[n * 8 + r];
      int l = Math.abs(r - n);
      int changedValues =
          (bitByte != pBitByte ? 32 : 0)
              | (lastIntensity[m] != intensity ? 16 : 0)
              | (classification != pClass ? 8 : 0)
              | (scanAngleRank != pAngle ? 4 : 0)
              | (userData != pUser ? 2 : 0)
              | (source != pSource ? 1 : 0);
      out.encodeSymbol(changed, changedValues);
      if ((changedValues & 32) != 0) {
        out.encodeSymbol(model(bitByteModels, bitByte), pBitByte);
      }
      if ((changedValues & 16) != 0) {
        intensityCoder.compress(out, lastIntensity[m], intensity, m < 3 ? m : 3);
        lastIntensity[m] = intensity;
      }
      if ((changedValues & 8) != 0) {
        out.encodeSymbol(model(classModels, classification), pClass);
      }
      if ((changedValues & 4) != 0) {
        out.encodeSymbol(scanAngle[(pBitByte >>> 6) & 1], (pAngle - scanAngleRank) & 0xFF);
      }
      if ((changedValues & 2) != 0) {
        out.encodeSymbol(model(userModels, userData), pUser);
      }
      if ((changedValues & 1) != 0) {
        sourceCoder.compress(out, source, pSource, 0);
      }
      int single = n == 1 ? 1 : 0;
      int diff = px - x;
      dx.compress(out, xMedian[m].get(), diff, single);
      xMedian[m].add(diff);
      int kBits = dx.k();
      diff = py - y;
      dy.compress(out, yMedian[m].get(), diff, single + (kBits < 20 ? kBits & ~1 : 20));
      yMedian[m].add(diff);
      kBits = (dx.k() + dy.k()) / 2;
      dz.compress(out, lastHeight[l], pz, single + (kBits < 18 ? kBits & ~1 : 18));
      lastHeight[l] = pz;
      x = px;
      y = py;
      z = pz;
      bitByte = pBitByte;
      classification = pClass;
      scanAngleRank = pAngle;
      userData = pUser;
      source = pSource;
    }
  }

  /** The GPS time: runs of equal time steps, their multiples, and up to four interleaved runs. */
  static final class GpsTime11 extends LazItem {
    private final LazGpsTime coder = new LazGpsTime(true);

    GpsTime11() {
      super(8);
    }

    @Override
    void init(byte[] r, int off) {
      coder.init((long) LONG.get(r, off));
    }

    @Override
    void read(LazInput in, byte[] out, int off) {
      coder.read(in);
      LONG.set(out, off, coder.time());
    }

    @Override
    void write(LazOutput out, byte[] rec, int off) {
      coder.write(out, (long) LONG.get(rec, off));
    }
  }

  /** Red, green and blue: changed bytes only, green and blue predicted from red's change. */
  static final class Rgb12 extends LazItem {
    /** The "bytes used" model, then the six byte-difference models. */
    private final LazModel[] models = rgbModels();

    private final int[] last = new int[3];

    Rgb12() {
      super(6);
    }

    @Override
    void init(byte[] r, int off) {
      for (LazModel m : models) {
        m.init();
      }
      for (int i = 0; i < 3; i++) {
        last[i] = (short) SHORT.get(r, off + 2 * i) & 0xFFFF;
      }
    }

    @Override
    void read(LazInput in, byte[] out, int off) {
      readRgb(in, models, last);
      for (int i = 0; i < 3; i++) {
        SHORT.set(out, off + 2 * i, (short) last[i]);
      }
    }

    @Override
    void write(LazOutput out, byte[] rec, int off) {
      writeRgb(
          out,
          models,
          last,
          (short) SHORT.get(rec, off) & 0xFFFF,
          (short) SHORT.get(rec, off + 2) & 0xFFFF,
          (short) SHORT.get(rec, off + 4) & 0xFFFF);
    }
  }

  /** The seven models of LASzip's colour coder: bytes used (128 symbols), six byte differences. */
  static LazModel[] rgbModels() {
    LazModel[] m = new LazModel[7];
    m[0] = new LazModel(128);
    for (int i = 1; i < 7; i++) {
      m[i] = new LazModel(256);
    }
    return m;
  }

  private static int clamp(int v) {
    return v <= 0 ? 0 : Math.min(v, 255);
  }

  /**
   * Decodes a colour (RGB12 and RGB14 alike) into {@code last[0..2]}, predicted from the colour
   * there: a symbol says which bytes changed; red's bytes are coded as differences, green's and
   * blue's as corrections of red's change applied to their own last value.
   *
   * @param m the models of {@link #rgbModels()} (the first seven of the array)
   */
  static void readRgb(LazInput in, LazModel[] m, int[] last) {
    int sym = in.decodeSymbol(m[0]);
    int r = (sym & 1) != 0 ? (in.decodeSymbol(m[1]) + (last[0] & 0xFF)) & 0xFF : last[0] & 0xFF;
    r |=
        (sym & 2) != 0 ? ((in.decodeSymbol(m[2]) + (last[0] >>> 8)) & 0xFF) << 8 : last[0] & 0xFF00;
    int g;
    int b;
    if ((sym & 64) != 0) {
      int diff = (r & 0xFF) - (last[0] & 0xFF);
      g =
          (sym & 4) != 0
              ? (in.decodeSymbol(m[3]) + clamp(diff + (last[1] & 0xFF))) & 0xFF
              : last[1] & 0xFF;
      if ((sym & 16) != 0) {
        diff = (diff + ((g & 0xFF) - (last[1] & 0xFF))) / 2;
        b = (in.decodeSymbol(m[5]) + clamp(diff + (last[2] & 0xFF))) & 0xFF;
      } else {
        b = last[2] & 0xFF;
      }
      diff = (r >>> 8) - (last[0] >>> 8);
      g |=
          (sym & 8) != 0
              ? ((in.decodeSymbol(m[4]) + clamp(diff + (last[1] >>> 8))) & 0xFF) << 8
              : last[1] & 0xFF00;
      if ((sym & 32) != 0) {
        diff = (diff + ((g >>> 8) - (last[1] >>> 8))) / 2;
        b |= ((in.decodeSymbol(m[6]) + clamp(diff + (last[2] >>> 8))) & 0xFF) << 8;
      } else {
        b |= last[2] & 0xFF00;
      }
    } else {
      g = r;
      b = r;
    }
    last[0] = r;
    last[1] = g;
    last[2] = b;
  }

  /**
   * Encodes colour {@code r, g, b} against {@code last[0..2]} and makes it the last colour.
   *
   * @return whether the symbol was not 0 (LASzip's test of a changed colour layer)
   */
  static boolean writeRgb(LazOutput out, LazModel[] m, int[] last, int r, int g, int b) {
    int sym =
        ((last[0] & 0xFF) != (r & 0xFF) ? 1 : 0)
            | ((last[0] & 0xFF00) != (r & 0xFF00) ? 2 : 0)
            | ((last[1] & 0xFF) != (g & 0xFF) ? 4 : 0)
            | ((last[1] & 0xFF00) != (g & 0xFF00) ? 8 : 0)
            | ((last[2] & 0xFF) != (b & 0xFF) ? 16 : 0)
            | ((last[2] & 0xFF00) != (b & 0xFF00) ? 32 : 0)
            | (r != g || r != b ? 64 : 0);
    out.encodeSymbol(m[0], sym);
    int diffLow = 0;
    int diffHigh = 0;
    if ((sym & 1) != 0) {
      diffLow = (r & 0xFF) - (last[0] & 0xFF);
      out.encodeSymbol(m[1], diffLow & 0xFF);
    }
    if ((sym & 2) != 0) {
      diffHigh = (r >>> 8) - (last[0] >>> 8);
      out.encodeSymbol(m[2], diffHigh & 0xFF);
    }
    if ((sym & 64) != 0) {
      if ((sym & 4) != 0) {
        out.encodeSymbol(m[3], ((g & 0xFF) - clamp(diffLow + (last[1] & 0xFF))) & 0xFF);
      }
      if ((sym & 16) != 0) {
        diffLow = (diffLow + (g & 0xFF) - (last[1] & 0xFF)) / 2;
        out.encodeSymbol(m[5], ((b & 0xFF) - clamp(diffLow + (last[2] & 0xFF))) & 0xFF);
      }
      if ((sym & 8) != 0) {
        out.encodeSymbol(m[4], ((g >>> 8) - clamp(diffHigh + (last[1] >>> 8))) & 0xFF);
      }
      if ((sym & 32) != 0) {
        diffHigh = (diffHigh + (g >>> 8) - (last[1] >>> 8)) / 2;
        out.encodeSymbol(m[6], ((b >>> 8) - clamp(diffHigh + (last[2] >>> 8))) & 0xFF);
      }
    }
    last[0] = r;
    last[1] = g;
    last[2] = b;
    return sym != 0;
  }

  /** Extra bytes: each byte's change from the previous point, one model per byte. */
  static final class Bytes extends LazItem {
    private final LazModel[] models;
    private final byte[] last;

    Bytes(int n) {
      super(n);
      models = new LazModel[n];
      for (int i = 0; i < n; i++) {
        models[i] = new LazModel(256);
      }
      last = new byte[n];
    }

    @Override
    void init(byte[] r, int off) {
      for (LazModel m : models) {
        m.init();
      }
      System.arraycopy(r, off, last, 0, size);
    }

    @Override
    void read(LazInput in, byte[] out, int off) {
      for (int i = 0; i < size; i++) {
        byte v = (byte) (last[i] + in.decodeSymbol(models[i]));
        last[i] = v;
        out[off + i] = v;
      }
    }

    @Override
    void write(LazOutput out, byte[] rec, int off) {
      for (int i = 0; i < size; i++) {
        byte v = rec[off + i];
        out.encodeSymbol(models[i], (v - last[i]) & 0xFF);
        last[i] = v;
      }
    }
  }
}
