// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.geom.Bounds3D;

/**
 * A point cloud held as columns in chunks of {@link #CHUNK_SIZE} points: every chunk but the last
 * is full, so point {@code i} is point {@code i & CHUNK_MASK} of chunk {@code i >>> CHUNK_BITS}.
 *
 * <p>Immutable and safe to share between threads; filters return new clouds that share the
 * unchanged columns. Memory per point is {@link #bytesPerPoint()} (36 B for LAS format 3: 12 B of
 * quantized coordinates, 24 B of attributes), against 34 B in the file itself and about 120 B for a
 * {@code List} of point objects.
 *
 * <pre>{@code
 * PointCloud cloud = LasFiles.read(Path.of("data/lidar/ahn3_cropped_1.laz"));
 * long ground = 0;
 * for (PointChunk c : cloud.chunks()) {
 *   for (int i = 0; i < c.size(); i++) {
 *     if (c.classification(i) == 2) ground++;
 *   }
 * }
 * }</pre>
 *
 * @since 1.0
 */
public final class PointCloud {

  /** Log2 of the chunk size. */
  public static final int CHUNK_BITS = 16;

  /** The number of points in every chunk but the last: 65 536. */
  public static final int CHUNK_SIZE = 1 << CHUNK_BITS;

  /** {@code CHUNK_SIZE - 1}: the index of a point within its chunk is {@code i & CHUNK_MASK}. */
  public static final int CHUNK_MASK = CHUNK_SIZE - 1;

  private final PointSchema schema;
  private final @Nullable CrsIdentifier crs;
  private final @Nullable LasHeader header;
  private final List<PointChunk> chunks;
  private final long size;
  private volatile @Nullable Bounds3D bounds;

  PointCloud(
      PointSchema schema,
      @Nullable CrsIdentifier crs,
      @Nullable LasHeader header,
      List<PointChunk> chunks) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.crs = crs;
    this.header = header;
    this.chunks = List.copyOf(chunks);
    long n = 0;
    for (int k = 0; k < this.chunks.size(); k++) {
      PointChunk c = this.chunks.get(k);
      if (c.size != CHUNK_SIZE && k < this.chunks.size() - 1) {
        throw new IllegalArgumentException(
            "chunk " + k + " of " + this.chunks.size() + " has " + c.size + " points");
      }
      if (c.schema != schema) {
        throw new IllegalArgumentException("chunk " + k + " follows another schema");
      }
      n += c.size;
    }
    this.size = n;
  }

  /**
   * Returns the schema: point format, scale and offset, extra dimensions.
   *
   * @return the schema
   */
  public PointSchema schema() {
    return schema;
  }

  /**
   * Returns the coordinate reference system of the coordinates.
   *
   * @return the CRS, or empty if the source gave none
   */
  public Optional<CrsIdentifier> crs() {
    return Optional.ofNullable(crs);
  }

  /**
   * Returns the header of the LAS/LAZ file the points came from (its figures as the file states
   * them, which may disagree with the points; {@link #size()} and {@link #bounds()} are the
   * points').
   *
   * @return the header, or empty if the cloud did not come from a LAS file
   */
  public Optional<LasHeader> header() {
    return Optional.ofNullable(header);
  }

  /**
   * Returns the chunks.
   *
   * @return an unmodifiable list of chunks
   */
  public List<PointChunk> chunks() {
    return chunks;
  }

  /**
   * Returns the number of points.
   *
   * @return the number of points
   */
  public long size() {
    return size;
  }

  /**
   * Returns the bytes of column data this cloud holds per point.
   *
   * @return the bytes per point
   */
  public int bytesPerPoint() {
    return PointChunk.bytesPerPoint(schema, dimensions());
  }

  /**
   * Returns the dimensions the points hold besides x, y and z: those of the schema's format, unless
   * the read kept fewer ({@link LasReadOptions#withDimensions}); the others read as 0.
   *
   * @return an unmodifiable set (its first chunk's, every chunk of a cloud holds the same; an empty
   *     cloud's is its format's)
   */
  public Set<PointDimension> dimensions() {
    return chunks.isEmpty()
        ? Collections.unmodifiableSet(PointChunk.ofFormat(schema))
        : chunks.get(0).dimensions;
  }

  /**
   * Returns the bytes of column data a cloud of a schema holds per point.
   *
   * @param schema the schema
   * @return the bytes per point
   */
  public static int bytesPerPoint(PointSchema schema) {
    return PointChunk.bytesPerPoint(schema);
  }

  /**
   * Returns the chunk holding a point.
   *
   * @param i the point's index
   * @return its chunk
   */
  public PointChunk chunkOf(long i) {
    return chunks.get((int) (i >>> CHUNK_BITS));
  }

  /**
   * Returns x of a point in CRS units.
   *
   * @param i the point's index
   * @return x
   */
  public double x(long i) {
    return chunkOf(i).x((int) i & CHUNK_MASK);
  }

  /**
   * Returns y of a point in CRS units.
   *
   * @param i the point's index
   * @return y
   */
  public double y(long i) {
    return chunkOf(i).y((int) i & CHUNK_MASK);
  }

  /**
   * Returns z of a point in CRS units.
   *
   * @param i the point's index
   * @return z
   */
  public double z(long i) {
    return chunkOf(i).z((int) i & CHUNK_MASK);
  }

  /**
   * Returns the class of a point.
   *
   * @param i the point's index
   * @return 0–255
   */
  public int classification(long i) {
    return chunkOf(i).classification((int) i & CHUNK_MASK);
  }

  /**
   * Returns the bounds of the points (not the header's), computed once.
   *
   * @return the bounds in CRS units; an empty cloud has bounds (0,0,0)–(0,0,0)
   */
  public Bounds3D bounds() {
    Bounds3D b = bounds;
    if (b == null) {
      int[] min = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
      int[] max = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
      for (PointChunk c : chunks) {
        rawBounds(c, min, max);
      }
      if (size == 0) {
        b = new Bounds3D(0, 0, 0, 0, 0, 0);
      } else {
        b =
            new Bounds3D(
                min[0] * schema.scaleX() + schema.offsetX(),
                min[1] * schema.scaleY() + schema.offsetY(),
                min[2] * schema.scaleZ() + schema.offsetZ(),
                max[0] * schema.scaleX() + schema.offsetX(),
                max[1] * schema.scaleY() + schema.offsetY(),
                max[2] * schema.scaleZ() + schema.offsetZ());
      }
      bounds = b;
    }
    return b;
  }

  static void rawBounds(PointChunk c, int[] min, int[] max) {
    int x0 = min[0];
    int y0 = min[1];
    int z0 = min[2];
    int x1 = max[0];
    int y1 = max[1];
    int z1 = max[2];
    for (int i = 0; i < c.size; i++) {
      int x = c.x[i];
      int y = c.y[i];
      int z = c.z[i];
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      z0 = Math.min(z0, z);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
      z1 = Math.max(z1, z);
    }
    min[0] = x0;
    min[1] = y0;
    min[2] = z0;
    max[0] = x1;
    max[1] = y1;
    max[2] = z1;
  }

  /**
   * Returns the number of points per class.
   *
   * @return 256 counts, indexed by class
   */
  public long[] classCounts() {
    long[] counts = new long[256];
    for (PointChunk c : chunks) {
      for (int i = 0; i < c.size; i++) {
        counts[c.classification[i] & 0xFF]++;
      }
    }
    return counts;
  }

  /**
   * Returns the classes of all points as one array.
   *
   * @return a new array of {@link #size()} classes
   * @throws IllegalStateException if the cloud has more points than an array can hold
   */
  public byte[] classifications() {
    byte[] out = new byte[checkedSize()];
    int at = 0;
    for (PointChunk c : chunks) {
      System.arraycopy(c.classification, 0, out, at, c.size);
      at += c.size;
    }
    return out;
  }

  /** Chooses points, for {@link #coordinates(PointFilter)}. */
  @FunctionalInterface
  public interface PointFilter {
    /**
     * Tells whether a point is wanted.
     *
     * @param chunk the point's chunk
     * @param i the point's index in the chunk
     * @return true to take it
     */
    boolean test(PointChunk chunk, int i);
  }

  /**
   * Copies the coordinates of the chosen points, in point order, e.g. the ground: {@code
   * cloud.coordinates((c, i) -> c.classification(i) == 2)}.
   *
   * @param filter which points to take
   * @return {x[], y[], z[]} in CRS units
   */
  public double[][] coordinates(PointFilter filter) {
    int n = 0;
    for (PointChunk c : chunks) {
      for (int i = 0; i < c.size; i++) {
        if (filter.test(c, i)) {
          n++;
        }
      }
    }
    double[][] xyz = new double[3][n];
    int k = 0;
    for (PointChunk c : chunks) {
      for (int i = 0; i < c.size; i++) {
        if (filter.test(c, i)) {
          xyz[0][k] = c.x(i);
          xyz[1][k] = c.y(i);
          xyz[2][k] = c.z(i);
          k++;
        }
      }
    }
    return xyz;
  }

  /**
   * Copies the coordinates of the chosen points of several clouds (tiles of one area) into one set
   * of arrays, cloud after cloud, in point order.
   *
   * @param clouds the clouds
   * @param filter which points to take
   * @return {x[], y[], z[]} in CRS units
   */
  public static double[][] coordinates(List<PointCloud> clouds, PointFilter filter) {
    List<double[][]> parts = new ArrayList<>();
    int n = 0;
    for (PointCloud c : clouds) {
      double[][] part = c.coordinates(filter);
      parts.add(part);
      n = Math.addExact(n, part[0].length);
    }
    double[][] out = new double[3][n];
    int at = 0;
    for (double[][] part : parts) {
      for (int a = 0; a < 3; a++) {
        System.arraycopy(part[a], 0, out[a], at, part[a].length);
      }
      at += part[0].length;
    }
    return out;
  }

  /**
   * Returns this cloud with other classes; every other dimension is shared unchanged.
   *
   * @param classes one class (0–255, as a byte) per point, in point order; copied
   * @return the new cloud
   * @throws IllegalArgumentException if the array's length is not {@link #size()}
   */
  public PointCloud withClassifications(byte[] classes) {
    if (classes.length != size) {
      throw new IllegalArgumentException(classes.length + " classes for " + size + " points");
    }
    List<PointChunk> out = new ArrayList<>(chunks.size());
    int at = 0;
    for (PointChunk c : chunks) {
      byte[] k = new byte[c.size];
      System.arraycopy(classes, at, k, 0, c.size);
      at += c.size;
      out.add(c.withClassification(k));
    }
    return new PointCloud(schema, crs, header, out);
  }

  /**
   * Returns the points whose bit is set, in their order, with every dimension.
   *
   * @param keep one bit per point index
   * @return the new cloud
   */
  public PointCloud select(BitSet keep) {
    Objects.requireNonNull(keep, "keep");
    checkedSize();
    List<PointChunk> out = new ArrayList<>();
    PointChunk target = null;
    int j = 0;
    int n = keep.cardinality();
    int remaining = n;
    for (int i = keep.nextSetBit(0); i >= 0 && i < size; i = keep.nextSetBit(i + 1)) {
      if (target == null || j == target.size) {
        target = new PointChunk(schema, Math.min(CHUNK_SIZE, remaining), dimensions());
        out.add(target);
        j = 0;
      }
      chunks.get(i >>> CHUNK_BITS).copyTo(i & CHUNK_MASK, target, j++);
      remaining--;
    }
    return new PointCloud(schema, crs, header, out);
  }

  /**
   * Returns this cloud with another CRS (the coordinates are not changed: use this when a file
   * carries no CRS, or a wrong one, and the true one is known).
   *
   * @param crs the CRS
   * @return the new cloud
   */
  public PointCloud withCrs(@Nullable CrsIdentifier crs) {
    return new PointCloud(schema, crs, header, chunks);
  }

  private int checkedSize() {
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(
          "a cloud of " + size + " points is too large for one array; process it chunk by chunk");
    }
    return (int) size;
  }

  /**
   * Returns a builder of a cloud with the given schema (for synthetic data and for copies with
   * shifted coordinates).
   *
   * @param schema the schema of the points to add
   * @return a new builder
   */
  public static Builder builder(PointSchema schema) {
    return new Builder(schema);
  }

  /**
   * Builds a cloud point by point, filling chunks as it goes. Single use: {@link #build()} once.
   * Not thread-safe.
   */
  public static final class Builder {
    private final PointSchema schema;
    private final List<PointChunk> full = new ArrayList<>();
    private PointChunk current;
    private int used;
    private @Nullable CrsIdentifier crs;
    private boolean built;

    private Builder(PointSchema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
      this.current = new PointChunk(schema, CHUNK_SIZE);
    }

    /** The index in {@link #current()} of the point added last. */
    int slotUsed() {
      return used - 1;
    }

    /** The chunk being filled. */
    PointChunk current() {
      return current;
    }

    /**
     * Sets the CRS of the cloud.
     *
     * @param c the CRS, or null
     * @return this builder
     */
    public Builder crs(@Nullable CrsIdentifier c) {
      this.crs = c;
      return this;
    }

    /** The slot of the next point in {@link #current()}, starting a new chunk when full. */
    int slot() {
      if (built) {
        throw new IllegalStateException("build() was already called");
      }
      if (used == CHUNK_SIZE) {
        full.add(current);
        current = new PointChunk(schema, CHUNK_SIZE);
        used = 0;
      }
      return used++;
    }

    private int quantize(double v, double scale, double offset) {
      double q = Math.rint((v - offset) / scale);
      if (!(q >= Integer.MIN_VALUE && q <= Integer.MAX_VALUE)) {
        throw new IllegalArgumentException(
            "coordinate "
                + v
                + " does not fit the schema's scale "
                + scale
                + " and offset "
                + offset);
      }
      return (int) q;
    }

    /**
     * Adds a point with the given coordinates, class and returns; other dimensions are zero.
     *
     * @param x x in CRS units
     * @param y y in CRS units
     * @param z z in CRS units
     * @param classification the class, 0–255
     * @param returnNumber the return number, 0–15
     * @param numberOfReturns the number of returns, 0–15
     * @return this builder
     */
    public Builder add(
        double x, double y, double z, int classification, int returnNumber, int numberOfReturns) {
      int xi = quantize(x, schema.scaleX(), schema.offsetX());
      int yi = quantize(y, schema.scaleY(), schema.offsetY());
      int zi = quantize(z, schema.scaleZ(), schema.offsetZ());
      int j = slot();
      current.x[j] = xi;
      current.y[j] = yi;
      current.z[j] = zi;
      current.classification[j] = (byte) classification;
      current.returns[j] = (byte) ((returnNumber & 0x0F) | (numberOfReturns & 0x0F) << 4);
      return this;
    }

    /**
     * Adds a copy of a point of another chunk with the same schema, shifted.
     *
     * @param from the chunk
     * @param i the point's index in it
     * @param dx added to x, in CRS units
     * @param dy added to y
     * @param dz added to z
     * @return this builder
     */
    public Builder add(PointChunk from, int i, double dx, double dy, double dz) {
      if (!from.schema.equals(schema)) {
        throw new IllegalArgumentException("the chunk follows another schema");
      }
      int xi = quantize(from.x(i) + dx, schema.scaleX(), schema.offsetX());
      int yi = quantize(from.y(i) + dy, schema.scaleY(), schema.offsetY());
      int zi = quantize(from.z(i) + dz, schema.scaleZ(), schema.offsetZ());
      int j = slot();
      from.copyTo(i, current, j);
      current.x[j] = xi;
      current.y[j] = yi;
      current.z[j] = zi;
      return this;
    }

    /**
     * Builds the cloud.
     *
     * @return the cloud
     * @throws IllegalStateException if called twice
     */
    public PointCloud build() {
      if (built) {
        throw new IllegalStateException("build() was already called");
      }
      built = true;
      List<PointChunk> chunks = new ArrayList<>(full);
      if (used > 0) {
        chunks.add(used == CHUNK_SIZE ? current : current.truncate(used));
      }
      return new PointCloud(schema, crs, null, chunks);
    }
  }

  @Override
  public String toString() {
    return "PointCloud[" + size + " points, format " + schema.pointFormat() + ", crs " + crs + "]";
  }
}
