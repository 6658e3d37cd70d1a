// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.index.rtree;

import java.util.Arrays;

/**
 * Hilbert-curve ordering of box centres, and the level layout shared by the packed trees.
 * Package-private.
 */
final class Hilbert {

  /** Grid resolution per axis: centres are quantised to 16 bits, giving a 32-bit curve index. */
  static final int ORDER = 16;

  private Hilbert() {}

  /**
   * Returns the index of cell (x, y) along the Hilbert curve of order 16, by the branch-free
   * prefix-scan formulation of the curve's state machine (due to "rawrunprotected", 2014, public
   * domain; the same construction JTS's {@code HilbertCode} uses): each round combines the 2-bit
   * transforms of twice as many levels, so 16 levels need 4 rounds instead of a 16-step loop.
   *
   * @param x the column, 0 to 65535
   * @param y the row, 0 to 65535
   * @return the curve index, as an unsigned 32-bit int
   */
  static int index(int x, int y) {
    int a0 = x ^ y;
    int b0 = 0xFFFF ^ a0;
    int c0 = 0xFFFF ^ (x | y);
    int d0 = x & (y ^ 0xFFFF);

    int a = a0 | (b0 >>> 1);
    int b = (a0 >>> 1) ^ a0;
    int c = ((c0 >>> 1) ^ (b0 & (d0 >>> 1))) ^ c0;
    int d = ((a0 & (c0 >>> 1)) ^ (d0 >>> 1)) ^ d0;

    for (int shift = 2; shift <= 8; shift <<= 1) {
      int pa = a;
      int pb = b;
      int pc = c;
      int pd = d;
      if (shift < 8) {
        a = (pa & (pa >>> shift)) ^ (pb & (pb >>> shift));
        b = (pa & (pb >>> shift)) ^ (pb & ((pa ^ pb) >>> shift));
      }
      c = pc ^ ((pa & (pc >>> shift)) ^ (pb & (pd >>> shift)));
      d = pd ^ ((pb & (pc >>> shift)) ^ ((pa ^ pb) & (pd >>> shift)));
    }

    int ua = c ^ (c >>> 1);
    int ub = d ^ (d >>> 1);
    int i0 = x ^ y;
    int i1 = ub | (0xFFFF ^ (i0 | ua));
    return (interleave(i1) << 1) | interleave(i0);
  }

  /** Spreads the low 16 bits of v to the even bit positions. */
  private static int interleave(int v) {
    v = (v | (v << 8)) & 0x00FF00FF;
    v = (v | (v << 4)) & 0x0F0F0F0F;
    v = (v | (v << 2)) & 0x33333333;
    return (v | (v << 1)) & 0x55555555;
  }

  /**
   * Returns the permutation that sorts boxes by the Hilbert index of their x/y centres.
   *
   * @param boxes box coordinates, {@code stride} values per box with min x, min y first and max x,
   *     max y at offsets {@code stride / 2} and {@code stride / 2 + 1}
   * @param stride 4 for 2D boxes, 6 for 3D boxes
   * @param n the number of boxes
   * @return positions 0..n-1 in curve order (stable for equal indices)
   */
  static int[] order(double[] boxes, int stride, int n) {
    int half = stride / 2;
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0, o = 0; i < n; i++, o += stride) {
      double cx = boxes[o] + boxes[o + half];
      double cy = boxes[o + 1] + boxes[o + half + 1];
      minX = Math.min(minX, cx);
      maxX = Math.max(maxX, cx);
      minY = Math.min(minY, cy);
      maxY = Math.max(maxY, cy);
    }
    // centres are kept doubled (min + max) to save a multiplication; the scale absorbs the factor
    double sx = maxX > minX ? 65535.0 / (maxX - minX) : 0;
    double sy = maxY > minY ? 65535.0 / (maxY - minY) : 0;
    int[] keys = new int[n];
    for (int i = 0, o = 0; i < n; i++, o += stride) {
      int hx = (int) ((boxes[o] + boxes[o + half] - minX) * sx);
      int hy = (int) ((boxes[o + 1] + boxes[o + half + 1] - minY) * sy);
      keys[i] = index(hx, hy);
    }
    return radixOrder(keys);
  }

  /**
   * Stable LSD radix sort of unsigned 32-bit keys in three passes of 11 bits, returning the
   * permutation; O(n), against O(n log n) comparisons for a comparison sort. The key array is used
   * as scratch space.
   */
  static int[] radixOrder(int[] keys) {
    int n = keys.length;
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    int[] k = keys;
    int[] kTmp = new int[n];
    int[] pTmp = new int[n];
    int[] count = new int[2048];
    for (int shift = 0; shift < 32; shift += 11) {
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(k[i] >>> shift) & 2047]++;
      }
      if (count[(k[0] >>> shift) & 2047] == n) {
        continue; // every key has the same digit here: this pass would not move anything
      }
      int sum = 0;
      for (int d = 0; d < 2048; d++) {
        int c = count[d];
        count[d] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        int pos = count[(k[i] >>> shift) & 2047]++;
        kTmp[pos] = k[i];
        pTmp[pos] = perm[i];
      }
      int[] t = k;
      k = kTmp;
      kTmp = t;
      t = perm;
      perm = pTmp;
      pTmp = t;
    }
    return perm;
  }

  /**
   * Returns where each level of a packed tree starts, leaves being level 0: entry {@code l} is the
   * index of the first box of level {@code l}, the last entry the total number of boxes. There is
   * always at least one level above the leaves, and the top level has one box.
   *
   * @param n the number of leaves, at least 1
   * @param nodeSize the number of children per node
   * @return the level starts
   */
  static int[] levelStarts(int n, int nodeSize) {
    int[] starts = new int[8];
    int levels = 0;
    int count = n;
    int total = 0;
    do {
      if (levels + 2 > starts.length) {
        starts = Arrays.copyOf(starts, starts.length * 2);
      }
      starts[levels++] = total;
      total += count;
      count = (count + nodeSize - 1) / nodeSize;
    } while (levels < 2 || starts[levels - 1] + 1 < total);
    starts[levels] = total;
    return Arrays.copyOf(starts, levels + 1);
  }
}
