// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.crs.CrsIdentifier;

/**
 * The CRS of a LAS file from its GeoTIFF key directory (records 34735–34737) and its OGC WKT record
 * (2112), and whether the two agree.
 *
 * <p>They agree when the WKT's top-level EPSG code equals the GeoTIFF code, or, for a user-defined
 * GeoTIFF CRS, when every projection parameter the keys give appears among the WKT's parameters and
 * the linear units match. When they disagree the WKT wins if the file says so (global encoding bit
 * 4, or an extended point format, where LAS 1.4 R15 §2.5 makes WKT mandatory); the GeoTIFF keys win
 * otherwise; either way the listener hears both.
 */
final class LasCrs {

  private static final int PROJECTED_CS = 3072;
  private static final int GEOGRAPHIC_CS = 2048;
  private static final int VERTICAL_CS = 4096;
  private static final int LINEAR_UNITS = 3076;
  private static final int USER_DEFINED = 32767;
  private static final Pattern PARAMETER =
      Pattern.compile("(?i)PARAMETER\\s*\\[\\s*\"[^\"]*\"\\s*,\\s*([-+0-9.eE]+)");
  private static final Pattern UNIT =
      Pattern.compile("(?i)(?:LENGTHUNIT|UNIT)\\s*\\[\\s*\"([^\"]*)\"\\s*,\\s*([-+0-9.eE]+)");

  /** The chosen CRS, or null. */
  final @Nullable CrsIdentifier crs;

  private LasCrs(@Nullable CrsIdentifier crs) {
    this.crs = crs;
  }

  /**
   * Resolves the CRS of a header's records.
   *
   * @param records the VLRs and EVLRs
   * @param wktPreferred whether the file says WKT governs (global encoding bit 4 or format ≥ 6)
   * @param warn receives (kind, message) for unreadable or conflicting descriptions
   */
  static LasCrs resolve(
      List<LasRecord> records, boolean wktPreferred, BiConsumer<String, String> warn) {
    GeoKeys keys = null;
    String wkt = null;
    for (LasRecord r : records) {
      if (r.is("LASF_Projection", 34735) && keys == null) {
        keys = GeoKeys.parse(r.bytes(), records, warn);
      } else if (r.is("LASF_Projection", 2112) && wkt == null) {
        String text = new String(r.bytes(), StandardCharsets.UTF_8).replace("\0", "").strip();
        try {
          CrsIdentifier.ofWkt(text);
          wkt = text;
        } catch (IllegalArgumentException e) {
          warn.accept(
              "crs-wkt-unreadable",
              "the OGC WKT record (LASF_Projection 2112, "
                  + r.length()
                  + " bytes) holds no usable WKT: '"
                  + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
                  + "'; the CRS is taken from elsewhere or left unknown");
        }
      }
    }
    CrsIdentifier fromKeys = keys == null ? null : keys.toCrs();
    if (wkt == null) {
      return new LasCrs(fromKeys);
    }
    CrsIdentifier fromWkt = CrsIdentifier.ofWkt(wkt);
    if (keys == null || keys.isEmpty()) {
      return new LasCrs(fromWkt);
    }
    if (agree(keys, fromWkt, wkt)) {
      return new LasCrs(
          fromWkt.horizontalEpsg() != 0 || fromKeys == null
              ? fromWkt
              : new CrsIdentifier(
                  fromKeys.horizontalEpsg(), fromKeys.verticalEpsg(), wkt, fromKeys.text()));
    }
    CrsIdentifier chosen = wktPreferred || fromKeys == null ? fromWkt : fromKeys;
    warn.accept(
        "crs-conflict",
        "the GeoTIFF keys ("
            + keys.describe()
            + ") and the WKT ('"
            + name(wkt)
            + "'"
            + (fromWkt.horizontalEpsg() != 0 ? ", EPSG:" + fromWkt.horizontalEpsg() : "")
            + ", units "
            + unitName(wkt)
            + ") describe different CRSs; using the "
            + (chosen == fromWkt
                ? "WKT" + (wktPreferred ? " (the file marks WKT as its CRS)" : "")
                : "GeoTIFF keys"));
    return new LasCrs(chosen);
  }

  private static boolean agree(GeoKeys keys, CrsIdentifier fromWkt, String wkt) {
    int code = keys.horizontalCode();
    if (code != 0) {
      return code == fromWkt.horizontalEpsg();
    }
    if (fromWkt.horizontalEpsg() != 0 || keys.params.isEmpty()) {
      return false;
    }
    List<Double> wktParams = new ArrayList<>();
    Matcher m = PARAMETER.matcher(wkt);
    while (m.find()) {
      wktParams.add(Double.parseDouble(m.group(1)));
    }
    for (double p : keys.params) {
      boolean found = false;
      for (double q : wktParams) {
        if (Math.abs(p - q) <= 1e-9 * Math.max(1, Math.abs(p))) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    double unit = keys.linearUnitMetres();
    double wktUnit = unitMetres(wkt);
    return Double.isNaN(unit)
        || Double.isNaN(wktUnit)
        || Math.abs(unit - wktUnit) <= 1e-9 * Math.max(unit, wktUnit);
  }

  private static String name(String wkt) {
    int q = wkt.indexOf('"');
    int e = q < 0 ? -1 : wkt.indexOf('"', q + 1);
    return e < 0 ? wkt.substring(0, Math.min(40, wkt.length())) : wkt.substring(q + 1, e);
  }

  /** The last length unit of a WKT (the projected CRS's own): name and metres per unit. */
  private static String @Nullable [] lastUnit(String wkt) {
    Matcher m = UNIT.matcher(wkt);
    String[] last = null;
    while (m.find()) {
      last = new String[] {m.group(1), m.group(2)};
    }
    return last;
  }

  private static String unitName(String wkt) {
    String[] u = lastUnit(wkt);
    return u == null ? "not given" : u[0];
  }

  private static double unitMetres(String wkt) {
    String[] u = lastUnit(wkt);
    return u == null ? Double.NaN : Double.parseDouble(u[1]);
  }

  /** A parsed GeoTIFF key directory. */
  static final class GeoKeys {
    int projected;
    int geographic;
    int vertical;
    int linearUnits;
    final List<Double> params = new ArrayList<>();
    String citation = "";

    static GeoKeys parse(byte[] dir, List<LasRecord> records, BiConsumer<String, String> warn) {
      GeoKeys k = new GeoKeys();
      ByteBuffer b = ByteBuffer.wrap(dir).order(ByteOrder.LITTLE_ENDIAN);
      if (dir.length < 8) {
        warn.accept(
            "crs-geotiff-unreadable",
            "the GeoTIFF key directory has only " + dir.length + " bytes");
        return k;
      }
      int n = b.getShort(6) & 0xFFFF;
      byte[] doubles = payload(records, 34736);
      byte[] ascii = payload(records, 34737);
      ByteBuffer d = ByteBuffer.wrap(doubles).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < n && 8 + i * 8 + 8 <= dir.length; i++) {
        int p = 8 + i * 8;
        int id = b.getShort(p) & 0xFFFF;
        int location = b.getShort(p + 2) & 0xFFFF;
        int count = b.getShort(p + 4) & 0xFFFF;
        int value = b.getShort(p + 6) & 0xFFFF;
        if (location == 0) {
          switch (id) {
            case PROJECTED_CS:
              k.projected = value;
              break;
            case GEOGRAPHIC_CS:
              k.geographic = value;
              break;
            case VERTICAL_CS:
              k.vertical = value;
              break;
            case LINEAR_UNITS:
              k.linearUnits = value;
              break;
            default:
              break;
          }
        } else if (location == 34736) {
          for (int j = 0; j < count && (value + j + 1) * 8 <= doubles.length; j++) {
            if (id >= 3078 && id <= 3095) {
              k.params.add(d.getDouble((value + j) * 8));
            }
          }
        } else if (location == 34737
            && (id == 3073 || id == 1026)
            && value + count <= ascii.length) {
          k.citation =
              new String(ascii, value, count, StandardCharsets.ISO_8859_1)
                  .replace("|", " ")
                  .replace("\0", "")
                  .strip();
        }
      }
      return k;
    }

    private static byte[] payload(List<LasRecord> records, int id) {
      for (LasRecord r : records) {
        if (r.is("LASF_Projection", id)) {
          return r.bytes();
        }
      }
      return new byte[0];
    }

    boolean isEmpty() {
      return projected == 0 && geographic == 0 && params.isEmpty();
    }

    int horizontalCode() {
      if (projected != 0 && projected != USER_DEFINED) {
        return projected;
      }
      if (projected == 0 && geographic != 0 && geographic != USER_DEFINED) {
        return geographic;
      }
      return 0;
    }

    @Nullable CrsIdentifier toCrs() {
      int h = horizontalCode();
      if (h == 0) {
        return null;
      }
      int v = vertical != 0 && vertical != USER_DEFINED ? vertical : 0;
      return v == 0 ? CrsIdentifier.ofEpsg(h) : CrsIdentifier.ofEpsg(h, v);
    }

    double linearUnitMetres() {
      switch (linearUnits) {
        case 9001:
          return 1;
        case 9002:
          return 0.3048;
        case 9003:
          return 1200.0 / 3937.0;
        default:
          return Double.NaN;
      }
    }

    String describe() {
      StringBuilder sb = new StringBuilder();
      int h = horizontalCode();
      sb.append(h != 0 ? "EPSG:" + h : "a user-defined CRS");
      if (!citation.isEmpty()) {
        sb.append(" '").append(citation).append('\'');
      }
      if (linearUnits != 0) {
        sb.append(", units ").append(linearUnits).append(unitLabel());
      }
      return sb.toString();
    }

    private String unitLabel() {
      switch (linearUnits) {
        case 9001:
          return " (metre)";
        case 9002:
          return " (foot)";
        case 9003:
          return " (US survey foot)";
        default:
          return "";
      }
    }
  }
}
