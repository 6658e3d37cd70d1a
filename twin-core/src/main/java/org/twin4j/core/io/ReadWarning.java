// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.io;

import java.util.Objects;

/**
 * A recoverable problem met while reading or writing: the reader went on, and what it skipped or
 * changed is said here and counted in its report.
 *
 * @param kind a short stable key for counting ("skipped object", "dropped ADE property", ...)
 * @param message what happened, with the offending value
 * @param location where
 * @since 1.0
 */
public record ReadWarning(String kind, String message, SourceLocation location) {

  /**
   * Checks the components are not null.
   *
   * @param kind a short stable key for counting ("skipped object", "dropped ADE property", ...)
   * @param message what happened, with the offending value
   * @param location where
   */
  public ReadWarning {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
  }

  @Override
  public String toString() {
    return location + ": " + message;
  }
}
