// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.io.AtomicFiles;
import org.twin4j.core.io.ReadWarning;
import org.twin4j.core.io.SourceLocation;

/**
 * Writes points to a LAS 1.2 or 1.4 file chunk by chunk, or to a LAZ file when the target's name
 * ends in {@code .laz}; the header's count, bounds and points by return are those of the points
 * written, filled in by {@link #close()}.
 *
 * <p>LAZ is written by twin4j's own LASzip coder, byte for byte what LASzip writes for the same
 * points: chunks of 50 000 points, coded with LASzip's pointwise version-2 items for point formats
 * 0–3 and its layered version-3 items for formats 6–8 (extra bytes included), and the chunk table.
 * The waveform formats 4, 5, 9 and 10 are refused for LAZ: twin4j does not keep waveform packets.
 *
 * <p>Points keep every dimension the target format has: coordinates as the same quantized integers
 * with the same scale and offset, classes, flags, GPS time, colour, NIR, extra bytes (with their
 * descriptors) and the source's VLRs (the LASzip record of a LAZ source excepted). Whatever the
 * target cannot hold is counted and reported to the listener when the writer closes.
 *
 * <p>The file appears under its name only when {@link #close()} succeeds: until then the bytes go
 * to a temporary file beside it, which {@link #abort()} (or a failure) deletes.
 *
 * @since 1.0
 */
public final class LasWriter implements AutoCloseable {

  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final LasWriteOptions options;
  private final PointSchema source;
  private final PointSchema schema;
  private final int versionMinor;
  private final @Nullable LasHeader template;
  private final List<LasRecord> records;
  private final int headerSize;
  private final long offsetToPoints;
  private final RecordCodec.Losses losses = new RecordCodec.Losses();
  private final int[] min = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
  private final int[] max = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
  private final long[] byReturn = new long[16];
  private long count;
  private boolean done;

  /** The LAZ coder, or null for LAS. */
  private final LazChunks.@Nullable Codec laz;

  /** Records waiting for the next LAZ chunk. */
  private byte @Nullable [] pending;

  private int pendingPoints;

  /** One coder per compression thread, taken by a thread while it compresses a chunk. */
  private final BlockingQueue<LazChunks.Codec> spareCoders = new LinkedBlockingQueue<>();

  /** The compression threads, or null when the writing thread compresses. */
  private @Nullable ExecutorService pool;

  /** Chunks being compressed, in file order. */
  private final ArrayDeque<Future<byte[]>> inFlight = new ArrayDeque<>();

  /** Where the next LAZ chunk goes. */
  private long lazAt;

  private final List<Long> chunkBytes = new ArrayList<>();

  private LasWriter(
      Path target,
      PointSchema source,
      @Nullable LasHeader template,
      @Nullable CrsIdentifier crs,
      LasWriteOptions options)
      throws IOException {
    this.target = target.toAbsolutePath();
    this.options = options;
    this.source = source;
    this.template = template;
    this.versionMinor = options.versionMinor();
    int format = options.pointFormat() >= 0 ? options.pointFormat() : nearest(source, versionMinor);
    PointSchema s = source.withFormat(format, source.extraBytes(), source.extraDimensions());
    this.schema = s;
    List<LasRecord> recs = records(template, crs, versionMinor, source);
    int[][] items = null;
    if (isLaz(this.target)) {
      items = lazItems(s, this.target);
      recs.add(
          new LasRecord(
              "laszip encoded",
              22204,
              "twin4j LASzip coder",
              LazChunks.Layout.payload(
                  s.pointFormat() >= 6 ? LazChunks.LAYERED_CHUNKED : LazChunks.POINTWISE_CHUNKED,
                  items,
                  lazChunk(s)),
              false));
    }
    this.records = recs;
    int size = versionMinor == 4 ? 375 : 227;
    this.headerSize = size;
    long off = size;
    for (LasRecord r : records) {
      if (!r.extended()) {
        off += 54 + r.length();
      }
    }
    this.offsetToPoints = off;
    if (items != null) {
      this.laz = codec(s, items);
      if (options.threads() > 1) {
        for (int i = 0; i < options.threads(); i++) {
          spareCoders.add(codec(s, items));
        }
        // idle threads end after a while, so a writer never closed does not keep them
        ThreadPoolExecutor p =
            new ThreadPoolExecutor(
                options.threads(),
                options.threads(),
                5,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                r -> {
                  Thread t = new Thread(r, "twin-laz-writer");
                  t.setDaemon(true);
                  return t;
                });
        p.allowCoreThreadTimeOut(true);
        this.pool = p;
      }
      this.pending = new byte[lazChunk(s) * s.recordLength()];
      this.lazAt = off + 8; // after the pointer to the chunk table
    } else {
      this.laz = null;
    }
    this.temp = AtomicFiles.tempBeside(this.target, "");
    this.channel = FileChannel.open(temp, StandardOpenOption.WRITE);
  }

  private static LazChunks.Codec codec(PointSchema s, int[][] items) {
    if (s.pointFormat() >= 6) {
      LazLayered[] coders = new LazLayered[items.length];
      for (int i = 0; i < items.length; i++) {
        coders[i] = LazLayered.of(items[i][0], items[i][1], 3);
      }
      return new LazChunks.Codec(null, coders);
    }
    LazItem[] coders = new LazItem[items.length];
    for (int i = 0; i < items.length; i++) {
      coders[i] = LazItem.of(items[i][0], items[i][1], 2);
    }
    return new LazChunks.Codec(coders, null);
  }

  /**
   * Points per LAZ chunk: LASzip's 50 000, fewer for records so long that a chunk passes 64 MiB.
   */
  private static int lazChunk(PointSchema s) {
    return Math.min(LazChunks.DEFAULT_CHUNK, (64 << 20) / s.recordLength());
  }

  private static boolean isLaz(Path p) {
    return p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".laz");
  }

  /** LASzip's items for a point format: type and size of each. */
  private static int[][] lazItems(PointSchema s, Path target) {
    int f = s.pointFormat();
    if (f == 4 || f == 5 || f > 8) {
      throw new IllegalArgumentException(
          "cannot write point format "
              + f
              + " as LAZ ("
              + target.getFileName()
              + "): it carries waveform packets, which twin4j does not keep nor code; write"
              + " .las, or LAZ as format "
              + (f == 4 ? 1 : f == 5 ? 3 : f == 9 ? 6 : 7));
    }
    List<int[]> items = new ArrayList<>();
    if (f >= 6) {
      items.add(new int[] {LazLayered.POINT14, 30});
      if (f == 7) {
        items.add(new int[] {LazLayered.RGB14, 6});
      } else if (f == 8) {
        items.add(new int[] {LazLayered.RGBNIR14, 8});
      }
      if (s.extraBytes() > 0) {
        items.add(new int[] {LazLayered.BYTE14, s.extraBytes()});
      }
      return items.toArray(new int[0][]);
    }
    items.add(new int[] {LazItem.POINT10, 20});
    if (f == 1 || f == 3) {
      items.add(new int[] {LazItem.GPSTIME11, 8});
    }
    if (f == 2 || f == 3) {
      items.add(new int[] {LazItem.RGB12, 6});
    }
    if (s.extraBytes() > 0) {
      items.add(new int[] {LazItem.BYTE, s.extraBytes()});
    }
    return items.toArray(new int[0][]);
  }

  /**
   * Opens a writer.
   *
   * @param target the file to write
   * @param source the schema of the chunks that will be written
   * @param template the header of the file the points came from, whose records, system id, dates
   *     and encoding are kept; or null
   * @param crs the CRS to record when the template has no CRS records; or null
   * @param options the version, format and listener
   * @return the writer
   * @throws IOException if the temporary file cannot be created
   */
  public static LasWriter open(
      Path target,
      PointSchema source,
      @Nullable LasHeader template,
      @Nullable CrsIdentifier crs,
      LasWriteOptions options)
      throws IOException {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(options, "options");
    return new LasWriter(target, source, template, crs, options);
  }

  /**
   * Returns the schema of the records written (the target point format).
   *
   * @return the schema
   */
  public PointSchema schema() {
    return schema;
  }

  private static int nearest(PointSchema s, int minor) {
    int f = s.pointFormat();
    if (minor == 4 || f <= 5) {
      return f;
    }
    return new int[] {1, 3, 3, 4, 5}[f - 6];
  }

  private static List<LasRecord> records(
      @Nullable LasHeader template, @Nullable CrsIdentifier crs, int minor, PointSchema source) {
    List<LasRecord> out = new ArrayList<>();
    boolean hasCrs = false;
    boolean hasExtra =
        template != null && template.records().stream().anyMatch(r -> r.is("LASF_Spec", 4));
    if (!hasExtra && !source.extraDimensions().isEmpty()) {
      out.add(extraBytesRecord(source));
    }
    if (template != null) {
      for (LasRecord r : template.records()) {
        if (r.is("laszip encoded", 22204)) {
          continue;
        }
        if (r.userId().equals("LASF_Projection")) {
          hasCrs = true;
        }
        if (r.extended() && minor < 4) {
          if (r.length() <= 0xFFFF) {
            out.add(new LasRecord(r.userId(), r.recordId(), r.description(), r.bytes(), false));
          }
          continue;
        }
        out.add(r);
      }
    }
    if (!hasCrs && crs != null) {
      if (crs.wkt() != null) {
        byte[] wkt = (crs.wkt() + "\0").getBytes(StandardCharsets.UTF_8);
        out.add(new LasRecord("LASF_Projection", 2112, "OGC WKT", wkt, wkt.length > 0xFFFF));
      } else if (crs.horizontalEpsg() != 0) {
        out.add(
            new LasRecord("LASF_Projection", 34735, "GeoTIFF GeoKeyDirectory", keys(crs), false));
      }
    }
    return out;
  }

  /** An Extra Bytes record (LAS 1.4 R15 §2.6.2) describing the schema's extra dimensions. */
  private static LasRecord extraBytesRecord(PointSchema s) {
    List<ExtraDimension> dims = s.extraDimensions();
    ByteBuffer b = ByteBuffer.allocate(192 * dims.size()).order(ByteOrder.LITTLE_ENDIAN);
    for (int k = 0; k < dims.size(); k++) {
      ExtraDimension d = dims.get(k);
      int p = 192 * k;
      boolean typed = d.type() != ExtraDimension.Type.BYTES;
      b.put(p + 2, (byte) d.type().ordinal());
      int options = typed ? 0 : d.byteSize();
      if (typed && d.scale() != 1) {
        options |= 8;
        b.putDouble(p + 112, d.scale());
      }
      if (typed && d.offset() != 0) {
        options |= 16;
        b.putDouble(p + 136, d.offset());
      }
      b.put(p + 3, (byte) options);
      putText(b, p + 4, 32, d.name());
      putText(b, p + 160, 32, d.description());
    }
    return new LasRecord("LASF_Spec", 4, "Extra Bytes", b.array(), false);
  }

  /** A GeoTIFF key directory naming the EPSG code(s) of a CRS. */
  private static byte[] keys(CrsIdentifier crs) {
    boolean geographic = crs.isGeographic();
    int n = 2 + (crs.verticalEpsg() != 0 ? 1 : 0);
    ByteBuffer b = ByteBuffer.allocate(8 + 8 * n).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort((short) 1).putShort((short) 1).putShort((short) 0).putShort((short) n);
    b.putShort((short) 1024).putShort((short) 0).putShort((short) 1);
    b.putShort((short) (geographic ? 2 : 1));
    b.putShort((short) (geographic ? 2048 : 3072)).putShort((short) 0).putShort((short) 1);
    b.putShort((short) crs.horizontalEpsg());
    if (crs.verticalEpsg() != 0) {
      b.putShort((short) 4096).putShort((short) 0).putShort((short) 1);
      b.putShort((short) crs.verticalEpsg());
    }
    return b.array();
  }

  /**
   * Writes a chunk of points.
   *
   * @param chunk points following the source schema given to {@link #open}
   * @throws IOException if writing fails (the writer is then aborted)
   */
  public void write(PointChunk chunk) throws IOException {
    if (done) {
      throw new IllegalStateException("the writer of " + target + " is closed");
    }
    if (!chunk.schema.equals(source)) {
      throw new IllegalArgumentException("the chunk follows another schema than the writer's");
    }
    int n = chunk.size;
    int len = schema.recordLength();
    ByteBuffer out = ByteBuffer.allocate(n * len).order(ByteOrder.LITTLE_ENDIAN);
    RecordCodec.encode(chunk, 0, n, schema, out, 0, losses);
    PointCloud.rawBounds(chunk, min, max);
    for (int i = 0; i < n; i++) {
      byReturn[chunk.returns[i] & 0x0F]++;
    }
    try {
      if (laz != null) {
        buffer(out.array(), n, len);
      } else {
        long at = offsetToPoints + count * len;
        while (out.hasRemaining()) {
          at += channel.write(out, at);
        }
      }
    } catch (IOException | RuntimeException e) {
      abort();
      throw e;
    }
    count += n;
  }

  /** Adds records to the pending LAZ chunk, coding and writing each chunk once it is full. */
  private void buffer(byte[] recs, int n, int len) throws IOException {
    int chunk = lazChunk(schema);
    int i = 0;
    while (i < n) {
      int take = Math.min(n - i, chunk - pendingPoints);
      // pending is replaced when a chunk goes to a compression thread: read it afresh
      System.arraycopy(recs, i * len, pending, pendingPoints * len, take * len);
      pendingPoints += take;
      i += take;
      if (pendingPoints == chunk) {
        flushChunk();
      }
    }
  }

  private void flushChunk() throws IOException {
    if (pendingPoints == 0) {
      return;
    }
    ExecutorService p = pool;
    if (p == null) {
      LazOutput coded = laz.encode(pending, pendingPoints);
      writeChunk(coded.bytes(), coded.size());
    } else {
      byte[] records = pending;
      int n = pendingPoints;
      inFlight.add(
          p.submit(
              () -> {
                LazChunks.Codec c = spareCoders.take();
                try {
                  LazOutput coded = c.encode(records, n);
                  return java.util.Arrays.copyOf(coded.bytes(), coded.size());
                } finally {
                  spareCoders.add(c);
                }
              }));
      pending = new byte[records.length];
      while (inFlight.size() > options.threads()) {
        writeOldest();
      }
    }
    pendingPoints = 0;
  }

  /** Waits for the oldest chunk being compressed and writes it. */
  private void writeOldest() throws IOException {
    byte[] coded;
    try {
      coded = inFlight.remove().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while writing " + target);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IOException("compressing a chunk of " + target + " failed: " + cause, cause);
    }
    writeChunk(coded, coded.length);
  }

  private void writeChunk(byte[] coded, int size) throws IOException {
    writeFully(ByteBuffer.wrap(coded, 0, size), lazAt);
    lazAt += size;
    chunkBytes.add((long) size);
  }

  private void writeFully(ByteBuffer b, long at) throws IOException {
    long p = at;
    while (b.hasRemaining()) {
      p += channel.write(b, p);
    }
  }

  /** Ends the LAZ points: the last chunk, the chunk table and the pointer to it. */
  private long finishLaz() throws IOException {
    flushChunk();
    while (!inFlight.isEmpty()) {
      writeOldest();
    }
    stopPool();
    long tableAt = lazAt;
    long[] sizes = new long[chunkBytes.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = chunkBytes.get(i);
    }
    byte[] table = LazChunks.tableBytes(sizes, null, sizes.length);
    writeFully(ByteBuffer.wrap(table), tableAt);
    ByteBuffer pointer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    pointer.putLong(0, tableAt);
    writeFully(pointer, offsetToPoints);
    return tableAt + table.length;
  }

  /**
   * Writes every point of a cloud.
   *
   * @param cloud the points, following the source schema
   * @throws IOException if writing fails
   */
  public void write(PointCloud cloud) throws IOException {
    for (PointChunk c : cloud.chunks()) {
      write(c);
    }
  }

  /**
   * Returns the number of points written so far.
   *
   * @return the count
   */
  public long count() {
    return count;
  }

  /**
   * Writes the header and records and moves the file into place.
   *
   * @throws IOException if writing fails (nothing is left behind)
   */
  @Override
  public void close() throws IOException {
    if (done) {
      return;
    }
    try {
      if (versionMinor < 4 && count > 0xFFFFFFFFL) {
        throw new IOException(
            "LAS 1.2 holds at most 4294967295 points, " + count + " were written; write LAS 1.4");
      }
      long evlrStart = laz != null ? finishLaz() : offsetToPoints + count * schema.recordLength();
      long evlrCount = 0;
      long at = evlrStart;
      for (LasRecord r : records) {
        if (r.extended()) {
          ByteBuffer e = ByteBuffer.allocate(60 + r.length()).order(ByteOrder.LITTLE_ENDIAN);
          recordHeader(e, r, true);
          e.put(r.bytes()).flip();
          while (e.hasRemaining()) {
            at += channel.write(e, at);
          }
          evlrCount++;
        }
      }
      ByteBuffer h = header(evlrCount > 0 ? evlrStart : 0, evlrCount);
      long p = 0;
      while (h.hasRemaining()) {
        p += channel.write(h, p);
      }
      channel.force(false);
      channel.close();
      done = true;
      AtomicFiles.moveIntoPlace(temp, target);
    } catch (IOException | RuntimeException e) {
      done = false;
      abort();
      throw e;
    }
    reportLosses();
  }

  private void stopPool() {
    ExecutorService p = pool;
    if (p != null) {
      p.shutdownNow();
      pool = null;
    }
  }

  /** Deletes the temporary file; the target is left as it was. */
  public void abort() {
    if (done) {
      return;
    }
    done = true;
    stopPool();
    inFlight.clear();
    try {
      channel.close();
    } catch (IOException e) {
      // deleted next
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      System.getLogger(LasWriter.class.getName())
          .log(System.Logger.Level.WARNING, "could not delete the temporary file " + temp, e);
    }
  }

  private void reportLosses() {
    loss("classes-clamped", losses.classesClamped, "classes above 31 written as 0 (LAS 1.2)");
    loss("returns-clamped", losses.returnsClamped, "return numbers/counts above 7 clamped to 7");
    loss("overlap-dropped", losses.overlapDropped, "overlap flags dropped (no such bit)");
    loss("channel-dropped", losses.channelDropped, "scanner channels dropped (no such field)");
    loss("nir-dropped", losses.nirDropped, "NIR values dropped (the format has no NIR)");
    loss("scan-angle-rounded", losses.scanAngleRounded, "scan angles rounded to whole degrees");
    loss("extra-dropped", losses.extraDropped, "points lost extra bytes");
  }

  private void loss(String kind, long n, String what) {
    if (n > 0) {
      options
          .listener()
          .warning(
              new ReadWarning(
                  kind,
                  n + " points: " + what + " writing format " + schema.pointFormat(),
                  SourceLocation.of(target.toString())));
    }
  }

  private ByteBuffer header(long evlrStart, long evlrCount) {
    ByteBuffer h = ByteBuffer.allocate((int) offsetToPoints).order(ByteOrder.LITTLE_ENDIAN);
    h.put("LASF".getBytes(StandardCharsets.ISO_8859_1));
    h.putShort(4, (short) (template == null ? 0 : template.fileSourceId()));
    int encoding = template == null ? 0 : template.globalEncoding();
    if (versionMinor < 4) {
      encoding &= 1;
    } else if (hasWkt()) {
      encoding |= 0x10;
    }
    h.putShort(6, (short) encoding);
    h.put(24, (byte) 1).put(25, (byte) versionMinor);
    putText(h, 26, 32, template == null ? "twin4j" : template.systemId());
    putText(h, 58, 32, "twin4j");
    h.putShort(90, (short) (template == null ? 0 : template.creationDay()));
    h.putShort(92, (short) (template == null ? 0 : template.creationYear()));
    h.putShort(94, (short) headerSize);
    h.putInt(96, (int) offsetToPoints);
    long vlrs = records.stream().filter(r -> !r.extended()).count();
    h.putInt(100, (int) vlrs);
    h.put(104, (byte) (schema.pointFormat() | (laz != null ? 0x80 : 0)));
    h.putShort(105, (short) schema.recordLength());
    boolean legacyFits = count <= 0xFFFFFFFFL && schema.pointFormat() <= 5;
    h.putInt(107, legacyFits ? (int) count : 0);
    for (int i = 0; i < 5; i++) {
      h.putInt(111 + 4 * i, legacyFits ? (int) byReturn[i + 1] : 0);
    }
    h.putDouble(131, schema.scaleX()).putDouble(139, schema.scaleY());
    h.putDouble(147, schema.scaleZ());
    h.putDouble(155, schema.offsetX()).putDouble(163, schema.offsetY());
    h.putDouble(171, schema.offsetZ());
    boolean any = count > 0;
    h.putDouble(179, any ? max[0] * schema.scaleX() + schema.offsetX() : 0);
    h.putDouble(187, any ? min[0] * schema.scaleX() + schema.offsetX() : 0);
    h.putDouble(195, any ? max[1] * schema.scaleY() + schema.offsetY() : 0);
    h.putDouble(203, any ? min[1] * schema.scaleY() + schema.offsetY() : 0);
    h.putDouble(211, any ? max[2] * schema.scaleZ() + schema.offsetZ() : 0);
    h.putDouble(219, any ? min[2] * schema.scaleZ() + schema.offsetZ() : 0);
    if (versionMinor == 4) {
      h.putLong(227, 0);
      h.putLong(235, evlrStart);
      h.putInt(243, (int) evlrCount);
      h.putLong(247, count);
      for (int i = 0; i < 15; i++) {
        h.putLong(255 + 8 * i, byReturn[i + 1]);
      }
    }
    h.position(headerSize);
    for (LasRecord r : records) {
      if (!r.extended()) {
        recordHeader(h, r, false);
        h.put(r.bytes());
      }
    }
    return h.flip();
  }

  private boolean hasWkt() {
    for (LasRecord r : records) {
      if (r.is("LASF_Projection", 2112)) {
        return true;
      }
    }
    return false;
  }

  private static void recordHeader(ByteBuffer b, LasRecord r, boolean extended) {
    int p = b.position();
    b.putShort(p, (short) 0);
    putText(b, p + 2, 16, r.userId());
    b.putShort(p + 18, (short) r.recordId());
    if (extended) {
      b.putLong(p + 20, r.length());
      putText(b, p + 28, 32, r.description());
      b.position(p + 60);
    } else {
      b.putShort(p + 20, (short) r.length());
      putText(b, p + 22, 32, r.description());
      b.position(p + 54);
    }
  }

  private static void putText(ByteBuffer b, int p, int n, String s) {
    byte[] t = s.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < n; i++) {
      b.put(p + i, i < t.length ? t[i] : 0);
    }
  }
}
