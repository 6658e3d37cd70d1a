// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh;

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
