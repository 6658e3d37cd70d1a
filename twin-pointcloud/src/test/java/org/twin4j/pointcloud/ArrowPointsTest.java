// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.twin4j.core.io.TwinFormatException;

class ArrowPointsTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "autzen_trim.laz",
        "ahn3_cropped_2.laz",
        "file_with_both_wkt_and_geotiff_vlrs.las",
        "las_with_several_extra_byte_bloc.laz",
        "warsaw_small.las",
        "sample_c.las"
      })
  void writeRead_ipc_identicalPointsSchemaAndCrs(String name) throws Exception {
    PointCloud in = LidarData.read(name);
    Path f = dir.resolve(name + ".arrow");
    ArrowPoints.write(in, f);
    byte[] bytes = Files.readAllBytes(f);
    assertEquals("ARROW1", new String(bytes, 0, 6, StandardCharsets.US_ASCII), "IPC file magic");
    assertEquals(
        "ARROW1",
        new String(bytes, bytes.length - 6, 6, StandardCharsets.US_ASCII),
        "IPC file trailer");
    PointCloud back = ArrowPoints.read(f);
    assertEquals(in.schema(), back.schema());
    assertEquals(in.crs(), back.crs());
    LidarData.assertSamePoints(in, back, true);
    // and on to LAS: the extra-bytes descriptors are written again from the schema
    Path las = dir.resolve(name + ".las");
    LasFiles.write(back, las, LasWriteOptions.defaults());
    PointCloud again = LasFiles.read(las, LasReadOptions.defaults().withListener(w -> {}));
    assertEquals(in.schema().extraDimensions(), again.schema().extraDimensions());
    LidarData.assertSamePoints(in, again, true);
  }

  @Test
  void toArrow_columnsAndMetadataAsDocumented() throws Exception {
    PointCloud in = LidarData.read("las_with_several_extra_byte_bloc.laz");
    try (BufferAllocator a = new RootAllocator();
        VectorSchemaRoot root = ArrowPoints.toArrow(in, a)) {
      assertEquals(in.size(), root.getRowCount());
      assertEquals(
          Arrays.asList(
              "x",
              "y",
              "z",
              "intensity",
              "return_number",
              "number_of_returns",
              "classification",
              "classification_flags",
              "scanner_channel",
              "scan_direction_flag",
              "edge_of_flight_line",
              "scan_angle",
              "user_data",
              "point_source_id",
              "gps_time",
              "red",
              "green",
              "blue",
              "nir",
              "extra_bytes",
              "Deviation",
              "confidence"),
          root.getSchema().getFields().stream().map(f -> f.getName()).toList());
      assertEquals("8", root.getSchema().getCustomMetadata().get("twin4j:point_format"));
      assertEquals("0.01 0.01 0.01", root.getSchema().getCustomMetadata().get("twin4j:scale"));
      assertTrue(
          root.getSchema().getCustomMetadata().get("twin4j:crs").contains("RGF93"),
          "the CRS WKT is kept");
      Float8Vector x = (Float8Vector) root.getVector("x");
      UInt1Vector k = (UInt1Vector) root.getVector("classification");
      Float8Vector dev = (Float8Vector) root.getVector("Deviation");
      for (int i = 0; i < in.size(); i += 1013) {
        assertEquals(in.x(i), x.get(i), 0);
        assertEquals(in.classification(i), k.get(i) & 0xFF);
        assertEquals(in.chunkOf(i).extra(0, i & PointCloud.CHUNK_MASK), dev.get(i), 0);
      }
    }
  }

  @Test
  void read_notArrow_failsNamingFile() throws Exception {
    Path f = dir.resolve("bad.arrow");
    Files.writeString(f, "this is not arrow");
    TwinFormatException e = assertThrows(TwinFormatException.class, () -> ArrowPoints.read(f));
    assertTrue(e.getMessage().contains("bad.arrow"), e.getMessage());
  }

  @Test
  void classifications_roundTripThroughArrow() throws Exception {
    PointCloud in = LidarData.read("warsaw_small.las");
    Path f = dir.resolve("w.arrow");
    ArrowPoints.write(in, f);
    assertArrayEquals(in.classifications(), ArrowPoints.read(f).classifications());
  }

  /** A cloud read with some dimensions only: no columns for the others, 0 in them read back. */
  @Test
  void someDimensions_onlyTheirColumns() throws Exception {
    PointCloud full = LidarData.read("las_with_several_extra_byte_bloc.laz");
    PointCloud part =
        LasFiles.read(
            LidarData.file("las_with_several_extra_byte_bloc.laz"),
            LasReadOptions.defaults()
                .withListener(w -> {})
                .withDimensions(PointDimension.CLASSIFICATION, PointDimension.RGB));
    try (BufferAllocator a = new RootAllocator();
        VectorSchemaRoot root = ArrowPoints.toArrow(part, a)) {
      java.util.List<String> names = new java.util.ArrayList<>();
      root.getSchema().getFields().forEach(f -> names.add(f.getName()));
      assertEquals(
          java.util.List.of("x", "y", "z", "classification", "red", "green", "blue"), names);
      UInt1Vector cls = (UInt1Vector) root.getVector("classification");
      for (int i = 0; i < root.getRowCount(); i += 97) {
        assertEquals(full.chunkOf(i).classification(i & PointCloud.CHUNK_MASK), cls.get(i) & 0xFF);
      }
    }
    Path f = dir.resolve("part.arrow");
    ArrowPoints.write(part, f);
    PointCloud back = ArrowPoints.read(f);
    assertEquals(full.size(), back.size());
    for (long i = 0; i < back.size(); i += 101) {
      PointChunk p = full.chunkOf(i);
      PointChunk q = back.chunkOf(i);
      int j = (int) i & PointCloud.CHUNK_MASK;
      assertEquals(p.rawX(j), q.rawX(j));
      assertEquals(p.classification(j), q.classification(j));
      assertEquals(p.red(j), q.red(j));
      assertEquals(p.blue(j), q.blue(j));
      assertEquals(0, q.intensity(j));
      assertEquals(0, q.nir(j));
      assertEquals(0, q.gpsTime(j), 0);
    }
  }

  /**
   * An extra dimension called like a standard column (present in the format or not) gets a column
   * of its own, {@code extra_} and its name, and the standard column keeps its type and values.
   */
  @ParameterizedTest
  @ValueSource(strings = {"gps_time", "nir", "red", "intensity", "classification"})
  void extraDimensionNamedLikeAColumn_ownColumn(String name) throws Exception {
    ExtraDimension d = new ExtraDimension(name, "", ExtraDimension.Type.UINT16, 0, 2, 1, 0);
    PointSchema s = new PointSchema(1, 0.01, 0.01, 0.01, 0, 0, 0, 2, java.util.List.of(d));
    PointCloud.Builder b = PointCloud.builder(s);
    for (int i = 0; i < 10; i++) {
      b.add(i, i, i, 2, 1, 1);
      b.current().extra[b.slotUsed() * 2] = (byte) (i + 40);
    }
    PointCloud c = b.build();
    try (BufferAllocator a = new RootAllocator();
        VectorSchemaRoot root = ArrowPoints.toArrow(c, a)) {
      Float8Vector v = (Float8Vector) root.getVector("extra_" + name);
      assertEquals(47, v.get(7), 0);
      assertEquals(2, ((UInt1Vector) root.getVector("classification")).get(7) & 0xFF);
    }
    Path f = dir.resolve("named.arrow");
    ArrowPoints.write(c, f);
    PointCloud back = ArrowPoints.read(f);
    assertEquals(47, back.chunks().get(0).extra(0, 7), 0);
    assertEquals(2, back.chunks().get(0).classification(7));
  }
}
