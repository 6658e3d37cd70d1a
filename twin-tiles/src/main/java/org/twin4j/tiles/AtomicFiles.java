// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.tiles;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.jspecify.annotations.Nullable;

/**
 * Files that appear under their name only when complete: written as a hidden temporary file beside
 * the target, then moved over it (atomically where the file system can). On any failure the
 * temporary file, and the journal files SQLite may have left beside it, are deleted and the target
 * is left as it was.
 */
final class AtomicFiles {

  /** SQLite's companion files of a database. */
  private static final String[] COMPANIONS = {"-journal", "-wal", "-shm"};

  /** What writes the temporary file. */
  @FunctionalInterface
  interface Body {
    void write(Path temp) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes a file through a temporary one.
   *
   * @param target the file to create or replace
   * @param suffix the temporary file's name ends with {@code ".part" + suffix}
   * @param body writes the temporary file, which exists and is empty when it is called
   */
  static void write(Path target, String suffix, Body body) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path temp = newTempFile(dir, "." + abs.getFileName() + ".", ".part" + suffix);
    try {
      body.write(temp);
      try {
        Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
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

  /**
   * Creates the temporary file readable as a new file would be (the process umask applies), not
   * owner-only as {@code Files.createTempFile} makes it, since it becomes the output.
   */
  private static Path newTempFile(@Nullable Path dir, String prefix, String suffix)
      throws IOException {
    try {
      return Files.createTempFile(
          dir,
          prefix,
          suffix,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-")));
    } catch (UnsupportedOperationException e) {
      return Files.createTempFile(dir, prefix, suffix);
    }
  }
}
