// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * twin4j's own LASzip codec for chunked LAZ files: the LASzip record, the chunk table, and the
 * decoding and encoding of one chunk of point records, for the pointwise version-2 items of point
 * formats 0–3 ({@link LazItem}) and the layered version-3 items of formats 6–8 ({@link LazLayered})
 * — what LASzip 2.x and 3.x write for those formats.
 *
 * <p>A pointwise chunk is the raw first record, then every further record coded against its
 * predecessor by one arithmetic-coded stream; a layered chunk codes each group of fields in its own
 * stream. The chunk table after the points gives each chunk's byte count (and point count for
 * variable chunks), itself arithmetic-coded; the 8 bytes before the first chunk point to it.
 */
final class LazChunks {

  /** LASzip's compressor code for chunked pointwise compression. */
  static final int POINTWISE_CHUNKED = 2;

  /** LASzip's compressor code for chunked layered compression (LAS 1.4 formats 6–10). */
  static final int LAYERED_CHUNKED = 3;

  /** The chunk size LASzip writes by default. */
  static final int DEFAULT_CHUNK = 50_000;

  private LazChunks() {}

  /**
   * The layout of a LASzip record: compressor, chunk size and items (type, size, version).
   *
   * @param compressor 1 pointwise, 2 pointwise chunked, 3 layered chunked
   * @param chunkSize points per chunk, or 0xFFFFFFFF for variable chunks
   * @param items type, size and version of each item in record order
   */
  record Layout(int compressor, long chunkSize, List<int[]> items) {

    /** Reads the payload of a "laszip encoded"/22204 record. */
    static @Nullable Layout parse(byte[] payload) {
      if (payload.length < 34) {
        return null;
      }
      ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
      int compressor = b.getShort(0) & 0xFFFF;
      long chunk = b.getInt(12) & 0xFFFFFFFFL;
      int n = b.getShort(32) & 0xFFFF;
      if (payload.length < 34 + 6 * n) {
        return null;
      }
      List<int[]> items = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        int p = 34 + 6 * i;
        items.add(
            new int[] {
              b.getShort(p) & 0xFFFF, b.getShort(p + 2) & 0xFFFF, b.getShort(p + 4) & 0xFFFF
            });
      }
      return new Layout(compressor, chunk, List.copyOf(items));
    }

    /**
     * The LASzip record payload for items (type, size) of the given compressor: version-2 items for
     * the pointwise compressor (as LASzip 2.2 writes), version 3 for the layered one (3.4).
     */
    static byte[] payload(int compressor, int[][] items, int chunkSize) {
      boolean layered = compressor == LAYERED_CHUNKED;
      ByteBuffer b = ByteBuffer.allocate(34 + 6 * items.length).order(ByteOrder.LITTLE_ENDIAN);
      b.putShort((short) compressor);
      b.putShort((short) 0); // arithmetic coder
      b.put((byte) (layered ? 3 : 2)).put((byte) (layered ? 4 : 2)).putShort((short) 0);
      b.putInt(0); // options
      b.putInt(chunkSize);
      b.putLong(-1).putLong(-1); // no special EVLRs
      b.putShort((short) items.length);
      for (int[] it : items) {
        b.putShort((short) it[0]).putShort((short) it[1]).putShort((short) (layered ? 3 : 2));
      }
      return b.array();
    }

    /** Tells whether twin4j's own codec handles every item and the chunking. */
    boolean supported() {
      if (items.isEmpty()) {
        return false;
      }
      if (compressor == POINTWISE_CHUNKED) {
        for (int[] it : items) {
          if (LazItem.of(it[0], it[1], it[2]) == null) {
            return false;
          }
        }
        return true;
      }
      if (compressor == LAYERED_CHUNKED && items.get(0)[0] == LazLayered.POINT14) {
        for (int[] it : items) {
          if (LazLayered.of(it[0], it[1], it[2]) == null) {
            return false;
          }
        }
        return true;
      }
      return false;
    }

    /** A new codec for the items, for one thread. */
    Codec codec() {
      return codec(PointDimension.all());
    }

    /**
     * A new codec for the items, for one thread, decoding of LAS 1.4 layered chunks only the layers
     * that hold x, y, z, returns or a dimension in {@code keep}.
     */
    Codec codec(Set<PointDimension> keep) {
      if (compressor == LAYERED_CHUNKED) {
        LazLayered[] c = new LazLayered[items.size()];
        for (int i = 0; i < c.length; i++) {
          int[] it = items.get(i);
          c[i] = LazLayered.of(it[0], it[1], it[2]);
          c[i].keep(keep);
        }
        return new Codec(null, c);
      }
      LazItem[] c = new LazItem[items.size()];
      for (int i = 0; i < c.length; i++) {
        int[] it = items.get(i);
        c[i] = LazItem.of(it[0], it[1], it[2]);
      }
      return new Codec(c, null);
    }

    /** The record length the items add up to. */
    int recordLength() {
      int n = 0;
      for (int[] it : items) {
        n += it[1];
      }
      return n;
    }
  }

  /**
   * Where the chunks are: {@code starts[k]} is the first byte of chunk {@code k} and {@code
   * starts[chunks]} the end of the last; {@code counts[k]} its number of points.
   */
  record Table(long[] starts, long[] counts) {
    int chunks() {
      return counts.length;
    }
  }

  /**
   * Reads the chunk table of a LAZ file.
   *
   * @param ch the file
   * @param offsetToPoints where the points start (the 8-byte pointer to the table)
   * @param chunkSize the layout's chunk size (0 or 0xFFFFFFFF: variable chunks)
   * @param count the number of points the header states
   * @param recordLength the bytes of one record (every chunk holds at least one, raw)
   * @return the table, or null when the file has none (a LASzip writer interrupted, or the file is
   *     cut before its table)
   * @throws IOException if the table is unreadable, corrupt or does not fit the file
   */
  static @Nullable Table readTable(
      FileChannel ch, long offsetToPoints, long chunkSize, long count, int recordLength)
      throws IOException {
    try {
      return readTableOrFail(ch, offsetToPoints, chunkSize, count, recordLength);
    } catch (LazInput.Corrupt | IndexOutOfBoundsException e) {
      throw new IOException("the chunk table is corrupt: " + e.getMessage(), e);
    }
  }

  /** Tells whether a LASzip chunk size means chunks of varying size. */
  static boolean variable(long chunkSize) {
    return chunkSize == 0 || chunkSize == 0xFFFFFFFFL;
  }

  private static @Nullable Table readTableOrFail(
      FileChannel ch, long offsetToPoints, long chunkSize, long count, int recordLength)
      throws IOException {
    long size = ch.size();
    long tableAt = readLong(ch, offsetToPoints);
    long first = offsetToPoints + 8;
    if (tableAt == offsetToPoints) {
      return null;
    }
    if (tableAt == -1) {
      tableAt = readLong(ch, size - 8);
    }
    if (tableAt < first || tableAt + 8 > size) {
      return null; // a truncated file: its chunks are found one after the other
    }
    ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    readFully(ch, head, tableAt);
    int version = head.getInt(0);
    long chunks = head.getInt(4) & 0xFFFFFFFFL;
    if (version != 0) {
      throw new IOException("unknown chunk table version " + version + " at byte " + tableAt);
    }
    boolean variable = variable(chunkSize);
    long expected = variable ? -1 : (count + chunkSize - 1) / chunkSize;
    // every chunk holds at least its raw first record, and at least one point
    long most = Math.min(count, (tableAt - first) / Math.max(1, recordLength));
    if (chunks > most || (!variable && chunks != expected)) {
      throw new IOException(
          "the chunk table lists "
              + chunks
              + " chunks where "
              + count
              + " points"
              + (variable ? "" : " in chunks of " + chunkSize + " need " + expected)
              + " (at most "
              + most
              + " fit before the table)");
    }
    int n = (int) chunks;
    long[] starts = new long[n + 1];
    long[] counts = new long[n];
    starts[0] = first;
    if (n > 0) {
      long left = size - tableAt - 8;
      byte[] coded = new byte[(int) Math.min(left, 16L * n + 64)];
      readFully(ch, ByteBuffer.wrap(coded), tableAt + 8);
      LazInput in = new LazInput();
      in.init(coded, 0, coded.length);
      LazIntegers ic = new LazIntegers(32, 2);
      ic.init();
      int prevCount = 0;
      int prevBytes = 0;
      long points = 0;
      for (int i = 0; i < n; i++) {
        if (variable) {
          prevCount = ic.decompress(in, prevCount, 0);
          counts[i] = prevCount & 0xFFFFFFFFL;
          points += counts[i];
          if (counts[i] == 0 || points > count) {
            throw new IOException(
                "the chunk table is corrupt: chunk " + i + " would hold " + counts[i] + " points");
          }
        } else {
          counts[i] = Math.min(chunkSize, count - i * chunkSize);
        }
        prevBytes = ic.decompress(in, prevBytes, 1);
        starts[i + 1] = starts[i] + (prevBytes & 0xFFFFFFFFL);
        if (starts[i + 1] <= starts[i] || starts[i + 1] > tableAt) {
          throw new IOException(
              "the chunk table is corrupt: chunk " + i + " would end at byte " + starts[i + 1]);
        }
      }
      if (variable && points != count) {
        throw new IOException(
            "the chunk table lists " + points + " points where the header states " + count);
      }
    }
    return new Table(starts, counts);
  }

  private static long readLong(FileChannel ch, long at) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    readFully(ch, b, at);
    return b.getLong(0);
  }

  static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
    long p = at;
    while (b.hasRemaining()) {
      int r = ch.read(b, p);
      if (r < 0) {
        throw new EOFException("the file ends at byte " + p);
      }
      p += r;
    }
  }

  /** Decodes and encodes chunks with one set of item coders (one per thread). */
  static final class Codec {
    private final LazItem @Nullable [] items;
    private final LazLayered @Nullable [] layered;
    private final int[] offsets;
    private final int recordLength;
    private final LazInput in = new LazInput();
    private final LazOutput out = new LazOutput();
    private int decoded;

    /**
     * Creates a codec for pointwise or layered items (exactly one of them).
     *
     * @param items the pointwise items, or null
     * @param layered the layered items, POINT14 first, or null
     */
    Codec(LazItem @Nullable [] items, LazLayered @Nullable [] layered) {
      this.items = items;
      this.layered = layered;
      int n = items != null ? items.length : layered.length;
      this.offsets = new int[n];
      int off = 0;
      for (int i = 0; i < n; i++) {
        offsets[i] = off;
        off += items != null ? items[i].size : layered[i].size;
      }
      this.recordLength = off;
    }

    /** The number of records the last {@link #decode} finished, also when it failed. */
    int decoded() {
      return decoded;
    }

    /**
     * Decodes one chunk.
     *
     * @param src the chunk's bytes
     * @param from the chunk's first byte in {@code src}
     * @param to the end of the chunk's bytes
     * @param n the number of points in the chunk
     * @param records where the records go, {@code n × recordLength} bytes from index 0
     * @return the index after the chunk's last byte the decoder read, which is where the next chunk
     *     starts
     * @throws LazInput.Corrupt if the bytes end early or decode to impossible values
     */
    int decode(byte[] src, int from, int to, int n, byte[] records) {
      decoded = 0;
      if (n == 0) {
        return from;
      }
      int len = recordLength;
      if (to - from < len) {
        throw new LazInput.Corrupt("the chunk holds " + (to - from) + " bytes, less than a point");
      }
      System.arraycopy(src, from, records, 0, len);
      if (layered != null) {
        return decodeLayered(src, from + len, to, n, records);
      }
      LazItem[] it = items;
      int[] off = offsets;
      for (int j = 0; j < it.length; j++) {
        it[j].init(records, off[j]);
      }
      decoded = 1;
      in.init(src, from + len, to); // LASzip opens the coded stream even for one point
      int at = len;
      for (int i = 1; i < n; i++, at += len) {
        for (int j = 0; j < it.length; j++) {
          it[j].read(in, records, at + off[j]);
        }
        decoded = i + 1;
      }
      return in.position();
    }

    private int decodeLayered(byte[] src, int from, int to, int n, byte[] records) {
      LazLayered[] it = layered;
      int layers = 0;
      for (LazLayered l : it) {
        layers += l.layers();
      }
      int p = from;
      if (to - p < 4 + 4 * layers) {
        throw new LazInput.Corrupt("the chunk ends inside its layer sizes");
      }
      int count = (int) LazItem.INT.get(src, p);
      if (count != n) {
        throw new LazInput.Corrupt("the chunk states " + count + " points where " + n + " are due");
      }
      p += 4;
      long at = p + 4L * layers;
      int[][] starts = new int[it.length][];
      int[][] ends = new int[it.length][];
      for (int j = 0; j < it.length; j++) {
        int k = it[j].layers();
        starts[j] = new int[k];
        ends[j] = new int[k];
      }
      int q = p;
      for (int j = 0; j < it.length; j++) {
        for (int k = 0; k < it[j].layers(); k++) {
          long bytes = (int) LazItem.INT.get(src, q) & 0xFFFFFFFFL;
          q += 4;
          starts[j][k] = (int) Math.min(at, to);
          at += bytes;
          if (at > to) {
            throw new LazInput.Corrupt(
                "the chunk's layers need " + (at - from) + " bytes, it holds " + (to - from));
          }
          ends[j][k] = (int) at;
        }
      }
      int channel = (records[15] >>> 4) & 3;
      for (int j = 0; j < it.length; j++) {
        it[j].startDecode(records, offsets[j], channel, src, starts[j], ends[j]);
      }
      decoded = 1;
      int len = recordLength;
      int[] off = offsets;
      int rec = len;
      for (int i = 1; i < n; i++, rec += len) {
        int ch = it[0].read(records, rec, channel);
        for (int j = 1; j < it.length; j++) {
          it[j].read(records, rec + off[j], ch);
        }
        decoded = i + 1;
      }
      return (int) at;
    }

    /**
     * Encodes one chunk of records.
     *
     * @param records the records, from index 0
     * @param n the number of records
     * @return the coder whose bytes hold the chunk, from index 0 to {@code size()}
     */
    LazOutput encode(byte[] records, int n) {
      out.clear();
      if (n == 0) {
        return out;
      }
      int len = recordLength;
      out.putRaw(records, 0, len);
      if (layered != null) {
        return encodeLayered(records, n);
      }
      LazItem[] it = items;
      int[] off = offsets;
      for (int j = 0; j < it.length; j++) {
        it[j].init(records, off[j]);
      }
      out.init(); // LASzip opens the coded stream even for a chunk of one point
      int at = len;
      for (int i = 1; i < n; i++, at += len) {
        for (int j = 0; j < it.length; j++) {
          it[j].write(out, records, at + off[j]);
        }
      }
      out.done();
      return out;
    }

    private LazOutput encodeLayered(byte[] records, int n) {
      LazLayered[] it = layered;
      int[] off = offsets;
      int channel = (records[15] >>> 4) & 3;
      for (int j = 0; j < it.length; j++) {
        it[j].startEncode(records, off[j], channel);
      }
      int len = recordLength;
      int rec = len;
      for (int i = 1; i < n; i++, rec += len) {
        int ch = it[0].write(records, rec, channel);
        for (int j = 1; j < it.length; j++) {
          it[j].write(records, rec + off[j], ch);
        }
      }
      byte[] word = new byte[4];
      LazItem.INT.set(word, 0, n);
      out.putRaw(word, 0, 4);
      boolean[][] keep = new boolean[it.length][];
      for (int j = 0; j < it.length; j++) {
        keep[j] = new boolean[it[j].layers()];
        it[j].finish(keep[j]);
        LazOutput[] layers = it[j].outputs();
        for (int k = 0; k < layers.length; k++) {
          LazItem.INT.set(word, 0, keep[j][k] ? layers[k].size() : 0);
          out.putRaw(word, 0, 4);
        }
      }
      for (int j = 0; j < it.length; j++) {
        LazOutput[] layers = it[j].outputs();
        for (int k = 0; k < layers.length; k++) {
          if (keep[j][k]) {
            out.putRaw(layers[k].bytes(), 0, layers[k].size());
          }
        }
      }
      return out;
    }
  }

  /**
   * Encodes a chunk table: version 0, the number of chunks, then each chunk's point count (variable
   * chunks only) and byte count, each coded against the previous chunk's.
   *
   * @param chunkBytes the byte count of each chunk
   * @param counts the point count of each chunk for variable chunks, or null for fixed ones
   * @param chunks the number of chunks
   * @return the table's bytes
   */
  static byte[] tableBytes(long[] chunkBytes, long @Nullable [] counts, int chunks) {
    LazOutput out = new LazOutput();
    byte[] head = new byte[8];
    LazItem.INT.set(head, 0, 0);
    LazItem.INT.set(head, 4, chunks);
    out.putRaw(head, 0, 8);
    if (chunks > 0) {
      out.init();
      LazIntegers ic = new LazIntegers(32, 2);
      ic.init();
      for (int i = 0; i < chunks; i++) {
        if (counts != null) {
          ic.compress(out, i == 0 ? 0 : (int) counts[i - 1], (int) counts[i], 0);
        }
        ic.compress(out, i == 0 ? 0 : (int) chunkBytes[i - 1], (int) chunkBytes[i], 1);
      }
      out.done();
    }
    return java.util.Arrays.copyOf(out.bytes(), out.size());
  }
}
