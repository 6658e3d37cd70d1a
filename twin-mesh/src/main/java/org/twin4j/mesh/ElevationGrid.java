// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferFloat;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.GeoTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.crs.CrsIdentifier;

/**
 * A gridded elevation model (DTM or DSM): square cells of a given size from a lower-left corner,
 * one height per cell (NaN where there is none), rows stored from north to south as raster formats
 * do. Built from a TIN ({@link #dtm}: the surface's height at each cell centre) or from points
 * ({@link #dsm}: the highest point in each cell), and written as a GeoTIFF (32-bit float, Deflate
 * (zlib), the JDK's own TIFF writer with the GeoTIFF tags added: no GeoTIFF library is served here,
 * Apache SIS's GeoTIFF store included) or as an ESRI ASCII grid.
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

  /** GDAL's no-data tag: the value of empty cells, as text. */
  private static final TIFFTag GDAL_NODATA =
      new TIFFTag("GDAL_NODATA", 42113, 1 << TIFFTag.TIFF_ASCII);

  /**
   * Writes the grid as a GeoTIFF: one band of 32-bit floats (millimetres kept up to heights of
   * about 10 km), Deflate-compressed (TIFF compression 8), empty cells NaN (and GDAL's no-data tag
   * saying so), the georeferencing as GeoTIFF tags (pixel scale, the north-west corner as tie
   * point, area pixels) and the CRS as GeoTIFF keys when it has an EPSG code (horizontal, and
   * vertical for a compound CRS). The file appears only when complete.
   *
   * @param target the file
   * @param crs the CRS of the coordinates, or null; a CRS known only by its WKT is not written
   *     (GeoTIFF keys hold codes), the caller should say so
   * @throws IOException if writing fails
   */
  public void writeGeoTiff(Path target, @Nullable CrsIdentifier crs) throws IOException {
    float[] data = new float[values.length];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) values[i];
    }
    WritableRaster raster =
        Raster.createWritableRaster(
            new PixelInterleavedSampleModel(DataBuffer.TYPE_FLOAT, cols, rows, 1, cols, new int[1]),
            new DataBufferFloat(data, data.length),
            null);
    ColorModel cm =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_GRAY),
            false,
            false,
            Transparency.OPAQUE,
            DataBuffer.TYPE_FLOAT);
    BufferedImage image = new BufferedImage(cm, raster, false, null);
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("tiff");
    if (!writers.hasNext()) {
      throw new IOException(
          "this Java runtime has no TIFF writer (javax.imageio, JDK 9 and later)");
    }
    ImageWriter writer = writers.next();
    try {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionType("ZLib"); // TIFF compression 8, "Adobe Deflate"
      IIOMetadata defaults = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
      TIFFDirectory dir = TIFFDirectory.createFromMetadata(defaults);
      GeoTIFFTagSet geo = GeoTIFFTagSet.getInstance();
      dir.addTIFFField(
          new TIFFField(
              geo.getTag(GeoTIFFTagSet.TAG_MODEL_PIXEL_SCALE),
              TIFFTag.TIFF_DOUBLE,
              3,
              new double[] {cell, cell, 0}));
      dir.addTIFFField(
          new TIFFField(
              geo.getTag(GeoTIFFTagSet.TAG_MODEL_TIE_POINT),
              TIFFTag.TIFF_DOUBLE,
              6,
              new double[] {0, 0, 0, minX, minY + rows * cell, 0}));
      char[] keys = geoKeys(crs);
      dir.addTIFFField(
          new TIFFField(
              geo.getTag(GeoTIFFTagSet.TAG_GEO_KEY_DIRECTORY),
              TIFFTag.TIFF_SHORT,
              keys.length,
              keys));
      dir.addTIFFField(new TIFFField(GDAL_NODATA, TIFFTag.TIFF_ASCII, 1, new String[] {"nan"}));
      IIOMetadata metadata = dir.getAsMetadata();
      MeshFiles.atomically(
          target,
          out -> {
            try (ImageOutputStream io = new MemoryCacheImageOutputStream(out)) {
              writer.setOutput(io);
              writer.write(null, new IIOImage(image, null, metadata), param);
            }
          });
    } finally {
      writer.dispose();
    }
  }

  /**
   * The GeoTIFF key directory (GeoTIFF 1.1 §7): version 1.1.0, then model type, raster type "pixel
   * is area" and, where the CRS has codes, the projected or geographic and the vertical one.
   */
  static char[] geoKeys(@Nullable CrsIdentifier crs) {
    // GeoTIFF key values are 16-bit: a code above 65535 cannot be written
    int h = crs == null || crs.horizontalEpsg() > 0xFFFF ? 0 : crs.horizontalEpsg();
    int v = crs == null || h == 0 || crs.verticalEpsg() > 0xFFFF ? 0 : crs.verticalEpsg();
    boolean geographic = crs != null && crs.isGeographic();
    int n = 1 + (h != 0 ? 2 : 0) + (v != 0 ? 1 : 0);
    char[] k = new char[4 * (n + 1)];
    int p = 0;
    p = key(k, p, 1, 1, 0, n); // KeyDirectoryVersion, KeyRevision, MinorRevision, NumberOfKeys
    if (h != 0) {
      p = key(k, p, 1024, 0, 1, geographic ? 2 : 1); // GTModelTypeGeoKey
    }
    p = key(k, p, 1025, 0, 1, 1); // GTRasterTypeGeoKey: RasterPixelIsArea
    if (h != 0) {
      p = key(k, p, geographic ? 2048 : 3072, 0, 1, h); // GeographicType / ProjectedCSType
    }
    if (v != 0) {
      key(k, p, 4096, 0, 1, v); // VerticalCSTypeGeoKey
    }
    return k;
  }

  private static int key(char[] k, int p, int id, int location, int count, int value) {
    k[p] = (char) id;
    k[p + 1] = (char) location;
    k[p + 2] = (char) count;
    k[p + 3] = (char) value;
    return p + 4;
  }
}
