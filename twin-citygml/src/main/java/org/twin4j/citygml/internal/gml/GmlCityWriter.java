// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml.internal.gml;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.citygml4j.core.model.CityGMLVersion;
import org.citygml4j.core.model.core.AbstractCityObject;
import org.citygml4j.xml.module.citygml.CoreModule;
import org.citygml4j.xml.writer.CityGMLChunkWriter;
import org.citygml4j.xml.writer.CityGMLOutputFactory;
import org.citygml4j.xml.writer.CityGMLWriteException;
import org.citygml4j.xml.writer.CityModelInfo;
import org.jspecify.annotations.Nullable;
import org.twin4j.citygml.CityWriter;
import org.twin4j.citygml.ConversionReport;
import org.twin4j.citygml.WriteOptions;
import org.twin4j.citygml.internal.TempOutput;
import org.twin4j.core.appearance.Appearances;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.geom.Bounds3D;
import org.twin4j.core.io.SourceLocation;
import org.twin4j.core.model.CityObject;
import org.twin4j.core.model.Metadata;
import org.xmlobjects.gml.model.basictypes.Code;
import org.xmlobjects.gml.model.deprecated.StringOrRef;
import org.xmlobjects.gml.model.feature.BoundingShape;
import org.xmlobjects.gml.model.geometry.DirectPosition;
import org.xmlobjects.gml.model.geometry.Envelope;

/**
 * Writes CityGML 2.0 or 3.0 through citygml4j's chunk writer: a {@code CityModel} header with the
 * envelope and its srsName, then one {@code cityObjectMember} per top-level object, each converted
 * by {@link GmlFeatureWriter}. The envelope needs the bounds before the first object; when they are
 * not known (streamed conversion) every top-level geometry carries the srsName instead.
 */
public final class GmlCityWriter implements CityWriter {

  private static final Pattern NCNAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

  private final String target;
  private final TempOutput output;
  private final CityGMLChunkWriter writer;
  private final ConversionReport.Builder report;
  private final GmlFeatureWriter features;
  private boolean closed;

  /**
   * Opens a writer.
   *
   * @param file the target file
   * @param options the options (format CITYGML, version "2.0" or "3.0")
   * @param crs the CRS, or null
   * @param crsText the CRS as the source named it, used when it has no EPSG code, or null
   * @param metadata the metadata: title and description go to the CityModel header
   * @param appearances the material and texture tables the geometries index
   * @param bounds the bounds of everything to be written for the header envelope, or null
   * @throws IOException if the file cannot be created
   */
  public GmlCityWriter(
      Path file,
      WriteOptions options,
      @Nullable CrsIdentifier crs,
      @Nullable String crsText,
      Metadata metadata,
      Appearances appearances,
      @Nullable Bounds3D bounds)
      throws IOException {
    this.target = file.toString();
    this.report = new ConversionReport.Builder(options.listener());
    CityGMLVersion version =
        options.version().equals("2.0") ? CityGMLVersion.v2_0 : CityGMLVersion.v3_0;
    String srsName = srsName(crs, crsText);
    this.features =
        new GmlFeatureWriter(
            target, version, options, appearances, report, bounds == null ? srsName : null);
    this.output = TempOutput.open(file);
    try {
      CityGMLOutputFactory out = GmlCityReader.Context.get().createCityGMLOutputFactory(version);
      writer = out.createCityGMLChunkWriter(output.stream(), "UTF-8");
      writer
          .withIndent("  ")
          .withDefaultSchemaLocations()
          .withDefaultPrefixes()
          .withDefaultNamespace(CoreModule.of(version).getNamespaceURI())
          .withHeaderComment("written by twin4j");
      header(writer.getCityModelInfo(), metadata, srsName, bounds);
    } catch (CityGMLWriteException | RuntimeException e) {
      output.abort();
      throw new IOException("cannot start CityGML output " + target + ": " + e.getMessage(), e);
    }
  }

  private @Nullable String srsName(@Nullable CrsIdentifier crs, @Nullable String crsText) {
    if (crs != null && crs.toUrn().isPresent()) {
      return crs.toUrn().get();
    }
    if (crsText != null) {
      report.add(
          "changed CRS",
          "the CRS '" + crsText + "' has no EPSG code; written as given",
          SourceLocation.of(target));
      return crsText;
    }
    return null;
  }

  private void header(
      CityModelInfo info, Metadata metadata, @Nullable String srsName, @Nullable Bounds3D bounds) {
    if (metadata.identifier() != null) {
      if (NCNAME.matcher(metadata.identifier()).matches()) {
        info.setId(metadata.identifier());
      } else {
        report.add(
            "dropped metadata",
            "the identifier '" + metadata.identifier() + "' is no XML name; not written as gml:id",
            SourceLocation.of(target));
      }
    }
    if (metadata.title() != null) {
      info.getNames().add(new Code(metadata.title()));
    }
    if (metadata.other().get("description") != null) {
      info.setDescription(new StringOrRef(metadata.other().get("description").asText()));
    }
    int dropped = metadata.other().size() - (metadata.other().get("description") != null ? 1 : 0);
    if (metadata.referenceDate() != null) {
      dropped++;
    }
    if (dropped > 0) {
      report.addMany(
          "dropped metadata",
          dropped,
          dropped
              + " metadata members have no CityGML counterpart (CityGML keeps metadata outside the model)",
          SourceLocation.of(target));
    }
    if (bounds != null && Double.isFinite(bounds.minX())) {
      Envelope env =
          new Envelope(
              new DirectPosition(bounds.minX(), bounds.minY(), bounds.minZ()),
              new DirectPosition(bounds.maxX(), bounds.maxY(), bounds.maxZ()));
      env.setSrsName(srsName);
      env.setSrsDimension(3);
      info.setBoundedBy(new BoundingShape(env));
    }
  }

  @Override
  public void write(CityObject object) throws IOException {
    if (closed) {
      throw new IllegalStateException("the writer is closed");
    }
    try {
      for (AbstractCityObject member : features.convert(object)) {
        writer.writeMember(member);
      }
    } catch (CityGMLWriteException e) {
      throw new IOException(
          "cannot write city object '" + object.id() + "' to " + target + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void appearances(Appearances tables) {
    features.appearances(tables);
  }

  @Override
  public ConversionReport report() {
    return report.build();
  }

  @Override
  public void abort() {
    closed = true;
    try {
      writer.close();
    } catch (CityGMLWriteException | RuntimeException e) {
      // the output is deleted next
    }
    output.abort();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      writer.close();
      features.finish();
      output.commit();
    } catch (CityGMLWriteException | RuntimeException e) {
      output.abort();
      throw new IOException("cannot finish CityGML output " + target + ": " + e.getMessage(), e);
    } catch (IOException e) {
      output.abort();
      throw e;
    }
  }
}
