// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml.internal.gml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.twin4j.citygml.ConversionReport;
import org.twin4j.core.io.SourceLocation;
import org.twin4j.core.io.TwinFormatException;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xmlobjects.schema.SchemaHandlerException;

/**
 * Validates a CityGML file against the CityGML 1.0/2.0/3.0 and GML schemas that citygml4j bundles,
 * streaming (SAX), without network access. Violations become "schema-invalid" warnings with line
 * and column; a file that is not well-formed fails with a {@link TwinFormatException}.
 */
final class SchemaValidation {

  private static @Nullable Schema schema;

  private SchemaValidation() {}

  private static synchronized Schema schema() throws IOException {
    if (schema == null) {
      try {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        // the bundled schemas import each other from the jar; nothing is fetched from the network
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar,jar:file");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        schema = f.newSchema(GmlCityReader.Context.get().getDefaultSchemaHandler().getSchemas());
      } catch (SchemaHandlerException | SAXException e) {
        throw new IOException("cannot load the CityGML schemas: " + e.getMessage(), e);
      }
    }
    return schema;
  }

  /** Validates a file, adding each violation to the report. */
  static void validate(Path file, ConversionReport.Builder report) throws IOException {
    String source = file.toString();
    Validator v = schema().newValidator();
    try {
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    } catch (SAXException e) {
      // an implementation without these properties: it then reads only the bundled schemas anyway
    }
    v.setErrorHandler(
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {
            add(e);
          }

          @Override
          public void error(SAXParseException e) {
            add(e);
          }

          @Override
          public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
          }

          private void add(SAXParseException e) {
            report.add(
                "schema-invalid",
                e.getMessage(),
                SourceLocation.at(source, e.getLineNumber(), e.getColumnNumber()));
          }
        });
    try (InputStream in = Files.newInputStream(file)) {
      StreamSource s = new StreamSource(in, file.toUri().toString());
      v.validate(s);
    } catch (SAXParseException e) {
      throw new TwinFormatException(
          SourceLocation.at(source, e.getLineNumber(), e.getColumnNumber()),
          "malformed XML: " + e.getMessage(),
          e);
    } catch (SAXException e) {
      throw new TwinFormatException(
          SourceLocation.of(source), "schema validation failed: " + e.getMessage(), e);
    }
  }
}
