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
 * @param parallel whether CityGML files of 16 MB and more are parsed on a second thread while the
 *     caller's thread converts (on by default where there is more than one processor; smaller files
 *     gain nothing from it; the objects, their order and the warnings are the same either way, and
 *     warnings reach the listener on the caller's thread)
 * @since 1.0
 */
public record ReadOptions(WarningListener listener, boolean validate, boolean parallel) {

  private static final boolean MULTICORE = Runtime.getRuntime().availableProcessors() > 1;

  /**
   * Checks the listener is not null.
   *
   * @param listener receives each recoverable problem as it happens
   * @param validate whether CityGML input is validated against the schemas first
   * @param parallel whether CityGML is parsed on a second thread
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
    this(listener, false, MULTICORE);
  }

  /**
   * Returns options with a listener, validation on or off, and parsing in parallel where there is
   * more than one processor.
   *
   * @param listener receives each recoverable problem as it happens
   * @param validate whether CityGML input is validated against the schemas first
   */
  public ReadOptions(WarningListener listener, boolean validate) {
    this(listener, validate, MULTICORE);
  }

  /**
   * Returns the defaults: warnings logged once per kind, no schema validation.
   *
   * @return default options
   */
  public static ReadOptions defaults() {
    return new ReadOptions(WarningListener.logOnce(), false, MULTICORE);
  }

  /**
   * Returns these options with schema validation switched on or off.
   *
   * @param value whether to validate CityGML input
   * @return the new options
   */
  public ReadOptions withValidation(boolean value) {
    return new ReadOptions(listener, value, parallel);
  }

  /**
   * Returns these options with parallel parsing switched on or off.
   *
   * @param value whether to parse CityGML on a second thread
   * @return the new options
   */
  public ReadOptions withParallel(boolean value) {
    return new ReadOptions(listener, validate, value);
  }

  /**
   * Returns these options with another listener.
   *
   * @param value the listener
   * @return the new options
   */
  public ReadOptions withListener(WarningListener value) {
    return new ReadOptions(value, validate, parallel);
  }
}
