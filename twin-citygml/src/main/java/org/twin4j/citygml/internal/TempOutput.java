// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.twin4j.core.io.AtomicFiles;

/**
 * An output file that appears under its name only when committed: bytes go to a temporary file in
 * the same directory, moved into place by {@link #commit()} (atomically where the file system can),
 * deleted by {@link #abort()}. So a failed write never leaves a half-written file.
 */
public final class TempOutput {

  private final Path target;
  private final Path temp;
  private final OutputStream out;
  private boolean done;

  private TempOutput(Path target) throws IOException {
    this.target = target.toAbsolutePath();
    this.temp = AtomicFiles.tempBeside(this.target, "");
    this.out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
  }

  /**
   * Opens a temporary file beside the target.
   *
   * @param target the final path
   * @return the output
   * @throws IOException if the directory cannot be written
   */
  public static TempOutput open(Path target) throws IOException {
    return new TempOutput(target);
  }

  /**
   * Returns the stream to write to.
   *
   * @return the stream into the temporary file
   */
  public OutputStream stream() {
    return out;
  }

  /**
   * Closes the stream and moves the temporary file to the target, replacing it.
   *
   * @throws IOException if closing or moving fails; the temporary file is then deleted
   */
  public void commit() throws IOException {
    if (done) {
      return;
    }
    done = true;
    try {
      out.close();
      AtomicFiles.moveIntoPlace(temp, target);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /** Closes the stream and deletes the temporary file; the target is left as it was. */
  public void abort() {
    if (done) {
      return;
    }
    done = true;
    try {
      out.close();
    } catch (IOException e) {
      // the file is deleted next: nothing of it survives either way
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      System.getLogger("org.twin4j.citygml.CityWriter")
          .log(System.Logger.Level.WARNING, "could not delete the temporary file " + temp, e);
    }
  }
}
