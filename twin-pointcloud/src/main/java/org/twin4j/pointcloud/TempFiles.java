// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.jspecify.annotations.Nullable;

/**
 * Files that appear under their name only when complete: written as a temporary file beside the
 * target, then moved into place (atomically where the file system can).
 */
final class TempFiles {

  private TempFiles() {}

  /** Creates the temporary file for a target (and the target's directory). */
  static Path beside(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    return newTempFile(dir, "." + abs.getFileName() + ".", ".part");
  }

  /** Moves a complete temporary file over the target. */
  static void moveIntoPlace(Path temp, Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    try {
      Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
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
