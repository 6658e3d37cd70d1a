// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.appearance.Appearances;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.model.Metadata;

/**
 * What a city model file says about itself, apart from its objects.
 *
 * @param format the encoding
 * @param version the version of the encoding as the file states it ("2.0", "1.1")
 * @param crsText the CRS as the file writes it (srsName, referenceSystem), or null if it names none
 * @param crs the parsed CRS, or null if none is named or it could not be understood (a warning says
 *     which)
 * @param metadata the metadata
 * @param appearances the material and texture tables (for CityJSON; for CityGML filled as objects
 *     are read, so complete after the last one)
 * @since 1.0
 */
public record DocumentInfo(
    CityFormat format,
    String version,
    @Nullable String crsText,
    @Nullable CrsIdentifier crs,
    Metadata metadata,
    Appearances appearances) {

  /**
   * Checks the components are not null.
   *
   * @param format the encoding
   * @param version the version of the encoding as the file states it ("2.0", "1.1")
   * @param crsText the CRS as the file writes it (srsName, referenceSystem), or null if it names
   *     none
   * @param crs the parsed CRS, or null if none is named or it could not be understood (a warning
   *     says which)
   * @param metadata the metadata
   * @param appearances the material and texture tables (for CityJSON; for CityGML filled as objects
   *     are read, so complete after the last one)
   */
  public DocumentInfo {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(appearances, "appearances");
  }
}
