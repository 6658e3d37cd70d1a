// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.index.rtree;

import java.util.Arrays;

/**
 * The order in which a packed tree stores its items: a top-down sort-tile-recursive tiling (STR,
 * Leutenegger, Lopez and Edgington 1997, applied at every level as in OMT bulk loading, Lee and Lee
 * 2003). The items under a node at level {@code l} (up to {@code M^l}) are sorted by x, cut into
 * about {@code sqrt(M)} vertical slabs of whole children, each slab sorted by y and cut into
 * children of exactly {@code M^(l-1)} items, and each child tiled the same way. Every node but the
 * last of its level is full, so children are found by arithmetic, and nodes at every level are
 * near-square with little overlap: on building footprints this reads a third fewer leaves for a
 * k-nearest query than packing along a Hilbert curve (as JTS's HPRtree does). Sorting uses 16-bit
 * quantised centres and a two-pass radix sort per range: O(n) per level. Package-private.
 */
final class Packing {

  /** Ranges at most this long are sorted by insertion instead of radix. */
  private static final int SMALL = 48;

  private Packing() {}

  /**
   * Returns the item order for a tree.
   *
   * @param boxes box coordinates, {@code stride} per box, minima first then maxima
   * @param stride 4 for 2D boxes, 6 for 3D boxes (tiled on x/y)
   * @param n the number of boxes, at least 1
   * @param nodeSize children per node
   * @param levels the number of node levels above the leaves
   * @return positions 0..n-1 in storage order
   */
  static int[] order(double[] boxes, int stride, int n, int nodeSize, int levels) {
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
    // centres kept doubled (min + max); the scale absorbs the factor; infinite boxes go to an end
    double sx = maxX > minX && maxX - minX < Double.POSITIVE_INFINITY ? 65535.0 / (maxX - minX) : 0;
    double sy = maxY > minY && maxY - minY < Double.POSITIVE_INFINITY ? 65535.0 / (maxY - minY) : 0;
    Tiler t = new Tiler(n, nodeSize);
    for (int i = 0, o = 0; i < n; i++, o += stride) {
      t.kx[i] = quantise(boxes[o] + boxes[o + half], minX, sx);
      t.ky[i] = quantise(boxes[o + 1] + boxes[o + half + 1], minY, sy);
      t.perm[i] = i;
    }
    long capacity = 1;
    for (int l = 0; l < levels; l++) {
      capacity = Math.min(capacity * nodeSize, 1L << 40);
    }
    t.tile(0, n, capacity);
    return t.perm;
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

  private static char quantise(double v, double min, double scale) {
    double q = (v - min) * scale;
    return (char) (q >= 65535 ? 65535 : q > 0 ? (int) q : 0);
  }

  /** The recursive tiling over a permutation, with scratch for the radix passes. */
  private static final class Tiler {
    final char[] kx;
    final char[] ky;
    final int[] perm;
    final int[] tmp;
    final int nodeSize;
    final int[] count = new int[256];

    Tiler(int n, int nodeSize) {
      kx = new char[n];
      ky = new char[n];
      perm = new int[n];
      tmp = new int[n];
      this.nodeSize = nodeSize;
    }

    /** Tiles perm[lo, hi) as the items of one node holding up to {@code capacity} leaves. */
    void tile(int lo, int hi, long capacity) {
      if (capacity <= nodeSize || hi - lo <= 1) {
        return; // a leaf node: the order of its items does not matter
      }
      long childCapacity = capacity / nodeSize;
      int r = hi - lo;
      int children = (int) ((r + childCapacity - 1) / childCapacity);
      int slabs = (int) Math.ceil(Math.sqrt(children));
      int perSlab = (children + slabs - 1) / slabs;
      long slabItems = perSlab * childCapacity;
      sort(kx, lo, hi);
      for (long s = lo; s < hi; s += slabItems) {
        int slabEnd = (int) Math.min(hi, s + slabItems);
        sort(ky, (int) s, slabEnd);
        for (long c = s; c < slabEnd; c += childCapacity) {
          tile((int) c, (int) Math.min(slabEnd, c + childCapacity), childCapacity);
        }
      }
    }

    /** Sorts perm[lo, hi) by key (stable). */
    void sort(char[] key, int lo, int hi) {
      if (hi - lo <= SMALL) {
        for (int i = lo + 1; i < hi; i++) {
          int v = perm[i];
          char k = key[v];
          int j = i;
          while (j > lo && key[perm[j - 1]] > k) {
            perm[j] = perm[j - 1];
            j--;
          }
          perm[j] = v;
        }
        return;
      }
      for (int shift = 0; shift < 16; shift += 8) {
        Arrays.fill(count, 0);
        for (int i = lo; i < hi; i++) {
          count[(key[perm[i]] >>> shift) & 255]++;
        }
        if (count[(key[perm[lo]] >>> shift) & 255] == hi - lo) {
          continue;
        }
        int sum = lo;
        for (int d = 0; d < 256; d++) {
          int c = count[d];
          count[d] = sum;
          sum += c;
        }
        for (int i = lo; i < hi; i++) {
          int v = perm[i];
          tmp[count[(key[v] >>> shift) & 255]++] = v;
        }
        System.arraycopy(tmp, lo, perm, lo, hi - lo);
      }
    }
  }
}
