// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real city model files in {@code data/city}, found through the {@code twin.data.dir} property.
 */
final class CityData {

  /** Every readable model file of the sample set (the malformed JSON is left out). */
  static final List<String> READABLE =
      List.of(
          "citygml1/berlin_open_data_sample_data.citygml",
          "citygml1/Potsdam_LoD1.gml",
          "citygml2/Building_and_garage_LOD2-EPSG25832.gml",
          "citygml2/lod3_building_v2.gml",
          "citygml3/lod2_buildings_v3.gml",
          "citygml3/invalid_building_v3.gml",
          "cityjson/delft.json",
          "cityjson/zurich_subset_lod2.json",
          "cityjson/LOD2_Buildings.json",
          "cityjson/3dbag_b2.city.jsonl");

  private CityData() {}

  static Path file(String name) {
    String dir = System.getProperty("twin.data.dir", "../data");
    Path p = Path.of(dir, "city", name);
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException(
          "sample file missing: " + p.toAbsolutePath() + " (set -Dtwin.data.dir)");
    }
    return p;
  }
}
