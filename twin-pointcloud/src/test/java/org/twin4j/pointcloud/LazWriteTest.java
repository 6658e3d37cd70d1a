// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mreutegg.laszip4j.CloseablePointIterable;
import com.github.mreutegg.laszip4j.LASPoint;
import com.github.mreutegg.laszip4j.LASReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.twin4j.core.io.ReadWarning;

/**
 * Writing LAZ: read → write .laz → read gives the same points, by twin4j's reader and by laszip4j
 * (an independent LASzip decoder), and the compressed points are the bytes LASzip itself wrote.
 */
class LazWriteTest {

  @TempDir Path dir;

  @ParameterizedTest
  @MethodSource("org.twin4j.pointcloud.LidarData#all")
  void writeLaz_readBackByTwinAndByLaszip4j_identicalPoints(String name) throws Exception {
    PointCloud in = LidarData.read(name);
    Path out = dir.resolve(name + ".laz");
    List<ReadWarning> losses = new ArrayList<>();
    LasFiles.write(in, out, LasWriteOptions.defaults().withListener(losses::add));
    assertEquals(List.of(), losses, "LAZ holds every dimension of formats 0–3 and 6–8");
    PointCloud back = LasFiles.read(out, LasReadOptions.defaults().withListener(w -> {}));
    assertTrue(back.header().orElseThrow().compressed());
    LidarData.assertSamePoints(in, back, true);
    assertEquals(in.schema(), back.schema());
    assertEquals(in.crs(), back.crs());
    assertEquals(in.header().orElseThrow().records(), back.header().orElseThrow().records());
    assertTrue(Files.size(out) < 0.5 * in.size() * in.schema().recordLength(), "compressed");

    long i = 0;
    try (CloseablePointIterable points = new LASReader(out.toFile()).getCloseablePoints()) {
      for (LASPoint p : points) {
        PointChunk c = in.chunkOf(i);
        int j = (int) i & PointCloud.CHUNK_MASK;
        String at = name + " point " + i;
        assertEquals(c.rawX(j), p.getX(), at);
        assertEquals(c.rawY(j), p.getY(), at);
        assertEquals(c.rawZ(j), p.getZ(), at);
        assertEquals(c.intensity(j), p.getIntensity(), at);
        assertEquals(c.returnNumber(j), p.getReturnNumber(), at);
        assertEquals(c.numberOfReturns(j), p.getNumberOfReturns(), at);
        // laszip4j hands over the legacy class byte with its flag bits (synthetic: 32)
        int mask = in.schema().isExtended() ? 0xFF : 0x1F;
        assertEquals(c.classification(j), p.getClassification() & mask, at);
        assertEquals(c.pointSourceId(j), p.getPointSourceID(), at);
        if (p.hasGPSTime()) {
          assertEquals(
              Double.doubleToLongBits(c.gpsTime(j)), Double.doubleToLongBits(p.getGPSTime()), at);
        }
        if (p.hasRGB()) {
          assertEquals(c.red(j), p.getRed(), at);
          assertEquals(c.blue(j), p.getBlue(), at);
        }
        // (laszip4j's getNIR() gives 0 also for the original IGN file: NIR is checked by ours)
        i++;
      }
    }
    assertEquals(in.size(), i, "laszip4j reads every point");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ahn3_cropped_2.laz", "las_with_several_extra_byte_bloc.laz"})
  void writeLaz_compressedPointsAreTheBytesLaszipWrote(String name) throws Exception {
    Path original = LidarData.file(name);
    PointCloud in = LidarData.read(name);
    Path out = dir.resolve("again.laz");
    LasFiles.write(in, out, LasWriteOptions.defaults());
    assertArrayEquals(compressedPoints(original), compressedPoints(out));
  }

  /** The chunks and the chunk table: the bytes after the table pointer to the end of the table. */
  private static byte[] compressedPoints(Path p) throws Exception {
    byte[] b = Files.readAllBytes(p);
    ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    long points = h.getInt(96) & 0xFFFFFFFFL;
    long table = h.getLong((int) points);
    long evlrs = "1.4".equals(h.get(24) + "." + h.get(25)) ? h.getLong(235) : 0;
    int end = evlrs > 0 ? (int) evlrs : b.length;
    assertTrue(table > points && table < end, "chunk table inside the file");
    return Arrays.copyOfRange(b, (int) points + 8, end);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ahn3_cropped_1.laz", "las_with_several_extra_byte_bloc.laz"})
  void writeLaz_oneOrThreeThreads_sameBytes(String name) throws Exception {
    PointCloud in = LidarData.read(name);
    Path one = dir.resolve("one.laz");
    Path three = dir.resolve("three.laz");
    LasFiles.write(in, one, LasWriteOptions.defaults().withThreads(1));
    LasFiles.write(in, three, LasWriteOptions.defaults().withThreads(3));
    assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(three));
    assertTrue(in.size() > 10 * LazChunks.DEFAULT_CHUNK, "more chunks than threads");
  }

  @Test
  void writeLaz_oneAndZeroPoints_readBack() throws Exception {
    PointCloud in = LidarData.read("warsaw_small.las");
    for (int n : new int[] {1, 0}) {
      java.util.BitSet keep = new java.util.BitSet();
      if (n == 1) {
        keep.set(17);
      }
      PointCloud few = in.select(keep);
      Path out = dir.resolve("few" + n + ".laz");
      LasFiles.write(few, out, LasWriteOptions.defaults());
      PointCloud back = LasFiles.read(out, LasReadOptions.defaults().withListener(w -> {}));
      assertEquals(n, back.size());
      LidarData.assertSamePoints(few, back, true);
    }
  }

  @Test
  void writeLaz_waveformFormat_refusedWithReason() throws Exception {
    PointCloud in = LidarData.read("warsaw_small.las");
    Path out = dir.resolve("wave.laz");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LasFiles.write(in, out, new LasWriteOptions(4, 9, w -> {})));
    assertTrue(e.getMessage().contains("waveform packets"), e.getMessage());
    assertFalse(Files.exists(out));
    try (var s = Files.list(dir)) {
      assertEquals(0, s.count(), "no temporary file left");
    }
  }

  /** Compares every point of {@code expected} with what laszip4j decodes from {@code file}. */
  private static void assertLaszip4jReads(PointCloud expected, Path file) throws Exception {
    long i = 0;
    try (CloseablePointIterable points = new LASReader(file.toFile()).getCloseablePoints()) {
      for (LASPoint p : points) {
        PointChunk c = expected.chunkOf(i);
        int j = (int) i & PointCloud.CHUNK_MASK;
        String at = file.getFileName() + " point " + i;
        assertEquals(c.rawX(j), p.getX(), at);
        assertEquals(c.rawY(j), p.getY(), at);
        assertEquals(c.rawZ(j), p.getZ(), at);
        assertEquals(c.intensity(j), p.getIntensity(), at);
        assertEquals(c.returnNumber(j), p.getReturnNumber(), at);
        assertEquals(c.pointSourceId(j), p.getPointSourceID(), at);
        assertEquals(
            Double.doubleToLongBits(c.gpsTime(j)), Double.doubleToLongBits(p.getGPSTime()), at);
        if (p.hasRGB()) {
          assertEquals(c.red(j), p.getRed(), at);
          assertEquals(c.green(j), p.getGreen(), at);
        }
        i++;
      }
    }
    assertEquals(expected.size(), i, "laszip4j reads every point of " + file.getFileName());
  }

  @Test
  void writeLaz14_scannerChannelsSwitching_eachChannelItsOwnContext() throws Exception {
    PointCloud in = LidarData.read("las_with_several_extra_byte_bloc.laz");
    // runs of one channel, interleaved single points of others: all four contexts of every item
    long n = 0;
    for (PointChunk c : in.chunks()) {
      for (int i = 0; i < c.size(); i++, n++) {
        int channel = (int) ((n / 700) % 4);
        if (n % 13 == 0) {
          channel = (channel + 1 + (int) (n % 3)) % 4;
        }
        c.flags[i] = (byte) ((c.flags[i] & ~0x30) | (channel << 4));
      }
    }
    Path out = dir.resolve("channels.laz");
    LasFiles.write(in, out, LasWriteOptions.defaults());
    PointCloud back = LasFiles.read(out, LasReadOptions.defaults().withListener(w -> {}));
    LidarData.assertSamePoints(in, back, true);
    assertLaszip4jReads(in, out);
  }

  @Test
  void readLaz_variableChunks_asLaszip4jReadsThem() throws Exception {
    PointCloud in = LidarData.read("ahn3_cropped_2.laz");
    Path fixed = dir.resolve("fixed.laz");
    LasFiles.write(in, fixed, LasWriteOptions.defaults());
    byte[] b = Files.readAllBytes(fixed);
    ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    int offset = h.getInt(96);
    int len = h.getShort(105) & 0xFFFF;
    // the records, then chunks of uneven sizes (one of a single point), as LASzip's "adaptive"
    // chunking writes them, with the point counts in the chunk table
    PointCloud plain =
        LasFiles.read(fixed, LasReadOptions.defaults().withListener(w -> {})); // same points
    Path las = dir.resolve("plain.las");
    LasFiles.write(plain, las, LasWriteOptions.defaults());
    byte[] lasBytes = Files.readAllBytes(las);
    int lasOffset = ByteBuffer.wrap(lasBytes).order(ByteOrder.LITTLE_ENDIAN).getInt(96);
    int total = (int) in.size();
    int[] sizes = {7_000, 1, 30_000, 50_000, 12_345};
    java.io.ByteArrayOutputStream chunks = new java.io.ByteArrayOutputStream();
    List<Long> bytes = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    LazChunks.Codec codec = layoutOf(b).codec();
    for (int at = 0, k = 0; at < total; k++) {
      int count = Math.min(sizes[k % sizes.length], total - at);
      byte[] records =
          Arrays.copyOfRange(lasBytes, lasOffset + at * len, lasOffset + (at + count) * len);
      LazOutput coded = codec.encode(records, count);
      chunks.write(coded.bytes(), 0, coded.size());
      bytes.add((long) coded.size());
      counts.add((long) count);
      at += count;
    }
    long[] byteArr = bytes.stream().mapToLong(Long::longValue).toArray();
    long[] countArr = counts.stream().mapToLong(Long::longValue).toArray();
    byte[] table = LazChunks.tableBytes(byteArr, countArr, byteArr.length);
    byte[] head = Arrays.copyOf(b, offset);
    // the LASzip record's chunk size becomes "variable"
    int vlr = vlrPayload(head);
    ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).putInt(vlr + 12, -1);
    java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
    file.write(head);
    byte[] pointer = new byte[8];
    ByteBuffer.wrap(pointer).order(ByteOrder.LITTLE_ENDIAN).putLong(offset + 8L + chunks.size());
    file.write(pointer);
    chunks.writeTo(file);
    file.write(table);
    Path variable = dir.resolve("variable.laz");
    Files.write(variable, file.toByteArray());

    for (int threads : new int[] {1, 2}) {
      PointCloud back =
          LasFiles.read(
              variable, LasReadOptions.defaults().withThreads(threads).withListener(w -> {}));
      LidarData.assertSamePoints(in, back, true);
    }
    assertLaszip4jReads(in, variable);
  }

  private static LazChunks.Layout layoutOf(byte[] file) {
    int p = vlrPayload(file);
    int len = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getShort(p - 54 + 20) & 0xFFFF;
    return LazChunks.Layout.parse(Arrays.copyOfRange(file, p, p + len));
  }

  /** Where the LASzip record's payload starts. */
  private static int vlrPayload(byte[] file) {
    ByteBuffer h = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int at = h.getShort(94) & 0xFFFF;
    for (int i = 0; i < h.getInt(100); i++) {
      int id = h.getShort(at + 18) & 0xFFFF;
      int len = h.getShort(at + 20) & 0xFFFF;
      if (id == 22204) {
        return at + 54;
      }
      at += 54 + len;
    }
    throw new AssertionError("no LASzip record");
  }
}
