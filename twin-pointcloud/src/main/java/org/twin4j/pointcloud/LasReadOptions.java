// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.util.Objects;
import org.twin4j.core.io.WarningListener;

/**
 * How to read a LAS/LAZ file.
 *
 * @param listener receives recoverable problems (header figures that disagree with the points, an
 *     unreadable or conflicting CRS, waveform packets that are not kept)
 * @param threads how many threads decode LAZ chunks (1 decodes on the reading thread; plain LAS is
 *     always read on the reading thread, it is bound by memory bandwidth)
 * @since 1.0
 */
public record LasReadOptions(WarningListener listener, int threads) {

  /**
   * Validates the options.
   *
   * @param listener receives recoverable problems
   * @param threads how many threads decode LAZ chunks, at least 1
   */
  public LasReadOptions {
    Objects.requireNonNull(listener, "listener");
    if (threads < 1) {
      throw new IllegalArgumentException("threads " + threads + " < 1");
    }
  }

  /**
   * The defaults: warnings logged once per kind, LAZ decoded on every available processor.
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
    return new LasReadOptions(l, threads);
  }

  /**
   * Returns these options with another number of decoding threads.
   *
   * @param n the number of threads, at least 1
   * @return the new options
   */
  public LasReadOptions withThreads(int n) {
    return new LasReadOptions(listener, n);
  }
}
