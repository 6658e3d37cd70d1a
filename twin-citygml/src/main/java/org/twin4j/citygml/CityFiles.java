// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml;

import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.twin4j.citygml.internal.gml.GmlCityReader;
import org.twin4j.citygml.internal.gml.GmlCityWriter;
import org.twin4j.citygml.internal.json.JsonCityReader;
import org.twin4j.citygml.internal.json.JsonCityWriter;
import org.twin4j.core.appearance.Appearances;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.geom.Bounds3D;
import org.twin4j.core.io.SourceLocation;
import org.twin4j.core.model.CityObject;
import org.twin4j.core.model.CitySnapshot;
import org.twin4j.core.model.CityView;
import org.twin4j.core.model.Metadata;

/**
 * Reads and writes city model files: CityGML 1.0, 2.0, 3.0 and CityJSON 1.0, 1.1, 2.0 and
 * CityJSONSeq in; CityGML 2.0, 3.0, CityJSON 2.0 and CityJSONSeq out. The input format is detected
 * from the content, not the extension.
 *
 * <pre>{@code
 * ReadResult r = CityFiles.read(Path.of("data/city/cityjson/delft.json"));
 * CitySnapshot model = r.model();
 * ConversionReport written = CityFiles.write(model, Path.of("delft.gml"), WriteOptions.of(CityFormat.CITYGML));
 * }</pre>
 *
 * @since 1.0
 */
public final class CityFiles {

  private CityFiles() {}

  /**
   * Opens a file for reading one top-level object at a time.
   *
   * @param file the file
   * @return the reader, to be closed
   * @throws IOException if the file cannot be opened or its header is malformed
   */
  public static CityReader openReader(Path file) throws IOException {
    return openReader(file, ReadOptions.defaults());
  }

  /**
   * Opens a file for reading one top-level object at a time.
   *
   * @param file the file
   * @param options the options
   * @return the reader, to be closed
   * @throws IOException if the file cannot be opened or its header is malformed
   */
  public static CityReader openReader(Path file, ReadOptions options) throws IOException {
    CityFormat format = CityFormat.detect(file);
    switch (format) {
      case CITYJSON:
        return JsonCityReader.open(file, options, false);
      case CITYJSON_SEQ:
        return JsonCityReader.open(file, options, true);
      default:
        return GmlCityReader.open(file, options);
    }
  }

  /**
   * Reads a whole file into a model.
   *
   * @param file the file
   * @return the model, what the file says about itself, and the report
   * @throws IOException if the file cannot be read; {@link org.twin4j.core.io.TwinFormatException}
   *     if it is malformed where the rest cannot be read
   */
  public static ReadResult read(Path file) throws IOException {
    return read(file, ReadOptions.defaults());
  }

  /**
   * Reads a whole file into a model.
   *
   * @param file the file
   * @param options the options
   * @return the model, what the file says about itself, and the report
   * @throws IOException if the file cannot be read; {@link org.twin4j.core.io.TwinFormatException}
   *     if it is malformed where the rest cannot be read
   */
  public static ReadResult read(Path file, ReadOptions options) throws IOException {
    try (CityReader r = openReader(file, options)) {
      CitySnapshot.Edit edit = CitySnapshot.empty(r.info().crs(), r.info().metadata()).edit();
      ConversionReport.Builder duplicates = new ConversionReport.Builder(options.listener());
      while (r.hasNext()) {
        CityObject o = r.next();
        try {
          edit.add(o);
        } catch (IllegalArgumentException e) {
          // an id met again in a later object (CityGML files may repeat gml:ids across features)
          duplicates.add(
              "skipped object",
              "city object '" + o.id() + "': " + e.getMessage() + "; skipped",
              SourceLocation.atObject(file.toString(), o.id()));
        }
      }
      CitySnapshot model = edit.apply().withAppearances(r.info().appearances());
      return new ReadResult(
          model, r.info(), ConversionReport.combine(r.report(), duplicates.build()));
    }
  }

  /**
   * Opens a writer for a file.
   *
   * @param file the target; it appears only when the writer is closed successfully
   * @param options the format, version, LOD filter and precision
   * @param header the CRS, metadata and appearance tables to write (for example {@link
   *     CityReader#info()} of a file being converted)
   * @return the writer, to be closed
   * @throws IOException if the file cannot be created
   */
  public static CityWriter openWriter(Path file, WriteOptions options, DocumentInfo header)
      throws IOException {
    return openWriter(
        file,
        options,
        header.crs(),
        header.crsText(),
        header.metadata(),
        header.appearances(),
        null);
  }

  private static CityWriter openWriter(
      Path file,
      WriteOptions options,
      @Nullable CrsIdentifier crs,
      @Nullable String crsText,
      Metadata metadata,
      Appearances appearances,
      @Nullable Bounds3D bounds)
      throws IOException {
    if (options.format() == CityFormat.CITYGML) {
      return new GmlCityWriter(file, options, crs, crsText, metadata, appearances, bounds);
    }
    return new JsonCityWriter(file, options, crs, crsText, metadata, appearances, bounds);
  }

  /**
   * Converts a file object by object, in memory near one top-level object (plus the vertex list of
   * a plain CityJSON input, which its format makes one block): the way to convert files larger than
   * the heap.
   *
   * @param in the input, any readable format
   * @param out the output; it appears only when the conversion succeeds
   * @param options the output format, version, LOD filter and precision
   * @param readOptions the read options
   * @return the number of top-level objects converted and both reports
   * @throws IOException if reading or writing fails (the output is then not created)
   */
  public static ConversionResult convert(
      Path in, Path out, WriteOptions options, ReadOptions readOptions) throws IOException {
    try (CityReader r = openReader(in, readOptions)) {
      DocumentInfo info = r.info();
      CityWriter w = openWriter(out, options, info);
      long objects = 0;
      try {
        while (r.hasNext()) {
          CityObject o = r.next();
          DocumentInfo now = r.info();
          if (now.appearances() != info.appearances()) {
            w.appearances(now.appearances());
            info = now;
          }
          w.write(o);
          objects++;
        }
      } catch (IOException | RuntimeException e) {
        w.abort();
        throw e;
      }
      w.close();
      return new ConversionResult(objects, r.report(), w.report());
    }
  }

  /**
   * Writes a whole model.
   *
   * @param model the model
   * @param file the target; written to a temporary file first, so a failure leaves no partial file
   * @param options the format, version, LOD filter and precision
   * @return what could not be written as it was
   * @throws IOException if writing fails
   */
  public static ConversionReport write(CityView model, Path file, WriteOptions options)
      throws IOException {
    CityWriter w =
        openWriter(
            file,
            options,
            model.crs().orElse(null),
            model.crs().map(CrsIdentifier::text).orElse(null),
            model.metadata(),
            model.appearances(),
            model.bounds().orElse(null));
    try {
      for (CityObject o : (Iterable<CityObject>) model.stream()::iterator) {
        w.write(o);
      }
    } catch (IOException | RuntimeException e) {
      w.abort();
      throw e;
    }
    w.close();
    return w.report();
  }
}
