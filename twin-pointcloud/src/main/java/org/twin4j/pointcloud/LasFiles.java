// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads and writes LAS and LAZ files: the common cases in one call each.
 *
 * <pre>{@code
 * PointCloud cloud = LasFiles.read(Path.of("data/lidar/autzen_trim.laz"));
 * LasFiles.write(cloud, Path.of("autzen.las"), LasWriteOptions.defaults());
 * try (LasReader r = LasFiles.openReader(Path.of("huge.laz"), LasReadOptions.defaults())) {
 *   while (r.hasNext()) {
 *     PointChunk c = r.next(); // 65 536 points at a time
 *   }
 * }
 * }</pre>
 *
 * @since 1.0
 */
public final class LasFiles {

  private LasFiles() {}

  /**
   * Reads a whole LAS or LAZ file with the default options.
   *
   * @param path the file
   * @return the points
   * @throws IOException if the file cannot be read or is broken ({@link
   *     org.twin4j.core.io.TwinFormatException})
   */
  public static PointCloud read(Path path) throws IOException {
    return read(path, LasReadOptions.defaults());
  }

  /**
   * Reads a whole LAS or LAZ file.
   *
   * @param path the file
   * @param options the read options
   * @return the points
   * @throws IOException if the file cannot be read or is broken
   */
  public static PointCloud read(Path path, LasReadOptions options) throws IOException {
    try (LasReader r = LasReader.open(path, options)) {
      return r.readAll();
    }
  }

  /**
   * Opens a file for reading chunk by chunk.
   *
   * @param path the file
   * @param options the read options
   * @return the reader; close it
   * @throws IOException if the file cannot be opened or its header is broken
   */
  public static LasReader openReader(Path path, LasReadOptions options) throws IOException {
    return LasReader.open(path, options);
  }

  /**
   * Writes a cloud to a LAS file, or a LAZ file when the name ends in {@code .laz} (point formats
   * 0–3, see {@link LasWriter}), keeping its header's records and its CRS.
   *
   * @param cloud the points
   * @param target the file
   * @param options the version and format
   * @throws IOException if writing fails (no file is left behind)
   */
  public static void write(PointCloud cloud, Path target, LasWriteOptions options)
      throws IOException {
    Objects.requireNonNull(cloud, "cloud");
    LasWriter w =
        LasWriter.open(
            target, cloud.schema(), cloud.header().orElse(null), cloud.crs().orElse(null), options);
    try {
      w.write(cloud);
    } catch (IOException | RuntimeException e) {
      w.abort();
      throw e;
    }
    w.close();
  }

  /**
   * Tells whether a file name looks like LAS or LAZ.
   *
   * @param path the file
   * @return true for {@code .las} and {@code .laz}, any case
   */
  public static boolean isLas(Path path) {
    String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".las") || n.endsWith(".laz");
  }
}
