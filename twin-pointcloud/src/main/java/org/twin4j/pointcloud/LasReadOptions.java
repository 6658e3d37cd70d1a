// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.twin4j.core.io.WarningListener;

/**
 * How to read a LAS/LAZ file.
 *
 * @param listener receives recoverable problems (header figures that disagree with the points, an
 *     unreadable or conflicting CRS, waveform packets that are not kept)
 * @param threads how many threads decode LAZ chunks, and plain LAS chunks in {@link
 *     LasReader#readAll()} (1 decodes on the reading thread; {@link LasReader#next()} decodes plain
 *     LAS on the calling thread)
 * @param dimensions the dimensions to keep besides x, y and z (see {@link PointDimension}); the
 *     others take no memory and read as 0. Of LAS 1.4 LAZ chunks only the layers holding kept
 *     dimensions are decoded; LASzip 2.x chunks are decoded whole.
 * @since 1.0
 */
public record LasReadOptions(
    WarningListener listener, int threads, Set<PointDimension> dimensions) {

  /**
   * Validates the options.
   *
   * @param listener receives recoverable problems
   * @param threads how many threads decode, at least 1
   * @param dimensions the dimensions to keep besides x, y and z
   */
  public LasReadOptions {
    Objects.requireNonNull(listener, "listener");
    if (threads < 1) {
      throw new IllegalArgumentException("threads " + threads + " < 1");
    }
    Objects.requireNonNull(dimensions, "dimensions");
    dimensions =
        dimensions.isEmpty()
            ? Collections.unmodifiableSet(EnumSet.noneOf(PointDimension.class))
            : Collections.unmodifiableSet(EnumSet.copyOf(dimensions));
  }

  /**
   * Options keeping every dimension.
   *
   * @param listener receives recoverable problems
   * @param threads how many threads decode LAZ chunks, at least 1
   */
  public LasReadOptions(WarningListener listener, int threads) {
    this(listener, threads, PointDimension.all());
  }

  /**
   * The defaults: warnings logged once per kind, LAZ decoded on every available processor, every
   * dimension kept.
   *
   * @return the default options
   */
  public static LasReadOptions defaults() {
    return new LasReadOptions(
        WarningListener.logOnce(), Runtime.getRuntime().availableProcessors());
  }

  /**
   * Returns these options with another listener.
   *
   * @param l the listener
   * @return the new options
   */
  public LasReadOptions withListener(WarningListener l) {
    return new LasReadOptions(l, threads, dimensions);
  }

  /**
   * Returns these options with another number of decoding threads.
   *
   * @param n the number of threads, at least 1
   * @return the new options
   */
  public LasReadOptions withThreads(int n) {
    return new LasReadOptions(listener, n, dimensions);
  }

  /**
   * Returns these options keeping only some dimensions besides x, y and z: {@code
   * withDimensions(PointDimension.CLASSIFICATION)} reads 13 bytes per point instead of 30 to 48.
   * Header figures about dimensions left out (points by return) are not checked.
   *
   * @param keep the dimensions to keep; none keeps x, y and z alone
   * @return the new options
   */
  public LasReadOptions withDimensions(PointDimension... keep) {
    Set<PointDimension> set = EnumSet.noneOf(PointDimension.class);
    for (PointDimension d : keep) {
      set.add(Objects.requireNonNull(d, "dimension"));
    }
    return new LasReadOptions(listener, threads, set);
  }
}
