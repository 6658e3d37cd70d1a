// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml;

import java.util.Objects;
import org.twin4j.core.model.CitySnapshot;

/**
 * A whole file read into a model.
 *
 * @param model the model: every top-level object, with the file's CRS, metadata and appearances
 * @param info what the file says about itself
 * @param report what was skipped or changed
 * @since 1.0
 */
public record ReadResult(CitySnapshot model, DocumentInfo info, ConversionReport report) {

  /**
   * Checks the components are not null.
   *
   * @param model the model: every top-level object, with the file's CRS, metadata and appearances
   * @param info what the file says about itself
   * @param report what was skipped or changed
   */
  public ReadResult {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(report, "report");
  }
}
