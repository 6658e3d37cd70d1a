// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml.internal;

import java.util.Arrays;

/** A growable list of doubles. Not thread-safe. */
public final class DoubleList {
  private double[] values;
  private int size;

  /** Creates an empty list. */
  public DoubleList() {
    this(16);
  }

  /**
   * Creates an empty list with room for some values.
   *
   * @param capacity the initial room
   */
  public DoubleList(int capacity) {
    values = new double[Math.max(4, capacity)];
  }

  /**
   * Appends a value.
   *
   * @param v the value
   */
  public void add(double v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  /**
   * Returns a value.
   *
   * @param i the position
   * @return the value
   */
  public double get(int i) {
    return values[i];
  }

  /**
   * Returns the number of values.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /** Removes every value. */
  public void clear() {
    size = 0;
  }

  /**
   * Returns a copy of the values.
   *
   * @return a new array of {@link #size()} values
   */
  public double[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
