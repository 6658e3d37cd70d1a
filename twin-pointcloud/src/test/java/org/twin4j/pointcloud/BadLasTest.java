// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twin4j.core.io.ReadWarning;
import org.twin4j.core.io.TwinFormatException;

/** Broken LAS/LAZ files made from the real ones: a clear error naming the file and the place. */
class BadLasTest {

  @TempDir Path dir;

  private Path cut(String name, int bytes) throws Exception {
    byte[] all = Files.readAllBytes(LidarData.file(name));
    Path p = dir.resolve("cut-" + name);
    Files.write(p, Arrays.copyOf(all, bytes));
    return p;
  }

  private Path patched(String name, int at, byte... values) throws Exception {
    byte[] all = Files.readAllBytes(LidarData.file(name));
    System.arraycopy(values, 0, all, at, values.length);
    Path p = dir.resolve("patched-" + name);
    Files.write(p, all);
    return p;
  }

  private TwinFormatException fails(Path p) {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () ->
            assertThrows(
                TwinFormatException.class,
                () -> LasFiles.read(p, LasReadOptions.defaults().withListener(w -> {}))));
  }

  @Test
  void read_truncatedLas_namesCountsAndCompletePoints() throws Exception {
    Path p = cut("autzen_trim.las", 2_000_000);
    TwinFormatException e = fails(p);
    assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    assertTrue(e.getMessage().contains("110000 points of 34 bytes"), e.getMessage());
    assertTrue(
        e.getMessage().contains((2_000_000 - 2038) / 34 + " complete points"), e.getMessage());
  }

  @Test
  void read_truncatedLaz_failsWithPointIndex() throws Exception {
    for (int threads : new int[] {1, 2}) {
      Path p = cut("ahn3_cropped_1.laz", 2_000_000);
      TwinFormatException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(60),
              () ->
                  assertThrows(
                      TwinFormatException.class,
                      () ->
                          LasFiles.read(
                              p,
                              LasReadOptions.defaults()
                                  .withThreads(threads)
                                  .withListener(w -> {}))));
      assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
      assertTrue(
          e.getMessage().contains("corrupt or truncated") || e.getMessage().contains("laszip4j"),
          e.getMessage());
    }
  }

  @Test
  void read_lazWithDamagedChunk_namesTheChunk() throws Exception {
    Path src = LidarData.file("ahn3_cropped_1.laz");
    byte[] b = Files.readAllBytes(src);
    java.nio.ByteBuffer h = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    LazChunks.Table t;
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(src)) {
      t = LazChunks.readTable(ch, h.getInt(96), 50_000, 640_510, 28);
    }
    int mid = (int) ((t.starts()[3] + t.starts()[4]) / 2);
    for (int i = 0; i < 64; i++) {
      b[mid + i] ^= (byte) 0x5A;
    }
    Path p = dir.resolve("damaged.laz");
    Files.write(p, b);
    TwinFormatException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () ->
                assertThrows(
                    TwinFormatException.class,
                    () -> LasFiles.read(p, LasReadOptions.defaults().withListener(w -> {}))));
    assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("chunk 3 of 13"), e.getMessage());
  }

  @Test
  void read_lazWithDamagedOrCutChunkTable_readsChunkAfterChunkAndWarns() throws Exception {
    Path src = LidarData.file("ahn3_cropped_2.laz");
    PointCloud expected = LidarData.read("ahn3_cropped_2.laz");
    byte[] b = Files.readAllBytes(src);
    java.nio.ByteBuffer h = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    int tableAt = (int) h.getLong(h.getInt(96));
    byte[] garbled = b.clone();
    for (int i = tableAt + 8; i < garbled.length; i++) {
      garbled[i] = (byte) 0xFF; // the coded table: an impossible start value
    }
    byte[] cut = java.util.Arrays.copyOf(b, tableAt + 10); // the file ends inside its table
    for (byte[] bytes : new byte[][] {garbled, cut}) {
      Path p = dir.resolve("table.laz");
      Files.write(p, bytes);
      for (int threads : new int[] {1, 2}) {
        List<ReadWarning> warnings = new java.util.ArrayList<>();
        PointCloud c =
            assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () ->
                    LasFiles.read(
                        p,
                        LasReadOptions.defaults()
                            .withThreads(threads)
                            .withListener(warnings::add)));
        LidarData.assertSamePoints(expected, c, true);
        assertTrue(
            warnings.stream()
                .anyMatch(
                    w ->
                        w.kind().equals("laz-chunk-table")
                            && w.message().contains("chunk table")
                            && w.message().contains("one after the other")),
            warnings.toString());
      }
    }
  }

  @Test
  void read_lazWithRandomDamage_failsCleanlyOrWarns() throws Exception {
    // a seeded fuzz: bytes changed anywhere in the points, both LASzip variants, one and two
    // threads; a read may end only in points, or in a TwinFormatException naming the file
    for (String name :
        new String[] {"ahn3_cropped_2.laz", "las_with_several_extra_byte_bloc.laz"}) {
      byte[] original = Files.readAllBytes(LidarData.file(name));
      int from = ByteBuffer.wrap(original).order(ByteOrder.LITTLE_ENDIAN).getInt(96);
      java.util.Random rnd = new java.util.Random(77);
      for (int round = 0; round < 12; round++) {
        byte[] b = original.clone();
        int hits = 1 + rnd.nextInt(8);
        for (int h = 0; h < hits; h++) {
          b[from + rnd.nextInt(b.length - from)] ^= (byte) (1 + rnd.nextInt(255));
        }
        Path p = dir.resolve("fuzz-" + round + ".laz");
        Files.write(p, b);
        int threads = 1 + round % 2;
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () -> {
              try {
                LasFiles.read(
                    p, LasReadOptions.defaults().withThreads(threads).withListener(w -> {}));
              } catch (TwinFormatException e) {
                assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
              }
            },
            name + " round " + round);
      }
    }
  }

  @Test
  void read_emptyAndTinyFiles_saySo() throws Exception {
    Path empty = dir.resolve("empty.las");
    Files.write(empty, new byte[0]);
    assertTrue(fails(empty).getMessage().contains("has 0 bytes"));
    Path text = dir.resolve("text.las");
    Files.writeString(text, "x y z\n".repeat(100));
    TwinFormatException e = fails(text);
    assertTrue(e.getMessage().contains("not a LAS or LAZ file"), e.getMessage());
    assertEquals(0, e.location().byteOffset());
  }

  @Test
  void read_recordLengthShorterThanFormat_namesTheField() throws Exception {
    Path p = patched("autzen_trim.las", 105, (byte) 20, (byte) 0);
    TwinFormatException e = fails(p);
    assertTrue(e.getMessage().contains("record length 20"), e.getMessage());
    assertEquals(105, e.location().byteOffset());
  }

  @Test
  void read_recordLengthTooLongForAChunk_namesTheField() throws Exception {
    Path p = patched("autzen_trim.las", 105, (byte) 0xFF, (byte) 0xFF);
    TwinFormatException e = fails(p);
    assertTrue(
        e.getMessage().contains("record length 65535 is more than the 32767 bytes"),
        e.getMessage());
    assertEquals(105, e.location().byteOffset());
  }

  @Test
  void read_vlrPastThePoints_namesTheRecord() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 9);
    Path p = patched("autzen_trim.las", 100, b.array());
    TwinFormatException e = fails(p);
    assertTrue(e.getMessage().contains("VLR 6 of 9"), e.getMessage());
  }

  @Test
  void read_zeroScale_isAnError() throws Exception {
    Path p = patched("warsaw_small.las", 131, new byte[8]);
    TwinFormatException e = fails(p);
    assertTrue(e.getMessage().contains("scale"), e.getMessage());
  }

  @Test
  void read_lazWithoutLaszipRecord_isAnError() throws Exception {
    // set the compression bit on a plain LAS file: the LASzip record is missing
    Path p = patched("warsaw_small.las", 104, (byte) (3 | 0x80));
    TwinFormatException e = fails(p);
    assertTrue(e.getMessage().contains("no LASzip record"), e.getMessage());
  }
}
