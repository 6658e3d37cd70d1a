// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.benchmarks.index;

import java.util.SplittableRandom;

/**
 * Seeded building-sized boxes (5 to 30 m a side) spread uniformly at a city's density (625 per km2,
 * about that of Delft's built-up area), so the area grows with the count, and query windows sized
 * to hold about 50 of them.
 */
final class BuildingBoxes {

  /** Buildings per square metre: 625 per km2. */
  static final double DENSITY = 625e-6;

  /** Query window side: about 50 buildings expected in a window. */
  static final double WINDOW_SIDE_M = Math.sqrt(50 / DENSITY);

  final int size;
  final double side;

  /** minX, minY, maxX, maxY per box. */
  final double[] bounds;

  final int[] ids;

  BuildingBoxes(int size, long seed) {
    this.size = size;
    this.side = Math.sqrt(size / DENSITY);
    SplittableRandom rnd = new SplittableRandom(seed);
    bounds = new double[4 * size];
    ids = new int[size];
    for (int i = 0; i < size; i++) {
      double x = 80_000 + rnd.nextDouble() * side; // RD New-like magnitudes
      double y = 440_000 + rnd.nextDouble() * side;
      bounds[4 * i] = x;
      bounds[4 * i + 1] = y;
      bounds[4 * i + 2] = x + 5 + rnd.nextDouble() * 25;
      bounds[4 * i + 3] = y + 5 + rnd.nextDouble() * 25;
      ids[i] = i;
    }
  }

  /** Query windows: minX, minY, maxX, maxY each, sides 0.6 to 1.4 times the nominal. */
  double[] windows(int count, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] w = new double[4 * count];
    for (int i = 0; i < count; i++) {
      double s = WINDOW_SIDE_M * (0.6 + 0.8 * rnd.nextDouble());
      double x = 80_000 + rnd.nextDouble() * Math.max(1, side - s);
      double y = 440_000 + rnd.nextDouble() * Math.max(1, side - s);
      w[4 * i] = x;
      w[4 * i + 1] = y;
      w[4 * i + 2] = x + s;
      w[4 * i + 3] = y + s;
    }
    return w;
  }

  /** Query points: x, y each, uniform over the area. */
  double[] points(int count, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] p = new double[2 * count];
    for (int i = 0; i < count; i++) {
      p[2 * i] = 80_000 + rnd.nextDouble() * side;
      p[2 * i + 1] = 440_000 + rnd.nextDouble() * side;
    }
    return p;
  }
}
