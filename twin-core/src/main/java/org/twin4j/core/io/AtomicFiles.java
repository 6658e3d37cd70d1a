// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files that appear under their name only when complete, as every twin4j writer makes them: the
 * bytes go to a hidden temporary file beside the target ({@link #tempBeside}), which is moved over
 * the target when complete ({@link #moveIntoPlace}, atomically where the file system can) or
 * deleted on failure, so a failed write never leaves a half-written file.
 *
 * @since 1.0
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /**
   * Creates the temporary file for a target, and the target's directory if needed. The file is
   * readable as a new file would be (the process umask applies), not owner-only as {@code
   * Files.createTempFile} makes it, since it becomes the output.
   *
   * @param target the file to be written
   * @param suffix the end of the temporary file's name (after {@code ".part"})
   * @return the empty temporary file, {@code .<target name>.<random>.part<suffix>}
   * @throws IOException if the directory cannot be created or written
   */
  public static Path tempBeside(Path target, String suffix) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    String prefix = "." + abs.getFileName() + ".";
    try {
      return Files.createTempFile(
          dir,
          prefix,
          ".part" + suffix,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-")));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its default permissions apply
      return Files.createTempFile(dir, prefix, ".part" + suffix);
    }
  }

  /**
   * Moves a complete temporary file over the target, atomically where the file system can.
   *
   * @param temp the temporary file from {@link #tempBeside}
   * @param target the file to create or replace
   * @throws IOException if the move fails (the temporary file is then left for the caller)
   */
  public static void moveIntoPlace(Path temp, Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    try {
      Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
