// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.io;

import java.io.IOException;
import java.util.Objects;

/**
 * Thrown when input is malformed: not parseable, against its format's rules, or inconsistent (a
 * vertex index out of range, an unknown CRS). The message names the rule, the offending value and
 * the location; {@link #location()} gives the location as data.
 *
 * @since 1.0
 */
public class TwinFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final SourceLocation location;

  /**
   * Creates an exception.
   *
   * @param location where the problem is
   * @param message the rule broken and the offending value, without the location
   */
  public TwinFormatException(SourceLocation location, String message) {
    super(location + ": " + message);
    this.location = Objects.requireNonNull(location, "location");
  }

  /**
   * Creates an exception with a cause (the parser's own exception, kept).
   *
   * @param location where the problem is
   * @param message the rule broken and the offending value, without the location
   * @param cause the underlying exception
   */
  public TwinFormatException(SourceLocation location, String message, Throwable cause) {
    super(location + ": " + message, cause);
    this.location = Objects.requireNonNull(location, "location");
  }

  /**
   * Returns where the problem is.
   *
   * @return the location
   */
  public SourceLocation location() {
    return location;
  }
}
