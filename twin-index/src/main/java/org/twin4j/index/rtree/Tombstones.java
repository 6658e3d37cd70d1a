// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.index.rtree;

import java.util.Arrays;

/**
 * A persistent set of non-negative ints (the ids of removed items) as a bitset in chunks of 4096
 * bits: an update copies one 512-byte chunk and the chunk table, and shares the rest.
 */
final class Tombstones {

  private static final int CHUNK_SHIFT = 12;
  private static final long[][] NO_CHUNKS = new long[0][];

  static final Tombstones EMPTY = new Tombstones(NO_CHUNKS, 0);

  private final long[][] chunks;
  private final int count;

  private Tombstones(long[][] chunks, int count) {
    this.chunks = chunks;
    this.count = count;
  }

  int count() {
    return count;
  }

  boolean contains(int id) {
    int c = id >>> CHUNK_SHIFT;
    if (c >= chunks.length) {
      return false;
    }
    long[] chunk = chunks[c];
    return chunk != null && (chunk[(id >>> 6) & 63] & (1L << id)) != 0;
  }

  /** Returns a set with the given ids added or removed; batch update copying each chunk once. */
  Tombstones with(int[] ids, int n, boolean present) {
    if (n == 0) {
      return this;
    }
    int maxChunk = chunks.length - 1;
    for (int i = 0; i < n; i++) {
      maxChunk = Math.max(maxChunk, ids[i] >>> CHUNK_SHIFT);
    }
    long[][] out = Arrays.copyOf(chunks, maxChunk + 1);
    boolean[] copied = new boolean[out.length];
    int newCount = count;
    for (int i = 0; i < n; i++) {
      int id = ids[i];
      int c = id >>> CHUNK_SHIFT;
      if (!copied[c]) {
        out[c] = out[c] == null ? new long[64] : out[c].clone();
        copied[c] = true;
      }
      long[] chunk = out[c];
      int w = (id >>> 6) & 63;
      long bit = 1L << id;
      boolean was = (chunk[w] & bit) != 0;
      if (present && !was) {
        chunk[w] |= bit;
        newCount++;
      } else if (!present && was) {
        chunk[w] &= ~bit;
        newCount--;
      }
    }
    return newCount == 0 ? EMPTY : new Tombstones(out, newCount);
  }
}
