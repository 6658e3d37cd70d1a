// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml;

import java.util.Objects;
import org.twin4j.core.io.WarningListener;

/**
 * Options for reading.
 *
 * @param listener receives each recoverable problem as it happens (they are counted in the report
 *     as well)
 * @since 1.0
 */
public record ReadOptions(WarningListener listener) {

  /**
   * Checks the listener is not null.
   *
   * @param listener receives each recoverable problem as it happens (they are counted in the report
   *     as well)
   */
  public ReadOptions {
    Objects.requireNonNull(listener, "listener");
  }

  /**
   * Returns the defaults: warnings logged once per kind.
   *
   * @return default options
   */
  public static ReadOptions defaults() {
    return new ReadOptions(WarningListener.logOnce());
  }
}
