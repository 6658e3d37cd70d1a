// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.util.Arrays;

/**
 * LASzip's GPS time coder, shared by the pointwise (version 2) and the layered (version 3) items:
 * up to four interleaved runs of times, each predicted by its last 32-bit step and multiples of it;
 * a time too far from every run starts a new one, stored in full.
 *
 * <p>The two versions differ only in their symbols: version 2 codes "unchanged" among them, version
 * 3 leaves that to the point layer. Internally the symbols are version 3's; version 2's are mapped
 * onto them.
 */
final class LazGpsTime {

  private static final int MULTI = 500;
  private static final int MULTI_MINUS = -10;

  /** Version 3's "a new run in full" symbol; the symbols above it switch to another run. */
  private static final int CODE_FULL = MULTI - MULTI_MINUS + 1;

  /** Version 2's "unchanged" symbol in the multiplier model (its full code is one higher). */
  private static final int UNCHANGED_V2 = MULTI - MULTI_MINUS + 1;

  private final boolean pointwise;
  private final LazModel multiModel;
  private final LazModel zeroDiffModel;
  private final LazIntegers coder = new LazIntegers(32, 9);
  private final long[] lastTime = new long[4];
  private final int[] lastDiff = new int[4];
  private final int[] extremes = new int[4];
  private int last;
  private int next;

  /**
   * Creates the models.
   *
   * @param pointwise true for version 2 (GPSTIME11), false for version 3 (POINT14's GPS layer)
   */
  LazGpsTime(boolean pointwise) {
    this.pointwise = pointwise;
    this.multiModel = new LazModel(MULTI - MULTI_MINUS + (pointwise ? 6 : 5));
    this.zeroDiffModel = new LazModel(pointwise ? 6 : 5);
  }

  /** Resets the models; {@code time} (the raw bits of a double) starts the first run. */
  void init(long time) {
    last = 0;
    next = 0;
    Arrays.fill(lastDiff, 0);
    Arrays.fill(extremes, 0);
    multiModel.init();
    zeroDiffModel.init();
    coder.init();
    lastTime[0] = time;
    lastTime[1] = 0;
    lastTime[2] = 0;
    lastTime[3] = 0;
  }

  /** The current time, as the raw bits of a double. */
  long time() {
    return lastTime[last];
  }

  private void extreme(int diff) {
    if (++extremes[last] > 3) {
      lastDiff[last] = diff;
      extremes[last] = 0;
    }
  }

  private void readFull(LazInput in) {
    next = (next + 1) & 3;
    long high = coder.decompress(in, (int) (lastTime[last] >>> 32), 8);
    lastTime[next] = (high << 32) | (in.readInt() & 0xFFFFFFFFL);
    last = next;
    lastDiff[last] = 0;
    extremes[last] = 0;
  }

  /** Decodes the next time (version 2: possibly "unchanged"); read it with {@link #time()}. */
  void read(LazInput in) {
    while (true) {
      if (lastDiff[last] == 0) {
        int sym = in.decodeSymbol(zeroDiffModel);
        if (pointwise) {
          if (sym == 0) {
            return; // unchanged
          }
          sym--;
        }
        if (sym == 0) {
          lastDiff[last] = coder.decompress(in, 0, 0);
          lastTime[last] += lastDiff[last];
          extremes[last] = 0;
        } else if (sym == 1) {
          readFull(in);
        } else {
          last = (last + sym - 1) & 3;
          continue;
        }
        return;
      }
      int multi = in.decodeSymbol(multiModel);
      if (pointwise) {
        if (multi == UNCHANGED_V2) {
          return;
        }
        if (multi > UNCHANGED_V2) {
          multi--;
        }
      }
      if (multi == 1) {
        lastTime[last] += coder.decompress(in, lastDiff[last], 1);
        extremes[last] = 0;
      } else if (multi < CODE_FULL) {
        int diff;
        if (multi == 0) {
          diff = coder.decompress(in, 0, 7);
          extreme(diff);
        } else if (multi < MULTI) {
          diff = coder.decompress(in, multi * lastDiff[last], multi < 10 ? 2 : 3);
        } else if (multi == MULTI) {
          diff = coder.decompress(in, MULTI * lastDiff[last], 4);
          extreme(diff);
        } else {
          int factor = MULTI - multi;
          if (factor > MULTI_MINUS) {
            diff = coder.decompress(in, factor * lastDiff[last], 5);
          } else {
            diff = coder.decompress(in, MULTI_MINUS * lastDiff[last], 6);
            extreme(diff);
          }
        }
        lastTime[last] += diff;
      } else if (multi == CODE_FULL) {
        readFull(in);
      } else {
        last = (last + multi - CODE_FULL) & 3;
        continue;
      }
      return;
    }
  }

  /** The index of another run whose time is within a 32-bit step of {@code t}, or 0. */
  private int otherRun(long t) {
    for (int i = 1; i < 4; i++) {
      long d = t - lastTime[(last + i) & 3];
      if (d == (int) d) {
        return i;
      }
    }
    return 0;
  }

  private void writeFull(LazOutput out, long t) {
    coder.compress(out, (int) (lastTime[last] >>> 32), (int) (t >>> 32), 8);
    out.writeInt((int) t);
    next = (next + 1) & 3;
    last = next;
    lastDiff[last] = 0;
    extremes[last] = 0;
  }

  private void zeroDiffSymbol(LazOutput out, int sym) {
    out.encodeSymbol(zeroDiffModel, pointwise ? sym + 1 : sym);
  }

  private void multiSymbol(LazOutput out, int sym) {
    out.encodeSymbol(multiModel, pointwise && sym >= CODE_FULL ? sym + 1 : sym);
  }

  /**
   * LASzip's rounding of the step ratio; a ratio outside the int range gives {@code
   * Integer.MIN_VALUE}, as the C conversion does on x86, so that the bytes match LASzip's.
   */
  private static int quantize(float f) {
    double q = f >= 0 ? f + 0.5 : f - 0.5;
    return q >= 2147483648.0 || q <= -2147483649.0 ? Integer.MIN_VALUE : (int) q;
  }

  /** Encodes time {@code t} (the raw bits of a double). */
  void write(LazOutput out, long t) {
    while (true) {
      if (lastDiff[last] == 0) {
        if (pointwise && t == lastTime[last]) {
          out.encodeSymbol(zeroDiffModel, 0);
          return;
        }
        long d64 = t - lastTime[last];
        int d = (int) d64;
        if (d64 == d) {
          zeroDiffSymbol(out, 0);
          coder.compress(out, 0, d, 0);
          lastDiff[last] = d;
          extremes[last] = 0;
        } else {
          int i = otherRun(t);
          if (i > 0) {
            zeroDiffSymbol(out, i + 1);
            last = (last + i) & 3;
            continue;
          }
          zeroDiffSymbol(out, 1);
          writeFull(out, t);
        }
        lastTime[last] = t;
        return;
      }
      if (pointwise && t == lastTime[last]) {
        out.encodeSymbol(multiModel, UNCHANGED_V2);
        return;
      }
      long d64 = t - lastTime[last];
      int d = (int) d64;
      if (d64 == d) {
        int multi = quantize((float) d / (float) lastDiff[last]);
        if (multi == 1) {
          multiSymbol(out, 1);
          coder.compress(out, lastDiff[last], d, 1);
          extremes[last] = 0;
        } else if (multi > 0) {
          if (multi < MULTI) {
            multiSymbol(out, multi);
            coder.compress(out, multi * lastDiff[last], d, multi < 10 ? 2 : 3);
          } else {
            multiSymbol(out, MULTI);
            coder.compress(out, MULTI * lastDiff[last], d, 4);
            extreme(d);
          }
        } else if (multi < 0) {
          if (multi > MULTI_MINUS) {
            multiSymbol(out, MULTI - multi);
            coder.compress(out, multi * lastDiff[last], d, 5);
          } else {
            multiSymbol(out, MULTI - MULTI_MINUS);
            coder.compress(out, MULTI_MINUS * lastDiff[last], d, 6);
            extreme(d);
          }
        } else {
          multiSymbol(out, 0);
          coder.compress(out, 0, d, 7);
          extreme(d);
        }
      } else {
        int i = otherRun(t);
        if (i > 0) {
          multiSymbol(out, CODE_FULL + i);
          last = (last + i) & 3;
          continue;
        }
        multiSymbol(out, CODE_FULL);
        writeFull(out, t);
      }
      lastTime[last] = t;
      return;
    }
  }
}
