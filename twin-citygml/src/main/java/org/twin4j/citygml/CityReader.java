// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml;

import java.io.IOException;
import org.twin4j.core.model.CityObject;

/**
 * Reads a city model file one top-level object at a time, with its children: memory stays near one
 * object for CityGML and CityJSONSeq, however large the file (plain CityJSON keeps its shared
 * vertex list in memory by design of the format). Not thread-safe.
 *
 * <pre>{@code
 * try (CityReader r = CityFiles.openReader(path)) {
 *   while (r.hasNext()) {
 *     CityObject o = r.next();
 *   }
 *   System.out.println(r.report());
 * }
 * }</pre>
 *
 * @since 1.0
 */
public interface CityReader extends AutoCloseable {

  /**
   * Returns what the file says about itself (format, version, CRS, metadata).
   *
   * @return the document information
   */
  DocumentInfo info();

  /**
   * Tells whether another top-level object follows.
   *
   * @return true if {@link #next()} will return one
   * @throws IOException if reading fails; {@link org.twin4j.core.io.TwinFormatException} for
   *     malformed input, with its location
   */
  boolean hasNext() throws IOException;

  /**
   * Returns the next top-level object.
   *
   * @return the object, with its children
   * @throws IOException if reading fails; {@link org.twin4j.core.io.TwinFormatException} for
   *     malformed input, with its location
   * @throws java.util.NoSuchElementException if there is none
   */
  CityObject next() throws IOException;

  /**
   * Returns how many vertices were read so far: for CityJSON the distinct entries of the {@code
   * vertices} list (summed over the features of CityJSONSeq), for CityGML the coordinate tuples of
   * the geometries read, without the closing point of each ring.
   *
   * @return the count
   */
  long vertexCount();

  /**
   * Returns what was skipped or changed so far.
   *
   * @return the report
   */
  ConversionReport report();

  /**
   * Closes the file.
   *
   * @throws IOException if closing fails
   */
  @Override
  void close() throws IOException;
}
