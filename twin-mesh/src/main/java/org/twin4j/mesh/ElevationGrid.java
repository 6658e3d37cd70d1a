// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A gridded elevation model (DTM or DSM): square cells of a given size from a lower-left corner,
 * one height per cell (NaN where there is none), rows stored from north to south as raster formats
 * do. Built from a TIN ({@link #dtm}: the surface's height at each cell centre) or from points
 * ({@link #dsm}: the highest point in each cell), and written as an ESRI ASCII grid (GeoTIFF needs
 * a library that Maven Central serves here at no version: Apache SIS's GeoTIFF store is not).
 *
 * <p>Immutable; 8 bytes per cell.
 *
 * @since 1.0
 */
public final class ElevationGrid {

  private final double minX;
  private final double minY;
  private final double cell;
  private final int cols;
  private final int rows;
  private final double[] values;

  private ElevationGrid(double minX, double minY, double cell, int cols, int rows, double[] v) {
    this.minX = minX;
    this.minY = minY;
    this.cell = cell;
    this.cols = cols;
    this.rows = rows;
    this.values = v;
  }

  private static int[] size(double minX, double minY, double maxX, double maxY, double cell) {
    if (!(cell > 0) || Double.isInfinite(cell)) {
      throw new IllegalArgumentException("cell size " + cell + " is not a positive number");
    }
    long c = (long) Math.floor((maxX - minX) / cell) + 1;
    long r = (long) Math.floor((maxY - minY) / cell) + 1;
    if (c * r > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(c + " x " + r + " cells of " + cell + " are too many");
    }
    return new int[] {(int) c, (int) r};
  }

  /**
   * Samples a TIN at the centre of every cell over its extent.
   *
   * @param tin the terrain
   * @param cell the cell size in CRS units
   * @return the grid; cells whose centre lies outside the TIN's hull are NaN
   */
  public static ElevationGrid dtm(DelaunayTriangulation tin, double cell) {
    double[] xyz = tin.xyz();
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < xyz.length; i += 3) {
      minX = Math.min(minX, xyz[i]);
      maxX = Math.max(maxX, xyz[i]);
      minY = Math.min(minY, xyz[i + 1]);
      maxY = Math.max(maxY, xyz[i + 1]);
    }
    minX = Math.floor(minX / cell) * cell;
    minY = Math.floor(minY / cell) * cell;
    int[] s = size(minX, minY, maxX, maxY, cell);
    double[] v = new double[s[0] * s[1]];
    DelaunayTriangulation.Locator at = tin.locator();
    for (int r = 0; r < s[1]; r++) {
      double y = minY + (s[1] - 1 - r + 0.5) * cell;
      for (int c = 0; c < s[0]; c++) {
        // serpentine rows keep the walk short
        int cc = r % 2 == 0 ? c : s[0] - 1 - c;
        v[r * s[0] + cc] = at.z(minX + (cc + 0.5) * cell, y);
      }
    }
    return new ElevationGrid(minX, minY, cell, s[0], s[1], v);
  }

  /**
   * The highest point in every cell (a digital surface model when given first returns).
   *
   * @param xs x of each point
   * @param ys y of each point
   * @param zs z of each point
   * @param cell the cell size in CRS units
   * @return the grid; cells without a point are NaN
   */
  public static ElevationGrid dsm(double[] xs, double[] ys, double[] zs, double cell) {
    if (xs.length == 0) {
      throw new IllegalArgumentException("no points");
    }
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < xs.length; i++) {
      minX = Math.min(minX, xs[i]);
      maxX = Math.max(maxX, xs[i]);
      minY = Math.min(minY, ys[i]);
      maxY = Math.max(maxY, ys[i]);
    }
    minX = Math.floor(minX / cell) * cell;
    minY = Math.floor(minY / cell) * cell;
    int[] s = size(minX, minY, maxX, maxY, cell);
    double[] v = new double[s[0] * s[1]];
    Arrays.fill(v, Double.NaN);
    for (int i = 0; i < xs.length; i++) {
      int c = (int) ((xs[i] - minX) / cell);
      int r = s[1] - 1 - (int) ((ys[i] - minY) / cell);
      int k = r * s[0] + c;
      if (!(v[k] >= zs[i])) {
        v[k] = zs[i];
      }
    }
    return new ElevationGrid(minX, minY, cell, s[0], s[1], v);
  }

  /**
   * Returns the number of columns.
   *
   * @return the columns (west to east)
   */
  public int cols() {
    return cols;
  }

  /**
   * Returns the number of rows.
   *
   * @return the rows (north to south)
   */
  public int rows() {
    return rows;
  }

  /**
   * Returns the cell size.
   *
   * @return the size in CRS units
   */
  public double cellSize() {
    return cell;
  }

  /**
   * Returns x of the grid's west edge.
   *
   * @return the lower-left corner's x
   */
  public double minX() {
    return minX;
  }

  /**
   * Returns y of the grid's south edge.
   *
   * @return the lower-left corner's y
   */
  public double minY() {
    return minY;
  }

  /**
   * Returns the height of a cell.
   *
   * @param row the row, 0 at the north
   * @param col the column, 0 at the west
   * @return the height, or NaN where there is none
   */
  public double value(int row, int col) {
    return values[row * cols + col];
  }

  /**
   * Writes the grid as an ESRI ASCII grid ({@code .asc}); NaN cells get {@code NODATA_value -9999}.
   * The file appears only when complete.
   *
   * @param target the file
   * @param decimals the decimals of each height (3 keeps millimetres)
   * @throws IOException if writing fails
   */
  public void writeAsciiGrid(Path target, int decimals) throws IOException {
    String format = "%." + decimals + "f";
    MeshFiles.atomically(
        target,
        out -> {
          BufferedWriter w =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16);
          w.write("ncols " + cols + "\n");
          w.write("nrows " + rows + "\n");
          w.write("xllcorner " + minX + "\n");
          w.write("yllcorner " + minY + "\n");
          w.write("cellsize " + cell + "\n");
          w.write("NODATA_value -9999\n");
          StringBuilder line = new StringBuilder();
          for (int r = 0; r < rows; r++) {
            line.setLength(0);
            for (int c = 0; c < cols; c++) {
              double v = values[r * cols + c];
              if (c > 0) {
                line.append(' ');
              }
              line.append(Double.isNaN(v) ? "-9999" : String.format(Locale.ROOT, format, v));
            }
            line.append('\n');
            w.write(line.toString());
          }
          w.flush();
        });
  }
}
