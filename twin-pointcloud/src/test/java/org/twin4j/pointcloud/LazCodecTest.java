// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * twin4j's own LASzip codec against laszip4j's (a separate implementation of the same format) on
 * the real LAZ samples whose items have version-2 coders.
 */
class LazCodecTest {

  private static LasHeader header(Path p) throws Exception {
    try (LasReader r = LasReader.open(p, LasReadOptions.defaults())) {
      return r.header();
    }
  }

  private static LazChunks.Layout layout(Path p) throws Exception {
    byte[] b = Files.readAllBytes(p);
    ByteBuffer h = ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    int at = h.getShort(94) & 0xFFFF;
    int n = h.getInt(100);
    for (int i = 0; i < n; i++) {
      String user = new String(b, at + 2, 16, java.nio.charset.StandardCharsets.US_ASCII).trim();
      int id = h.getShort(at + 18) & 0xFFFF;
      int len = h.getShort(at + 20) & 0xFFFF;
      if (user.startsWith("laszip encoded") && id == 22204) {
        return LazChunks.Layout.parse(Arrays.copyOfRange(b, at + 54, at + 54 + len));
      }
      at += 54 + len;
    }
    throw new AssertionError("no LASzip record in " + p);
  }

  /** Every chunk's records as laszip4j decodes them. */
  private static byte[][] laszip4jChunks(Path p, LasHeader h, LazChunks.Layout l) throws Exception {
    try (LazDecoder d =
        new LazDecoder(
            p,
            p.toString(),
            h.offsetToPoints(),
            h.pointCount(),
            l.chunkSize(),
            l,
            l.recordLength(),
            1,
            false,
            PointDimension.all())) {
      java.util.List<byte[]> out = new java.util.ArrayList<>();
      while (d.hasNext()) {
        ByteBuffer b = d.next();
        byte[] a = new byte[b.remaining()];
        b.get(a);
        out.add(a);
      }
      return out.toArray(new byte[0][]);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ahn3_cropped_1.laz",
        "ahn3_cropped_2.laz",
        "autzen_trim.laz",
        "las_with_several_extra_byte_bloc.laz"
      })
  void decode_everyChunk_identicalToLaszip4j_andEncodeGivesTheFilesBytes(String name)
      throws Exception {
    Path p = LidarData.file(name);
    LasHeader h = header(p);
    LazChunks.Layout l = layout(p);
    assertTrue(l.supported(), name + ": items twin4j codes");
    byte[][] reference = laszip4jChunks(p, h, l);
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
      LazChunks.Table t =
          LazChunks.readTable(
              ch, h.offsetToPoints(), l.chunkSize(), h.pointCount(), l.recordLength());
      assertNotNull(t);
      assertEquals(reference.length, t.chunks());
      LazChunks.Codec decoder = l.codec();
      LazChunks.Codec encoder = l.codec();
      long[] sizes = new long[t.chunks()];
      for (int k = 0; k < t.chunks(); k++) {
        int size = (int) (t.starts()[k + 1] - t.starts()[k]);
        byte[] coded = new byte[size];
        LazChunks.readFully(ch, ByteBuffer.wrap(coded), t.starts()[k]);
        int n = (int) t.counts()[k];
        byte[] records = new byte[n * l.recordLength()];
        int end = decoder.decode(coded, 0, size, n, records);
        assertEquals(size, end, name + " chunk " + k + ": the decoder reads every byte");
        assertArrayEquals(reference[k], records, name + " chunk " + k);
        // our encoder gives back the very bytes LASzip wrote
        LazOutput again = encoder.encode(records, n);
        assertArrayEquals(coded, Arrays.copyOf(again.bytes(), again.size()), name + " chunk " + k);
        sizes[k] = size;
      }
      // and the same chunk table
      long tableAt = t.starts()[t.chunks()];
      byte[] table = new byte[(int) (ch.size() - tableAt)];
      LazChunks.readFully(ch, ByteBuffer.wrap(table), tableAt);
      byte[] ours = LazChunks.tableBytes(sizes, null, t.chunks());
      assertArrayEquals(Arrays.copyOf(table, ours.length), ours, name + ": chunk table");
    }
  }
}
