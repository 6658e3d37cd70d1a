// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.io;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where in a source something was found: the file, and as much of line, column, byte offset and
 * object id as the format lets a reader know.
 *
 * @param source the file name or other description of the source
 * @param line the 1-based line, or -1 if unknown
 * @param column the 1-based column, or -1 if unknown
 * @param byteOffset the 0-based byte or character offset, or -1 if unknown
 * @param objectId the id of the object being read, or null
 * @since 1.0
 */
public record SourceLocation(
    String source, long line, long column, long byteOffset, @Nullable String objectId) {

  /**
   * Checks the source is not null.
   *
   * @param source the file name or other description of the source
   * @param line the 1-based line, or -1 if unknown
   * @param column the 1-based column, or -1 if unknown
   * @param byteOffset the 0-based byte or character offset, or -1 if unknown
   * @param objectId the id of the object being read, or null
   */
  public SourceLocation {
    Objects.requireNonNull(source, "source");
  }

  /**
   * Returns the location of a whole source.
   *
   * @param source the file name
   * @return a location without position
   */
  public static SourceLocation of(String source) {
    return new SourceLocation(source, -1, -1, -1, null);
  }

  /**
   * Returns a location at a line and column.
   *
   * @param source the file name
   * @param line the 1-based line
   * @param column the 1-based column
   * @return the location
   */
  public static SourceLocation at(String source, long line, long column) {
    return new SourceLocation(source, line, column, -1, null);
  }

  /**
   * Returns a location at an object.
   *
   * @param source the file name
   * @param objectId the object's id
   * @return the location
   */
  public static SourceLocation atObject(String source, String objectId) {
    return new SourceLocation(source, -1, -1, -1, objectId);
  }

  /**
   * Returns this location with an object id.
   *
   * @param id the object's id
   * @return the new location
   */
  public SourceLocation withObjectId(@Nullable String id) {
    return new SourceLocation(source, line, column, byteOffset, id);
  }

  /**
   * Returns the location as a reader would print it.
   *
   * @return for example {@code "city.json, line 3, column 11"} or {@code "city.gml, object 'b1'"}
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(", line ").append(line);
      if (column > 0) {
        sb.append(", column ").append(column);
      }
    }
    if (byteOffset >= 0) {
      sb.append(", offset ").append(byteOffset);
    }
    if (objectId != null) {
      sb.append(", object '").append(objectId).append('\'');
    }
    return sb.toString();
  }
}
