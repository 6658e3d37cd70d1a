// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.tiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageException;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.geopackage.srs.SpatialReferenceSystemDao;
import mil.nga.geopackage.validate.GeoPackageValidate;
import mil.nga.sf.Geometry;
import mil.nga.sf.GeometryType;
import mil.nga.sf.LineString;
import mil.nga.sf.MultiPolygon;
import mil.nga.sf.Point;
import mil.nga.sf.util.SFException;
import mil.nga.sf.wkb.GeometryReader;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.attribute.AttributeValue;
import org.twin4j.core.attribute.Attributes;
import org.twin4j.core.attribute.BooleanValue;
import org.twin4j.core.attribute.DoubleValue;
import org.twin4j.core.attribute.IntegerValue;
import org.twin4j.core.attribute.ListValue;
import org.twin4j.core.attribute.MapValue;
import org.twin4j.core.attribute.NullValue;
import org.twin4j.core.attribute.StringValue;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.geom.Polygon;
import org.twin4j.core.io.SourceLocation;
import org.twin4j.core.io.TwinFormatException;
import org.twin4j.mesh.building.Footprint;

/** OGC GeoPackage footprints, read and written through the NGA GeoPackage library. */
final class GeoPackageFootprints {

  /** The first 16 bytes of every SQLite 3 database. */
  static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  /** srs_id for a CRS without a single EPSG code; GDAL starts its own ids at 100000 too. */
  private static final int CUSTOM_SRS_ID = 100000;

  private GeoPackageFootprints() {}

  static boolean hasSqliteHeader(Path file) throws IOException {
    byte[] head = new byte[SQLITE_HEADER.length];
    int n = 0;
    try (InputStream in = Files.newInputStream(file)) {
      while (n < head.length) {
        int r = in.read(head, n, head.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
    }
    return n == head.length && Arrays.equals(head, SQLITE_HEADER);
  }

  static FootprintSet read(Path file, FootprintOptions options) throws IOException {
    String source = file.toString();
    if (!hasSqliteHeader(file)) {
      throw new TwinFormatException(
          SourceLocation.of(source),
          "not a GeoPackage: the file is not an SQLite database (it does not start with"
              + " 'SQLite format 3')");
    }
    GeoPackage gp;
    try {
      gp = GeoPackageManager.open(file.getFileName().toString(), false, file.toFile(), false);
    } catch (GeoPackageException e) {
      throw new TwinFormatException(
          SourceLocation.of(source), "cannot open as a GeoPackage: " + e.getMessage(), e);
    }
    try {
      if (!GeoPackageValidate.hasMinimumTables(gp)) {
        throw new TwinFormatException(
            SourceLocation.of(source),
            "an SQLite database but not a GeoPackage: it has no gpkg_spatial_ref_sys or"
                + " gpkg_contents table");
      }
      // Plain SQL rather than the library's FeatureDao, which needs a proj4j projection for the
      // layer's CRS and fails for compound (EPSG:7415) and custom ones we only want to name.
      Connection db = gp.getConnection().getConnection();
      Layer layer = layer(db, gp.getFeatureTables(), options.layer(), source);
      FootprintCollector collector = new FootprintCollector(options);
      CrsIdentifier crs = crs(db, layer, collector, SourceLocation.of(source));
      List<String> columns = new ArrayList<>();
      List<Boolean> booleans = new ArrayList<>();
      String pk = null;
      try (PreparedStatement info =
              db.prepareStatement("PRAGMA table_info(" + quote(layer.table) + ")");
          ResultSet rs = info.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString("name");
          String type = rs.getString("type");
          type = type == null ? "" : type.toUpperCase(Locale.ROOT);
          if (rs.getInt("pk") == 1 && pk == null) {
            pk = name;
          } else if (!name.equalsIgnoreCase(layer.geometryColumn)) {
            if (type.equals("BLOB")) {
              collector.warning(
                  "skipped column",
                  "column '" + name + "' of layer '" + layer.table + "' holds BLOBs; not read",
                  SourceLocation.of(source));
              continue;
            }
            columns.add(name);
            booleans.add(type.equals("BOOLEAN"));
          }
        }
      }
      try (PreparedStatement select = db.prepareStatement("SELECT * FROM " + quote(layer.table));
          ResultSet rs = select.executeQuery()) {
        int position = 0;
        while (rs.next()) {
          position++;
          long fid = pk == null ? position : rs.getLong(pk);
          Attributes.Builder attributes = Attributes.builder();
          for (int c = 0; c < columns.size(); c++) {
            Object value = rs.getObject(columns.get(c));
            if (value instanceof byte[]) {
              collector.warning(
                  "skipped attribute",
                  "column '" + columns.get(c) + "' of fid " + fid + " holds a BLOB; not read",
                  SourceLocation.atObject(source, Long.toString(fid)));
              continue;
            }
            AttributeValue v = attribute(value, booleans.get(c));
            if (v != null) {
              attributes.put(columns.get(c), v);
            }
          }
          collector.add(
              feature(
                  rs.getBytes(layer.geometryColumn),
                  fid,
                  position,
                  attributes.build(),
                  layer.table,
                  source));
        }
      }
      return collector.finish(crs);
    } catch (SQLException | GeoPackageException e) {
      throw new TwinFormatException(
          SourceLocation.of(source), "cannot read the GeoPackage: " + e.getMessage(), e);
    } finally {
      gp.close();
    }
  }

  /** A feature table and what gpkg_geometry_columns says of it. */
  private static final class Layer {
    final String table;
    final String geometryColumn;
    final String geometryType;
    final long srsId;

    Layer(String table, String geometryColumn, String geometryType, long srsId) {
      this.table = table;
      this.geometryColumn = geometryColumn;
      this.geometryType = geometryType;
      this.srsId = srsId;
    }
  }

  private static Layer layer(
      Connection db, List<String> tables, @Nullable String wanted, String source)
      throws SQLException, TwinFormatException {
    Map<String, Layer> layers = new LinkedHashMap<>();
    try (PreparedStatement s =
            db.prepareStatement(
                "SELECT table_name, column_name, geometry_type_name, srs_id"
                    + " FROM gpkg_geometry_columns");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        Layer l =
            new Layer(
                rs.getString(1),
                rs.getString(2),
                String.valueOf(rs.getString(3)).toUpperCase(Locale.ROOT),
                rs.getLong(4));
        layers.put(l.table, l);
      }
    }
    if (wanted != null) {
      Layer l = layers.get(wanted);
      if (l == null || !tables.contains(wanted)) {
        throw new TwinFormatException(
            SourceLocation.of(source),
            "no feature table '" + wanted + "'; the feature tables are " + tables);
      }
      return l;
    }
    Layer generic = null;
    for (String t : tables) {
      Layer l = layers.get(t);
      if (l == null) {
        continue;
      }
      if (l.geometryType.equals("POLYGON") || l.geometryType.equals("MULTIPOLYGON")) {
        return l;
      }
      if (l.geometryType.equals("GEOMETRY") && generic == null) {
        generic = l;
      }
    }
    if (generic != null) {
      return generic;
    }
    throw new TwinFormatException(
        SourceLocation.of(source),
        "no feature table with Polygon or MultiPolygon geometry; the feature tables are " + tables);
  }

  private static @Nullable CrsIdentifier crs(
      Connection db, Layer layer, FootprintCollector collector, SourceLocation at)
      throws SQLException {
    try (PreparedStatement s =
        db.prepareStatement(
            "SELECT srs_name, organization, organization_coordsys_id, definition"
                + " FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
      s.setLong(1, layer.srsId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          collector.warning(
              "unknown CRS",
              "layer '"
                  + layer.table
                  + "' names srs_id "
                  + layer.srsId
                  + ", which gpkg_spatial_ref_sys does not hold",
              at);
          return null;
        }
        return crs(
            layer, rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), collector, at);
      }
    }
  }

  private static @Nullable CrsIdentifier crs(
      Layer layer,
      @Nullable String name,
      @Nullable String organization,
      long code,
      @Nullable String definition,
      FootprintCollector collector,
      SourceLocation at) {
    String wkt = wktOrNull(definition);
    if ("EPSG".equalsIgnoreCase(organization) && code > 0 && code <= Integer.MAX_VALUE) {
      return new CrsIdentifier((int) code, 0, wkt, "EPSG:" + code);
    }
    if (wkt != null) {
      return CrsIdentifier.ofWkt(wkt);
    }
    try {
      // what this writer puts in srs_name for a compound CRS without WKT: EPSG:h+v
      return CrsIdentifier.parse(String.valueOf(name));
    } catch (IllegalArgumentException e) {
      collector.warning(
          "unknown CRS",
          "layer '"
              + layer.table
              + "' has "
              + (layer.srsId <= 0 ? "an undefined" : "an unrecognised")
              + " CRS (srs_id "
              + layer.srsId
              + ", "
              + organization
              + " "
              + code
              + ")",
          at);
      return null;
    }
  }

  private static @Nullable String wktOrNull(@Nullable String definition) {
    if (definition == null) {
      return null;
    }
    try {
      return CrsIdentifier.ofWkt(definition).wkt();
    } catch (IllegalArgumentException e) {
      return null; // "undefined" or another non-WKT definition
    }
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static RawFeature feature(
      byte @Nullable [] blob,
      long fid,
      int position,
      Attributes attributes,
      String layer,
      String source)
      throws TwinFormatException {
    String type;
    List<double[][]> parts;
    try {
      Geometry g = blob == null ? null : geometry(blob);
      if (blob == null) {
        type = null;
        parts = null;
      } else if (g == null) {
        type = "Geometry";
        parts = List.of();
      } else if (g instanceof mil.nga.sf.Polygon) {
        type = "Polygon";
        double[][] rings = rings((mil.nga.sf.Polygon) g);
        parts = rings.length == 0 ? List.of() : Collections.singletonList(rings);
      } else if (g instanceof MultiPolygon) {
        type = "MultiPolygon";
        parts = new ArrayList<>();
        for (mil.nga.sf.Polygon p : ((MultiPolygon) g).getPolygons()) {
          double[][] rings = rings(p);
          if (rings.length > 0) {
            parts.add(rings);
          }
        }
      } else {
        type = g.getGeometryType().name();
        parts = null;
      }
    } catch (GeoPackageException | SFException | IOException e) {
      throw new TwinFormatException(
          SourceLocation.atObject(source, Long.toString(fid)),
          "feature fid "
              + fid
              + " of layer '"
              + layer
              + "': unreadable geometry: "
              + e.getMessage(),
          e);
    }
    return new RawFeature(
        position, Long.toString(fid), attributes, type, parts, SourceLocation.of(source));
  }

  /**
   * Decodes a GeoPackage geometry blob: the header through the library, the WKB without its default
   * filter, which silently drops points with a NaN or infinite coordinate (we report them).
   *
   * @return the geometry, or null if the blob says it is empty
   */
  private static @Nullable Geometry geometry(byte[] blob) throws IOException {
    GeoPackageGeometryData header = GeoPackageGeometryData.create(blob);
    if (header.isEmpty()) {
      return null;
    }
    int wkb = header.getWkbGeometryIndex();
    return GeometryReader.readGeometry(Arrays.copyOfRange(blob, wkb, blob.length));
  }

  private static double[][] rings(mil.nga.sf.Polygon p) {
    List<LineString> rings = p.getRings();
    double[][] out = new double[rings.size()][];
    for (int r = 0; r < out.length; r++) {
      List<Point> points = rings.get(r).getPoints();
      double[] xy = new double[2 * points.size()];
      for (int i = 0; i < points.size(); i++) {
        xy[2 * i] = points.get(i).getX();
        xy[2 * i + 1] = points.get(i).getY();
      }
      out[r] = xy;
    }
    return out;
  }

  /** A column value as an attribute, or null for SQL NULL; BOOLEAN columns hold 0 and 1. */
  private static @Nullable AttributeValue attribute(@Nullable Object v, boolean isBoolean) {
    if (v == null) {
      return null;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      long n = ((Number) v).longValue();
      return isBoolean ? AttributeValue.of(n != 0) : new IntegerValue(n);
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isNaN(d) ? null : new DoubleValue(d);
    }
    if (v instanceof Boolean) {
      return AttributeValue.of((Boolean) v);
    }
    return new StringValue(v.toString());
  }

  /** The SQL column type an attribute is written as. */
  private enum ColumnType {
    INTEGER(GeoPackageDataType.INTEGER),
    DOUBLE(GeoPackageDataType.DOUBLE),
    BOOLEAN(GeoPackageDataType.BOOLEAN),
    TEXT(GeoPackageDataType.TEXT);

    final GeoPackageDataType sql;

    ColumnType(GeoPackageDataType sql) {
      this.sql = sql;
    }

    static @Nullable ColumnType of(AttributeValue v) {
      if (v instanceof NullValue) {
        return null;
      }
      if (v instanceof IntegerValue) {
        return INTEGER;
      }
      if (v instanceof DoubleValue) {
        return DOUBLE;
      }
      if (v instanceof BooleanValue) {
        return BOOLEAN;
      }
      return TEXT;
    }

    /** The type of a column holding values of both types: integers widen to doubles. */
    ColumnType merge(ColumnType other) {
      if (this == other) {
        return this;
      }
      if ((this == INTEGER && other == DOUBLE) || (this == DOUBLE && other == INTEGER)) {
        return DOUBLE;
      }
      return TEXT;
    }
  }

  /** Whether a footprint carries none of the attributes a reader takes ids from by default. */
  private static boolean lacksIdAttribute(Footprint f) {
    for (String a : FootprintOptions.DEFAULT_ID_ATTRIBUTES) {
      AttributeValue v = f.attributes().get(a);
      if (v != null && !(v instanceof NullValue)) {
        return false;
      }
    }
    return true;
  }

  static void write(
      Path file,
      String layer,
      Collection<? extends Footprint> footprints,
      @Nullable CrsIdentifier crs)
      throws IOException {
    if (layer.isBlank() || layer.toLowerCase(Locale.ROOT).startsWith("gpkg_")) {
      throw new IllegalArgumentException(
          "layer name '" + layer + "' is blank or starts with the reserved prefix gpkg_");
    }
    // first pass: the columns and their types, the bounds
    Map<String, ColumnType> columns = new LinkedHashMap<>();
    Map<String, String> lowerCase = new HashMap<>();
    double[] bounds = {
      Double.POSITIVE_INFINITY,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    for (Footprint f : footprints) {
      Attributes a = f.attributes();
      for (int i = 0; i < a.size(); i++) {
        column(columns, lowerCase, a.name(i), ColumnType.of(a.value(i)));
      }
      if (lacksIdAttribute(f)) {
        column(columns, lowerCase, "id", ColumnType.TEXT);
      }
      Polygon p = f.polygon();
      for (int i = 0; i < p.ringSize(0); i++) {
        bounds[0] = Math.min(bounds[0], p.x(0, i));
        bounds[1] = Math.min(bounds[1], p.y(0, i));
        bounds[2] = Math.max(bounds[2], p.x(0, i));
        bounds[3] = Math.max(bounds[3], p.y(0, i));
      }
    }
    String pk = freeName("fid", lowerCase);
    String geometry = freeName("geom", lowerCase);
    BoundingBox box =
        bounds[0] <= bounds[2] ? new BoundingBox(bounds[0], bounds[1], bounds[2], bounds[3]) : null;
    FootprintOutput.write(
        file,
        ".gpkg",
        temp -> {
          // the library creates the database itself and refuses an existing file
          Files.delete(temp);
          try {
            GeoPackageManager.create(temp.toFile());
            GeoPackage gp = GeoPackageManager.open(temp.toFile());
            try {
              long srsId = srs(gp, crs).getSrsId();
              GeometryColumns gc = new GeometryColumns();
              gc.setId(new TableColumnKey(layer, geometry));
              gc.setGeometryType(GeometryType.POLYGON);
              gc.setZ((byte) 0);
              gc.setM((byte) 0);
              gc.setSrsId(srsId);
              List<FeatureColumn> featureColumns = new ArrayList<>();
              for (Map.Entry<String, ColumnType> e : columns.entrySet()) {
                ColumnType t = e.getValue() == null ? ColumnType.TEXT : e.getValue();
                e.setValue(t);
                featureColumns.add(FeatureColumn.createColumn(e.getKey(), t.sql));
              }
              gp.createFeatureTable(FeatureTableMetadata.create(gc, pk, featureColumns, box));
              rows(gp, layer, geometry, srsId, footprints, columns);
            } finally {
              gp.close();
            }
          } catch (GeoPackageException | SQLException e) {
            throw new IOException("cannot write GeoPackage " + file + ": " + e.getMessage(), e);
          }
        });
  }

  /**
   * Inserts the rows with plain SQL: the library's FeatureDao would need a proj4j projection for
   * the CRS, which compound and custom ones do not have.
   */
  private static void rows(
      GeoPackage gp,
      String layer,
      String geometry,
      long srsId,
      Collection<? extends Footprint> footprints,
      Map<String, ColumnType> columns)
      throws SQLException, IOException {
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(quote(layer)).append(" (");
    sql.append(quote(geometry));
    for (String c : columns.keySet()) {
      sql.append(", ").append(quote(c));
    }
    sql.append(") VALUES (?").append(", ?".repeat(columns.size())).append(')');
    boolean done = false;
    gp.beginTransaction();
    try (PreparedStatement insert =
        gp.getConnection().getConnection().prepareStatement(sql.toString())) {
      for (Footprint f : footprints) {
        insert.setBytes(1, GeoPackageGeometryData.bytesAndBuildEnvelope(srsId, toSf(f.polygon())));
        boolean lacksId = lacksIdAttribute(f);
        int i = 2;
        for (Map.Entry<String, ColumnType> c : columns.entrySet()) {
          AttributeValue v = f.attributes().get(c.getKey());
          if (v == null && lacksId && c.getKey().equals("id")) {
            v = new StringValue(f.id());
          }
          bind(insert, i++, v, c.getValue());
        }
        insert.executeUpdate();
      }
      done = true;
    } finally {
      gp.endTransaction(done);
    }
  }

  private static void bind(PreparedStatement s, int i, @Nullable AttributeValue v, ColumnType type)
      throws SQLException {
    if (v == null || v instanceof NullValue) {
      s.setNull(i, Types.NULL);
      return;
    }
    switch (type) {
      case INTEGER:
        s.setLong(i, ((IntegerValue) v).value());
        break;
      case DOUBLE:
        s.setDouble(
            i,
            v instanceof IntegerValue
                ? (double) ((IntegerValue) v).value()
                : ((DoubleValue) v).value());
        break;
      case BOOLEAN:
        s.setInt(i, ((BooleanValue) v).value() ? 1 : 0);
        break;
      default:
        s.setString(
            i,
            v instanceof ListValue || v instanceof MapValue
                ? GeoJsonFootprints.toJson(v)
                : v.asText());
    }
  }

  private static void column(
      Map<String, ColumnType> columns,
      Map<String, String> lowerCase,
      String name,
      @Nullable ColumnType type) {
    String lower = name.toLowerCase(Locale.ROOT);
    String seen = lowerCase.putIfAbsent(lower, name);
    if (seen != null && !seen.equals(name)) {
      throw new IllegalArgumentException(
          "attribute names '"
              + seen
              + "' and '"
              + name
              + "' differ only in case; GeoPackage (SQLite) column names cannot");
    }
    if (type == null) {
      columns.putIfAbsent(name, null);
    } else {
      ColumnType old = columns.get(name);
      columns.put(name, old == null ? type : old.merge(type));
    }
  }

  private static String freeName(String name, Map<String, String> lowerCase) {
    String candidate = name;
    for (int k = 1; lowerCase.containsKey(candidate); k++) {
      candidate = name + "_" + k;
    }
    return candidate;
  }

  private static mil.nga.sf.Polygon toSf(Polygon p) {
    mil.nga.sf.Polygon out = new mil.nga.sf.Polygon();
    for (int r = 0; r < p.ringCount(); r++) {
      LineString ring = new LineString();
      int n = p.ringSize(r);
      for (int i = 0; i <= n; i++) {
        ring.addPoint(new Point(p.x(r, i % n), p.y(r, i % n)));
      }
      out.addRing(ring);
    }
    return out;
  }

  /** The spatial reference system row for a CRS, created unless the GeoPackage has it. */
  private static SpatialReferenceSystem srs(GeoPackage gp, @Nullable CrsIdentifier crs)
      throws SQLException {
    SpatialReferenceSystemDao dao = gp.getSpatialReferenceSystemDao();
    if (crs == null) {
      return dao.queryForId(-1L); // "Undefined Cartesian SRS", in every GeoPackage
    }
    SpatialReferenceSystem srs = new SpatialReferenceSystem();
    if (crs.horizontalEpsg() > 0 && !crs.isCompound()) {
      SpatialReferenceSystem existing =
          dao.queryForOrganizationCoordsysId("EPSG", crs.horizontalEpsg());
      if (existing != null) {
        return existing;
      }
      srs.setSrsId(crs.horizontalEpsg());
      srs.setSrsName("EPSG:" + crs.horizontalEpsg());
      srs.setOrganization("EPSG");
      srs.setOrganizationCoordsysId(crs.horizontalEpsg());
    } else {
      srs.setSrsId(CUSTOM_SRS_ID);
      srs.setSrsName(crs.epsgCode().orElse(crs.text()));
      srs.setOrganization("NONE");
      srs.setOrganizationCoordsysId(CUSTOM_SRS_ID);
    }
    String wkt = crs.wkt();
    srs.setDefinition(wkt == null ? "undefined" : wkt);
    srs.setDescription(crs.text());
    dao.create(srs);
    return srs;
  }
}
