// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twin4j.core.geom.Bounds3D;
import org.twin4j.core.io.ReadWarning;

/** The figures of data/lidar/SOURCES.md, read back from the real files. */
class LasReadTest {

  private static final double MM = 1e-6;

  private static long[] classes(PointCloud c, int... codes) {
    long[] all = c.classCounts();
    long[] out = new long[codes.length];
    for (int i = 0; i < codes.length; i++) {
      out[i] = all[codes[i]];
    }
    return out;
  }

  private static long[] returns(PointCloud c, int n) {
    long[] out = new long[n];
    for (PointChunk k : c.chunks()) {
      for (int i = 0; i < k.size(); i++) {
        if (k.returnNumber(i) >= 1 && k.returnNumber(i) <= n) {
          out[k.returnNumber(i) - 1]++;
        }
      }
    }
    return out;
  }

  private static void assertBounds(Bounds3D b, double... e) {
    double[] a = {b.minX(), b.minY(), b.minZ(), b.maxX(), b.maxY(), b.maxZ()};
    assertArrayEquals(e, a, MM, "bounds " + b);
  }

  @Test
  void read_autzenLas_pointFormat3WithRgbAndGeoTiffPlusWkt() throws Exception {
    List<ReadWarning> w = new ArrayList<>();
    PointCloud c = LidarData.read("autzen_trim.las", w);
    LasHeader h = c.header().orElseThrow();
    assertEquals("1.2", h.version());
    assertEquals(3, c.schema().pointFormat());
    assertEquals(34, h.recordLength());
    assertEquals(110_000, c.size());
    assertArrayEquals(new long[] {83_893, 26_107}, classes(c, 1, 2));
    assertArrayEquals(new long[] {99_257, 9_021, 1_623, 99}, returns(c, 4));
    assertBounds(c.bounds(), 636001.76, 848935.20, 406.26, 637179.22, 849497.90, 520.51);
    assertTrue(c.schema().hasRgb() && c.schema().hasGpsTime());
    assertEquals(5, h.records().size());
    // user-defined GeoTIFF LCC and the WKT carry the same parameters: no conflict, WKT kept
    assertTrue(c.crs().orElseThrow().wkt().contains("Lambert_Conformal_Conic"));
    assertEquals(List.of(), w, "no warnings: header figures and CRS records agree");
    assertEquals(36, c.bytesPerPoint());
  }

  @Test
  void coordinates_ofTwoTiles_areEachTilesInTurn() throws Exception {
    PointCloud a = LidarData.read("ahn3_cropped_1.laz");
    PointCloud b = LidarData.read("ahn3_cropped_2.laz");
    PointCloud.PointFilter ground = (c, i) -> c.classification(i) == 2;
    double[][] both = PointCloud.coordinates(List.of(a, b), ground);
    double[][] first = a.coordinates(ground);
    double[][] second = b.coordinates(ground);
    assertEquals(a.classCounts()[2] + b.classCounts()[2], both[0].length);
    for (int axis = 0; axis < 3; axis++) {
      assertArrayEquals(first[axis], Arrays.copyOfRange(both[axis], 0, first[axis].length));
      assertArrayEquals(
          second[axis], Arrays.copyOfRange(both[axis], first[axis].length, both[axis].length));
    }
  }

  @Test
  void read_autzenLaz_identicalToItsLas() throws Exception {
    PointCloud las = LidarData.read("autzen_trim.las");
    PointCloud laz = LidarData.read("autzen_trim.laz");
    assertTrue(laz.header().orElseThrow().compressed());
    assertFalse(las.header().orElseThrow().compressed());
    LidarData.assertSamePoints(las, laz, true);
    assertEquals(las.crs(), laz.crs());
  }

  @Test
  void read_ahn3Tiles_classesReturnsAndSharedEdge() throws Exception {
    PointCloud a = LidarData.read("ahn3_cropped_1.laz");
    assertEquals(640_510, a.size());
    assertEquals(1, a.schema().pointFormat());
    assertArrayEquals(
        new long[] {196_137, 195_988, 246_753, 267, 1_365}, classes(a, 1, 2, 6, 9, 26));
    assertArrayEquals(new long[] {468_011, 99_134, 44_555, 20_800, 8_010}, returns(a, 5));
    assertBounds(a.bounds(), 84808.300, 447412.800, -0.568, 84999.999, 447641.299, 19.398);
    assertTrue(a.crs().isEmpty(), "AHN3 crops carry no CRS record");
    assertEquals(30, a.bytesPerPoint());
    PointCloud b = LidarData.read("ahn3_cropped_2.laz");
    assertEquals(208_432, b.size());
    assertArrayEquals(new long[] {86_308, 87_130, 33_312, 568, 1_114}, classes(b, 1, 2, 6, 9, 26));
    assertEquals(85000.001, b.bounds().minX(), MM);
    assertTrue(a.bounds().maxX() < b.bounds().minX(), "tiles meet at x = 85000");
  }

  @Test
  void read_nebraska_las14Format6AndCrsConflictWarned() throws Exception {
    List<ReadWarning> w = new ArrayList<>();
    PointCloud c = LidarData.read("file_with_both_wkt_and_geotiff_vlrs.las", w);
    assertEquals("1.4", c.header().orElseThrow().version());
    assertEquals(6, c.schema().pointFormat());
    assertEquals(25_408, c.size());
    assertArrayEquals(
        new long[] {9_808, 158, 724, 10_956, 3_737, 25}, classes(c, 2, 3, 4, 5, 6, 7));
    assertArrayEquals(new long[] {25_408}, returns(c, 1));
    assertBounds(c.bounds(), 2445180.000, 604300.000, 1352.700, 2445239.990, 604339.980, 1403.960);
    // the WKT bit is set: the WKT (US feet) wins over GeoTIFF's EPSG:32104, and both are named
    assertTrue(c.crs().orElseThrow().wkt().contains("NAD83_2011_Nebraska_ft"));
    ReadWarning conflict =
        w.stream().filter(x -> x.kind().equals("crs-conflict")).findFirst().orElseThrow();
    assertTrue(conflict.message().contains("EPSG:32104"), conflict.message());
    assertTrue(conflict.message().contains("NAD83_2011_Nebraska_ft"), conflict.message());
  }

  @Test
  void read_layeredLaz14_format8NirAndTwoExtraBytesRecords() throws Exception {
    List<ReadWarning> w = new ArrayList<>();
    PointCloud c = LidarData.read("las_with_several_extra_byte_bloc.laz", w);
    assertEquals(8, c.schema().pointFormat());
    assertEquals(697_721, c.size());
    assertEquals(41, c.header().orElseThrow().recordLength());
    assertArrayEquals(
        new long[] {3_262, 683_023, 960, 873, 9_003, 590, 10}, classes(c, 1, 2, 3, 4, 5, 6, 65));
    assertArrayEquals(new long[] {689_078, 6_366, 1_963, 289, 24, 1}, returns(c, 6));
    assertBounds(c.bounds(), 484649.36, 6632629.73, 99.65, 484999.99, 6632999.99, 120.42);
    assertEquals("EPSG:2154", c.crs().orElseThrow().epsgCode().orElseThrow());
    assertEquals(2, c.schema().extraDimensions().size());
    assertEquals("Deviation", c.schema().extraDimensions().get(0).name());
    assertEquals(ExtraDimension.Type.UINT16, c.schema().extraDimensions().get(0).type());
    assertEquals("confidence", c.schema().extraDimensions().get(1).name());
    assertEquals(2, c.schema().extraDimensions().get(1).byteOffset());
    long nirSet = 0;
    double deviationMax = 0;
    int dev = c.schema().extraDimension("Deviation");
    for (PointChunk k : c.chunks()) {
      for (int i = 0; i < k.size(); i++) {
        nirSet += k.nir(i) > 0 ? 1 : 0;
        deviationMax = Math.max(deviationMax, k.extra(dev, i));
      }
    }
    assertTrue(nirSet > c.size() / 2, "NIR decoded: " + nirSet + " points have NIR > 0");
    assertTrue(deviationMax > 0, "Deviation decoded");
    assertEquals(41, c.bytesPerPoint());
    assertEquals(List.of(), w, "header and CRS records agree");
  }

  @Test
  void read_warsaw_syntheticBitsMaskedAndBrokenWktWarned() throws Exception {
    List<ReadWarning> w = new ArrayList<>();
    PointCloud c = LidarData.read("warsaw_small.las", w);
    assertArrayEquals(new long[] {433, 1_381, 257, 27, 902}, classes(c, 0, 2, 3, 4, 5));
    long synthetic = 0;
    for (PointChunk k : c.chunks()) {
      for (int i = 0; i < k.size(); i++) {
        synthetic += (k.classificationFlags(i) & 1);
      }
    }
    assertEquals(2_567, synthetic, "every classified point has the synthetic flag");
    assertTrue(c.crs().isEmpty());
    assertEquals(1, w.size(), w.toString());
    assertEquals("crs-wkt-unreadable", w.get(0).kind());
    assertTrue(w.get(0).toString().contains("warsaw_small.las"), w.get(0).toString());
  }

  @Test
  void read_sampleC_zeroReturnCountsInHeaderWarnedAndPointsWin() throws Exception {
    List<ReadWarning> w = new ArrayList<>();
    PointCloud c = LidarData.read("sample_c.las", w);
    assertEquals(14_408, c.size());
    assertArrayEquals(new long[] {14_272, 130, 5, 1}, returns(c, 4));
    assertArrayEquals(
        new long[] {1_368, 93, 29, 7, 12_525, 2, 45, 339}, classes(c, 2, 3, 4, 5, 6, 11, 14, 31));
    assertEquals(0, c.header().orElseThrow().records().size());
    ReadWarning r = w.stream().filter(x -> x.kind().equals("header-returns")).findFirst().get();
    assertTrue(r.message().contains("[0, 0, 0, 0, 0]"), r.message());
    assertTrue(r.message().contains("[14272, 130, 5, 1, 0]"), r.message());
  }

  @Test
  void openReader_streamsChunksOfFixedSize() throws Exception {
    try (LasReader r =
        LasFiles.openReader(LidarData.file("ahn3_cropped_1.laz"), LasReadOptions.defaults())) {
      long n = 0;
      int chunks = 0;
      while (r.hasNext()) {
        PointChunk c = r.next();
        assertTrue(c.size() == PointCloud.CHUNK_SIZE || !r.hasNext(), "only the last is short");
        n += c.size();
        chunks++;
      }
      assertEquals(640_510, n);
      assertEquals((640_510 + PointCloud.CHUNK_SIZE - 1) / PointCloud.CHUNK_SIZE, chunks);
    }
  }

  @Test
  void read_lazWithOneOrTwoThreads_identicalPoints() throws Exception {
    for (String f : new String[] {"ahn3_cropped_1.laz", "las_with_several_extra_byte_bloc.laz"}) {
      PointCloud one = LasFiles.read(LidarData.file(f), LasReadOptions.defaults().withThreads(1));
      PointCloud two = LasFiles.read(LidarData.file(f), LasReadOptions.defaults().withThreads(2));
      PointCloud three = LasFiles.read(LidarData.file(f), LasReadOptions.defaults().withThreads(3));
      LidarData.assertSamePoints(one, two, true);
      LidarData.assertSamePoints(one, three, true);
    }
  }
}
