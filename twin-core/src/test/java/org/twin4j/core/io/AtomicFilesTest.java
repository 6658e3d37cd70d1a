// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path dir;

  @Test
  void tempBeside_hiddenInTheTargetsNewDirectory_thenMovedOverTheTarget() throws Exception {
    Path target = dir.resolve("a/b/out.las");
    Path temp = AtomicFiles.tempBeside(target, ".x");
    assertEquals(target.getParent(), temp.getParent(), "beside the target, directories made");
    assertTrue(temp.getFileName().toString().startsWith(".out.las."), temp.toString());
    assertTrue(temp.getFileName().toString().endsWith(".part.x"), temp.toString());
    assertFalse(Files.exists(target));
    if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
      Set<PosixFilePermission> p = Files.getPosixFilePermissions(temp);
      // rw-rw-rw- minus the umask: at least readable by the group or others, unlike createTempFile
      assertTrue(
          p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ),
          p.toString());
    }
    Files.writeString(target, "old");
    Files.writeString(temp, "new");
    AtomicFiles.moveIntoPlace(temp, target);
    assertEquals("new", Files.readString(target));
    assertFalse(Files.exists(temp));
  }
}
