// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.twin4j.core.io.ReadWarning;

/** Read, write LAS 1.4 and 1.2, read again: the same points in every dimension. */
class LasWriteTest {

  @TempDir Path dir;

  @ParameterizedTest
  @MethodSource("org.twin4j.pointcloud.LidarData#all")
  void write14_readBack_identicalPointsRecordsAndCrs(String name) throws Exception {
    PointCloud in = LidarData.read(name);
    Path out = dir.resolve(name.replace(".laz", ".las") + ".14.las");
    List<ReadWarning> losses = new ArrayList<>();
    LasFiles.write(in, out, LasWriteOptions.defaults().withListener(losses::add));
    assertEquals(List.of(), losses, "LAS 1.4 holds every dimension");
    List<ReadWarning> warnings = new ArrayList<>();
    PointCloud back = LasFiles.read(out, LasReadOptions.defaults().withListener(warnings::add));
    LidarData.assertSamePoints(in, back, true);
    assertEquals(in.schema(), back.schema());
    assertEquals(in.crs(), back.crs());
    assertEquals(in.header().orElseThrow().records(), back.header().orElseThrow().records());
    assertEquals("1.4", back.header().orElseThrow().version());
    // the header we write states the points' own figures, so no header warning comes back
    assertFalse(
        warnings.stream().anyMatch(w -> w.kind().startsWith("header-")), warnings.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "autzen_trim.las",
        "ahn3_cropped_2.laz",
        "file_with_both_wkt_and_geotiff_vlrs.las",
        "las_with_several_extra_byte_bloc.laz",
        "warsaw_small.las"
      })
  void write12_readBack_samePointsAndLossesCounted(String name) throws Exception {
    PointCloud in = LidarData.read(name);
    Path out = dir.resolve(name.replace(".laz", ".las") + ".12.las");
    List<ReadWarning> losses = new ArrayList<>();
    LasFiles.write(in, out, LasWriteOptions.las12().withListener(losses::add));
    PointCloud back = LasFiles.read(out, LasReadOptions.defaults().withListener(w -> {}));
    assertEquals("1.2", back.header().orElseThrow().version());
    assertTrue(back.schema().pointFormat() <= 5);
    if (in.schema().isExtended()) {
      long[] counts = in.classCounts();
      long above31 = java.util.stream.LongStream.of(counts).skip(32).sum();
      String kinds = losses.stream().map(ReadWarning::kind).collect(Collectors.joining(","));
      if (above31 > 0) {
        assertTrue(
            losses.stream()
                .anyMatch(
                    w ->
                        w.kind().equals("classes-clamped")
                            && w.message().startsWith(above31 + " points")),
            kinds);
      }
      if (in.schema().hasNir()) {
        assertTrue(kinds.contains("nir-dropped"), kinds);
      }
      assertEquals(in.size(), back.size());
      for (long i = 0; i < in.size(); i++) {
        assertEquals(in.x(i), back.x(i), 0);
        int k = in.classification(i);
        assertEquals(k > 31 ? 0 : k, back.classification(i), "point " + i);
      }
    } else {
      assertEquals(List.of(), losses);
      LidarData.assertSamePoints(in, back, true);
    }
  }

  @Test
  void write_failure_leavesNoFile() throws Exception {
    PointCloud in = LidarData.read("warsaw_small.las");
    Path out = dir.resolve("half.las");
    LasWriter w = LasWriter.open(out, in.schema(), null, null, LasWriteOptions.defaults());
    w.write(in.chunks().get(0));
    PointCloud other = LidarData.read("ahn3_cropped_2.laz");
    assertThrows(IllegalArgumentException.class, () -> w.write(other.chunks().get(0)));
    w.abort();
    assertFalse(Files.exists(out));
    try (var s = Files.list(dir)) {
      assertEquals(List.of(), s.collect(Collectors.toList()), "no temporary file left");
    }
  }

  @Test
  void selectAndReclassify_keepOtherDimensions() throws IOException {
    PointCloud in = LidarData.read("autzen_trim.las");
    java.util.BitSet keep = new java.util.BitSet();
    for (int i = 0; i < in.size(); i += 3) {
      keep.set(i);
    }
    PointCloud some = in.select(keep);
    assertEquals((in.size() + 2) / 3, some.size());
    assertEquals(in.chunkOf(3).gpsTime(3), some.chunkOf(1).gpsTime(1), 0);
    assertEquals(in.z(3), some.z(1), 0);
    byte[] k = in.classifications();
    k[5] = 17;
    PointCloud re = in.withClassifications(k);
    assertEquals(17, re.classification(5));
    assertEquals(in.classification(6), re.classification(6));
    assertEquals(in.z(5), re.z(5), 0);
  }
}
