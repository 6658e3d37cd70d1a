// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

/**
 * An adaptive model of one binary decision for the LASzip arithmetic coder: the probability of a 0
 * scaled to 2^13, recomputed after a cycle that grows by 5/4 up to 64 decisions.
 */
final class LazBitModel {

  /** Bits of the interval length dropped before the multiplication by the probability. */
  static final int LENGTH_SHIFT = 13;

  private static final int MAX_COUNT = 1 << LENGTH_SHIFT;

  int zeroProbability;
  private int zeroCount;
  private int bitCount;
  private int updateCycle;
  private int untilUpdate;

  LazBitModel() {
    init();
  }

  /** Resets the model to equal probabilities. */
  void init() {
    zeroCount = 1;
    bitCount = 2;
    zeroProbability = 1 << (LENGTH_SHIFT - 1);
    updateCycle = untilUpdate = 4;
  }

  /** Counts one decision. */
  void count(int bit) {
    if (bit == 0) {
      zeroCount++;
    }
    if (--untilUpdate == 0) {
      update();
    }
  }

  private void update() {
    bitCount += updateCycle;
    if (bitCount > MAX_COUNT) {
      bitCount = (bitCount + 1) >>> 1;
      zeroCount = (zeroCount + 1) >>> 1;
      if (zeroCount == bitCount) {
        bitCount++;
      }
    }
    long scale = 0x80000000L / bitCount;
    zeroProbability = (int) ((zeroCount * scale & 0xFFFFFFFFL) >>> (31 - LENGTH_SHIFT));
    updateCycle = (5 * updateCycle) >>> 2;
    if (updateCycle > 64) {
      updateCycle = 64;
    }
    untilUpdate = updateCycle;
  }
}
