// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml;

import java.io.IOException;
import org.twin4j.core.appearance.Appearances;
import org.twin4j.core.model.CityObject;

/**
 * Writes a city model file one top-level object at a time. The file appears under its name only
 * when {@link #close()} succeeds: until then it is written to a temporary file beside it, so a
 * failure never leaves a half-written output. Not thread-safe.
 *
 * @since 1.0
 */
public interface CityWriter extends AutoCloseable {

  /**
   * Writes one top-level object with its children.
   *
   * @param object the object
   * @throws IOException if writing fails
   */
  void write(CityObject object) throws IOException;

  /**
   * Replaces the material and texture tables that the geometries written from now on index. A
   * streamed conversion calls it when the source's tables have grown (CityGML readers fill them as
   * they meet appearances); entries already written must keep their index.
   *
   * @param tables the tables
   */
  void appearances(Appearances tables);

  /**
   * Returns what could not be written as it was so far.
   *
   * @return the report
   */
  ConversionReport report();

  /** Abandons the output: the temporary file is deleted and the target left untouched. */
  void abort();

  /**
   * Finishes the file and moves it into place.
   *
   * @throws IOException if finishing or moving fails (the temporary file is then deleted)
   */
  @Override
  void close() throws IOException;
}
