// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.tiles;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.io.SourceLocation;
import org.twin4j.core.io.TwinFormatException;
import org.twin4j.mesh.building.Footprint;

/**
 * Reads and writes building footprints as GeoJSON and OGC GeoPackage.
 *
 * <pre>{@code
 * FootprintSet set = FootprintFiles.read(Path.of("data/footprints/delft_bgt_pand.gpkg"));
 * for (FootprintIssue issue : set.issues()) {
 *   System.out.println(issue); // what was repaired, per id
 * }
 * FootprintFiles.writeGeoJson(Path.of("buildings.geojson"), set.footprints(), set.crs().orElse(null));
 * }</pre>
 *
 * <p><b>Reading.</b> GeoJSON (RFC 7946, and the 2008 form with a {@code crs} member such as {@code
 * urn:ogc:def:crs:EPSG::28992}) is read as a stream, one feature in memory at a time; a file
 * without a {@code crs} member is in WGS 84 longitude/latitude, returned as {@link #CRS84}. A
 * GeoPackage layer takes its CRS from {@code gpkg_spatial_ref_sys}: the EPSG code if the
 * organisation is EPSG (with the WKT definition if there is one), else the WKT. Polygon and
 * MultiPolygon features become footprints; a MultiPolygon of several parts gives one footprint per
 * part, with ids {@code id}, {@code id#2}, {@code id#3}, ... Properties and columns become
 * attributes: strings, integers (64-bit), doubles and booleans; JSON arrays and objects become
 * {@link org.twin4j.core.attribute.ListValue}s and {@link org.twin4j.core.attribute.MapValue}s;
 * nulls are left out. Geometry is repaired as {@link FootprintIssue.Kind} lists, each repair
 * reported per id; when repairing a self-intersection gives several polygons, every one is kept, as
 * the parts of a MultiPolygon are.
 *
 * <p><b>Writing.</b> Both writers write one Polygon feature per footprint, exterior
 * counter-clockwise, attributes as properties or columns, to a temporary file in the target's
 * directory moved into place when complete: a failed write leaves no partial file and an existing
 * target untouched. Reading what was written gives the same footprints (ids, coordinates to the
 * last bit, attributes of one type per name) as long as each footprint's id can be found again:
 * GeoJSON features carry it as their {@code id}; in a GeoPackage, whose feature ids are integers, a
 * footprint that has neither a {@code gml_id} nor an {@code id} attribute gets an {@code id} column
 * holding it. Split parts ({@code id#2}) whose {@code gml_id} is shared come back with the same
 * ids, reported as {@link FootprintIssue.Kind#DUPLICATE_ID}.
 *
 * @since 1.0
 */
public final class FootprintFiles {

  /**
   * WGS 84 longitude/latitude in degrees, the CRS of every RFC 7946 GeoJSON file: EPSG 4326 names
   * its datum and unit, but the axis order is longitude first, whatever EPSG says; {@code text()}
   * is the OGC URN {@code urn:ogc:def:crs:OGC:1.3:CRS84} so that writers can tell.
   */
  public static final CrsIdentifier CRS84 =
      new CrsIdentifier(4326, 0, null, "urn:ogc:def:crs:OGC:1.3:CRS84");

  private static final System.Logger LOG = System.getLogger(FootprintFiles.class.getName());

  private FootprintFiles() {}

  /**
   * Reads a footprint file with the default options.
   *
   * @param file a GeoJSON ({@code .geojson}, {@code .json}) or GeoPackage ({@code .gpkg}) file
   * @return the footprints, their CRS and what was repaired
   * @throws TwinFormatException if the file is neither format or is malformed (its location names
   *     the file and the line, or the feature id)
   * @throws IOException if the file cannot be read
   */
  public static FootprintSet read(Path file) throws IOException {
    return read(file, FootprintOptions.defaults());
  }

  /**
   * Reads a footprint file. The format is taken from the content (an SQLite header means
   * GeoPackage), else from the extension; a file with neither a known extension nor a JSON object
   * at its start is refused.
   *
   * @param file a GeoJSON ({@code .geojson}, {@code .json}) or GeoPackage ({@code .gpkg}) file
   * @param options the id attributes, GeoPackage layer and warning listener
   * @return the footprints, their CRS and what was repaired
   * @throws TwinFormatException if the file is neither format or is malformed (its location names
   *     the file and the line, or the feature id)
   * @throws IOException if the file cannot be read
   */
  public static FootprintSet read(Path file, FootprintOptions options) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    long start = System.nanoTime();
    FootprintSet set =
        isGeoPackage(file)
            ? GeoPackageFootprints.read(file, options)
            : GeoJsonFootprints.read(file, options);
    LOG.log(
        Level.DEBUG,
        () ->
            String.format(
                Locale.ROOT,
                "read %d footprints (%d features, %d skipped, %d issues) from %s in %.1f ms",
                set.footprints().size(),
                set.read(),
                set.skipped(),
                set.issues().size(),
                file,
                (System.nanoTime() - start) / 1e6));
    return set;
  }

  private static boolean isGeoPackage(Path file) throws IOException {
    if (GeoPackageFootprints.hasSqliteHeader(file)) {
      return true;
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".gpkg")) {
      return true; // the reader says why it is not one
    }
    if (name.endsWith(".geojson") || name.endsWith(".json") || startsWithObject(file)) {
      return false;
    }
    throw new TwinFormatException(
        SourceLocation.of(file.toString()),
        "neither GeoJSON (.geojson, .json, a JSON object) nor GeoPackage (.gpkg, an SQLite"
            + " database)");
  }

  /** Whether the first character after white space (and a UTF-8 byte order mark) is '{'. */
  private static boolean startsWithObject(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      int c = in.read();
      if (c == 0xEF && in.read() == 0xBB && in.read() == 0xBF) {
        c = in.read();
      }
      while (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        c = in.read();
      }
      return c == '{';
    }
  }

  /**
   * Writes footprints as an RFC 7946 GeoJSON FeatureCollection, one feature per line: the id as the
   * feature's {@code id}, the attributes as its properties, the polygon with closed rings. Unless
   * the CRS is {@link #CRS84} (or null), it is named in a 2008-style {@code crs} member ({@code
   * urn:ogc:def:crs:EPSG::n}) as GDAL and QGIS read it.
   *
   * @param file the file to create or replace
   * @param footprints the footprints, written in iteration order
   * @param crs the CRS of their coordinates, or null if unknown
   * @throws IOException if writing fails; the target is then untouched
   */
  public static void writeGeoJson(
      Path file, Collection<? extends Footprint> footprints, @Nullable CrsIdentifier crs)
      throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(footprints, "footprints");
    GeoJsonFootprints.write(file, footprints, crs);
  }

  /**
   * Writes footprints as one Polygon layer of a new OGC GeoPackage. Each attribute name becomes a
   * column typed from its values (INTEGER, DOUBLE, BOOLEAN or TEXT; integers and doubles mixed in
   * one column make it DOUBLE, other mixes TEXT; lists, maps and other values as text, lists and
   * maps in JSON). The CRS goes into {@code gpkg_spatial_ref_sys} with its EPSG code and, if it has
   * one, its WKT; a compound or code-less CRS gets srs_id 100000. No spatial index is written.
   *
   * @param file the file to create or replace
   * @param layer the feature table name; not blank, not starting with {@code gpkg_}
   * @param footprints the footprints, written in iteration order
   * @param crs the CRS of their coordinates, or null for the undefined Cartesian CRS
   * @throws IllegalArgumentException if the layer name is not allowed or two attribute names differ
   *     only in case (SQLite column names ignore case)
   * @throws IOException if writing fails; the target is then untouched
   */
  public static void writeGeoPackage(
      Path file,
      String layer,
      Collection<? extends Footprint> footprints,
      @Nullable CrsIdentifier crs)
      throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(footprints, "footprints");
    GeoPackageFootprints.write(file, layer, footprints, crs);
  }
}
