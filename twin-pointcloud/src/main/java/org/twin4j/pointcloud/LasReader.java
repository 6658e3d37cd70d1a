// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.geom.Bounds3D;
import org.twin4j.core.io.ReadWarning;
import org.twin4j.core.io.SourceLocation;
import org.twin4j.core.io.TwinFormatException;

/**
 * Reads the points of a LAS or LAZ file one {@link PointChunk} of {@link PointCloud#CHUNK_SIZE}
 * points at a time, so that a file larger than the heap can be processed: only the chunk being
 * handed over (and, for LAZ, a few decoded LASzip chunks per decoding thread) is in memory.
 *
 * <p>The header and its records are read when the reader opens. Plain LAS is memory-mapped and
 * decoded in one pass per block of records, on the calling thread by {@link #next()} and on {@link
 * LasReadOptions#threads()} threads by {@link #readAll()}; LAZ is decompressed by twin4j's own
 * LASzip codec (laszip4j for the variants it does not code), in parallel when the options allow,
 * with identical output for any number of threads. When the last chunk has been read the reader
 * compares the header's count, bounds and points by return with the points and reports each
 * disagreement to the listener: the points win.
 *
 * <p>Not thread-safe: one thread calls {@link #next()}.
 *
 * @since 1.0
 */
public final class LasReader implements AutoCloseable {

  private static final int MAP_WINDOW_CHUNKS = 256;

  private final Path path;
  private final String name;
  private final LasReadOptions options;
  private final FileChannel channel;
  private final LasHeader header;
  private final PointSchema schema;
  private final @Nullable CrsIdentifier crs;
  private final long count;
  private final @Nullable LazDecoder laz;
  private long delivered;
  private final RecordCodec.Stats stats = new RecordCodec.Stats();
  private @Nullable ByteBuffer window;
  private long windowFirst;
  private long windowCount;
  private @Nullable ByteBuffer block;
  private int blockPos;
  private int blockLeft;

  private LasReader(Path path, LasReadOptions options) throws IOException {
    this.path = path;
    this.name = path.toString();
    this.options = options;
    try {
      this.channel = FileChannel.open(path, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(name, null, "no such file");
    }
    boolean ok = false;
    try {
      HeaderParser p = new HeaderParser();
      this.header = p.header;
      this.schema = p.schema;
      this.count = p.count;
      this.crs = p.crs;
      this.laz =
          header.compressed()
              ? new LazDecoder(
                  path,
                  name,
                  header.offsetToPoints(),
                  count,
                  p.lazChunkSize,
                  p.lazLayout,
                  schema.recordLength(),
                  options.threads(),
                  options.dimensions())
              : null;
      if (laz != null && laz.tableProblem() != null) {
        warn("laz-chunk-table", laz.tableProblem());
      }
      ok = true;
    } finally {
      if (!ok) {
        channel.close();
      }
    }
  }

  /**
   * Opens a LAS or LAZ file and reads its header.
   *
   * @param path the file
   * @param options the read options
   * @return the reader, positioned before the first point
   * @throws TwinFormatException if the file is not LAS/LAZ, or its header is broken or promises
   *     more points than the file holds
   * @throws IOException if the file cannot be read
   */
  public static LasReader open(Path path, LasReadOptions options) throws IOException {
    return new LasReader(path, options);
  }

  /**
   * Returns the header as the file states it.
   *
   * @return the header
   */
  public LasHeader header() {
    return header;
  }

  /**
   * Returns the schema of the points.
   *
   * @return the schema
   */
  public PointSchema schema() {
    return schema;
  }

  /**
   * Returns the CRS from the file's GeoTIFF keys or WKT.
   *
   * @return the CRS, or empty if the file gives none that can be read
   */
  public Optional<CrsIdentifier> crs() {
    return Optional.ofNullable(crs);
  }

  /**
   * Returns the number of points the file holds.
   *
   * @return the point count
   */
  public long pointCount() {
    return count;
  }

  /**
   * Tells whether points remain.
   *
   * @return true if {@link #next()} returns another chunk
   */
  public boolean hasNext() {
    return delivered < count;
  }

  /**
   * Reads the next chunk: {@link PointCloud#CHUNK_SIZE} points, fewer only at the end.
   *
   * @return the chunk
   * @throws TwinFormatException if the compressed points are corrupt
   * @throws IOException if reading fails
   * @throws NoSuchElementException if no points remain
   */
  public PointChunk next() throws IOException {
    if (!hasNext()) {
      throw new NoSuchElementException("all " + count + " points of " + name + " were read");
    }
    int n = (int) Math.min(PointCloud.CHUNK_SIZE, count - delivered);
    PointChunk c = new PointChunk(schema, n, options.dimensions());
    if (laz == null) {
      readPlain(c, n);
    } else {
      readCompressed(c, n);
    }
    delivered += n;
    if (delivered == count) {
      checkHeader();
    }
    return c;
  }

  /**
   * Reads every remaining point into one cloud.
   *
   * @return the cloud, with this file's header and CRS
   * @throws IOException as {@link #next()}
   */
  public PointCloud readAll() throws IOException {
    List<PointChunk> chunks = new ArrayList<>();
    int lanes = (int) Math.min(options.threads(), (count - delivered) / PointCloud.CHUNK_SIZE);
    if (laz == null && lanes > 1) {
      readPlainParallel(chunks, lanes);
    }
    while (hasNext()) {
      chunks.add(next());
    }
    return new PointCloud(schema, crs, header, chunks);
  }

  /**
   * Decodes the remaining plain records on {@code lanes} threads (the calling one included), each a
   * run of whole chunks with its own mapping and figures, merged in order: the same chunks and the
   * same header checks as one thread. Two cores read about 1.4 times as fast as one (the decoding
   * is about half memory traffic).
   */
  private void readPlainParallel(List<PointChunk> chunks, int lanes) throws IOException {
    long first = delivered;
    int k = (int) ((count - first + PointCloud.CHUNK_SIZE - 1) / PointCloud.CHUNK_SIZE);
    PointChunk[] out = new PointChunk[k];
    RecordCodec.Stats[] figures = new RecordCodec.Stats[lanes];
    Throwable[] failed = new Throwable[lanes];
    Thread[] threads = new Thread[lanes];
    for (int t = 0; t < lanes; t++) {
      figures[t] = new RecordCodec.Stats();
    }
    // lanes 1.. on their own threads, lane 0 on the calling one
    for (int t = lanes - 1; t >= 0; t--) {
      int lane = t;
      Runnable run =
          () -> {
            try {
              decodePlainChunks(
                  first,
                  (int) ((long) k * lane / lanes),
                  (int) ((long) k * (lane + 1) / lanes),
                  out,
                  figures[lane]);
            } catch (IOException | RuntimeException | Error e) {
              failed[lane] = e;
            }
          };
      if (t == 0) {
        run.run();
      } else {
        threads[t] = new Thread(run, "twin4j-las-" + t);
        threads[t].setDaemon(true);
        threads[t].start();
      }
    }
    for (int t = 1; t < lanes; t++) {
      try {
        threads[t].join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted reading " + name);
      }
    }
    for (Throwable e : failed) {
      if (e instanceof IOException) {
        throw (IOException) e;
      }
      if (e instanceof RuntimeException) {
        throw (RuntimeException) e;
      }
      if (e instanceof Error) {
        throw (Error) e;
      }
    }
    for (RecordCodec.Stats st : figures) {
      for (int a = 0; a < 3; a++) {
        stats.min[a] = Math.min(stats.min[a], st.min[a]);
        stats.max[a] = Math.max(stats.max[a], st.max[a]);
      }
      for (int r = 0; r < stats.byReturn.length; r++) {
        stats.byReturn[r] += st.byReturn[r];
      }
    }
    chunks.addAll(Arrays.asList(out));
    delivered = count;
    checkHeader();
  }

  /**
   * Decodes chunks {@code from..to} of the records from point {@code first} on, mapping as it goes.
   */
  private void decodePlainChunks(
      long first, int from, int to, PointChunk[] out, RecordCodec.Stats st) throws IOException {
    long len = schema.recordLength();
    ByteBuffer map = null;
    long mapFirst = 0;
    long mapCount = 0;
    for (int i = from; i < to; i++) {
      long at = first + (long) i * PointCloud.CHUNK_SIZE;
      int n = (int) Math.min(PointCloud.CHUNK_SIZE, count - at);
      if (map == null || at + n > mapFirst + mapCount) {
        mapFirst = at;
        mapCount = windowPoints(at);
        map = mapPoints(at, mapCount);
      }
      PointChunk c = new PointChunk(schema, n, options.dimensions());
      RecordCodec.decode(map, (int) ((at - mapFirst) * len), c, 0, n, st);
      out[i] = c;
    }
  }

  /**
   * How many points to map at once from point {@code at} (a chunk's first): up to 256 whole chunks
   * within 2 GB (the header check keeps records short enough for one chunk to fit).
   */
  private long windowPoints(long at) {
    long len = schema.recordLength();
    long chunks =
        Math.min(MAP_WINDOW_CHUNKS, (Integer.MAX_VALUE - len) / len / PointCloud.CHUNK_SIZE);
    return Math.min(count - at, Math.max(1, chunks) * PointCloud.CHUNK_SIZE);
  }

  /** Maps the records of {@code n} points from point {@code at}, little-endian. */
  private ByteBuffer mapPoints(long at, long n) throws IOException {
    long len = schema.recordLength();
    return channel
        .map(FileChannel.MapMode.READ_ONLY, header.offsetToPoints() + at * len, n * len)
        .order(ByteOrder.LITTLE_ENDIAN);
  }

  private void readPlain(PointChunk c, int n) throws IOException {
    long first = delivered;
    if (window == null || first + n > windowFirst + windowCount) {
      windowFirst = first;
      windowCount = windowPoints(first);
      window = mapPoints(first, windowCount);
    }
    RecordCodec.decode(
        window, (int) ((first - windowFirst) * schema.recordLength()), c, 0, n, stats);
  }

  private void readCompressed(PointChunk c, int n) throws IOException {
    int at = 0;
    while (at < n) {
      if (blockLeft == 0) {
        block = laz.next();
        blockPos = 0;
        blockLeft = block.limit() / schema.recordLength();
      }
      int k = Math.min(blockLeft, n - at);
      RecordCodec.decode(block, blockPos, c, at, k, stats);
      at += k;
      blockPos += k * schema.recordLength();
      blockLeft -= k;
    }
  }

  private void checkHeader() {
    if (count == 0) {
      return;
    }
    Bounds3D stated = header.bounds();
    int[] min = stats.min;
    int[] max = stats.max;
    double[] pts = {
      min[0] * schema.scaleX() + schema.offsetX(),
      min[1] * schema.scaleY() + schema.offsetY(),
      min[2] * schema.scaleZ() + schema.offsetZ(),
      max[0] * schema.scaleX() + schema.offsetX(),
      max[1] * schema.scaleY() + schema.offsetY(),
      max[2] * schema.scaleZ() + schema.offsetZ()
    };
    double[] hdr = {
      stated.minX(), stated.minY(), stated.minZ(), stated.maxX(), stated.maxY(), stated.maxZ()
    };
    double[] tol = {
      schema.scaleX(), schema.scaleY(), schema.scaleZ(),
      schema.scaleX(), schema.scaleY(), schema.scaleZ()
    };
    for (int i = 0; i < 6; i++) {
      if (!(Math.abs(pts[i] - hdr[i]) <= tol[i] * 0.5 + 1e-9 * Math.abs(hdr[i]))) {
        warn(
            "header-bounds",
            "the header's bounds "
                + Arrays.toString(hdr)
                + " differ from the points' "
                + Arrays.toString(pts)
                + "; using the points'");
        break;
      }
    }
    if (!options.dimensions().contains(PointDimension.RETURNS)) {
      return; // not read: nothing to compare the header's counts with
    }
    long[] stated5 = header.pointsByReturn();
    long[] actual = Arrays.copyOfRange(stats.byReturn, 1, 1 + stated5.length);
    boolean legacyZeros14 =
        header.versionMinor() >= 4 && Arrays.stream(stated5).allMatch(v -> v == 0);
    if (!Arrays.equals(stated5, actual) && !legacyZeros14) {
      warn(
          "header-returns",
          "the header's points by return "
              + Arrays.toString(stated5)
              + " differ from the points' "
              + Arrays.toString(actual)
              + "; using the points'");
    }
  }

  private void warn(String kind, String message) {
    options.listener().warning(new ReadWarning(kind, message, SourceLocation.of(name)));
  }

  @Override
  public void close() throws IOException {
    window = null;
    block = null;
    if (laz != null) {
      laz.close();
    }
    channel.close();
  }

  @Override
  public String toString() {
    return "LasReader[" + path + ", " + header + "]";
  }

  /** Reads the header block, the VLRs and the EVLRs, and checks them against the file's size. */
  private final class HeaderParser {
    LasHeader header;
    PointSchema schema;
    long count;
    @Nullable CrsIdentifier crs;
    long lazChunkSize;
    LazChunks.@Nullable Layout lazLayout;

    HeaderParser() throws IOException {
      long size = channel.size();
      if (size < 227) {
        throw error(0, "the file has " + size + " bytes, fewer than a LAS header's 227");
      }
      ByteBuffer h = read(0, (int) Math.min(size, 375));
      byte[] magic = new byte[4];
      h.get(0, magic);
      if (!"LASF".equals(new String(magic, StandardCharsets.ISO_8859_1))) {
        throw error(
            0,
            "not a LAS or LAZ file: it starts with '"
                + new String(magic, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", "?")
                + "', not 'LASF'");
      }
      int major = u8(h, 24);
      int minor = u8(h, 25);
      if (major != 1 || minor > 4) {
        throw error(24, "LAS version " + major + "." + minor + " is not 1.0-1.4");
      }
      int headerSize = u16(h, 94);
      long offset = u32(h, 96);
      long vlrCount = u32(h, 100);
      int formatByte = u8(h, 104);
      int recordLength = u16(h, 105);
      long legacyCount = u32(h, 107);
      int minHeader = minor >= 4 ? 375 : minor == 3 ? 235 : 227;
      if (headerSize < minHeader || headerSize > offset || offset > size) {
        throw error(
            94,
            "header size "
                + headerSize
                + " and offset to the points "
                + offset
                + " do not fit LAS "
                + major
                + "."
                + minor
                + " (header at least "
                + minHeader
                + " bytes) and a file of "
                + size
                + " bytes");
      }
      boolean compressed = (formatByte & 0x80) != 0;
      int format = formatByte & 0x3F;
      if (format > 10) {
        throw error(104, "point data record format " + format + " is not 0-10");
      }
      int standard = PointSchema.standardLength(format);
      if (recordLength < standard) {
        throw error(
            105,
            "the point record length "
                + recordLength
                + " is shorter than format "
                + format
                + "'s "
                + standard
                + " bytes");
      }
      // a chunk's records must fit one mapping (2 GB) and its extra bytes one array
      int maxLength = (Integer.MAX_VALUE - Short.MAX_VALUE) / PointCloud.CHUNK_SIZE;
      if (recordLength > maxLength) {
        throw error(
            105,
            "the point record length "
                + recordLength
                + " is more than the "
                + maxLength
                + " bytes twin4j reads (a chunk of "
                + PointCloud.CHUNK_SIZE
                + " records must fit in 2 GB)");
      }
      long[] byReturn = new long[5];
      for (int i = 0; i < 5; i++) {
        byReturn[i] = u32(h, 111 + 4 * i);
      }
      double sx = h.getDouble(131);
      double sy = h.getDouble(139);
      double sz = h.getDouble(147);
      double ox = h.getDouble(155);
      double oy = h.getDouble(163);
      double oz = h.getDouble(171);
      for (double s : new double[] {sx, sy, sz}) {
        if (!(s > 0) || Double.isInfinite(s)) {
          throw error(131, "a coordinate scale factor is " + s + ", not a positive number");
        }
      }
      for (double o : new double[] {ox, oy, oz}) {
        if (!Double.isFinite(o)) {
          throw error(155, "a coordinate offset is " + o);
        }
      }
      Bounds3D stated =
          safeBounds(
              h.getDouble(187),
              h.getDouble(203),
              h.getDouble(219),
              h.getDouble(179),
              h.getDouble(195),
              h.getDouble(211));
      count = legacyCount;
      long evlrStart = 0;
      long evlrCount = 0;
      if (minor >= 4) {
        evlrStart = h.getLong(235);
        evlrCount = u32(h, 243);
        long count64 = h.getLong(247);
        if (count64 < 0) {
          throw error(247, "the point count " + Long.toUnsignedString(count64) + " is too large");
        }
        if (legacyCount != 0 && count64 != legacyCount) {
          warn(
              "header-count",
              "the legacy point count "
                  + legacyCount
                  + " differs from the LAS 1.4 count "
                  + count64
                  + "; using "
                  + Math.max(legacyCount, count64));
        }
        count = Math.max(legacyCount, count64);
        byReturn = new long[15];
        for (int i = 0; i < 15; i++) {
          byReturn[i] = h.getLong(255 + 8 * i);
        }
      }
      List<LasRecord> records = new ArrayList<>();
      long at = headerSize;
      for (long i = 0; i < vlrCount; i++) {
        if (at + 54 > offset) {
          throw error(
              at,
              "VLR "
                  + (i + 1)
                  + " of "
                  + vlrCount
                  + " starts at byte "
                  + at
                  + " and runs past the start of the points at byte "
                  + offset);
        }
        ByteBuffer v = read(at, 54);
        int length = u16(v, 20);
        if (at + 54 + length > offset) {
          throw error(
              at,
              "VLR "
                  + (i + 1)
                  + " of "
                  + vlrCount
                  + " ("
                  + text(v, 2, 16)
                  + "/"
                  + u16(v, 18)
                  + ", "
                  + length
                  + " bytes) runs past the start of the points at byte "
                  + offset);
        }
        records.add(
            new LasRecord(
                text(v, 2, 16), u16(v, 18), text(v, 22, 32), bytes(at + 54, length), false));
        at += 54 + length;
      }
      long end = size;
      if (evlrCount > 0 && evlrStart > 0) {
        long e = evlrStart;
        for (long i = 0; i < evlrCount; i++) {
          if (e + 60 > size) {
            warn("evlr-truncated", "EVLR " + (i + 1) + " at byte " + e + " is cut off by the end");
            break;
          }
          ByteBuffer v = read(e, 60);
          long length = v.getLong(20);
          if (length < 0 || e + 60 + length > size || length > Integer.MAX_VALUE - 8) {
            warn(
                "evlr-truncated",
                "EVLR " + (i + 1) + " at byte " + e + " claims " + length + " bytes; skipped");
            break;
          }
          records.add(
              new LasRecord(
                  text(v, 2, 16), u16(v, 18), text(v, 22, 32), bytes(e + 60, (int) length), true));
          e += 60 + length;
        }
        end = Math.min(end, evlrStart);
      }
      if (minor >= 3) {
        long waveStart = h.getLong(227);
        if (waveStart > offset && waveStart < end) {
          end = waveStart;
        }
      }
      List<ExtraDimension> dims = extraDimensions(records, recordLength - standard);
      schema = new PointSchema(format, sx, sy, sz, ox, oy, oz, recordLength - standard, dims);
      if (schema.hasWavePackets()) {
        warn(
            "waveform-ignored",
            "point format "
                + format
                + " carries waveform packet descriptors; twin4j does not keep them");
      }
      if (compressed) {
        LasRecord laszip = null;
        for (LasRecord r : records) {
          if (r.is("laszip encoded", 22204)) {
            laszip = r;
          }
        }
        if (laszip == null || laszip.length() < 16) {
          throw error(
              104,
              "the point format byte marks the points as compressed, but there is no LASzip"
                  + " record (laszip encoded/22204)");
        }
        lazChunkSize =
            ByteBuffer.wrap(laszip.bytes()).order(ByteOrder.LITTLE_ENDIAN).getInt(12) & 0xFFFFFFFFL;
        lazLayout = LazChunks.Layout.parse(laszip.bytes());
        records.remove(laszip);
      } else {
        long need = offset + count * recordLength;
        if (count > (Long.MAX_VALUE - offset) / Math.max(1, recordLength) || need > end) {
          long whole = Math.max(0, (end - offset) / recordLength);
          throw error(
              offset,
              "the file is truncated: the header states "
                  + count
                  + " points of "
                  + recordLength
                  + " bytes from byte "
                  + offset
                  + ", which needs "
                  + need
                  + " bytes, but the points end at byte "
                  + end
                  + " ("
                  + whole
                  + " complete points)");
        }
        if (need < end && evlrCount == 0) {
          warn(
              "trailing-bytes",
              (end - need)
                  + " bytes follow the last of the header's "
                  + count
                  + " points; they are ignored");
        }
      }
      header =
          new LasHeader(
              major,
              minor,
              format,
              recordLength,
              headerSize,
              offset,
              count,
              byReturn,
              stated,
              text(h, 26, 32),
              text(h, 58, 32),
              u16(h, 90),
              u16(h, 92),
              u16(h, 4),
              u16(h, 6),
              compressed,
              records);
      boolean wktPreferred = (header.globalEncoding() & 0x10) != 0 || format >= 6;
      crs = LasCrs.resolve(records, wktPreferred, (kind, message) -> warn(kind, message)).crs;
    }

    private Bounds3D safeBounds(double x0, double y0, double z0, double x1, double y1, double z1) {
      try {
        return new Bounds3D(x0, y0, z0, x1, y1, z1);
      } catch (IllegalArgumentException e) {
        // a header that was never filled in (min > max, NaN): the points' bounds replace it
        return new Bounds3D(0, 0, 0, 0, 0, 0);
      }
    }

    private List<ExtraDimension> extraDimensions(List<LasRecord> records, int extraBytes) {
      List<ExtraDimension> dims = new ArrayList<>();
      int offset = 0;
      for (LasRecord r : records) {
        if (!r.is("LASF_Spec", 4)) {
          continue;
        }
        ByteBuffer b = ByteBuffer.wrap(r.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int p = 0; p + 192 <= r.length(); p += 192) {
          int type = u8(b, p + 2);
          int opts = u8(b, p + 3);
          String dimName = text(b, p + 4, 32);
          ExtraDimension.Type t;
          int bytes;
          if (type == 0) {
            t = ExtraDimension.Type.BYTES;
            bytes = opts;
          } else if (type <= 10) {
            t = ExtraDimension.Type.values()[type];
            bytes = t.size();
          } else if (type <= 30) {
            // deprecated 2- and 3-element arrays: kept as bytes
            t = ExtraDimension.Type.BYTES;
            bytes =
                ExtraDimension.Type.values()[(type - 1) % 10 + 1].size() * ((type - 1) / 10 + 1);
          } else {
            warn(
                "extra-bytes",
                "extra dimension '" + dimName + "' has unknown data type " + type + "; skipped");
            continue;
          }
          if (bytes <= 0 || offset + bytes > extraBytes) {
            warn(
                "extra-bytes",
                "extra dimension '"
                    + dimName
                    + "' ("
                    + bytes
                    + " bytes at "
                    + offset
                    + ") does not fit the "
                    + extraBytes
                    + " extra bytes of a point; it and later ones are kept as raw bytes");
            return dims;
          }
          double scale =
              (opts & 8) != 0 && t != ExtraDimension.Type.BYTES ? b.getDouble(p + 112) : 1;
          double off =
              (opts & 16) != 0 && t != ExtraDimension.Type.BYTES ? b.getDouble(p + 136) : 0;
          if (scale == 0 || !Double.isFinite(scale) || !Double.isFinite(off)) {
            scale = 1;
            off = 0;
          }
          dims.add(new ExtraDimension(dimName, text(b, p + 160, 32), t, offset, bytes, scale, off));
          offset += bytes;
        }
      }
      return dims;
    }

    private ByteBuffer read(long at, int n) throws IOException {
      ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
      while (b.hasRemaining()) {
        if (channel.read(b, at + b.position()) < 0) {
          throw error(at + b.position(), "unexpected end of file");
        }
      }
      return b.clear();
    }

    private byte[] bytes(long at, int n) throws IOException {
      return read(at, n).array();
    }
  }

  private TwinFormatException error(long offset, String message) {
    return new TwinFormatException(new SourceLocation(name, -1, -1, offset, null), message);
  }

  private static int u8(ByteBuffer b, int p) {
    return b.get(p) & 0xFF;
  }

  private static int u16(ByteBuffer b, int p) {
    return b.getShort(p) & 0xFFFF;
  }

  private static long u32(ByteBuffer b, int p) {
    return b.getInt(p) & 0xFFFFFFFFL;
  }

  private static String text(ByteBuffer b, int p, int n) {
    byte[] t = new byte[n];
    b.get(p, t);
    int len = 0;
    while (len < n && t[len] != 0) {
      len++;
    }
    return new String(t, 0, len, StandardCharsets.ISO_8859_1).strip();
  }
}
