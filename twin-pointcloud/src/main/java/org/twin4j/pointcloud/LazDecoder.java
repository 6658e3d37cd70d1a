// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import com.github.mreutegg.laszip4j.laslib.LASreadOpener;
import com.github.mreutegg.laszip4j.laslib.LASreader;
import com.github.mreutegg.laszip4j.laszip.LASreadPoint;
import com.github.mreutegg.laszip4j.laszip.LASwritePoint;
import com.github.mreutegg.laszip4j.laszip.LASzip;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.io.SourceLocation;
import org.twin4j.core.io.TwinFormatException;

/**
 * Decompresses the points of a LAZ file into plain LAS point records, one LASzip chunk at a time.
 * Chunked files whose items all have version-2 coders (point formats 0–5, what LASzip 2.x and 3.x
 * write for them) are decoded by twin4j's own codec ({@link LazChunks}) from the chunk table; other
 * files (layered LAS 1.4 chunks of formats 6–10, pointwise or version-1 files, files without a
 * chunk table) by laszip4j's point decompressor.
 *
 * <p>LASzip chunks (50 000 points by default) are independent, so with {@code threads > 1} each of
 * {@code threads} lanes owns a laszip4j reader and decodes chunks {@code lane, lane + threads, …}
 * ahead of the consumer, which takes them in file order: the output does not depend on the number
 * of threads. Each lane keeps at most two decoded chunks waiting. Files whose chunks vary in size
 * (LASzip's "adaptive" chunking) are decoded on the calling thread.
 */
final class LazDecoder implements AutoCloseable {

  private static final int LANE_DEPTH = 2;

  private final Path path;
  private final long offsetToPoints;
  private final String name;
  private final long count;
  private final long chunkSize;
  private final int recordLength;
  private final long chunks;
  private final List<Lane> lanes = new ArrayList<>();
  private @Nullable ByteBuffer mapped;
  private final @Nullable String tableProblem;
  private final LazChunks.@Nullable Layout layout;
  private final LazChunks.@Nullable Table table;
  private final @Nullable FileChannel channel;

  /** Where the next chunk starts, for a file without a chunk table. */
  private long cursor;

  private @Nullable Chunks sequential;
  private long nextChunk;
  private volatile boolean closed;

  /** The dimensions kept: layers holding none of them are not decoded. */
  private final Set<PointDimension> keep;

  /** A decoded block of records, or the failure that stopped its lane. */
  private record Block(@Nullable ByteBuffer records, int points, @Nullable String error) {}

  LazDecoder(
      Path path,
      String name,
      long offsetToPoints,
      long count,
      long chunkSize,
      LazChunks.@Nullable Layout layout,
      int recordLength,
      int threads,
      Set<PointDimension> keep)
      throws IOException {
    this(path, name, offsetToPoints, count, chunkSize, layout, recordLength, threads, true, keep);
  }

  /**
   * Opens the decoder.
   *
   * @param own whether twin4j's own codec may be used (false: laszip4j for every file, for tests)
   * @param keep the dimensions the caller keeps: twin4j's codec skips the layers of LAS 1.4 chunks
   *     that hold only others (their bytes in the records are then left as in the chunk's first)
   */
  LazDecoder(
      Path path,
      String name,
      long offsetToPoints,
      long count,
      long chunkSize,
      LazChunks.@Nullable Layout layout,
      int recordLength,
      int threads,
      boolean own,
      Set<PointDimension> keep)
      throws IOException {
    this.keep = keep;
    this.path = path;
    this.offsetToPoints = offsetToPoints;
    this.name = name;
    this.count = count;
    this.recordLength = recordLength;
    boolean fixed = !LazChunks.variable(chunkSize);
    LazChunks.Table t = null;
    FileChannel ch = null;
    String problem = null;
    if (own && layout != null && layout.supported() && layout.recordLength() == recordLength) {
      ch = FileChannel.open(path, StandardOpenOption.READ);
      try {
        t = LazChunks.readTable(ch, offsetToPoints, layout.chunkSize(), count, recordLength);
      } catch (IOException e) {
        if (!fixed) {
          ch.close();
          throw new TwinFormatException(SourceLocation.of(name), e.getMessage(), e);
        }
        // as LASzip does: chunks of a fixed size are found one after the other without it
        problem = e.getMessage() + "; the chunks are read one after the other";
      }
      if (t == null && !fixed) {
        ch.close(); // variable chunks cannot be found without their table
        ch = null;
      }
    }
    this.tableProblem = problem;
    this.channel = ch;
    this.layout = ch == null ? null : layout;
    this.table = t;
    this.cursor = offsetToPoints + 8;
    this.chunkSize = fixed ? chunkSize : Math.min(count, 50_000L);
    this.chunks =
        t != null ? t.chunks() : count == 0 ? 0 : (count + this.chunkSize - 1) / this.chunkSize;
    boolean ok = false;
    try {
      this.mapped = ch == null ? map(path) : null;
      // without a table, chunks are found one after the other: one lane
      int lanesWanted =
          (ch != null && t == null) || !(fixed || t != null) ? 1 : (int) Math.min(threads, chunks);
      if (lanesWanted > 1) {
        for (int j = 0; j < lanesWanted; j++) {
          Lane lane = new Lane(j, lanesWanted);
          lanes.add(lane);
          lane.thread.start();
        }
      } else {
        sequential = chunks();
      }
      ok = true;
    } finally {
      if (!ok) {
        close();
      }
    }
  }

  /**
   * What was wrong with the chunk table, when the chunks are read without it; null otherwise.
   *
   * @return the problem, for a warning
   */
  @Nullable String tableProblem() {
    return tableProblem;
  }

  /** A decoder for one thread: twin4j's own codec where the layout allows, else laszip4j. */
  private Chunks chunks() throws IOException {
    return channel != null ? new Own() : new Source();
  }

  /** Decodes chunks in any order. */
  private interface Chunks {
    /**
     * Decodes chunk {@code k}.
     *
     * @param done set to the number of points decoded, also on failure
     * @return the records, or null when the decoder stopped early
     */
    @Nullable ByteBuffer decode(long k, int[] done) throws IOException;

    void close();
  }

  /** twin4j's own LASzip codec, reading each chunk's bytes from the file. */
  private final class Own implements Chunks {
    private final LazChunks.Codec codec;
    private byte[] buffer = new byte[0];

    Own() {
      codec = layout.codec(keep);
    }

    @Override
    public ByteBuffer decode(long k, int[] done) throws IOException {
      LazChunks.Table t = table;
      int n = pointsIn(k);
      long from;
      long to;
      if (t != null) {
        from = t.starts()[(int) k];
        to = t.starts()[(int) k + 1];
      } else {
        // no table: the chunk starts where the previous one ended, and is at most about twice
        // its raw size (arithmetic coding never grows data that much)
        from = cursor;
        to = Math.min(channel.size(), from + 2L * n * recordLength + 1024);
      }
      if (to - from > Integer.MAX_VALUE - 16 || (long) n * recordLength > Integer.MAX_VALUE - 16) {
        throw new LazInput.Corrupt(
            "chunk " + k + " of " + n + " points (" + (to - from) + " bytes) is beyond 2 GiB");
      }
      int size = (int) (to - from);
      if (buffer.length < size) {
        buffer = new byte[Math.max(size, buffer.length + buffer.length / 2)];
      }
      LazChunks.readFully(channel, ByteBuffer.wrap(buffer, 0, size), from);
      byte[] records = new byte[n * recordLength];
      int end;
      try {
        end = codec.decode(buffer, 0, size, n, records);
      } finally {
        done[0] = codec.decoded();
      }
      if (t == null) {
        cursor = from + end;
      } else if (end != size) {
        throw new LazInput.Corrupt(
            "the chunk table gives it "
                + size
                + " bytes, but its points end after "
                + end
                + " (the chunk is corrupt)");
      }
      return ByteBuffer.wrap(records).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public void close() {
      // the channel is the decoder's
    }
  }

  private static @Nullable ByteBuffer map(Path path) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = ch.size();
      return size <= Integer.MAX_VALUE
          ? ch.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.LITTLE_ENDIAN)
          : null;
    }
  }

  /**
   * One decoder: a laszip4j reader for the header and the point layout, and laszip4j's point
   * decompressor fed from {@link LazByteStream} over the file's map (or laszip4j's own stream for
   * files above 2 GiB).
   */
  private final class Source implements Chunks {
    final LASreader meta;
    final @Nullable LASreadPoint points;
    long current;

    Source() throws IOException {
      meta = open();
      LASreadPoint p = null;
      if (mapped != null) {
        try {
          p = new LASreadPoint(LASzip.LASZIP_DECOMPRESS_SELECTIVE_ALL);
          LASzip laszip = meta.header.laszip;
          LazByteStream in = new LazByteStream(mapped);
          if (!p.setup(laszip.num_items, laszip.items, laszip)
              // the file's own offset: laszip4j's header shows the offset without its LASzip
              // record
              || !in.seek(offsetToPoints)
              || !p.init(in)) {
            p = null;
          }
        } catch (RuntimeException e) {
          closeQuietly(meta);
          throw new TwinFormatException(
              SourceLocation.of(name), "laszip4j cannot set up its decoder: " + e, e);
        }
      }
      points = p;
    }

    boolean seek(long target) {
      if (points == null) {
        return meta.seek(target);
      }
      if (target == current) {
        return true;
      }
      boolean ok = points.seek((int) current, (int) target);
      current = target;
      return ok;
    }

    boolean read() {
      if (points == null) {
        return meta.read_point();
      }
      current++;
      return points.read(meta.point.PointRecords);
    }

    @Override
    public @Nullable ByteBuffer decode(long k, int[] done) {
      if (!seek(k * chunkSize)) {
        done[0] = 0;
        return null;
      }
      return LazDecoder.decode(this, pointsIn(k), recordLength, done);
    }

    @Override
    public void close() {
      closeQuietly(meta);
    }
  }

  private LASreader open() throws IOException {
    LASreader r;
    try {
      r = new LASreadOpener().open(path.toString());
    } catch (RuntimeException e) {
      throw new TwinFormatException(
          SourceLocation.of(name), "laszip4j cannot open the compressed points: " + e, e);
    }
    if (r == null) {
      throw new TwinFormatException(
          SourceLocation.of(name), "laszip4j cannot open the compressed points");
    }
    return r;
  }

  /** The number of points in chunk {@code k}. */
  private int pointsIn(long k) {
    LazChunks.Table t = table;
    long n = t != null ? t.counts()[(int) k] : Math.min(chunkSize, count - k * chunkSize);
    return (int) Math.min(n, Integer.MAX_VALUE);
  }

  /**
   * Decodes {@code n} points at the reader's position into records.
   *
   * @return the records, or null with {@code failed[0]} set to how many points were decoded
   */
  private static @Nullable ByteBuffer decode(Source r, int n, int recordLength, int[] done) {
    LASwritePoint w = new LASwritePoint();
    RecordSink out = new RecordSink(n * recordLength);
    w.setup(r.meta.header.laszip.num_items, r.meta.header.laszip.items);
    w.init(out);
    for (int i = 0; i < n; i++) {
      if (!r.read()) {
        done[0] = i;
        return null;
      }
      w.write(r.meta.point.PointRecords);
    }
    w.done();
    done[0] = n;
    return out.records();
  }

  /** Tells whether another chunk of records is to come. */
  boolean hasNext() {
    return nextChunk < chunks;
  }

  /**
   * Returns the records of the next LASzip chunk, in file order.
   *
   * @return a little-endian buffer of {@code points * recordLength} bytes from index 0
   */
  ByteBuffer next() throws IOException {
    long k = nextChunk++;
    int n = pointsIn(k);
    Block b;
    if (lanes.isEmpty()) {
      Chunks r = sequential;
      int[] done = new int[1];
      ByteBuffer records;
      try {
        records = r.decode(k, done);
      } catch (LazInput.Corrupt e) {
        throw corrupt(k, done[0], e.getMessage());
      } catch (RuntimeException e) {
        throw corrupt(k, done[0], e.toString());
      }
      b = new Block(records, done[0], records == null ? "the decoder stopped" : null);
    } else {
      Lane lane = lanes.get((int) (k % lanes.size()));
      try {
        b = lane.queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while decoding " + name);
      }
    }
    if (b.records == null) {
      throw corrupt(k, b.points, String.valueOf(b.error));
    }
    return b.records;
  }

  private TwinFormatException corrupt(long k, int decoded, String why) {
    LazChunks.Table t = table;
    long firstPoint = k * chunkSize;
    if (t != null) {
      firstPoint = 0;
      for (int i = 0; i < k; i++) {
        firstPoint += t.counts()[i];
      }
    }
    long at = firstPoint + decoded;
    return new TwinFormatException(
        SourceLocation.of(name),
        "the compressed points are corrupt or truncated: chunk "
            + k
            + " of "
            + chunks
            + (t != null
                ? " (bytes " + t.starts()[(int) k] + " to " + t.starts()[(int) k + 1] + ")"
                : "")
            + " ends after "
            + decoded
            + " of "
            + pointsIn(k)
            + " points (point "
            + at
            + " of "
            + count
            + "): "
            + why);
  }

  @Override
  public void close() {
    closed = true;
    for (Lane lane : lanes) {
      lane.thread.interrupt();
    }
    for (Lane lane : lanes) {
      try {
        lane.thread.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (sequential != null) {
      sequential.close();
      sequential = null;
    }
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        System.getLogger(LasReader.class.getName())
            .log(System.Logger.Level.DEBUG, "closing " + name + " failed", e);
      }
    }
  }

  private static void closeQuietly(LASreader r) {
    try {
      r.close();
    } catch (RuntimeException e) {
      System.getLogger(LasReader.class.getName())
          .log(System.Logger.Level.DEBUG, "closing a laszip4j reader failed", e);
    }
  }

  /** One decoding thread with its own laszip4j reader, taking every {@code stride}-th chunk. */
  private final class Lane implements Runnable {
    final BlockingQueue<Block> queue = new ArrayBlockingQueue<>(LANE_DEPTH);
    final Thread thread;
    private final int first;
    private final int stride;

    Lane(int first, int stride) {
      this.first = first;
      this.stride = stride;
      this.thread = new Thread(this, "twin-laz-" + name + "-" + first);
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      Chunks r = null;
      try {
        r = chunks();
        for (long k = first; k < chunks && !closed; k += stride) {
          Block b;
          int[] done = new int[1];
          try {
            ByteBuffer records = r.decode(k, done);
            b = new Block(records, done[0], records == null ? "the decoder stopped" : null);
          } catch (LazInput.Corrupt e) {
            b = new Block(null, done[0], e.getMessage());
          } catch (RuntimeException | IOException e) {
            b = new Block(null, done[0], e.toString());
          }
          queue.put(b);
          if (b.records == null) {
            return;
          }
        }
      } catch (InterruptedException e) {
        // closed: stop quietly
      } catch (IOException | RuntimeException | Error e) {
        // whatever ends this lane, the reader waiting for its next chunk must hear of it
        try {
          queue.put(new Block(null, 0, e.toString()));
        } catch (InterruptedException ie) {
          // closed meanwhile
        }
        if (e instanceof Error) {
          throw (Error) e;
        }
      } finally {
        if (r != null) {
          r.close();
        }
      }
    }
  }
}
