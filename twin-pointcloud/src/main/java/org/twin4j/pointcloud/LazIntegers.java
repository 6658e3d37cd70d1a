// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

/**
 * LASzip's integer compressor: codes an integer as its correction from a prediction. The number of
 * significant bits {@code k} of the correction is coded with one model per context; the
 * correction's value within its bit class with a model per {@code k} (up to {@code bitsHigh} bits,
 * the rest raw). Corrections wrap around the range of a {@code bits}-bit integer.
 *
 * <p>The last {@code k} is kept: LASzip chooses the contexts of the next coordinates by it.
 */
final class LazIntegers {

  private static final int BITS_HIGH = 8;

  private final int corrBits;
  private final int corrRange;
  private final int corrMin;
  private final LazModel[] kModels;
  private final LazBitModel zeroOrOne = new LazBitModel();
  private final LazModel[] corrector;
  private int k;

  /**
   * Creates the models.
   *
   * @param bits the width of the integers (16 or 32)
   * @param contexts the number of contexts
   */
  LazIntegers(int bits, int contexts) {
    if (bits > 0 && bits < 32) {
      corrBits = bits;
      corrRange = 1 << bits;
      corrMin = -(corrRange / 2);
    } else {
      corrBits = 32;
      corrRange = 0;
      corrMin = Integer.MIN_VALUE;
    }
    kModels = new LazModel[contexts];
    for (int c = 0; c < contexts; c++) {
      kModels[c] = new LazModel(corrBits + 1);
    }
    corrector = new LazModel[corrBits + 1];
    for (int i = 1; i <= corrBits; i++) {
      corrector[i] = new LazModel(1 << Math.min(i, BITS_HIGH));
    }
  }

  /** Resets every model, as at the start of a chunk. */
  void init() {
    for (LazModel m : kModels) {
      m.init();
    }
    zeroOrOne.init();
    for (int i = 1; i <= corrBits; i++) {
      corrector[i].init();
    }
    k = 0;
  }

  /** The bit class of the last correction. */
  int k() {
    return k;
  }

  /** Decodes the integer predicted by {@code pred} in {@code context}. */
  int decompress(LazInput in, int pred, int context) {
    int real = pred + readCorrector(in, kModels[context]);
    if (corrRange != 0) {
      if (real < 0) {
        real += corrRange;
      } else if (real >= corrRange) {
        real -= corrRange;
      }
    }
    return real;
  }

  private int readCorrector(LazInput in, LazModel bitsModel) {
    k = in.decodeSymbol(bitsModel);
    if (k == 0) {
      return in.decodeBit(zeroOrOne);
    }
    if (k >= 32) {
      return corrMin;
    }
    int c;
    if (k <= BITS_HIGH) {
      c = in.decodeSymbol(corrector[k]);
    } else {
      int k1 = k - BITS_HIGH;
      c = in.decodeSymbol(corrector[k]);
      c = (c << k1) | in.readBits(k1);
    }
    return c >= 1 << (k - 1) ? c + 1 : c - ((1 << k) - 1);
  }

  /** Codes {@code real} as predicted by {@code pred} in {@code context}. */
  void compress(LazOutput out, int pred, int real, int context) {
    int corr = real - pred;
    if (corrRange != 0) {
      int corrMax = corrMin + corrRange - 1;
      if (corr < corrMin) {
        corr += corrRange;
      } else if (corr > corrMax) {
        corr -= corrRange;
      }
    }
    writeCorrector(out, corr, kModels[context]);
  }

  private void writeCorrector(LazOutput out, int c, LazModel bitsModel) {
    int c1 = c <= 0 ? -c : c - 1;
    int bits = 32 - Integer.numberOfLeadingZeros(c1);
    k = bits;
    out.encodeSymbol(bitsModel, bits);
    if (bits == 0) {
      out.encodeBit(zeroOrOne, c);
      return;
    }
    if (bits >= 32) {
      return;
    }
    int v = c < 0 ? c + ((1 << bits) - 1) : c - 1;
    if (bits <= BITS_HIGH) {
      out.encodeSymbol(corrector[bits], v);
    } else {
      int k1 = bits - BITS_HIGH;
      out.encodeSymbol(corrector[bits], v >>> k1);
      out.writeBits(k1, v & ((1 << k1) - 1));
    }
  }
}
