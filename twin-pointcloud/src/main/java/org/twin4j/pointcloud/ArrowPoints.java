// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.io.AtomicFiles;
import org.twin4j.core.io.SourceLocation;
import org.twin4j.core.io.TwinFormatException;

/**
 * Point clouds as Apache Arrow: a {@link VectorSchemaRoot} in memory and Arrow IPC files on disk,
 * which pyarrow ({@code pyarrow.ipc.open_file(pyarrow.memory_map(path))}), R's arrow package,
 * DuckDB and Polars read without copying.
 *
 * <p>The layout, one column per dimension (the LAS names, in snake case):
 *
 * <table>
 *   <caption>Arrow columns of a point cloud</caption>
 *   <tr><th>column</th><th>Arrow type</th><th>meaning</th></tr>
 *   <tr><td>x, y, z</td><td>float64</td><td>coordinates in CRS units (scale and offset
 *   applied)</td></tr>
 *   <tr><td>intensity</td><td>uint16</td><td></td></tr>
 *   <tr><td>return_number, number_of_returns</td><td>uint8</td><td></td></tr>
 *   <tr><td>classification</td><td>uint8</td><td>the class, without flag bits</td></tr>
 *   <tr><td>classification_flags</td><td>uint8</td><td>synthetic 1, key-point 2, withheld 4,
 *   overlap 8</td></tr>
 *   <tr><td>scanner_channel</td><td>uint8</td><td>0–3</td></tr>
 *   <tr><td>scan_direction_flag, edge_of_flight_line</td><td>bool</td><td></td></tr>
 *   <tr><td>scan_angle</td><td>float32</td><td>degrees</td></tr>
 *   <tr><td>user_data</td><td>uint8</td><td></td></tr>
 *   <tr><td>point_source_id</td><td>uint16</td><td></td></tr>
 *   <tr><td>gps_time</td><td>float64</td><td>formats with GPS time only</td></tr>
 *   <tr><td>red, green, blue</td><td>uint16</td><td>formats with colour only</td></tr>
 *   <tr><td>nir</td><td>uint16</td><td>formats 8 and 10 only</td></tr>
 *   <tr><td>extra_bytes</td><td>fixed_size_binary(n)</td><td>the raw extra bytes, if any</td></tr>
 *   <tr><td><i>name</i> of each extra dimension</td><td>float64</td><td>its value, scaled
 *   ({@code extra_}<i>name</i> when the name is one of the columns above)</td></tr>
 * </table>
 *
 * <p>Schema metadata: {@code twin4j:crs} (the CRS as EPSG code or WKT, absent if unknown), {@code
 * twin4j:point_format}, {@code twin4j:scale} and {@code twin4j:offset} (three numbers each, x y z:
 * the quantization the coordinates came with, so that a file read back gives the same integers),
 * and {@code twin4j:extra_dimensions} (one line per dimension: name, type, byte offset, size,
 * scale, offset, description, tab-separated). An IPC file holds one record batch per chunk. A cloud
 * read with some dimensions only ({@link PointCloud#dimensions()}) has no columns for the others;
 * reading such a file back gives 0 in them, as for any column a file lacks.
 *
 * <p>Arrow on Java 17 needs {@code --add-opens=java.base/java.nio=ALL-UNNAMED} on the JVM.
 *
 * @since 1.0
 */
public final class ArrowPoints {

  private static final String CRS = "twin4j:crs";
  private static final String FORMAT = "twin4j:point_format";
  private static final String SCALE = "twin4j:scale";
  private static final String OFFSET = "twin4j:offset";
  private static final String EXTRA = "twin4j:extra_dimensions";

  private ArrowPoints() {}

  /**
   * Returns the Arrow schema of a cloud's columns and metadata.
   *
   * @param schema the point schema
   * @param crs the CRS, or null
   * @return the Arrow schema
   */
  public static Schema arrowSchema(
      PointSchema schema, @org.jspecify.annotations.Nullable CrsIdentifier crs) {
    return arrowSchema(schema, crs, PointDimension.all());
  }

  /**
   * Returns the Arrow schema of the columns of a cloud that holds some dimensions only ({@link
   * PointCloud#dimensions()}): the columns of the others are left out.
   *
   * @param schema the point schema
   * @param crs the CRS, or null
   * @param keep the dimensions besides x, y and z that get columns
   * @return the Arrow schema
   */
  public static Schema arrowSchema(
      PointSchema schema,
      @org.jspecify.annotations.Nullable CrsIdentifier crs,
      Set<PointDimension> keep) {
    List<Field> f = new ArrayList<>();
    ArrowType f64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    ArrowType f32 = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
    ArrowType u8 = new ArrowType.Int(8, false);
    ArrowType u16 = new ArrowType.Int(16, false);
    f.add(field("x", f64));
    f.add(field("y", f64));
    f.add(field("z", f64));
    if (keep.contains(PointDimension.INTENSITY)) {
      f.add(field("intensity", u16));
    }
    if (keep.contains(PointDimension.RETURNS)) {
      f.add(field("return_number", u8));
      f.add(field("number_of_returns", u8));
    }
    if (keep.contains(PointDimension.CLASSIFICATION)) {
      f.add(field("classification", u8));
    }
    if (keep.contains(PointDimension.FLAGS)) {
      f.add(field("classification_flags", u8));
      f.add(field("scanner_channel", u8));
      f.add(field("scan_direction_flag", ArrowType.Bool.INSTANCE));
      f.add(field("edge_of_flight_line", ArrowType.Bool.INSTANCE));
    }
    if (keep.contains(PointDimension.SCAN_ANGLE)) {
      f.add(field("scan_angle", f32));
    }
    if (keep.contains(PointDimension.USER_DATA)) {
      f.add(field("user_data", u8));
    }
    if (keep.contains(PointDimension.POINT_SOURCE_ID)) {
      f.add(field("point_source_id", u16));
    }
    if (schema.hasGpsTime() && keep.contains(PointDimension.GPS_TIME)) {
      f.add(field("gps_time", f64));
    }
    if (schema.hasRgb() && keep.contains(PointDimension.RGB)) {
      f.add(field("red", u16));
      f.add(field("green", u16));
      f.add(field("blue", u16));
    }
    if (schema.hasNir() && keep.contains(PointDimension.NIR)) {
      f.add(field("nir", u16));
    }
    if (schema.extraBytes() > 0 && keep.contains(PointDimension.EXTRA_BYTES)) {
      f.add(field("extra_bytes", new ArrowType.FixedSizeBinary(schema.extraBytes())));
      for (ExtraDimension d : schema.extraDimensions()) {
        if (d.type() != ExtraDimension.Type.BYTES) {
          f.add(field(extraColumn(d), f64));
        }
      }
    }
    Map<String, String> meta = new HashMap<>();
    if (crs != null) {
      meta.put(CRS, crs.wkt() != null ? crs.wkt() : crs.text());
    }
    meta.put(FORMAT, Integer.toString(schema.pointFormat()));
    meta.put(SCALE, schema.scaleX() + " " + schema.scaleY() + " " + schema.scaleZ());
    meta.put(OFFSET, schema.offsetX() + " " + schema.offsetY() + " " + schema.offsetZ());
    StringBuilder sb = new StringBuilder();
    for (ExtraDimension d : schema.extraDimensions()) {
      sb.append(d.name().replace('\t', ' '))
          .append('\t')
          .append(d.type())
          .append('\t')
          .append(d.byteOffset())
          .append('\t')
          .append(d.byteSize())
          .append('\t')
          .append(d.scale())
          .append('\t')
          .append(d.offset())
          .append('\t')
          .append(d.description().replace('\t', ' ').replace('\n', ' '))
          .append('\n');
    }
    meta.put(EXTRA, sb.toString());
    return new Schema(f, meta);
  }

  /**
   * The standard columns after x, y and z, in schema order ({@link Columns} reads them by these
   * indices).
   */
  private static final String[] ATTRIBUTE_COLUMNS = {
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
    "extra_bytes"
  };

  /** The columns every cloud may have, which an extra dimension's column must not take. */
  private static final Set<String> STANDARD_COLUMNS = standardColumns();

  private static Set<String> standardColumns() {
    Set<String> s = new java.util.HashSet<>(List.of("x", "y", "z"));
    s.addAll(List.of(ATTRIBUTE_COLUMNS));
    return Set.copyOf(s);
  }

  /** An extra dimension's column: its name, or {@code extra_} and its name if that is taken. */
  private static String extraColumn(ExtraDimension d) {
    return STANDARD_COLUMNS.contains(d.name()) ? "extra_" + d.name() : d.name();
  }

  private static Field field(String name, ArrowType type) {
    return new Field(name, FieldType.notNullable(type), null);
  }

  /**
   * Copies a whole cloud into Arrow vectors. The caller owns the result: close it (and then the
   * allocator).
   *
   * @param cloud the points, fewer than 2^31
   * @param allocator where the vectors' memory comes from
   * @return a root with {@link PointCloud#size()} rows
   */
  public static VectorSchemaRoot toArrow(PointCloud cloud, BufferAllocator allocator) {
    Objects.requireNonNull(allocator, "allocator");
    int n = Math.toIntExact(cloud.size());
    VectorSchemaRoot root =
        VectorSchemaRoot.create(
            arrowSchema(cloud.schema(), cloud.crs().orElse(null), cloud.dimensions()), allocator);
    allocate(root, n);
    int at = 0;
    for (PointChunk c : cloud.chunks()) {
      fill(root, c, at);
      at += c.size();
    }
    root.setRowCount(n);
    return root;
  }

  private static void allocate(VectorSchemaRoot root, int n) {
    for (FieldVector v : root.getFieldVectors()) {
      v.setInitialCapacity(n);
      v.allocateNew();
    }
  }

  /**
   * Whether a chunk holds a dimension, so that its columns exist (the test is on the dimension, not
   * on a column's name: an extra dimension may be called like a column the format lacks).
   */
  private static boolean has(PointChunk c, PointDimension d) {
    return c.dimensions.contains(d);
  }

  private static void fill(VectorSchemaRoot root, PointChunk c, int at) {
    int n = c.size();
    Float8Vector x = (Float8Vector) root.getVector("x");
    Float8Vector y = (Float8Vector) root.getVector("y");
    Float8Vector z = (Float8Vector) root.getVector("z");
    for (int i = 0; i < n; i++) {
      x.set(at + i, c.x(i));
      y.set(at + i, c.y(i));
      z.set(at + i, c.z(i));
    }
    // the columns of dimensions the chunk does not hold are absent
    if (has(c, PointDimension.INTENSITY)) {
      UInt2Vector intensity = (UInt2Vector) root.getVector("intensity");
      for (int i = 0; i < n; i++) {
        intensity.set(at + i, c.intensity[i]);
      }
    }
    if (has(c, PointDimension.RETURNS)) {
      UInt1Vector rn = (UInt1Vector) root.getVector("return_number");
      UInt1Vector nr = (UInt1Vector) root.getVector("number_of_returns");
      for (int i = 0; i < n; i++) {
        rn.set(at + i, c.returnNumber(i));
        nr.set(at + i, c.numberOfReturns(i));
      }
    }
    if (has(c, PointDimension.CLASSIFICATION)) {
      UInt1Vector cls = (UInt1Vector) root.getVector("classification");
      for (int i = 0; i < n; i++) {
        cls.set(at + i, c.classification(i));
      }
    }
    if (has(c, PointDimension.FLAGS)) {
      UInt1Vector flags = (UInt1Vector) root.getVector("classification_flags");
      UInt1Vector channel = (UInt1Vector) root.getVector("scanner_channel");
      BitVector dir = (BitVector) root.getVector("scan_direction_flag");
      BitVector edge = (BitVector) root.getVector("edge_of_flight_line");
      for (int i = 0; i < n; i++) {
        flags.set(at + i, c.classificationFlags(i));
        channel.set(at + i, c.scannerChannel(i));
        dir.set(at + i, c.scanDirection(i) ? 1 : 0);
        edge.set(at + i, c.edgeOfFlightLine(i) ? 1 : 0);
      }
    }
    if (has(c, PointDimension.SCAN_ANGLE)) {
      Float4Vector angle = (Float4Vector) root.getVector("scan_angle");
      for (int i = 0; i < n; i++) {
        angle.set(at + i, (float) c.scanAngleDegrees(i));
      }
    }
    if (has(c, PointDimension.USER_DATA)) {
      UInt1Vector user = (UInt1Vector) root.getVector("user_data");
      for (int i = 0; i < n; i++) {
        user.set(at + i, c.userData(i));
      }
    }
    if (has(c, PointDimension.POINT_SOURCE_ID)) {
      UInt2Vector source = (UInt2Vector) root.getVector("point_source_id");
      for (int i = 0; i < n; i++) {
        source.set(at + i, c.pointSourceId[i]);
      }
    }
    PointSchema s = c.schema;
    if (s.hasGpsTime() && has(c, PointDimension.GPS_TIME)) {
      Float8Vector t = (Float8Vector) root.getVector("gps_time");
      for (int i = 0; i < n; i++) {
        t.set(at + i, c.gpsTime[i]);
      }
    }
    if (s.hasRgb() && has(c, PointDimension.RGB)) {
      UInt2Vector r = (UInt2Vector) root.getVector("red");
      UInt2Vector g = (UInt2Vector) root.getVector("green");
      UInt2Vector b = (UInt2Vector) root.getVector("blue");
      for (int i = 0; i < n; i++) {
        r.set(at + i, c.red[i]);
        g.set(at + i, c.green[i]);
        b.set(at + i, c.blue[i]);
      }
    }
    if (s.hasNir() && has(c, PointDimension.NIR)) {
      UInt2Vector v = (UInt2Vector) root.getVector("nir");
      for (int i = 0; i < n; i++) {
        v.set(at + i, c.nir[i]);
      }
    }
    if (s.extraBytes() > 0 && has(c, PointDimension.EXTRA_BYTES)) {
      FixedSizeBinaryVector e = (FixedSizeBinaryVector) root.getVector("extra_bytes");
      for (int i = 0; i < n; i++) {
        e.set(at + i, c.extraBytes(i));
      }
      List<ExtraDimension> dims = s.extraDimensions();
      for (int d = 0; d < dims.size(); d++) {
        if (dims.get(d).type() == ExtraDimension.Type.BYTES) {
          continue;
        }
        Float8Vector v = (Float8Vector) root.getVector(extraColumn(dims.get(d)));
        for (int i = 0; i < n; i++) {
          v.set(at + i, c.extra(d, i));
        }
      }
    }
  }

  /**
   * Writes a cloud as an Arrow IPC file (the "Feather v2" file format), one record batch per chunk.
   * The file appears only when complete.
   *
   * @param cloud the points
   * @param target the file
   * @throws IOException if writing fails (nothing is left behind)
   */
  public static void write(PointCloud cloud, Path target) throws IOException {
    Path temp = AtomicFiles.tempBeside(target, "");
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root =
            VectorSchemaRoot.create(
                arrowSchema(cloud.schema(), cloud.crs().orElse(null), cloud.dimensions()),
                allocator);
        FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE);
        ArrowFileWriter w = new ArrowFileWriter(root, null, ch)) {
      w.start();
      for (PointChunk c : cloud.chunks()) {
        root.clear();
        allocate(root, c.size());
        fill(root, c, 0);
        root.setRowCount(c.size());
        w.writeBatch();
      }
      w.end();
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    AtomicFiles.moveIntoPlace(temp, target);
  }

  /**
   * Reads an Arrow IPC file written by {@link #write} (or by any tool, given the columns x, y, z at
   * least; missing dimensions are zero, and coordinates are quantized to millimetres when the file
   * has no {@code twin4j:scale}).
   *
   * @param source the file
   * @return the points
   * @throws TwinFormatException if the file is not Arrow IPC or lacks x, y or z
   * @throws IOException if reading fails
   */
  public static PointCloud read(Path source) throws IOException {
    String name = source.toString();
    try (BufferAllocator allocator = new RootAllocator();
        FileChannel ch = FileChannel.open(source, StandardOpenOption.READ);
        ArrowFileReader r = new ArrowFileReader(ch, allocator)) {
      VectorSchemaRoot root;
      try {
        root = r.getVectorSchemaRoot();
      } catch (IOException | RuntimeException e) {
        throw new TwinFormatException(
            SourceLocation.of(name), "not an Arrow IPC file: " + e.getMessage(), e);
      }
      Map<String, String> meta = root.getSchema().getCustomMetadata();
      for (String col : new String[] {"x", "y", "z"}) {
        if (root.getSchema().findField(col) == null) {
          throw new TwinFormatException(
              SourceLocation.of(name), "the Arrow file has no column '" + col + "'");
        }
      }
      PointSchema schema = schemaOf(meta, name);
      String crsText = meta.get(CRS);
      CrsIdentifier crs = null;
      if (crsText != null) {
        try {
          crs = CrsIdentifier.parse(crsText);
        } catch (IllegalArgumentException e) {
          throw new TwinFormatException(
              SourceLocation.of(name), "unreadable CRS in " + CRS + ": " + e.getMessage(), e);
        }
      }
      PointCloud.Builder b = PointCloud.builder(schema).crs(crs);
      long row = 0;
      while (r.loadNextBatch()) {
        Columns cols = new Columns(root);
        for (int i = 0; i < root.getRowCount(); i++, row++) {
          double x = cols.x.get(i);
          double y = cols.y.get(i);
          double z = cols.z.get(i);
          if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new TwinFormatException(
                new SourceLocation(name, -1, -1, -1, "row " + row),
                "coordinate (" + x + ", " + y + ", " + z + ") is not finite");
          }
          b.add(x, y, z, 0, 0, 0);
          cols.copyRest(i, b.current(), b.slotUsed());
        }
      }
      return b.build();
    }
  }

  private static PointSchema schemaOf(Map<String, String> meta, String name)
      throws TwinFormatException {
    try {
      int format = Integer.parseInt(meta.getOrDefault(FORMAT, "0"));
      double[] s = numbers(meta.getOrDefault(SCALE, "0.001 0.001 0.001"));
      double[] o = numbers(meta.getOrDefault(OFFSET, "0 0 0"));
      List<ExtraDimension> dims = new ArrayList<>();
      int extra = 0;
      for (String line : meta.getOrDefault(EXTRA, "").split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        String[] p = line.split("\t", -1);
        ExtraDimension d =
            new ExtraDimension(
                p[0],
                p.length > 6 ? p[6] : "",
                ExtraDimension.Type.valueOf(p[1].toUpperCase(Locale.ROOT)),
                Integer.parseInt(p[2]),
                Integer.parseInt(p[3]),
                Double.parseDouble(p[4]),
                Double.parseDouble(p[5]));
        dims.add(d);
        extra = Math.max(extra, d.byteOffset() + d.byteSize());
      }
      return new PointSchema(format, s[0], s[1], s[2], o[0], o[1], o[2], extra, dims);
    } catch (RuntimeException e) {
      throw new TwinFormatException(
          SourceLocation.of(name), "unreadable twin4j schema metadata: " + e.getMessage(), e);
    }
  }

  private static double[] numbers(String text) {
    String[] p = text.trim().split("\\s+");
    if (p.length != 3) {
      throw new IllegalArgumentException("three numbers expected, got '" + text + "'");
    }
    return new double[] {
      Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2])
    };
  }

  /** The vectors of one record batch; absent ones are null. */
  private static final class Columns {
    final Float8Vector x;
    final Float8Vector y;
    final Float8Vector z;
    final FieldVector[] rest;

    Columns(VectorSchemaRoot root) {
      x = (Float8Vector) root.getVector("x");
      y = (Float8Vector) root.getVector("y");
      z = (Float8Vector) root.getVector("z");
      rest = new FieldVector[ATTRIBUTE_COLUMNS.length];
      for (int k = 0; k < rest.length; k++) {
        rest[k] = root.getVector(ATTRIBUTE_COLUMNS[k]);
      }
    }

    private int u(int k, int i) {
      FieldVector v = rest[k];
      if (v == null || v.isNull(i)) {
        return 0;
      }
      if (v instanceof UInt1Vector) {
        return ((UInt1Vector) v).get(i) & 0xFF;
      }
      if (v instanceof UInt2Vector) {
        return ((UInt2Vector) v).get(i);
      }
      if (v instanceof BitVector) {
        return ((BitVector) v).get(i);
      }
      Object o = v.getObject(i);
      return o instanceof Number ? ((Number) o).intValue() : 0;
    }

    void copyRest(int i, PointChunk c, int j) {
      PointSchema s = c.schema;
      c.intensity[j] = (char) u(0, i);
      c.returns[j] = (byte) ((u(1, i) & 0x0F) | (u(2, i) & 0x0F) << 4);
      c.classification[j] = (byte) u(3, i);
      c.flags[j] =
          (byte) ((u(4, i) & 0x0F) | (u(5, i) & 3) << 4 | (u(6, i) & 1) << 6 | (u(7, i) & 1) << 7);
      FieldVector a = rest[8];
      if (a != null && !a.isNull(i)) {
        double deg = ((Number) a.getObject(i)).doubleValue();
        c.scanAngle[j] = (short) Math.round(s.isExtended() ? deg / 0.006 : deg);
      }
      c.userData[j] = (byte) u(9, i);
      c.pointSourceId[j] = (char) u(10, i);
      if (c.gpsTime != null && rest[11] != null && !rest[11].isNull(i)) {
        c.gpsTime[j] = ((Float8Vector) rest[11]).get(i);
      }
      if (c.red != null) {
        c.red[j] = (char) u(12, i);
        c.green[j] = (char) u(13, i);
        c.blue[j] = (char) u(14, i);
      }
      if (c.nir != null) {
        c.nir[j] = (char) u(15, i);
      }
      if (c.extra != null && rest[16] instanceof FixedSizeBinaryVector) {
        byte[] e = ((FixedSizeBinaryVector) rest[16]).get(i);
        int n = s.extraBytes();
        System.arraycopy(e, 0, c.extra, j * n, Math.min(n, e.length));
      }
    }
  }
}
