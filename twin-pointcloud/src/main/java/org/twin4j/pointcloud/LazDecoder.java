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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.io.SourceLocation;
import org.twin4j.core.io.TwinFormatException;

/**
 * Decompresses the points of a LAZ file into plain LAS point records, one LASzip chunk at a time,
 * with laszip4j doing the arithmetic decoding.
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
  private final @Nullable ByteBuffer mapped;
  private @Nullable Source sequential;
  private long nextChunk;
  private volatile boolean closed;

  /** A decoded block of records, or the failure that stopped its lane. */
  private record Block(@Nullable ByteBuffer records, int points, @Nullable String error) {}

  LazDecoder(
      Path path,
      String name,
      long offsetToPoints,
      long count,
      long chunkSize,
      int recordLength,
      int threads)
      throws IOException {
    this.path = path;
    this.offsetToPoints = offsetToPoints;
    this.name = name;
    this.count = count;
    this.recordLength = recordLength;
    boolean fixed = chunkSize > 0 && chunkSize < 0xFFFFFFFFL;
    this.chunkSize = fixed ? chunkSize : Math.min(count, 50_000L);
    this.chunks = count == 0 ? 0 : (count + this.chunkSize - 1) / this.chunkSize;
    this.mapped = map(path);
    int lanesWanted = fixed ? (int) Math.min(threads, chunks) : 1;
    if (lanesWanted > 1) {
      for (int j = 0; j < lanesWanted; j++) {
        Lane lane = new Lane(j, lanesWanted);
        lanes.add(lane);
        lane.thread.start();
      }
    } else {
      sequential = new Source();
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
  private final class Source {
    final LASreader meta;
    final @Nullable LASreadPoint points;
    long current;

    Source() throws IOException {
      meta = open();
      LASreadPoint p = null;
      if (mapped != null) {
        p = new LASreadPoint(LASzip.LASZIP_DECOMPRESS_SELECTIVE_ALL);
        LASzip laszip = meta.header.laszip;
        LazByteStream in = new LazByteStream(mapped);
        if (!p.setup(laszip.num_items, laszip.items, laszip)
            // the file's own offset: laszip4j's header shows the offset without its LASzip record
            || !in.seek(offsetToPoints)
            || !p.init(in)) {
          p = null;
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

    void close() {
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
    return (int) Math.min(chunkSize, count - k * chunkSize);
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
      Source r = sequential;
      int[] done = new int[1];
      ByteBuffer records;
      try {
        records = decode(r, n, recordLength, done);
      } catch (RuntimeException e) {
        throw corrupt(k, 0, e.toString());
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
    long at = k * chunkSize + decoded;
    return new TwinFormatException(
        SourceLocation.of(name),
        "the compressed points are corrupt or truncated: chunk "
            + k
            + " of "
            + chunks
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
      Source r = null;
      try {
        r = new Source();
        for (long k = first; k < chunks && !closed; k += stride) {
          Block b;
          try {
            if (!r.seek(k * chunkSize)) {
              b = new Block(null, 0, "laszip4j cannot seek to the chunk");
            } else {
              int[] done = new int[1];
              ByteBuffer records = decode(r, pointsIn(k), recordLength, done);
              b = new Block(records, done[0], records == null ? "the decoder stopped" : null);
            }
          } catch (RuntimeException e) {
            b = new Block(null, 0, e.toString());
          }
          queue.put(b);
          if (b.records == null) {
            return;
          }
        }
      } catch (InterruptedException e) {
        // closed: stop quietly
      } catch (IOException e) {
        try {
          queue.put(new Block(null, 0, e.getMessage()));
        } catch (InterruptedException ie) {
          // closed meanwhile
        }
      } finally {
        if (r != null) {
          r.close();
        }
      }
    }
  }
}
