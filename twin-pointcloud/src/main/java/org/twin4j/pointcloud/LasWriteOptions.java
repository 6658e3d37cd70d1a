// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.util.Objects;
import org.twin4j.core.io.WarningListener;

/**
 * How to write a LAS file.
 *
 * @param versionMinor the LAS minor version to write: 2 (LAS 1.2, point formats 0–5) or 4 (LAS 1.4,
 *     formats 0–10)
 * @param pointFormat the point format to write, or -1 to keep the points' own where the version
 *     allows it (LAS 1.2 turns formats 6–10 into 1, 3, 3, 4 and 5)
 * @param listener receives what the target cannot hold (classes above 31 in LAS 1.2, NIR in a
 *     format without it, …), counted per kind
 * @param threads how many threads compress LAZ chunks (1 compresses on the writing thread); the
 *     bytes written do not depend on it. Plain LAS is always written on the writing thread.
 * @since 1.0
 */
public record LasWriteOptions(
    int versionMinor, int pointFormat, WarningListener listener, int threads) {

  /**
   * Validates the options.
   *
   * @param versionMinor 2 or 4
   * @param pointFormat -1 or 0–10
   * @param listener receives what the target cannot hold
   * @param threads how many threads compress LAZ chunks, at least 1
   */
  public LasWriteOptions {
    if (versionMinor != 2 && versionMinor != 4) {
      throw new IllegalArgumentException(
          "LAS 1." + versionMinor + " cannot be written: use 2 or 4");
    }
    if (pointFormat < -1 || pointFormat > 10 || (versionMinor == 2 && pointFormat > 5)) {
      throw new IllegalArgumentException(
          "point format " + pointFormat + " cannot be written in LAS 1." + versionMinor);
    }
    Objects.requireNonNull(listener, "listener");
    if (threads < 1) {
      throw new IllegalArgumentException("threads " + threads + " < 1");
    }
  }

  /**
   * Options that compress LAZ on every available processor.
   *
   * @param versionMinor 2 or 4
   * @param pointFormat -1 or 0–10
   * @param listener receives what the target cannot hold
   */
  public LasWriteOptions(int versionMinor, int pointFormat, WarningListener listener) {
    this(versionMinor, pointFormat, listener, Runtime.getRuntime().availableProcessors());
  }

  /**
   * LAS 1.4 with the points' own format; losses logged once per kind.
   *
   * @return the default options
   */
  public static LasWriteOptions defaults() {
    return new LasWriteOptions(4, -1, WarningListener.logOnce());
  }

  /**
   * LAS 1.2 with the nearest legacy format.
   *
   * @return options for LAS 1.2
   */
  public static LasWriteOptions las12() {
    return new LasWriteOptions(2, -1, WarningListener.logOnce());
  }

  /**
   * Returns these options with another listener.
   *
   * @param l the listener
   * @return the new options
   */
  public LasWriteOptions withListener(WarningListener l) {
    return new LasWriteOptions(versionMinor, pointFormat, l, threads);
  }

  /**
   * Returns these options with another number of LAZ compression threads.
   *
   * @param n the number of threads, at least 1
   * @return the new options
   */
  public LasWriteOptions withThreads(int n) {
    return new LasWriteOptions(versionMinor, pointFormat, listener, n);
  }
}
