// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twin4j.core.io.ReadWarning;

/**
 * Plain LAS read on several threads ({@link LasReader#readAll()} with {@code threads > 1}): the
 * same chunks, points and header warnings as one thread, also after some chunks were taken one by
 * one, with some dimensions only, and with a header whose figures disagree with the points.
 */
class PlainParallelReadTest {

  @TempDir Path dir;

  /** The AHN3 tile (640 510 points, 10 chunks) as plain LAS, its header's max x and returns off. */
  private Path tile() throws Exception {
    Path f = dir.resolve("ahn3.las");
    LasFiles.write(LidarData.read("ahn3_cropped_1.laz"), f, LasWriteOptions.defaults());
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      b.putDouble(0, 1e7).rewind();
      ch.write(b, 179); // max x
      ByteBuffer r = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      r.putLong(0, 12345).rewind();
      ch.write(r, 255); // LAS 1.4 points by return, first
    }
    return f;
  }

  private static List<String> kinds(List<ReadWarning> w) {
    List<String> k = new ArrayList<>();
    w.forEach(x -> k.add(x.kind() + ": " + x.message()));
    return k;
  }

  @Test
  void twoThreads_sameAsOne() throws Exception {
    Path f = tile();
    for (LasReadOptions base :
        List.of(
            LasReadOptions.defaults(),
            LasReadOptions.defaults().withDimensions(PointDimension.CLASSIFICATION))) {
      List<ReadWarning> w1 = new ArrayList<>();
      List<ReadWarning> w2 = new ArrayList<>();
      List<ReadWarning> w3 = new ArrayList<>();
      PointCloud one = LasFiles.read(f, base.withThreads(1).withListener(w1::add));
      PointCloud two = LasFiles.read(f, base.withThreads(2).withListener(w2::add));
      PointCloud three = LasFiles.read(f, base.withThreads(3).withListener(w3::add));
      assertEquals(10, one.chunks().size());
      for (PointCloud other : List.of(two, three)) {
        assertEquals(one.chunks().size(), other.chunks().size());
        assertEquals(one.dimensions(), other.dimensions());
        assertEquals(one.bounds(), other.bounds());
        LidarData.assertSamePoints(one, other, true);
      }
      assertTrue(
          kinds(w1).stream().anyMatch(k -> k.startsWith("header-bounds")), kinds(w1).toString());
      assertEquals(
          base.dimensions().contains(PointDimension.RETURNS),
          kinds(w1).stream().anyMatch(k -> k.startsWith("header-returns")),
          kinds(w1).toString());
      assertEquals(kinds(w1), kinds(w2));
      assertEquals(kinds(w1), kinds(w3));
    }
  }

  @Test
  void afterSomeChunks_theRestInParallel() throws Exception {
    Path f = tile();
    PointCloud whole =
        LasFiles.read(f, LasReadOptions.defaults().withThreads(1).withListener(w -> {}));
    List<ReadWarning> w = new ArrayList<>();
    try (LasReader r =
        LasFiles.openReader(f, LasReadOptions.defaults().withThreads(2).withListener(w::add))) {
      PointChunk first = r.next();
      PointChunk second = r.next();
      PointCloud rest = r.readAll();
      assertEquals(whole.size() - first.size() - second.size(), rest.size());
      for (int i = 0; i < rest.size(); i += 37) {
        long j = i + 2L * PointCloud.CHUNK_SIZE;
        assertEquals(
            whole.chunkOf(j).rawX((int) j & PointCloud.CHUNK_MASK),
            rest.chunkOf(i).rawX(i & PointCloud.CHUNK_MASK));
        assertEquals(
            whole.chunkOf(j).gpsTime((int) j & PointCloud.CHUNK_MASK),
            rest.chunkOf(i).gpsTime(i & PointCloud.CHUNK_MASK),
            0);
      }
    }
    // the header checks cover every point, those handed over one by one included
    assertTrue(kinds(w).stream().anyMatch(k -> k.startsWith("header-bounds")), kinds(w).toString());
    assertTrue(
        kinds(w).stream().anyMatch(k -> k.startsWith("header-returns")), kinds(w).toString());
  }
}
