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
 * @param validate whether CityGML input is first validated against the CityGML and GML schemas
 *     bundled with citygml4j; each violation becomes a "schema-invalid" warning with its line and
 *     column. Off by default: it reads the file twice. CityJSON input is not schema-validated.
 * @since 1.0
 */
public record ReadOptions(WarningListener listener, boolean validate) {

  /**
   * Checks the listener is not null.
   *
   * @param listener receives each recoverable problem as it happens
   * @param validate whether CityGML input is validated against the schemas first
   */
  public ReadOptions {
    Objects.requireNonNull(listener, "listener");
  }

  /**
   * Returns options with a listener and no validation.
   *
   * @param listener receives each recoverable problem as it happens
   */
  public ReadOptions(WarningListener listener) {
    this(listener, false);
  }

  /**
   * Returns the defaults: warnings logged once per kind, no schema validation.
   *
   * @return default options
   */
  public static ReadOptions defaults() {
    return new ReadOptions(WarningListener.logOnce(), false);
  }

  /**
   * Returns these options with schema validation switched on or off.
   *
   * @param value whether to validate CityGML input
   * @return the new options
   */
  public ReadOptions withValidation(boolean value) {
    return new ReadOptions(listener, value);
  }

  /**
   * Returns these options with another listener.
   *
   * @param value the listener
   * @return the new options
   */
  public ReadOptions withListener(WarningListener value) {
    return new ReadOptions(value, validate);
  }
}
