// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.twin4j.core.io.ReadWarning;

/**
 * Every point format 0–10, written from real points (Autzen, format 3) and read back: the samples
 * hold formats 1, 3, 6 and 8 only, so the others are made here. Dimensions a format has come back
 * unchanged; waveform formats warn that their packets are not kept.
 */
class PointFormatsTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void writeRead_everyFormat(int format) throws Exception {
    PointCloud in = LidarData.read("autzen_trim.las");
    Path f = dir.resolve("f" + format + ".las");
    LasFiles.write(in, f, new LasWriteOptions(4, format, w -> {}));
    List<ReadWarning> warnings = new ArrayList<>();
    PointCloud back = LasFiles.read(f, LasReadOptions.defaults().withListener(warnings::add));
    PointSchema s = back.schema();
    assertEquals(format, s.pointFormat());
    assertEquals(PointSchema.standardLength(format), back.header().orElseThrow().recordLength());
    assertEquals(in.size(), back.size());
    for (long i = 0; i < in.size(); i += 7) {
      PointChunk p = in.chunkOf(i);
      PointChunk q = back.chunkOf(i);
      int j = (int) i & PointCloud.CHUNK_MASK;
      String at = "format " + format + ", point " + i;
      assertEquals(p.rawX(j), q.rawX(j), at);
      assertEquals(p.rawY(j), q.rawY(j), at);
      assertEquals(p.rawZ(j), q.rawZ(j), at);
      assertEquals(p.intensity(j), q.intensity(j), at);
      assertEquals(p.returnNumber(j), q.returnNumber(j), at);
      assertEquals(p.numberOfReturns(j), q.numberOfReturns(j), at);
      assertEquals(p.classification(j), q.classification(j), at);
      assertEquals(p.classificationFlags(j), q.classificationFlags(j), at);
      assertEquals(p.scanDirection(j), q.scanDirection(j), at);
      assertEquals(p.edgeOfFlightLine(j), q.edgeOfFlightLine(j), at);
      assertEquals(p.scanAngleDegrees(j), q.scanAngleDegrees(j), 0.003, at);
      assertEquals(p.userData(j), q.userData(j), at);
      assertEquals(p.pointSourceId(j), q.pointSourceId(j), at);
      if (s.hasGpsTime()) {
        assertEquals(p.gpsTime(j), q.gpsTime(j), 0, at);
      } else {
        assertTrue(Double.isNaN(q.gpsTime(j)), at);
      }
      if (s.hasRgb()) {
        assertEquals(p.red(j), q.red(j), at);
        assertEquals(p.green(j), q.green(j), at);
        assertEquals(p.blue(j), q.blue(j), at);
      } else {
        assertEquals(-1, q.red(j), at);
      }
      assertEquals(s.hasNir() ? 0 : -1, q.nir(j), at);
    }
    boolean waveform = s.hasWavePackets();
    assertEquals(
        waveform,
        warnings.stream().anyMatch(w -> w.kind().equals("waveform-ignored")),
        warnings.toString());
  }
}
