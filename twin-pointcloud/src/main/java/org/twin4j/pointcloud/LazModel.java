// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

/**
 * An adaptive probability model over {@code n} symbols for the LASzip arithmetic coder (Amir Said's
 * FastAC scheme as LASzip uses it): symbol counts, a cumulative distribution scaled to 2^15 that is
 * recomputed after a growing number of symbols, and, for more than 16 symbols, a look-up table from
 * the top bits of a scaled value to the first candidate symbol.
 *
 * <p>The encoder and the decoder must see the same distribution after every symbol, so the update
 * rule (halve every count once the total would pass 2^15; the cycle grows by 5/4 up to {@code 8 ×
 * (n + 6)} symbols) is part of the format.
 */
final class LazModel {

  /** Bits of the interval length dropped before a multiplication by the distribution. */
  static final int LENGTH_SHIFT = 15;

  private static final int MAX_COUNT = 1 << LENGTH_SHIFT;

  final int symbols;
  final int lastSymbol;

  /** Cumulative distribution: {@code distribution[s]} is the scaled count of symbols below s. */
  final int[] distribution;

  private final int[] counts;

  /** First candidate symbol per table slot, or null for 16 symbols or fewer. */
  final int @org.jspecify.annotations.Nullable [] table;

  final int tableShift;
  private int totalCount;
  private int updateCycle;
  private int untilUpdate;

  LazModel(int symbols) {
    if (symbols < 2 || symbols > 1 << 11) {
      throw new IllegalArgumentException("symbols: " + symbols);
    }
    this.symbols = symbols;
    this.lastSymbol = symbols - 1;
    this.distribution = new int[symbols];
    this.counts = new int[symbols];
    if (symbols > 16) {
      int bits = 3;
      while (symbols > 1 << (bits + 2)) {
        bits++;
      }
      table = new int[(1 << bits) + 2];
      tableShift = LENGTH_SHIFT - bits;
    } else {
      table = null;
      tableShift = 0;
    }
    init();
  }

  /** Resets the model to equal counts, as at the start of every chunk. */
  void init() {
    java.util.Arrays.fill(counts, 1);
    totalCount = 0;
    updateCycle = symbols;
    update();
    untilUpdate = updateCycle = (symbols + 6) >> 1;
  }

  /** Counts one more {@code symbol} and updates the distribution when its cycle is over. */
  void count(int symbol) {
    counts[symbol]++;
    if (--untilUpdate == 0) {
      update();
    }
  }

  private void update() {
    totalCount += updateCycle;
    if (totalCount > MAX_COUNT) {
      totalCount = 0;
      for (int s = 0; s < symbols; s++) {
        counts[s] = (counts[s] + 1) >>> 1;
        totalCount += counts[s];
      }
    }
    long scale = 0x80000000L / totalCount;
    int sum = 0;
    int[] t = table;
    if (t == null) {
      for (int s = 0; s < symbols; s++) {
        distribution[s] = (int) ((scale * sum & 0xFFFFFFFFL) >>> (31 - LENGTH_SHIFT));
        sum += counts[s];
      }
    } else {
      int slot = 0;
      for (int s = 0; s < symbols; s++) {
        distribution[s] = (int) ((scale * sum & 0xFFFFFFFFL) >>> (31 - LENGTH_SHIFT));
        sum += counts[s];
        int w = distribution[s] >>> tableShift;
        while (slot < w) {
          t[++slot] = s - 1;
        }
      }
      t[0] = 0;
      int size = t.length - 2;
      while (slot <= size) {
        t[++slot] = symbols - 1;
      }
    }
    updateCycle = (5 * updateCycle) >>> 2;
    int maxCycle = (symbols + 6) << 3;
    if (updateCycle > maxCycle) {
      updateCycle = maxCycle;
    }
    untilUpdate = updateCycle;
  }
}
