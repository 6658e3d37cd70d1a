// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.tiles;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.io.WarningListener;

/**
 * How to read a footprint file.
 *
 * @param idAttributes the attributes that hold a footprint's id, tried in order; the first one a
 *     feature has (not null) gives its id, else the feature id (GeoJSON {@code id} member,
 *     GeoPackage primary key), else the feature's 1-based position
 * @param layer the GeoPackage feature table to read, or null for the first one with Polygon or
 *     MultiPolygon geometry; ignored for GeoJSON
 * @param listener receives every {@link FootprintIssue} as a warning, and file-level warnings (an
 *     unrecognised CRS, a column that cannot be read)
 * @since 1.0
 */
public record FootprintOptions(
    List<String> idAttributes, @Nullable String layer, WarningListener listener) {

  /** The default id attributes: {@code gml_id}, then {@code id}. */
  public static final List<String> DEFAULT_ID_ATTRIBUTES = List.of("gml_id", "id");

  /**
   * Validates and copies the options.
   *
   * @param idAttributes the attributes that hold a footprint's id, tried in order; copied
   * @param layer the GeoPackage feature table to read, or null for the first polygon table
   * @param listener receives issues and file-level warnings
   * @throws IllegalArgumentException if an attribute name or the layer name is blank
   */
  public FootprintOptions {
    idAttributes = List.copyOf(idAttributes);
    for (String a : idAttributes) {
      if (a.isBlank()) {
        throw new IllegalArgumentException("id attribute names must not be blank");
      }
    }
    if (layer != null && layer.isBlank()) {
      throw new IllegalArgumentException("layer name must not be blank");
    }
    Objects.requireNonNull(listener, "listener");
  }

  /**
   * The defaults: ids from {@code gml_id}, then {@code id}, then the feature id; the first polygon
   * layer of a GeoPackage; warnings logged once per kind.
   *
   * @return the default options
   */
  public static FootprintOptions defaults() {
    return new FootprintOptions(DEFAULT_ID_ATTRIBUTES, null, WarningListener.logOnce());
  }

  /**
   * Returns these options with other id attributes.
   *
   * @param names the attributes to try in order; none means the feature id is used
   * @return the new options
   */
  public FootprintOptions withIdAttributes(String... names) {
    return new FootprintOptions(List.of(names), layer, listener);
  }

  /**
   * Returns these options with a GeoPackage layer to read.
   *
   * @param name the feature table name
   * @return the new options
   */
  public FootprintOptions withLayer(String name) {
    return new FootprintOptions(idAttributes, Objects.requireNonNull(name, "name"), listener);
  }

  /**
   * Returns these options with another warning listener.
   *
   * @param l the listener
   * @return the new options
   */
  public FootprintOptions withListener(WarningListener l) {
    return new FootprintOptions(idAttributes, layer, l);
  }
}
