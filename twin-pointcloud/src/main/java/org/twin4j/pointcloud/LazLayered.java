// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.util.Arrays;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One LASzip item of a LAS 1.4 point record (formats 6–8) with its version-3 "layered" coder: the
 * 30 bytes every such format starts with (POINT14), the colour with or without NIR (RGB14,
 * RGBNIR14) and the extra bytes (BYTE14). Each field group is its own arithmetic-coded layer in the
 * chunk, so a layer whose values never change in a chunk costs no bytes, and every item keeps four
 * sets of models, one per scanner channel, which POINT14 chooses for the others.
 *
 * <p>A chunk is the raw first record, the number of points, every layer's byte count (item by item,
 * in layer order), then the layers' bytes in the same order.
 */
abstract class LazLayered {

  static final int POINT14 = 10;
  static final int RGB14 = 11;
  static final int RGBNIR14 = 12;
  static final int BYTE14 = 14;

  /** The number of bytes of the record the item covers. */
  final int size;

  /** Each layer's coded bytes while encoding, in layer order. */
  final LazOutput[] out;

  /** Per layer: whether it has bytes in the chunk (decoding) or changed in it (encoding). */
  final boolean[] changed;

  /** The dimensions wanted by the reader: layers holding none of them are not decoded. */
  private Set<PointDimension> keep = PointDimension.all();

  LazLayered(int size, int layers) {
    this.size = size;
    this.out = newOutputs(layers);
    this.changed = new boolean[layers];
  }

  /**
   * Decodes from now on only the layers that hold a dimension in {@code dims} (and those every
   * point needs: x, y, returns, z). A layer's arithmetic coder and models are its own and no kept
   * layer's context reads a skipped layer's values, so the kept values are those of a whole decode;
   * the skipped fields keep the chunk's first record's values, which the reader drops.
   */
  final void keep(Set<PointDimension> dims) {
    this.keep = dims;
  }

  /** Whether a layer holding a chunk's bytes from {@code from} to {@code to} is decoded. */
  final boolean decodes(int layer, int from, int to) {
    PointDimension d = dimensionOf(layer);
    return to > from && (d == null || keep.contains(d));
  }

  /** The dimension a layer holds, or null for a layer every point needs. */
  abstract @Nullable PointDimension dimensionOf(int layer);

  /** Creates the version-3 coder of an item, or returns null when twin4j has none for it. */
  static @Nullable LazLayered of(int type, int size, int version) {
    if (version != 3) {
      return null;
    }
    switch (type) {
      case POINT14:
        return size == 30 ? new Point14() : null;
      case RGB14:
        return size == 6 ? new Rgb14(false) : null;
      case RGBNIR14:
        return size == 8 ? new Rgb14(true) : null;
      case BYTE14:
        return size > 0 ? new Bytes14(size) : null;
      default:
        return null;
    }
  }

  /** The number of layers (byte counts) the item has in every chunk. */
  final int layers() {
    return out.length;
  }

  /** The item's layer outputs, in layer order. */
  final LazOutput[] outputs() {
    return out;
  }

  /** Opens every layer's coded stream for a new chunk, none changed yet. */
  final void startLayers() {
    for (LazOutput o : out) {
      o.clear();
      o.init();
    }
    Arrays.fill(changed, false);
  }

  /** Whether a layer is written even when nothing in it changed (POINT14's XY and Z layers). */
  boolean alwaysKept(int layer) {
    return false;
  }

  /** Ends the chunk: which layers are written; each kept layer's coded stream is closed. */
  final void finish(boolean[] keep) {
    for (int i = 0; i < out.length; i++) {
      keep[i] = changed[i] || alwaysKept(i);
      if (keep[i]) {
        out[i].done();
      }
    }
  }

  /**
   * Starts decoding a chunk: the raw first record and the byte range of each of the item's layers.
   *
   * @param record the first record
   * @param off where the item starts in it
   * @param channel the scanner channel POINT14 chose
   * @param src the chunk's bytes
   * @param from the first byte of each layer
   * @param to the end of each layer
   */
  abstract void startDecode(byte[] record, int off, int channel, byte[] src, int[] from, int[] to);

  /**
   * Decodes the item of the next point. POINT14 returns the context the other items use: as in
   * LASzip, the new scanner channel at a point where the channel changes and 0 at every other point
   * (LASzip resets the context per point and only a switch sets it).
   */
  abstract int read(byte[] record, int off, int channel);

  /** Starts encoding a chunk whose first record is given. */
  abstract void startEncode(byte[] record, int off, int channel);

  /** Encodes the item of the next point; returns the context as {@link #read} does. */
  abstract int write(byte[] record, int off, int channel);

  private static LazModel model(LazModel[] models, int context, int symbols) {
    LazModel m = models[context];
    if (m == null) {
      m = new LazModel(symbols);
      models[context] = m;
    }
    return m;
  }

  private static void reset(LazModel[] models) {
    for (LazModel m : models) {
      if (m != null) {
        m.init();
      }
    }
  }

  private static LazOutput[] newOutputs(int n) {
    LazOutput[] o = new LazOutput[n];
    for (int i = 0; i < n; i++) {
      o[i] = new LazOutput();
    }
    return o;
  }

  private static LazInput[] newInputs(int n) {
    LazInput[] o = new LazInput[n];
    for (int i = 0; i < n; i++) {
      o[i] = new LazInput();
    }
    return o;
  }

  /** LASzip's six contexts for a (number of returns, return number) pair of 4-bit values. */
  private static final byte[] RETURN_MAP_6 = {
    0, 1, 2, 3, 4, 5, 3, 4, 4, 5, 5, 5, 5, 5, 5, 5, //
    1, 0, 1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, //
    2, 1, 2, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, //
    3, 3, 4, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, //
    4, 3, 4, 4, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, //
    5, 3, 4, 4, 4, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, //
    3, 3, 4, 4, 4, 4, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, //
    4, 3, 4, 4, 4, 4, 4, 5, 4, 4, 4, 4, 4, 4, 4, 4, //
    4, 3, 4, 4, 4, 4, 4, 4, 5, 4, 4, 4, 4, 4, 4, 4, //
    5, 3, 4, 4, 4, 4, 4, 4, 4, 5, 4, 4, 4, 4, 4, 4, //
    5, 3, 4, 4, 4, 4, 4, 4, 4, 4, 5, 4, 4, 4, 4, 4, //
    5, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 4, 4, 4, //
    5, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 4, 4, //
    5, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 4, //
    5, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, //
    5, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5
  };

  /** The fields of a format 6 record that POINT14 predicts from, per scanner channel. */
  static final class PointState {
    int x;
    int y;
    int z;
    int intensity;
    int returnNumber;
    int returns;
    int classFlags;
    int channel;
    int scanDirection;
    int edge;
    int classification;
    int userData;

    /** Signed, as LASzip predicts from the signed 16-bit value. */
    int scanAngle;

    int source;
    long gpsTime;
    boolean gpsTimeChange;

    void read(byte[] r, int off) {
      x = (int) LazItem.INT.get(r, off);
      y = (int) LazItem.INT.get(r, off + 4);
      z = (int) LazItem.INT.get(r, off + 8);
      intensity = (short) LazItem.SHORT.get(r, off + 12) & 0xFFFF;
      int b14 = r[off + 14] & 0xFF;
      returnNumber = b14 & 0x0F;
      returns = b14 >>> 4;
      int b15 = r[off + 15] & 0xFF;
      classFlags = b15 & 0x0F;
      channel = (b15 >>> 4) & 3;
      scanDirection = (b15 >>> 6) & 1;
      edge = b15 >>> 7;
      classification = r[off + 16] & 0xFF;
      userData = r[off + 17] & 0xFF;
      scanAngle = (short) LazItem.SHORT.get(r, off + 18);
      source = (short) LazItem.SHORT.get(r, off + 20) & 0xFFFF;
      gpsTime = (long) LazItem.LONG.get(r, off + 22);
    }

    void write(byte[] r, int off) {
      LazItem.INT.set(r, off, x);
      LazItem.INT.set(r, off + 4, y);
      LazItem.INT.set(r, off + 8, z);
      LazItem.SHORT.set(r, off + 12, (short) intensity);
      r[off + 14] = (byte) (returnNumber | (returns << 4));
      r[off + 15] = (byte) (classFlags | (channel << 4) | (scanDirection << 6) | (edge << 7));
      r[off + 16] = (byte) classification;
      r[off + 17] = (byte) userData;
      LazItem.SHORT.set(r, off + 18, (short) scanAngle);
      LazItem.SHORT.set(r, off + 20, (short) source);
      LazItem.LONG.set(r, off + 22, gpsTime);
    }

    void copy(PointState o) {
      x = o.x;
      y = o.y;
      z = o.z;
      intensity = o.intensity;
      returnNumber = o.returnNumber;
      returns = o.returns;
      classFlags = o.classFlags;
      channel = o.channel;
      scanDirection = o.scanDirection;
      edge = o.edge;
      classification = o.classification;
      userData = o.userData;
      scanAngle = o.scanAngle;
      source = o.source;
      gpsTime = o.gpsTime;
      gpsTimeChange = o.gpsTimeChange;
    }

    int flags() {
      return (edge << 5) | (scanDirection << 4) | classFlags;
    }
  }

  /** POINT14's models and state for one scanner channel. */
  static final class PointContext {
    final PointState last = new PointState();
    final int[] lastIntensity = new int[8];
    final LazItem.Median5[] xMedian = new LazItem.Median5[12];
    final LazItem.Median5[] yMedian = new LazItem.Median5[12];
    final int[] lastZ = new int[8];
    final LazModel[] changed = new LazModel[8];
    final LazModel channelModel = new LazModel(3);
    final LazModel[] returnsModels = new LazModel[16];
    final LazModel[] returnNumberModels = new LazModel[16];
    final LazModel returnNumberGpsSame = new LazModel(13);
    final LazIntegers dx = new LazIntegers(32, 2);
    final LazIntegers dy = new LazIntegers(32, 22);
    final LazIntegers dz = new LazIntegers(32, 20);
    final LazModel[] classModels = new LazModel[64];
    final LazModel[] flagModels = new LazModel[64];
    final LazModel[] userModels = new LazModel[64];
    final LazIntegers intensityCoder = new LazIntegers(16, 4);
    final LazIntegers scanAngleCoder = new LazIntegers(16, 2);
    final LazIntegers sourceCoder = new LazIntegers(16, 1);
    final LazGpsTime gps = new LazGpsTime(false);

    PointContext() {
      for (int i = 0; i < 12; i++) {
        xMedian[i] = new LazItem.Median5();
        yMedian[i] = new LazItem.Median5();
      }
      for (int i = 0; i < 8; i++) {
        changed[i] = new LazModel(128);
      }
    }

    /** Resets the models and takes {@code from} as the last point. */
    void init(PointState from) {
      for (LazModel m : changed) {
        m.init();
      }
      channelModel.init();
      reset(returnsModels);
      reset(returnNumberModels);
      returnNumberGpsSame.init();
      dx.init();
      dy.init();
      for (int i = 0; i < 12; i++) {
        xMedian[i].init();
        yMedian[i].init();
      }
      dz.init();
      Arrays.fill(lastZ, from.z);
      reset(classModels);
      reset(flagModels);
      reset(userModels);
      intensityCoder.init();
      Arrays.fill(lastIntensity, from.intensity);
      scanAngleCoder.init();
      sourceCoder.init();
      gps.init(from.gpsTime);
      last.copy(from);
      last.gpsTimeChange = false;
    }
  }

  /** X, Y, Z, returns, classes, flags, intensity, scan angle, user data, source, GPS time. */
  static final class Point14 extends LazLayered {
    private static final int XY = 0;
    private static final int Z = 1;
    private static final int CLASS = 2;
    private static final int FLAGS = 3;
    private static final int INTENSITY = 4;
    private static final int ANGLE = 5;
    private static final int USER = 6;
    private static final int SOURCE = 7;
    private static final int GPS = 8;

    private final PointContext[] contexts = new PointContext[4];
    private final boolean[] used = new boolean[4];
    private final LazInput[] in = newInputs(9);

    private final PointState next = new PointState();
    private int current;

    Point14() {
      super(30, 9);
    }

    @Override
    boolean alwaysKept(int layer) {
      return layer <= Z;
    }

    private PointContext context(int c, PointState from) {
      PointContext ctx = contexts[c];
      if (ctx == null) {
        ctx = new PointContext();
        contexts[c] = ctx;
      }
      ctx.init(from);
      used[c] = true;
      return ctx;
    }

    @Override
    @Nullable PointDimension dimensionOf(int layer) {
      return LAYER_DIMENSIONS[layer];
    }

    /** The dimension of each of the nine layers, in layer order; x, y, returns and z for all. */
    private static final @Nullable PointDimension[] LAYER_DIMENSIONS = {
      null,
      null,
      PointDimension.CLASSIFICATION,
      PointDimension.FLAGS,
      PointDimension.INTENSITY,
      PointDimension.SCAN_ANGLE,
      PointDimension.USER_DATA,
      PointDimension.POINT_SOURCE_ID,
      PointDimension.GPS_TIME
    };

    @Override
    void startDecode(byte[] record, int off, int channel, byte[] src, int[] from, int[] to) {
      for (int i = 0; i < 9; i++) {
        changed[i] = decodes(i, from[i], to[i]);
        if (changed[i]) {
          in[i].init(src, from[i], to[i]);
        }
      }
      // the channel-returns-XY layer is always read
      if (!changed[XY]) {
        in[XY].init(src, from[XY], to[XY]);
      }
      Arrays.fill(used, false);
      next.read(record, off);
      current = next.channel;
      context(current, next);
    }

    @Override
    int read(byte[] outRecord, int off, int channel) {
      PointContext ctx = contexts[current];
      PointState last = ctx.last;
      LazInput xy = in[XY];
      int lpr =
          (last.returnNumber == 1 ? 1 : 0)
              + (last.returnNumber >= last.returns ? 2 : 0)
              + (last.gpsTimeChange ? 4 : 0);
      int cv = xy.decodeSymbol(ctx.changed[lpr]);
      if ((cv & 64) != 0) {
        int diff = xy.decodeSymbol(ctx.channelModel);
        int sc = (current + diff + 1) & 3;
        if (!used[sc]) {
          context(sc, last);
        }
        current = sc;
        ctx = contexts[sc];
        last = ctx.last;
        last.channel = sc;
      }
      boolean sourceChange = (cv & 32) != 0;
      boolean gpsChange = (cv & 16) != 0;
      boolean angleChange = (cv & 8) != 0;
      int lastN = last.returns;
      int lastR = last.returnNumber;
      int n = lastN;
      if ((cv & 4) != 0) {
        n = xy.decodeSymbol(model(ctx.returnsModels, lastN, 16));
        last.returns = n;
      }
      int r;
      switch (cv & 3) {
        case 0:
          r = lastR;
          break;
        case 1:
          r = (lastR + 1) & 15;
          break;
        case 2:
          r = (lastR + 15) & 15;
          break;
        default:
          if (gpsChange) {
            r = xy.decodeSymbol(model(ctx.returnNumberModels, lastR, 16));
          } else {
            r = (lastR + xy.decodeSymbol(ctx.returnNumberGpsSame) + 2) & 15;
          }
          break;
      }
      last.returnNumber = r;
      int m = RETURN_MAP_6[n * 16 + r];
      int l = Math.min(Math.abs(n - r), 7);
      int cpr = (r == 1 ? 2 : 0) + (r >= n ? 1 : 0);
      int g = gpsChange ? 1 : 0;
      int single = n == 1 ? 1 : 0;
      int idx = (m << 1) | g;
      int diff = ctx.dx.decompress(xy, ctx.xMedian[idx].get(), single);
      last.x += diff;
      ctx.xMedian[idx].add(diff);
      int kBits = ctx.dx.k();
      diff = ctx.dy.decompress(xy, ctx.yMedian[idx].get(), single + (kBits < 20 ? kBits & ~1 : 20));
      last.y += diff;
      ctx.yMedian[idx].add(diff);
      if (changed[Z]) {
        kBits = (ctx.dx.k() + ctx.dy.k()) / 2;
        last.z = ctx.dz.decompress(in[Z], ctx.lastZ[l], single + (kBits < 18 ? kBits & ~1 : 18));
        ctx.lastZ[l] = last.z;
      }
      if (changed[CLASS]) {
        int ccc = ((last.classification & 0x1F) << 1) + (cpr == 3 ? 1 : 0);
        last.classification = in[CLASS].decodeSymbol(model(ctx.classModels, ccc, 256));
      }
      if (changed[FLAGS]) {
        int flags = in[FLAGS].decodeSymbol(model(ctx.flagModels, last.flags(), 64));
        last.edge = (flags >>> 5) & 1;
        last.scanDirection = (flags >>> 4) & 1;
        last.classFlags = flags & 0x0F;
      }
      if (changed[INTENSITY]) {
        int slot = (cpr << 1) | g;
        last.intensity = ctx.intensityCoder.decompress(in[INTENSITY], ctx.lastIntensity[slot], cpr);
        ctx.lastIntensity[slot] = last.intensity;
      }
      if (changed[ANGLE] && angleChange) {
        last.scanAngle = (short) ctx.scanAngleCoder.decompress(in[ANGLE], last.scanAngle, g);
      }
      if (changed[USER]) {
        last.userData = in[USER].decodeSymbol(model(ctx.userModels, last.userData >>> 2, 256));
      }
      if (changed[SOURCE] && sourceChange) {
        last.source = ctx.sourceCoder.decompress(in[SOURCE], last.source, 0);
      }
      if (changed[GPS] && gpsChange) {
        ctx.gps.read(in[GPS]);
        last.gpsTime = ctx.gps.time();
      }
      last.write(outRecord, off);
      last.gpsTimeChange = gpsChange;
      // LASzip hands the channel to the other items only at a switch, 0 otherwise
      return (cv & 64) != 0 ? current : 0;
    }

    @Override
    void startEncode(byte[] record, int off, int channel) {
      startLayers();
      Arrays.fill(used, false);
      next.read(record, off);
      current = next.channel;
      context(current, next);
    }

    @Override
    int write(byte[] record, int off, int channel) {
      PointState p = next;
      p.read(record, off);
      PointContext ctx = contexts[current];
      PointState last = ctx.last;
      int lpr =
          (last.returnNumber == 1 ? 1 : 0)
              + (last.returnNumber >= last.returns ? 2 : 0)
              + (last.gpsTimeChange ? 4 : 0);
      int sc = p.channel;
      if (sc != current && used[sc]) {
        last = contexts[sc].last;
      }
      boolean sourceChange = p.source != last.source;
      boolean gpsChange =
          Double.longBitsToDouble(p.gpsTime) != Double.longBitsToDouble(last.gpsTime);
      boolean angleChange = p.scanAngle != last.scanAngle;
      int lastN = last.returns;
      int lastR = last.returnNumber;
      int n = p.returns;
      int r = p.returnNumber;
      int cv =
          (sc != current ? 64 : 0)
              | (sourceChange ? 32 : 0)
              | (gpsChange ? 16 : 0)
              | (angleChange ? 8 : 0)
              | (n != lastN ? 4 : 0);
      if (r != lastR) {
        if (r == ((lastR + 1) & 15)) {
          cv |= 1;
        } else if (r == ((lastR + 15) & 15)) {
          cv |= 2;
        } else {
          cv |= 3;
        }
      }
      LazOutput xy = out[XY];
      xy.encodeSymbol(ctx.changed[lpr], cv);
      if ((cv & 64) != 0) {
        int d = sc - current;
        xy.encodeSymbol(ctx.channelModel, d > 0 ? d - 1 : d + 4 - 1);
        if (!used[sc]) {
          context(sc, ctx.last);
          last = contexts[sc].last;
        }
        current = sc;
        ctx = contexts[sc];
      }
      if ((cv & 4) != 0) {
        xy.encodeSymbol(model(ctx.returnsModels, lastN, 16), n);
      }
      if ((cv & 3) == 3) {
        if (gpsChange) {
          xy.encodeSymbol(model(ctx.returnNumberModels, lastR, 16), r);
        } else {
          int d = r - lastR;
          xy.encodeSymbol(ctx.returnNumberGpsSame, d > 1 ? d - 2 : d + 16 - 2);
        }
      }
      int m = RETURN_MAP_6[n * 16 + r];
      int l = Math.min(Math.abs(n - r), 7);
      int cpr = (r == 1 ? 2 : 0) + (r >= n ? 1 : 0);
      int g = gpsChange ? 1 : 0;
      int single = n == 1 ? 1 : 0;
      int idx = (m << 1) | g;
      int diff = p.x - last.x;
      ctx.dx.compress(xy, ctx.xMedian[idx].get(), diff, single);
      ctx.xMedian[idx].add(diff);
      int kBits = ctx.dx.k();
      diff = p.y - last.y;
      ctx.dy.compress(xy, ctx.yMedian[idx].get(), diff, single + (kBits < 20 ? kBits & ~1 : 20));
      ctx.yMedian[idx].add(diff);
      kBits = (ctx.dx.k() + ctx.dy.k()) / 2;
      ctx.dz.compress(out[Z], ctx.lastZ[l], p.z, single + (kBits < 18 ? kBits & ~1 : 18));
      ctx.lastZ[l] = p.z;
      if (p.classification != last.classification) {
        changed[CLASS] = true;
      }
      int ccc = ((last.classification & 0x1F) << 1) + (cpr == 3 ? 1 : 0);
      out[CLASS].encodeSymbol(model(ctx.classModels, ccc, 256), p.classification);
      int lastFlags = last.flags();
      int flags = p.flags();
      if (flags != lastFlags) {
        changed[FLAGS] = true;
      }
      out[FLAGS].encodeSymbol(model(ctx.flagModels, lastFlags, 64), flags);
      if (p.intensity != last.intensity) {
        changed[INTENSITY] = true;
      }
      int slot = (cpr << 1) | g;
      ctx.intensityCoder.compress(out[INTENSITY], ctx.lastIntensity[slot], p.intensity, cpr);
      ctx.lastIntensity[slot] = p.intensity;
      if (angleChange) {
        changed[ANGLE] = true;
        ctx.scanAngleCoder.compress(out[ANGLE], last.scanAngle, p.scanAngle, g);
      }
      if (p.userData != last.userData) {
        changed[USER] = true;
      }
      out[USER].encodeSymbol(model(ctx.userModels, last.userData >>> 2, 256), p.userData);
      if (sourceChange) {
        changed[SOURCE] = true;
        ctx.sourceCoder.compress(out[SOURCE], last.source, p.source, 0);
      }
      if (gpsChange) {
        changed[GPS] = true;
        ctx.gps.write(out[GPS], p.gpsTime);
      }
      ctx.last.copy(p);
      ctx.last.gpsTimeChange = gpsChange;
      return (cv & 64) != 0 ? current : 0;
    }
  }

  /** Colour (and NIR) per scanner channel, in one layer each: RGB12's prediction. */
  static final class Rgb14 extends LazLayered {
    private final boolean nir;
    private final int[][] last = new int[4][4];
    private final boolean[] used = new boolean[4];
    private final LazModel[][] models = new LazModel[4][];
    private final LazInput rgbIn = new LazInput();
    private final LazInput nirIn = new LazInput();
    private int current;

    Rgb14(boolean nir) {
      super(nir ? 8 : 6, nir ? 2 : 1);
      this.nir = nir;
    }

    private void context(int c, int[] from) {
      if (models[c] == null) {
        LazModel[] m = java.util.Arrays.copyOf(LazItem.rgbModels(), 10);
        m[7] = new LazModel(4);
        m[8] = new LazModel(256);
        m[9] = new LazModel(256);
        models[c] = m;
      }
      for (LazModel m : models[c]) {
        m.init();
      }
      System.arraycopy(from, 0, last[c], 0, 4);
      used[c] = true;
    }

    private int[] fromRecord(byte[] r, int off) {
      int[] v = new int[4];
      for (int i = 0; i < (nir ? 4 : 3); i++) {
        v[i] = (short) LazItem.SHORT.get(r, off + 2 * i) & 0xFFFF;
      }
      return v;
    }

    private void start(byte[] record, int off, int channel) {
      Arrays.fill(used, false);
      current = channel;
      context(channel, fromRecord(record, off));
    }

    /**
     * Switches to a channel's models. As in LASzip, the prediction comes from the new channel's own
     * last colour only when the channel is new in the chunk; switching back to a channel seen
     * before keeps predicting from (and updating) the previous channel's last colour.
     */
    private int[] switchTo(int channel) {
      int[] l = last[current];
      if (channel != current) {
        current = channel;
        if (!used[channel]) {
          context(channel, l);
          l = last[channel];
        }
      }
      return l;
    }

    @Override
    @Nullable PointDimension dimensionOf(int layer) {
      return layer == 0 ? PointDimension.RGB : PointDimension.NIR;
    }

    @Override
    void startDecode(byte[] record, int off, int channel, byte[] src, int[] from, int[] to) {
      changed[0] = decodes(0, from[0], to[0]);
      if (changed[0]) {
        rgbIn.init(src, from[0], to[0]);
      }
      if (nir) {
        changed[1] = decodes(1, from[1], to[1]);
      }
      if (nir && changed[1]) {
        nirIn.init(src, from[1], to[1]);
      }
      start(record, off, channel);
    }

    @Override
    int read(byte[] o, int off, int channel) {
      int[] l = switchTo(channel);
      LazModel[] m = models[current];
      if (changed[0]) {
        LazItem.readRgb(rgbIn, m, l);
      }
      if (nir && changed[1]) {
        LazInput in = nirIn;
        int sym = in.decodeSymbol(m[7]);
        int v = (sym & 1) != 0 ? (in.decodeSymbol(m[8]) + (l[3] & 0xFF)) & 0xFF : l[3] & 0xFF;
        v |= (sym & 2) != 0 ? ((in.decodeSymbol(m[9]) + (l[3] >>> 8)) & 0xFF) << 8 : l[3] & 0xFF00;
        l[3] = v;
      }
      for (int i = 0; i < (nir ? 4 : 3); i++) {
        LazItem.SHORT.set(o, off + 2 * i, (short) l[i]);
      }
      return channel;
    }

    @Override
    void startEncode(byte[] record, int off, int channel) {
      startLayers();
      start(record, off, channel);
    }

    @Override
    int write(byte[] rec, int off, int channel) {
      int[] l = switchTo(channel);
      LazModel[] m = models[current];
      if (LazItem.writeRgb(
          out[0],
          m,
          l,
          (short) LazItem.SHORT.get(rec, off) & 0xFFFF,
          (short) LazItem.SHORT.get(rec, off + 2) & 0xFFFF,
          (short) LazItem.SHORT.get(rec, off + 4) & 0xFFFF)) {
        changed[0] = true;
      }
      if (nir) {
        int v = (short) LazItem.SHORT.get(rec, off + 6) & 0xFFFF;
        LazOutput on = out[1];
        int s = ((l[3] & 0xFF) != (v & 0xFF) ? 1 : 0) | ((l[3] & 0xFF00) != (v & 0xFF00) ? 2 : 0);
        on.encodeSymbol(m[7], s);
        if ((s & 1) != 0) {
          on.encodeSymbol(m[8], ((v & 0xFF) - (l[3] & 0xFF)) & 0xFF);
        }
        if ((s & 2) != 0) {
          on.encodeSymbol(m[9], ((v >>> 8) - (l[3] >>> 8)) & 0xFF);
        }
        if (s != 0) {
          changed[1] = true;
        }
        l[3] = v;
      }
      return channel;
    }
  }

  /** Extra bytes per scanner channel, one layer per byte. */
  static final class Bytes14 extends LazLayered {
    private final byte[][] last = new byte[4][];
    private final boolean[] used = new boolean[4];
    private final LazModel[][] models = new LazModel[4][];
    private final LazInput[] in;
    private int current;

    Bytes14(int n) {
      super(n, n);
      in = newInputs(n);
    }

    private void context(int c, byte[] from, int off) {
      if (models[c] == null) {
        models[c] = new LazModel[size];
        for (int i = 0; i < size; i++) {
          models[c][i] = new LazModel(256);
        }
        last[c] = new byte[size];
      }
      for (LazModel m : models[c]) {
        m.init();
      }
      System.arraycopy(from, off, last[c], 0, size);
      used[c] = true;
    }

    /** Switches to a channel's models, with LASzip's choice of last bytes (see {@link Rgb14}). */
    private byte[] switchTo(int channel) {
      byte[] l = last[current];
      if (channel != current) {
        current = channel;
        if (!used[channel]) {
          context(channel, l, 0);
          l = last[channel];
        }
      }
      return l;
    }

    @Override
    @Nullable PointDimension dimensionOf(int layer) {
      return PointDimension.EXTRA_BYTES;
    }

    @Override
    void startDecode(byte[] record, int off, int channel, byte[] src, int[] from, int[] to) {
      for (int i = 0; i < size; i++) {
        changed[i] = decodes(i, from[i], to[i]);
        if (changed[i]) {
          in[i].init(src, from[i], to[i]);
        }
      }
      Arrays.fill(used, false);
      current = channel;
      context(channel, record, off);
    }

    @Override
    int read(byte[] o, int off, int channel) {
      byte[] l = switchTo(channel);
      LazModel[] m = models[current];
      for (int i = 0; i < size; i++) {
        if (changed[i]) {
          l[i] = (byte) (l[i] + in[i].decodeSymbol(m[i]));
        }
        o[off + i] = l[i];
      }
      return channel;
    }

    @Override
    void startEncode(byte[] record, int off, int channel) {
      startLayers();
      Arrays.fill(used, false);
      current = channel;
      context(channel, record, off);
    }

    @Override
    int write(byte[] rec, int off, int channel) {
      byte[] l = switchTo(channel);
      LazModel[] m = models[current];
      for (int i = 0; i < size; i++) {
        int diff = (rec[off + i] - l[i]) & 0xFF;
        out[i].encodeSymbol(m[i], diff);
        if (diff != 0) {
          changed[i] = true;
          l[i] = rec[off + i];
        }
      }
      return channel;
    }
  }
}
