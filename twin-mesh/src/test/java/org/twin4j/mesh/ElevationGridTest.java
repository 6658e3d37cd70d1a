// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElevationGridTest {

  @TempDir Path dir;

  @Test
  void dtm_ofAPlane_isThePlaneAtCellCentres() throws Exception {
    Random rnd = new Random(9);
    int n = 4000;
    double[] x = new double[n];
    double[] y = new double[n];
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 1000 + rnd.nextDouble() * 50;
      y[i] = 2000 + rnd.nextDouble() * 30;
      z[i] = 7 + 0.1 * x[i] - 0.2 * y[i];
    }
    x[0] = 1000;
    y[0] = 2000;
    z[0] = 7 + 100 - 400;
    ElevationGrid g = ElevationGrid.dtm(DelaunayTriangulation.of(x, y, z, 0), 1.0);
    assertEquals(1000, g.minX(), 0);
    assertEquals(2000, g.minY(), 0);
    int inside = 0;
    for (int r = 0; r < g.rows(); r++) {
      for (int c = 0; c < g.cols(); c++) {
        double v = g.value(r, c);
        if (!Double.isNaN(v)) {
          double cx = g.minX() + c + 0.5;
          double cy = g.minY() + (g.rows() - 1 - r) + 0.5;
          assertEquals(7 + 0.1 * cx - 0.2 * cy, v, 1e-9, "cell " + r + "," + c);
          inside++;
        }
      }
    }
    assertTrue(inside > 0.9 * 50 * 30, "cells inside the hull: " + inside);
    Path asc = dir.resolve("dtm.asc");
    g.writeAsciiGrid(asc, 3);
    List<String> lines = Files.readAllLines(asc);
    assertEquals("ncols " + g.cols(), lines.get(0));
    assertEquals("nrows " + g.rows(), lines.get(1));
    assertEquals("NODATA_value -9999", lines.get(5));
    assertEquals(6 + g.rows(), lines.size());
    String[] first = lines.get(6).split(" ");
    assertEquals(g.cols(), first.length);
    for (int c = 0; c < g.cols(); c++) {
      double v = g.value(0, c);
      assertEquals(Double.isNaN(v) ? -9999 : v, Double.parseDouble(first[c]), 5e-4);
    }
  }

  @Test
  void writeGeoTiff_readBackByTheJdkTiffReader_valuesTagsAndCrs() throws Exception {
    Random rnd = new Random(11);
    int n = 3000;
    double[] x = new double[n];
    double[] y = new double[n];
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 84_800 + rnd.nextDouble() * 40;
      y[i] = 447_400 + rnd.nextDouble() * 25;
      z[i] = -1.5 + 0.02 * (x[i] - 84_800) + 0.01 * (y[i] - 447_400);
    }
    ElevationGrid g = ElevationGrid.dtm(DelaunayTriangulation.of(x, y, z, 0), 0.5);
    Path tif = dir.resolve("dtm.tif");
    g.writeGeoTiff(tif, org.twin4j.core.crs.CrsIdentifier.ofEpsg(28992, 5709));

    javax.imageio.ImageReader reader =
        javax.imageio.ImageIO.getImageReadersByFormatName("tiff").next();
    try (javax.imageio.stream.ImageInputStream in =
        javax.imageio.ImageIO.createImageInputStream(tif.toFile())) {
      reader.setInput(in);
      java.awt.image.Raster r = reader.read(0).getRaster();
      assertEquals(g.cols(), r.getWidth());
      assertEquals(g.rows(), r.getHeight());
      assertEquals(java.awt.image.DataBuffer.TYPE_FLOAT, r.getDataBuffer().getDataType());
      int empty = 0;
      for (int row = 0; row < g.rows(); row++) {
        for (int c = 0; c < g.cols(); c++) {
          double v = g.value(row, c);
          float f = r.getSampleFloat(c, row, 0);
          if (Double.isNaN(v)) {
            assertTrue(Float.isNaN(f), "empty cell " + row + "," + c);
            empty++;
          } else {
            assertEquals(v, f, 1e-5 * Math.max(1, Math.abs(v)), "cell " + row + "," + c);
          }
        }
      }
      assertTrue(empty > 0, "cells outside the hull stay empty");
      javax.imageio.plugins.tiff.TIFFDirectory tags =
          javax.imageio.plugins.tiff.TIFFDirectory.createFromMetadata(reader.getImageMetadata(0));
      assertArrayEquals(
          new double[] {0.5, 0.5, 0}, tags.getTIFFField(33550).getAsDoubles(), 0); // pixel scale
      assertArrayEquals(
          new double[] {0, 0, 0, g.minX(), g.minY() + 0.5 * g.rows(), 0},
          tags.getTIFFField(33922).getAsDoubles(),
          0); // the north-west corner
      char[] keys = tags.getTIFFField(34735).getAsChars();
      // version 1.1.0 with 4 keys: projected model, pixel is area, EPSG:28992, vertical EPSG:5709
      assertArrayEquals(
          new char[] {
            1, 1, 0, 4, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, 28992, 4096, 0, 1, 5709
          },
          keys);
      assertEquals("nan", gdalNoData(Files.readAllBytes(tif)));
      assertEquals(8, tags.getTIFFField(259).getAsInt(0), "Deflate");
      assertEquals(3, tags.getTIFFField(339).getAsInt(0), "IEEE floating point samples");
    } finally {
      reader.dispose();
    }
    // a geographic CRS uses the geographic keys; none at all leaves only the raster type
    assertArrayEquals(
        new char[] {1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326},
        ElevationGrid.geoKeys(org.twin4j.core.crs.CrsIdentifier.ofEpsg(4326)));
    assertArrayEquals(new char[] {1, 1, 0, 1, 1025, 0, 1, 1}, ElevationGrid.geoKeys(null));
  }

  /** GDAL's no-data tag (42113), read from the first IFD by hand: the JDK reader skips it. */
  private static String gdalNoData(byte[] tiff) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(tiff);
    b.order(tiff[0] == 'I' ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
    int ifd = b.getInt(4);
    int n = b.getShort(ifd) & 0xFFFF;
    for (int i = 0; i < n; i++) {
      int e = ifd + 2 + 12 * i;
      if ((b.getShort(e) & 0xFFFF) == 42113) {
        int count = b.getInt(e + 4);
        int at = count <= 4 ? e + 8 : b.getInt(e + 8);
        return new String(tiff, at, count - 1, java.nio.charset.StandardCharsets.US_ASCII);
      }
    }
    return "(no GDAL_NODATA tag)";
  }

  @Test
  void dsm_isTheHighestPointPerCell() {
    Random rnd = new Random(10);
    int n = 20_000;
    double[] x = new double[n];
    double[] y = new double[n];
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextDouble() * 20;
      y[i] = rnd.nextDouble() * 10;
      z[i] = rnd.nextDouble() * 100;
    }
    ElevationGrid g = ElevationGrid.dsm(x, y, z, 2.0);
    double[][] expected = new double[g.rows()][g.cols()];
    for (double[] row : expected) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    for (int i = 0; i < n; i++) {
      int c = (int) Math.floor((x[i] - g.minX()) / 2.0);
      int r = g.rows() - 1 - (int) Math.floor((y[i] - g.minY()) / 2.0);
      if (Double.isNaN(expected[r][c]) || expected[r][c] < z[i]) {
        expected[r][c] = z[i];
      }
    }
    for (int r = 0; r < g.rows(); r++) {
      for (int c = 0; c < g.cols(); c++) {
        assertEquals(expected[r][c], g.value(r, c), 0, r + "," + c);
      }
    }
  }
}
