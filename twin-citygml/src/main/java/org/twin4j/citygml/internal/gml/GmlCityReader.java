// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml.internal.gml;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import org.citygml4j.core.model.CityGMLVersion;
import org.citygml4j.core.model.core.CityModel;
import org.citygml4j.core.util.reference.DefaultReferenceResolver;
import org.citygml4j.xml.CityGMLContext;
import org.citygml4j.xml.CityGMLContextException;
import org.citygml4j.xml.module.citygml.CityGMLModules;
import org.citygml4j.xml.reader.ChunkOptions;
import org.citygml4j.xml.reader.CityGMLInputFactory;
import org.citygml4j.xml.reader.CityGMLReadException;
import org.citygml4j.xml.reader.CityGMLReader;
import org.citygml4j.xml.reader.FeatureInfo;
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
import org.xmlobjects.gml.model.common.GenericElement;
import org.xmlobjects.gml.model.feature.AbstractFeature;
import org.xmlobjects.gml.model.geometry.Envelope;

/**
 * Reads CityGML 1.0, 2.0 and 3.0 one top-level city object at a time, through citygml4j's chunking
 * reader (memory near one feature), resolving XLinks within each feature.
 */
public final class GmlCityReader implements CityReader {

  private final String source;
  private final CityGMLReader reader;
  private final ConversionReport.Builder report;
  private final GmlFeatureReader features;
  private final ArrayDeque<CityObject> ready = new ArrayDeque<>();
  private String version = "";
  private @Nullable String crsText;
  private @Nullable CrsIdentifier crs;
  private Metadata metadata = Metadata.empty();
  private boolean headerRead;
  private @Nullable DocumentInfo info;
  private long coordinates;

  private GmlCityReader(Path file, ReadOptions options) throws IOException {
    this.source = file.toString();
    this.report = new ConversionReport.Builder(options.listener());
    this.features = new GmlFeatureReader(source, report);
    try {
      CityGMLInputFactory in =
          Context.get()
              .createCityGMLInputFactory(safeXml())
              .withChunking(ChunkOptions.defaults().skipCityModel(false))
              .withReferenceResolver(DefaultReferenceResolver.newInstance())
              .createGenericADEContent(true)
              .failOnMissingADESchema(false);
      this.reader = in.createCityGMLReader(file);
    } catch (CityGMLReadException e) {
      throw translate(e);
    }
    if (options.validate()) {
      try {
        SchemaValidation.validate(file, report);
      } catch (IOException | RuntimeException e) {
        close();
        throw e;
      }
    }
    try {
      fill(); // the first object, so that version and CRS are known
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
    return new GmlCityReader(file, options);
  }

  /** An XML input factory that never resolves external entities or DTDs. */
  private static XMLInputFactory safeXml() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
    f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
    return f;
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

  /** Reads features until one converts to a city object or the file ends. */
  private void fill() throws IOException {
    try {
      while (ready.isEmpty() && reader.hasNext()) {
        AbstractFeature f = reader.next();
        if (!headerRead) {
          header(f);
        }
        if (f instanceof CityModel) {
          // what is left of the model once its members are chunked: only members citygml4j has no
          // class for
          leftovers((CityModel) f);
          continue;
        }
        CityObject o = features.read(f);
        if (o != null) {
          coordinates += Vertices.coordinates(o);
          ready.add(o);
        }
      }
      if (!headerRead && !reader.hasNext()) {
        headerRead = true; // an empty model
        if (version.isEmpty() && reader.getName() != null) {
          version = versionOf(reader.getName().getNamespaceURI());
        }
      }
    } catch (CityGMLReadException e) {
      throw translate(e);
    } catch (RuntimeException e) {
      throw new TwinFormatException(
          SourceLocation.of(source), "unreadable CityGML content: " + e, e);
    }
  }

  private void leftovers(CityModel model) {
    List<org.xmlobjects.gml.model.feature.FeatureProperty<?>> members = new ArrayList<>();
    members.addAll(model.getCityObjectMembers());
    members.addAll(model.getFeatureMembers());
    for (org.xmlobjects.gml.model.feature.FeatureProperty<?> p : members) {
      if (p.isSetGenericElement()) {
        GenericElement e = p.getGenericElement();
        report.add(
            "skipped feature",
            "unknown feature {"
                + e.getNamespaceURI()
                + "}"
                + e.getLocalName()
                + " (an ADE without a registered module?); skipped",
            SourceLocation.of(source));
      } else if (p.getObject() instanceof org.citygml4j.core.model.core.AbstractCityObject) {
        CityObject o = features.read((AbstractFeature) p.getObject());
        if (o != null) {
          coordinates += Vertices.coordinates(o);
          ready.add(o);
        }
      }
    }
  }

  private void header(AbstractFeature first) throws CityGMLReadException {
    headerRead = true;
    if (reader.getName() != null) {
      version = versionOf(reader.getName().getNamespaceURI());
    }
    String title = null;
    String identifier = null;
    Attributes.Builder other = Attributes.builder();
    if (reader.hasParentInfo()) {
      FeatureInfo model = reader.getParentInfo();
      if (model.getBoundedBy() != null && model.getBoundedBy().getEnvelope() != null) {
        Envelope env = model.getBoundedBy().getEnvelope();
        crsText = env.getSrsName();
      }
      if (!model.getNames().isEmpty() && model.getNames().get(0).getValue() != null) {
        title = model.getNames().get(0).getValue();
      }
      if (model.getId() != null) {
        identifier = model.getId();
      }
      if (model.getDescription() != null && model.getDescription().getValue() != null) {
        other.put("description", model.getDescription().getValue());
      }
    }
    if (crsText == null && first instanceof org.citygml4j.core.model.core.AbstractFeature) {
      crsText = firstSrsName((org.citygml4j.core.model.core.AbstractFeature) first);
    }
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
    metadata = new Metadata(identifier, title, null, other.build());
  }

  /** The srsName of the first geometry of a feature (for files without a model envelope). */
  private static @Nullable String firstSrsName(org.citygml4j.core.model.core.AbstractFeature f) {
    String[] found = new String[1];
    f.accept(
        new org.citygml4j.core.visitor.ObjectWalker() {
          @Override
          public void visit(org.xmlobjects.gml.model.geometry.AbstractGeometry geometry) {
            if (found[0] == null && geometry.getInheritedSRSReference() != null) {
              found[0] = geometry.getInheritedSRSReference().getSrsName();
            }
            if (found[0] == null) {
              super.visit(geometry);
            }
          }
        });
    return found[0];
  }

  private static String versionOf(String namespace) {
    CityGMLVersion v = CityGMLModules.getCityGMLVersion(namespace);
    return v == null ? "unknown" : v.toString();
  }

  private TwinFormatException translate(CityGMLReadException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof XMLStreamException && ((XMLStreamException) t).getLocation() != null) {
        Location l = ((XMLStreamException) t).getLocation();
        return new TwinFormatException(
            new SourceLocation(
                source, l.getLineNumber(), l.getColumnNumber(), l.getCharacterOffset(), null),
            "malformed CityGML: " + cleanMessage(t.getMessage()),
            e);
      }
    }
    StringBuilder why = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().equals("Caused by:")) {
        why.append(why.length() == 0 ? "" : ": ").append(t.getMessage());
      }
    }
    return new TwinFormatException(SourceLocation.of(source), "malformed CityGML: " + why, e);
  }

  /** Strips the "ParseError at [row,col]:" prefix the StAX parser repeats. */
  private static String cleanMessage(@Nullable String m) {
    if (m == null) {
      return "parse error";
    }
    int i = m.indexOf("Message: ");
    return i >= 0 ? m.substring(i + 9).strip() : m.strip();
  }

  @Override
  public DocumentInfo info() {
    // rebuilt only when appearances added to the tables, so that callers may compare by identity
    if (info == null
        || info.appearances().materials().size() != features.materials().size()
        || info.appearances().textures().size() != features.textures().size()) {
      info =
          new DocumentInfo(
              CityFormat.CITYGML,
              version,
              crsText,
              crs,
              metadata,
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
    try {
      reader.close();
    } catch (CityGMLReadException e) {
      throw new IOException("closing " + source + ": " + e.getMessage(), e);
    }
  }
}
