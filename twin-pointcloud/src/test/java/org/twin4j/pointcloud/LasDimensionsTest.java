// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.twin4j.core.io.ReadWarning;
import org.twin4j.pointcloud.filter.Smrf;
import org.twin4j.pointcloud.filter.SmrfOptions;

/**
 * Reads that keep some dimensions only ({@link LasReadOptions#withDimensions}): what is kept equals
 * the full read point by point, what is left out reads as 0 and costs no memory, and the arrays of
 * zeros the left-out dimensions share are never written.
 */
class LasDimensionsTest {

  @TempDir Path dir;

  /** Each dimension as one number per point, 0 when absent. */
  private static final List<Getter> GETTERS =
      List.of(
          new Getter(PointDimension.INTENSITY, (c, i) -> c.intensity(i)),
          new Getter(PointDimension.RETURNS, (c, i) -> c.returnNumber(i)),
          new Getter(PointDimension.RETURNS, (c, i) -> c.numberOfReturns(i)),
          new Getter(PointDimension.FLAGS, (c, i) -> c.classificationFlags(i)),
          new Getter(PointDimension.FLAGS, (c, i) -> c.scannerChannel(i)),
          new Getter(PointDimension.FLAGS, (c, i) -> c.scanDirection(i) ? 1 : 0),
          new Getter(PointDimension.FLAGS, (c, i) -> c.edgeOfFlightLine(i) ? 1 : 0),
          new Getter(PointDimension.CLASSIFICATION, (c, i) -> c.classification(i)),
          new Getter(PointDimension.SCAN_ANGLE, (c, i) -> c.rawScanAngle(i)),
          new Getter(PointDimension.USER_DATA, (c, i) -> c.userData(i)),
          new Getter(PointDimension.POINT_SOURCE_ID, (c, i) -> c.pointSourceId(i)),
          new Getter(PointDimension.GPS_TIME, (c, i) -> c.schema().hasGpsTime() ? c.gpsTime(i) : 0),
          new Getter(PointDimension.RGB, (c, i) -> c.red(i) + 65536.0 * c.blue(i) + c.green(i)),
          new Getter(PointDimension.NIR, (c, i) -> c.nir(i)),
          new Getter(
              PointDimension.EXTRA_BYTES,
              (c, i) ->
                  java.util.Arrays.hashCode(c.schema().extraBytes() > 0 ? c.extraBytes(i) : null)));

  private record Getter(PointDimension dimension, ToDoubleBiFunction<PointChunk, Integer> get) {}

  private static PointCloud read(Path f, Set<PointDimension> keep, List<ReadWarning> warnings)
      throws Exception {
    LasReadOptions o =
        LasReadOptions.defaults()
            .withListener(warnings::add)
            .withDimensions(keep.toArray(new PointDimension[0]));
    return LasFiles.read(f, o);
  }

  /** Kept dimensions equal the full read's, the others are 0; x, y, z always equal. */
  private static void assertKept(PointCloud full, PointCloud part, Set<PointDimension> keep) {
    assertEquals(full.size(), part.size());
    Set<PointDimension> has = EnumSet.noneOf(PointDimension.class);
    for (PointDimension d : keep) {
      if (inFormat(part.schema(), d)) {
        has.add(d);
      }
    }
    assertEquals(has, part.dimensions());
    assertEquals(full.bounds(), part.bounds());
    int nonZero = 0;
    for (long i = 0; i < full.size(); i++) {
      PointChunk p = full.chunkOf(i);
      PointChunk q = part.chunkOf(i);
      int j = (int) i & PointCloud.CHUNK_MASK;
      assertEquals(p.rawX(j), q.rawX(j));
      assertEquals(p.rawY(j), q.rawY(j));
      assertEquals(p.rawZ(j), q.rawZ(j));
      for (Getter g : GETTERS) {
        double want = g.get.applyAsDouble(p, j);
        double got = g.get.applyAsDouble(q, j);
        if (keep.contains(g.dimension)) {
          assertEquals(want, got, 0, g.dimension + " of point " + i);
          nonZero += want != 0 ? 1 : 0;
        } else if (!inFormat(q.schema(), g.dimension)) {
          assertEquals(want, got, 0, g.dimension + " of point " + i + " is not in the format");
        } else if (g.dimension != PointDimension.EXTRA_BYTES) {
          assertEquals(0, got, 0, g.dimension + " of point " + i + " was not read");
        } else {
          assertArrayEquals(new byte[q.schema().extraBytes()], q.extraBytes(j));
        }
      }
    }
    if (keep.contains(PointDimension.CLASSIFICATION) || keep.size() > 5) {
      assertTrue(nonZero > 0, "the kept dimensions hold data");
    }
  }

  private static boolean inFormat(PointSchema s, PointDimension d) {
    switch (d) {
      case GPS_TIME:
        return s.hasGpsTime();
      case RGB:
        return s.hasRgb();
      case NIR:
        return s.hasNir();
      case EXTRA_BYTES:
        return s.extraBytes() > 0;
      default:
        return true;
    }
  }

  private static final Set<PointDimension> CLASSES_ONLY = EnumSet.of(PointDimension.CLASSIFICATION);

  private static final Set<PointDimension> ALL_BUT_CLASSES =
      EnumSet.complementOf(EnumSet.of(PointDimension.CLASSIFICATION));

  @ParameterizedTest
  @MethodSource("org.twin4j.pointcloud.LidarData#all")
  void everySample_keptAsReadWhole(String name) throws Exception {
    Path f = LidarData.file(name);
    List<ReadWarning> fullWarnings = new ArrayList<>();
    PointCloud full = read(f, PointDimension.all(), fullWarnings);
    for (Set<PointDimension> keep :
        List.of(CLASSES_ONLY, ALL_BUT_CLASSES, EnumSet.noneOf(PointDimension.class))) {
      List<ReadWarning> warnings = new ArrayList<>();
      PointCloud part = read(f, keep, warnings);
      assertKept(full, part, keep);
      // the same warnings, but for the points-by-return check when returns are not read
      List<String> want = new ArrayList<>();
      for (ReadWarning w : fullWarnings) {
        if (keep.contains(PointDimension.RETURNS) || !w.kind().equals("header-returns")) {
          want.add(w.kind());
        }
      }
      List<String> got = new ArrayList<>();
      warnings.forEach(w -> got.add(w.kind()));
      assertEquals(want, got, name + " " + keep);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void everyFormat_keptAsReadWhole(int format) throws Exception {
    PointCloud in = LidarData.read("autzen_trim.las");
    Path f = dir.resolve("f" + format + ".las");
    LasFiles.write(in, f, new LasWriteOptions(4, format, w -> {}));
    PointCloud full = read(f, PointDimension.all(), new ArrayList<>());
    assertKept(full, read(f, CLASSES_ONLY, new ArrayList<>()), CLASSES_ONLY);
    assertKept(full, read(f, ALL_BUT_CLASSES, new ArrayList<>()), ALL_BUT_CLASSES);
    for (PointDimension d : PointDimension.values()) {
      assertKept(full, read(f, EnumSet.of(d), new ArrayList<>()), EnumSet.of(d));
    }
  }

  /**
   * LAS 1.4 LAZ: the layers holding only dimensions left out are not decoded at all; what is kept
   * must still equal a whole decode, one dimension at a time (each layer's neighbours skipped).
   */
  @ParameterizedTest
  @ValueSource(ints = {6, 7, 8})
  void layeredLaz_skippedLayers_keptAsReadWhole(int format) throws Exception {
    PointCloud in = LidarData.read("autzen_trim.las");
    Path f = dir.resolve("f" + format + ".laz");
    LasFiles.write(in, f, new LasWriteOptions(4, format, w -> {}));
    PointCloud full = read(f, PointDimension.all(), new ArrayList<>());
    assertKept(full, read(f, CLASSES_ONLY, new ArrayList<>()), CLASSES_ONLY);
    assertKept(full, read(f, Set.of(), new ArrayList<>()), Set.of());
    for (PointDimension d : PointDimension.values()) {
      assertKept(full, read(f, EnumSet.of(d), new ArrayList<>()), EnumSet.of(d));
      assertKept(
          full,
          read(f, EnumSet.complementOf(EnumSet.of(d)), new ArrayList<>()),
          EnumSet.complementOf(EnumSet.of(d)));
    }
  }

  @Test
  void memory_onlyWhatIsKept() throws Exception {
    Path f = LidarData.file("autzen_trim.las"); // format 3
    PointCloud full = read(f, PointDimension.all(), new ArrayList<>());
    assertEquals(36, full.bytesPerPoint());
    assertEquals(13, read(f, CLASSES_ONLY, new ArrayList<>()).bytesPerPoint());
    assertEquals(12, read(f, Set.of(), new ArrayList<>()).bytesPerPoint());
    assertEquals(
        12 + 8 + 6,
        read(f, EnumSet.of(PointDimension.GPS_TIME, PointDimension.RGB), new ArrayList<>())
            .bytesPerPoint());
  }

  @Test
  void zerosShared_neverWritten() throws Exception {
    Path f = LidarData.file("ahn3_cropped_2.laz");
    PointCloud part = read(f, CLASSES_ONLY, new ArrayList<>());
    // classify, select, copy through a builder, write and read back: the unread dimensions stay 0
    PointCloud ground = Smrf.classify(part, SmrfOptions.defaults()).cloud();
    assertTrue(ground.dimensions().contains(PointDimension.CLASSIFICATION));
    java.util.BitSet every3 = new java.util.BitSet();
    for (int i = 0; i < ground.size(); i += 3) {
      every3.set(i);
    }
    PointCloud some = ground.select(every3);
    assertEquals(CLASSES_ONLY, some.dimensions());
    Path out = dir.resolve("ground.las");
    LasFiles.write(some, out, LasWriteOptions.defaults());
    PointCloud back = LasFiles.read(out);
    assertEquals(some.size(), back.size());
    for (long i = 0; i < back.size(); i++) {
      PointChunk c = back.chunkOf(i);
      int j = (int) i & PointCloud.CHUNK_MASK;
      assertEquals(some.chunkOf(i).classification(j), c.classification(j));
      assertEquals(0, c.intensity(j));
      assertEquals(0, c.pointSourceId(j));
      assertEquals(0, c.gpsTime(j), 0);
    }
    // a new partial read still sees zeros where nothing was read
    PointCloud again = read(LidarData.file("autzen_trim.las"), CLASSES_ONLY, new ArrayList<>());
    for (PointChunk c : again.chunks()) {
      for (int j = 0; j < c.size(); j++) {
        assertEquals(0, c.intensity(j));
        assertEquals(0, c.returnNumber(j));
        assertEquals(0, c.red(j));
        assertEquals(0, c.gpsTime(j), 0);
      }
    }
    assertFalse(again.dimensions().contains(PointDimension.INTENSITY));
  }

  @Test
  void dimensions_ofTheFormat_andIndexChecked() throws Exception {
    PointCloud in = LidarData.read("autzen_trim.las");
    Path f = dir.resolve("f0.las");
    LasFiles.write(in, f, new LasWriteOptions(4, 0, w -> {}));
    // format 0 has no GPS time, colours, NIR or extra bytes: asked for or not, they are not held
    Set<PointDimension> base =
        EnumSet.complementOf(
            EnumSet.of(
                PointDimension.GPS_TIME,
                PointDimension.RGB,
                PointDimension.NIR,
                PointDimension.EXTRA_BYTES));
    assertEquals(base, LasFiles.read(f).dimensions());
    PointCloud part =
        read(f, EnumSet.of(PointDimension.RGB, PointDimension.INTENSITY), new ArrayList<>());
    assertEquals(EnumSet.of(PointDimension.INTENSITY), part.dimensions());
    assertEquals(14, part.bytesPerPoint());
    // the last, short chunk: a dimension left out is checked against its size like any other
    PointChunk last = part.chunks().get(part.chunks().size() - 1);
    int n = last.size();
    assertTrue(n < PointCloud.CHUNK_SIZE);
    org.junit.jupiter.api.Assertions.assertThrows(
        IndexOutOfBoundsException.class, () -> last.userData(n));
    org.junit.jupiter.api.Assertions.assertThrows(
        IndexOutOfBoundsException.class, () -> last.intensity(n));
    assertEquals(0, last.userData(n - 1));
  }

  @Test
  void extraBytes_leftOut_takeNoMemory() throws Exception {
    Path f = LidarData.file("las_with_several_extra_byte_bloc.laz");
    PointCloud full = read(f, PointDimension.all(), new ArrayList<>());
    int e = full.schema().extraBytes();
    assertTrue(e > 0);
    PointCloud part = read(f, CLASSES_ONLY, new ArrayList<>());
    assertEquals(13, part.bytesPerPoint());
    PointChunk c = part.chunks().get(0);
    assertEquals(null, c.extra);
    assertArrayEquals(new byte[e], c.extraBytes(5));
    for (int d = 0; d < part.schema().extraDimensions().size(); d++) {
      if (part.schema().extraDimensions().get(d).type() != ExtraDimension.Type.BYTES) {
        // the value zero bytes stand for, as a whole read of zero bytes gives
        assertEquals(
            valueOfZeros(part.schema().extraDimensions().get(d)), c.extra(d, 5), 0, "dim " + d);
      }
    }
  }

  private static double valueOfZeros(ExtraDimension d) {
    return 0 * d.scale() + d.offset();
  }

  @Test
  void options_copyTheSet() {
    PointDimension[] keep = {PointDimension.CLASSIFICATION, PointDimension.RGB};
    LasReadOptions o = LasReadOptions.defaults().withDimensions(keep);
    keep[0] = PointDimension.NIR;
    assertEquals(EnumSet.of(PointDimension.CLASSIFICATION, PointDimension.RGB), o.dimensions());
    assertEquals(PointDimension.all(), LasReadOptions.defaults().dimensions());
    assertArrayEquals(PointDimension.values(), PointDimension.all().toArray(new PointDimension[0]));
  }
}
