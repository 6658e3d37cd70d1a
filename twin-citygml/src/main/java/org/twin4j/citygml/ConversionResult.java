// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml;

import java.util.Objects;

/**
 * What a streamed conversion did.
 *
 * @param objects the number of top-level objects converted
 * @param read what reading skipped or changed
 * @param written what writing dropped or changed
 * @since 1.0
 */
public record ConversionResult(long objects, ConversionReport read, ConversionReport written) {

  /**
   * Checks the reports are not null.
   *
   * @param objects the number of top-level objects converted
   * @param read what reading skipped or changed
   * @param written what writing dropped or changed
   */
  public ConversionResult {
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(written, "written");
  }
}
