// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.twin4j.core.io.SourceLocation;
import org.twin4j.core.io.TwinFormatException;

/**
 * The encodings of a city model this module reads and writes.
 *
 * @since 1.0
 */
public enum CityFormat {
  /** CityGML, the OGC XML encoding (1.0, 2.0, 3.0). */
  CITYGML("CityGML"),
  /** CityJSON, one JSON document (1.0, 1.1, 2.0). */
  CITYJSON("CityJSON"),
  /** CityJSON Text Sequences: a CityJSON header line, then one CityJSONFeature per line. */
  CITYJSON_SEQ("CityJSONSeq");

  private final String displayName;

  CityFormat(String displayName) {
    this.displayName = displayName;
  }

  /**
   * Returns the name of the format as its specification writes it.
   *
   * @return "CityGML", "CityJSON" or "CityJSONSeq"
   */
  public String displayName() {
    return displayName;
  }

  /**
   * Guesses the format from a file name's extension.
   *
   * @param fileName a file name or path
   * @return the format, or empty for an unknown extension
   */
  public static Optional<CityFormat> fromFileName(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".jsonl") || n.endsWith(".city.jsonl") || n.endsWith(".cityjsonl")) {
      return Optional.of(CITYJSON_SEQ);
    }
    if (n.endsWith(".json") || n.endsWith(".cityjson")) {
      return Optional.of(CITYJSON);
    }
    if (n.endsWith(".gml") || n.endsWith(".xml") || n.endsWith(".citygml")) {
      return Optional.of(CITYGML);
    }
    return Optional.empty();
  }

  /**
   * Detects the format of a file from its content, not its extension: XML is CityGML; a JSON
   * document whose first line is a complete object followed by another line is CityJSONSeq; other
   * JSON is CityJSON.
   *
   * @param file the file
   * @return the format
   * @throws IOException if the file cannot be read, is empty, or is neither XML nor JSON
   */
  public static CityFormat detect(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(1 << 16);
      int i = 0;
      // skip a UTF-8 byte order mark and white space
      if (head.length >= 3
          && (head[0] & 0xFF) == 0xEF
          && (head[1] & 0xFF) == 0xBB
          && (head[2] & 0xFF) == 0xBF) {
        i = 3;
      }
      while (i < head.length && Character.isWhitespace(head[i])) {
        i++;
      }
      if (i == head.length) {
        throw new TwinFormatException(SourceLocation.of(file.toString()), "the file is empty");
      }
      if (head[i] == '<') {
        return CITYGML;
      }
      if (head[i] != '{') {
        throw new TwinFormatException(
            SourceLocation.at(file.toString(), 1, 1),
            "not a city model: expected XML (CityGML) or JSON (CityJSON), found '"
                + (char) head[i]
                + "'");
      }
      String text = new String(head, i, head.length - i, StandardCharsets.UTF_8);
      int nl = text.indexOf('\n');
      if (nl > 0 && nl < text.length() - 1) {
        String first = text.substring(0, nl).strip();
        String rest = text.substring(nl + 1).stripLeading();
        if (first.endsWith("}") && rest.startsWith("{") && rest.contains("CityJSONFeature")) {
          return CITYJSON_SEQ;
        }
      }
      return CITYJSON;
    }
  }
}
