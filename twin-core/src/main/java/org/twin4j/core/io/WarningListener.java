// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.io;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Receives the recoverable problems a reader or writer meets. The default, {@link #logOnce()}, logs
 * the first warning of each kind at WARNING through {@code System.Logger} and later ones at DEBUG.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface WarningListener {

  /**
   * Receives one warning.
   *
   * @param warning the warning
   */
  void warning(ReadWarning warning);

  /**
   * Returns a listener that logs each kind of warning once at WARNING, the rest at DEBUG, to the
   * logger named {@code org.twin4j.core.io.WarningListener}.
   *
   * @return a new listener
   */
  static WarningListener logOnce() {
    System.Logger log = System.getLogger(WarningListener.class.getName());
    Set<String> seen = ConcurrentHashMap.newKeySet();
    return w -> {
      if (seen.add(w.kind())) {
        log.log(System.Logger.Level.WARNING, () -> w + " (further warnings of this kind at DEBUG)");
      } else {
        log.log(System.Logger.Level.DEBUG, w::toString);
      }
    };
  }

  /**
   * Returns a listener that ignores warnings (they are still counted in reports).
   *
   * @return the silent listener
   */
  static WarningListener silent() {
    return w -> {};
  }
}
