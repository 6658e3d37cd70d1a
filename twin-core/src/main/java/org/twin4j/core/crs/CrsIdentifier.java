// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.crs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Identifies the coordinate reference system of a data set: a horizontal EPSG code, an optional
 * vertical one (a compound CRS such as ETRS89 / UTM 33N + DHHN92 height is {@code
 * EPSG:25833+5783}), and/or an OGC WKT definition, together with the text the source used.
 *
 * <p>{@link #parse(String)} understands {@code EPSG:n[+m]}, OGC URNs ({@code
 * urn:ogc:def:crs:EPSG::n}, versioned and compound {@code
 * urn:ogc:def:crs,crs:EPSG:6.12:n,crs:EPSG:6.12:m}), OGC http(s) URIs (including {@code
 * crs-compound?1=..&2=..}), the German AdV URNs CityGML files from German states use, and WKT 1 and
 * 2 (whose top-level {@code AUTHORITY}/{@code ID} gives the code). Nothing here validates that a
 * code exists; Apache SIS does that where a transform is needed.
 *
 * @param horizontalEpsg the EPSG code of the horizontal (or only) CRS, or 0 if unknown
 * @param verticalEpsg the EPSG code of the vertical CRS of a compound CRS, or 0 if none
 * @param wkt the WKT definition, or null if the source gave none
 * @param text the identifier as the source wrote it
 * @since 1.0
 */
public record CrsIdentifier(
    int horizontalEpsg, int verticalEpsg, @Nullable String wkt, String text) {

  private static final Pattern EPSG_SHORT = Pattern.compile("(?i)EPSG:(\\d+)(?:\\+(\\d+))?");
  private static final Pattern URN_PART =
      Pattern.compile("(?i)(?:urn:ogc:def:)?crs:EPSG:[0-9.]*:(\\d+)");
  private static final Pattern OGC_URI =
      Pattern.compile("(?i)https?://www\\.opengis\\.net/def/crs/EPSG/[0-9.]+/(\\d+)");
  private static final Pattern WKT_START =
      Pattern.compile(
          "(?i)^\\s*(PROJCS|GEOGCS|GEOCCS|COMPD_CS|VERT_CS|PROJCRS|GEOGCRS|GEODCRS|GEODETICCRS|"
              + "PROJECTEDCRS|COMPOUNDCRS|VERTCRS|VERTICALCRS|BOUNDCRS|ENGCRS|ENGINEERINGCRS)\\s*[\\[(]");
  private static final Pattern WKT_ID =
      Pattern.compile("(?i)(?:AUTHORITY|ID)\\s*\\[\\s*\"EPSG\"\\s*,\\s*\"?(\\d+)\"?");

  /** Geographic EPSG codes (2D and 3D) met in city data, for {@link #isGeographic()}. */
  private static final Set<Integer> GEOGRAPHIC =
      Set.of(
          4326, 4979, 4258, 4937, 4269, 4283, 4617, 4674, 4167, 4171, 4230, 4277, 4314, 4612, 6318,
          7843, 7844, 9057, 4619, 4047);

  /** AdV (Germany) URN names: horizontal and height systems. */
  private static final Map<String, Integer> ADV =
      Map.ofEntries(
          Map.entry("ETRS89_UTM32", 25832),
          Map.entry("ETRS89_UTM33", 25833),
          Map.entry("ETRS89_3GK3", 5677),
          Map.entry("DE_DHDN_3GK2", 31466),
          Map.entry("DE_DHDN_3GK3", 31467),
          Map.entry("DE_DHDN_3GK4", 31468),
          Map.entry("DE_DHDN_3GK5", 31469),
          Map.entry("ETRS89_LAT-LON", 4258),
          Map.entry("DE_DHHN92_NH", 5783),
          Map.entry("DE_DHHN2016_NH", 7837),
          Map.entry("DE_DHHN12_NOH", 5784));

  /**
   * Validates the identifier. @throws IllegalArgumentException if a code is negative, a vertical
   * code is given without a horizontal one, or there is neither a code nor a WKT
   *
   * @param horizontalEpsg the EPSG code of the horizontal (or only) CRS, or 0 if unknown
   * @param verticalEpsg the EPSG code of the vertical CRS of a compound CRS, or 0 if none
   * @param wkt the WKT definition, or null if the source gave none
   * @param text the identifier as the source wrote it
   */
  public CrsIdentifier {
    Objects.requireNonNull(text, "text");
    if (horizontalEpsg < 0 || verticalEpsg < 0) {
      throw new IllegalArgumentException(
          "EPSG codes must be positive, got " + horizontalEpsg + "+" + verticalEpsg);
    }
    if (verticalEpsg > 0 && horizontalEpsg == 0) {
      throw new IllegalArgumentException(
          "a vertical EPSG code needs a horizontal one: '" + text + "'");
    }
    if (horizontalEpsg == 0 && wkt == null) {
      throw new IllegalArgumentException(
          "a CRS identifier needs an EPSG code or a WKT: '" + text + "'");
    }
  }

  /**
   * Returns the identifier of a CRS known by its EPSG code.
   *
   * @param code the EPSG code, positive
   * @return the identifier, with text {@code EPSG:code}
   */
  public static CrsIdentifier ofEpsg(int code) {
    return new CrsIdentifier(code, 0, null, "EPSG:" + code);
  }

  /**
   * Returns the identifier of a compound CRS.
   *
   * @param horizontal the EPSG code of the horizontal CRS
   * @param vertical the EPSG code of the vertical CRS
   * @return the identifier, with text {@code EPSG:horizontal+vertical}
   */
  public static CrsIdentifier ofEpsg(int horizontal, int vertical) {
    return new CrsIdentifier(horizontal, vertical, null, "EPSG:" + horizontal + "+" + vertical);
  }

  /**
   * Parses an identifier in any of the forms listed in the class documentation.
   *
   * @param text the identifier as a file gives it
   * @return the parsed identifier
   * @throws IllegalArgumentException if the text is in none of those forms (an unknown CRS)
   */
  public static CrsIdentifier parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.strip();
    if (WKT_START.matcher(t).find()) {
      return new CrsIdentifier(topLevelEpsg(t), 0, t, text);
    }
    Matcher m = EPSG_SHORT.matcher(t);
    if (m.matches()) {
      return new CrsIdentifier(
          code(m.group(1), text), m.group(2) == null ? 0 : code(m.group(2), text), null, text);
    }
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.startsWith("urn:ogc:def:crs")) {
      int[] codes = collect(URN_PART.matcher(t), text);
      if (codes.length > 0) {
        return new CrsIdentifier(codes[0], codes.length > 1 ? codes[1] : 0, null, text);
      }
    } else if (lower.startsWith("http://") || lower.startsWith("https://")) {
      int[] codes = collect(OGC_URI.matcher(t), text);
      if (codes.length > 0) {
        return new CrsIdentifier(codes[0], codes.length > 1 ? codes[1] : 0, null, text);
      }
    } else if (lower.startsWith("urn:adv:crs:")) {
      String[] parts = t.substring("urn:adv:crs:".length()).split("\\*");
      Integer h = ADV.get(parts[0].toUpperCase(Locale.ROOT));
      Integer v =
          parts.length > 1 ? ADV.get(parts[1].toUpperCase(Locale.ROOT)) : Integer.valueOf(0);
      if (h != null && v != null) {
        return new CrsIdentifier(h, v, null, text);
      }
    }
    throw new IllegalArgumentException(
        "unrecognised CRS identifier '"
            + text
            + "': expected EPSG:n[+m], an OGC URN or URI, or WKT");
  }

  /**
   * Returns the identifier of a CRS given as WKT, taking its EPSG code from the top-level {@code
   * AUTHORITY} or {@code ID} element if it has one.
   *
   * @param wkt OGC WKT 1 or 2
   * @return the identifier
   * @throws IllegalArgumentException if the text does not start like WKT
   */
  public static CrsIdentifier ofWkt(String wkt) {
    if (!WKT_START.matcher(wkt).find()) {
      throw new IllegalArgumentException(
          "not a WKT CRS definition: '"
              + (wkt.length() > 60 ? wkt.substring(0, 60) + "..." : wkt)
              + "'");
    }
    return new CrsIdentifier(topLevelEpsg(wkt), 0, wkt, wkt);
  }

  private static int code(String digits, String text) {
    try {
      int c = Integer.parseInt(digits);
      if (c > 0) {
        return c;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("EPSG code out of range in CRS identifier '" + text + "'");
  }

  private static int[] collect(Matcher m, String text) {
    int[] codes = new int[2];
    int n = 0;
    while (m.find() && n < 2) {
      codes[n++] = code(m.group(1), text);
    }
    return Arrays.copyOf(codes, n);
  }

  /** The EPSG code of the outermost WKT element: its AUTHORITY/ID at bracket depth 1. */
  private static int topLevelEpsg(String wkt) {
    int depth = 0;
    int found = 0;
    boolean quoted = false;
    for (int i = 0; i < wkt.length(); i++) {
      char c = wkt.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '[' || c == '(')) {
        if (depth == 1) {
          int start = i - 1;
          while (start >= 0 && Character.isLetter(wkt.charAt(start))) {
            start--;
          }
          Matcher m = WKT_ID.matcher(wkt);
          m.region(start + 1, wkt.length());
          if (m.lookingAt()) {
            found = code(m.group(1), wkt);
          }
        }
        depth++;
      } else if (!quoted && (c == ']' || c == ')')) {
        depth--;
      }
    }
    return found;
  }

  /**
   * Returns the EPSG code, if there is one.
   *
   * @return {@code "EPSG:25833"} or {@code "EPSG:25833+5783"}, or empty for a WKT without a code
   */
  public Optional<String> epsgCode() {
    if (horizontalEpsg == 0) {
      return Optional.empty();
    }
    return Optional.of(
        verticalEpsg == 0
            ? "EPSG:" + horizontalEpsg
            : "EPSG:" + horizontalEpsg + "+" + verticalEpsg);
  }

  /**
   * Tells whether the CRS has a vertical component named by its own code.
   *
   * @return true for a compound CRS
   */
  public boolean isCompound() {
    return verticalEpsg != 0;
  }

  /**
   * Tells whether coordinates are longitude and latitude in degrees rather than metres: true for
   * the geographic EPSG codes met in city data and for WKT that starts with {@code GEOGCS}/{@code
   * GEOGCRS}. Writers use this to choose a precision (millimetres in metres, 1e-8 in degrees).
   *
   * @return true if geographic
   */
  public boolean isGeographic() {
    if (horizontalEpsg != 0) {
      return GEOGRAPHIC.contains(horizontalEpsg);
    }
    String t = Objects.requireNonNull(wkt).stripLeading().toUpperCase(Locale.ROOT);
    return t.startsWith("GEOGCS") || t.startsWith("GEOGCRS") || t.startsWith("GEOGRAPHICCRS");
  }

  /**
   * Returns the OGC http URI CityJSON 2.0 uses for {@code referenceSystem}.
   *
   * @return {@code https://www.opengis.net/def/crs/EPSG/0/n}, or a {@code crs-compound} URI for a
   *     compound CRS, or empty if there is no EPSG code
   */
  public Optional<String> toOgcUri() {
    if (horizontalEpsg == 0) {
      return Optional.empty();
    }
    String h = "https://www.opengis.net/def/crs/EPSG/0/" + horizontalEpsg;
    if (verticalEpsg == 0) {
      return Optional.of(h);
    }
    return Optional.of(
        "https://www.opengis.net/def/crs-compound?1="
            + h
            + "&2=https://www.opengis.net/def/crs/EPSG/0/"
            + verticalEpsg);
  }

  /**
   * Returns the OGC URN CityGML uses for {@code srsName}.
   *
   * @return {@code urn:ogc:def:crs:EPSG::n}, or {@code urn:ogc:def:crs,crs:EPSG::n,crs:EPSG::m} for
   *     a compound CRS, or empty if there is no EPSG code
   */
  public Optional<String> toUrn() {
    if (horizontalEpsg == 0) {
      return Optional.empty();
    }
    if (verticalEpsg == 0) {
      return Optional.of("urn:ogc:def:crs:EPSG::" + horizontalEpsg);
    }
    return Optional.of(
        "urn:ogc:def:crs,crs:EPSG::" + horizontalEpsg + ",crs:EPSG::" + verticalEpsg);
  }

  /**
   * Returns the EPSG code if there is one, else the source text.
   *
   * @return a short human-readable form
   */
  @Override
  public String toString() {
    return epsgCode().orElse(text.length() > 80 ? text.substring(0, 80) + "..." : text);
  }
}
