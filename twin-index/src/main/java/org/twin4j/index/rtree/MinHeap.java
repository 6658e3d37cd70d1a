// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.index.rtree;

import java.util.Arrays;

/**
 * A binary min-heap of (double key, long value) pairs in primitive arrays, for best-first
 * traversals. Not thread-safe; one per query.
 */
final class MinHeap {
  private double[] keys;
  private long[] values;
  private int size;

  MinHeap(int capacity) {
    keys = new double[Math.max(4, capacity)];
    values = new long[keys.length];
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  double peekKey() {
    return keys[0];
  }

  long peekValue() {
    return values[0];
  }

  void push(double key, long value) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      double pk = keys[parent];
      if (pk <= key) {
        break;
      }
      keys[i] = pk;
      values[i] = values[parent];
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** Removes the smallest entry; read it first with peekKey/peekValue. */
  void pop() {
    int n = --size;
    if (n == 0) {
      return;
    }
    double key = keys[n];
    long value = values[n];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= n) {
        break;
      }
      if (child + 1 < n && keys[child + 1] < keys[child]) {
        child++;
      }
      if (keys[child] >= key) {
        break;
      }
      keys[i] = keys[child];
      values[i] = values[child];
      i = child;
    }
    keys[i] = key;
    values[i] = value;
  }
}
