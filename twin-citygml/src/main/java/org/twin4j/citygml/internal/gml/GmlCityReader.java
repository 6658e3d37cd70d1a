// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml.internal.gml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.citygml4j.xml.CityGMLContext;
import org.citygml4j.xml.CityGMLContextException;
import org.jspecify.annotations.Nullable;
import org.twin4j.citygml.CityFormat;
import org.twin4j.citygml.CityReader;
import org.twin4j.citygml.ConversionReport;
import org.twin4j.citygml.DocumentInfo;
import org.twin4j.citygml.ReadOptions;
import org.twin4j.citygml.internal.Vertices;
import org.twin4j.core.appearance.Appearances;
import org.twin4j.core.attribute.Attributes;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.io.SourceLocation;
import org.twin4j.core.io.TwinFormatException;
import org.twin4j.core.model.CityObject;
import org.twin4j.core.model.Metadata;

/**
 * Reads CityGML 1.0, 2.0 and 3.0 one top-level feature at a time. A {@link GmlParser} walks the
 * document with StAX and has citygml4j build each feature of the {@code CityModel}'s member
 * properties (reading coordinates and surface geometries itself where it can); this reader converts
 * it, following XLinks within the feature ({@link GeometryIds}). With {@link
 * ReadOptions#parallel()}, for files of 16 MB and more, the parser runs on its own thread, a few
 * features ahead, so that parsing and conversion overlap; objects, order and warnings are the same
 * either way, and warnings reach the listener on the caller's thread. Memory stays near a few
 * features.
 */
public final class GmlCityReader implements CityReader {

  /**
   * Files smaller than this are parsed on the caller's thread: a second one costs more than it
   * saves.
   */
  private static final long PARALLEL_FROM = 16L << 20;

  /** Features the parser thread may be ahead. */
  private static final int AHEAD = 32;

  private final String source;
  private final GmlParser parser;
  private final ConversionReport.Builder report;
  private final GmlFeatureReader features;
  private final ArrayDeque<CityObject> ready = new ArrayDeque<>();
  private final @Nullable BlockingQueue<GmlParser.Item> queue;
  private final @Nullable Thread thread;
  private GmlParser.@Nullable Header header;
  private @Nullable CrsIdentifier crs;
  private boolean exhausted;
  private @Nullable DocumentInfo info;
  private long coordinates;

  private GmlCityReader(Path file, ReadOptions options, boolean readNumbers) throws IOException {
    this.source = file.toString();
    this.report = new ConversionReport.Builder(options.listener());
    this.features = new GmlFeatureReader(source, report);
    if (options.validate()) {
      SchemaValidation.validate(file, report);
    }
    this.parser = GmlParser.open(file, Context.get(), readNumbers);
    if (options.parallel() && Files.size(file) >= PARALLEL_FROM) {
      BlockingQueue<GmlParser.Item> q = new ArrayBlockingQueue<>(AHEAD);
      queue = q;
      thread = new Thread(() -> parser.run(q), "twin-citygml " + file.getFileName());
      thread.setDaemon(true);
      thread.start();
    } else {
      queue = null;
      thread = null;
    }
    try {
      fill(); // up to the first object, so that version and CRS are known
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Opens a CityGML file.
   *
   * @param file the file
   * @param options read options
   * @return the reader
   * @throws IOException if the file cannot be opened or its start is malformed
   */
  public static GmlCityReader open(Path file, ReadOptions options) throws IOException {
    return new GmlCityReader(file, options, true);
  }

  /**
   * Opens a CityGML file, with citygml4j reading every number when {@code readNumbers} is false
   * (for tests comparing the two routes).
   */
  static GmlCityReader open(Path file, ReadOptions options, boolean readNumbers)
      throws IOException {
    return new GmlCityReader(file, options, readNumbers);
  }

  /** The citygml4j context: expensive to make, made once. */
  static final class Context {
    private static @Nullable CityGMLContext context;

    static synchronized CityGMLContext get() throws IOException {
      if (context == null) {
        try {
          context = CityGMLContext.newInstance(GmlCityReader.class.getClassLoader());
        } catch (CityGMLContextException e) {
          throw new IOException("cannot set up the CityGML parser: " + e.getMessage(), e);
        }
      }
      return context;
    }
  }

  private GmlParser.Item nextItem() throws IOException {
    if (queue == null) {
      return parser.next();
    }
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while reading " + source);
    }
  }

  /** Takes parsed features until one converts to a city object or the document ends. */
  private void fill() throws IOException {
    while (ready.isEmpty() && !exhausted) {
      GmlParser.Item item = nextItem();
      if (item instanceof GmlParser.Failure) {
        exhausted = true;
        throw ((GmlParser.Failure) item).error();
      }
      if (item instanceof GmlParser.Warning) {
        GmlParser.Warning w = (GmlParser.Warning) item;
        report.add(w.kind(), w.message(), w.location());
        continue;
      }
      if (item instanceof GmlParser.End) {
        exhausted = true;
        if (header == null) {
          header(((GmlParser.End) item).header());
        }
        continue;
      }
      GmlParser.Parsed parsed = (GmlParser.Parsed) item;
      org.citygml4j.core.model.core.AbstractFeature f = parsed.feature();
      if (header == null) {
        header(parsed.header());
      }
      try {
        CityObject o = features.read(f, parsed.lists());
        if (o != null) {
          coordinates += Vertices.coordinates(o);
          ready.add(o);
        }
      } catch (RuntimeException e) {
        throw new TwinFormatException(parsed.location(), "unreadable CityGML content: " + e, e);
      }
    }
  }

  private void header(GmlParser.Header h) {
    String crsText = h.crsText();
    header = new GmlParser.Header(h.version(), h.identifier(), h.title(), h.description(), crsText);
    if (crsText != null) {
      try {
        crs = CrsIdentifier.parse(crsText);
      } catch (IllegalArgumentException e) {
        report.add("unknown CRS", e.getMessage(), SourceLocation.of(source));
      }
    } else {
      report.add(
          "no CRS", "the file names no coordinate reference system", SourceLocation.of(source));
    }
  }

  @Override
  public DocumentInfo info() {
    // rebuilt only when appearances were added to the tables, so that callers may compare by
    // identity
    if (info == null
        || info.appearances().materials().size() != features.materials().size()
        || info.appearances().textures().size() != features.textures().size()) {
      GmlParser.Header h = header;
      if (h == null) {
        throw new IllegalStateException("not initialised");
      }
      Attributes other =
          h.description() == null
              ? Attributes.empty()
              : Attributes.builder().put("description", h.description()).build();
      info =
          new DocumentInfo(
              CityFormat.CITYGML,
              h.version(),
              h.crsText(),
              crs,
              new Metadata(h.identifier(), h.title(), null, other),
              new Appearances(features.materials(), features.textures()));
    }
    return info;
  }

  @Override
  public boolean hasNext() throws IOException {
    if (ready.isEmpty()) {
      fill();
    }
    return !ready.isEmpty();
  }

  @Override
  public CityObject next() throws IOException {
    if (!hasNext()) {
      throw new NoSuchElementException("no more city objects in " + source);
    }
    return ready.poll();
  }

  @Override
  public long vertexCount() {
    return coordinates;
  }

  @Override
  public ConversionReport report() {
    return report.build();
  }

  @Override
  public void close() throws IOException {
    exhausted = true;
    if (thread != null) {
      thread.interrupt();
      queue.clear(); // lets a parser blocked on a full queue see the interruption
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    parser.close();
  }
}
