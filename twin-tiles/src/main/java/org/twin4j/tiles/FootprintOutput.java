// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.tiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Footprint files written through {@link org.twin4j.core.io.AtomicFiles}: on any failure the
 * temporary file, and the journal files SQLite may have left beside it, are deleted and the target
 * is left as it was.
 */
final class FootprintOutput {

  /** SQLite's companion files of a database. */
  private static final String[] COMPANIONS = {"-journal", "-wal", "-shm"};

  /** What writes the temporary file. */
  @FunctionalInterface
  interface Body {
    void write(Path temp) throws IOException;
  }

  private FootprintOutput() {}

  /**
   * Writes a file through a temporary one.
   *
   * @param target the file to create or replace
   * @param suffix the temporary file's name ends with {@code ".part" + suffix}
   * @param body writes the temporary file, which exists and is empty when it is called
   */
  static void write(Path target, String suffix, Body body) throws IOException {
    Path temp = org.twin4j.core.io.AtomicFiles.tempBeside(target, suffix);
    try {
      body.write(temp);
      org.twin4j.core.io.AtomicFiles.moveIntoPlace(temp, target);
    } catch (Throwable t) {
      delete(temp, t);
      throw t;
    }
  }

  private static void delete(Path temp, Throwable cause) {
    try {
      Files.deleteIfExists(temp);
      for (String c : COMPANIONS) {
        Files.deleteIfExists(temp.resolveSibling(temp.getFileName() + c));
      }
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }
}
