// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.benchmarks.city;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The real city model samples by short name, and synthetic files made from them once per JVM. */
final class Samples {

  private static final Map<String, Path> SYNTHETIC = new ConcurrentHashMap<>();

  private Samples() {}

  static Path data() {
    Path dir = Path.of(System.getProperty("twin.data.dir", "data"));
    if (!Files.isDirectory(dir.resolve("city"))) {
      throw new IllegalStateException(
          "no sample data in "
              + dir.toAbsolutePath()
              + ": run from the project root or set -Dtwin.data.dir");
    }
    return dir.resolve("city");
  }

  /** A real sample, or a synthetic file (made on first use, deleted when the JVM exits). */
  static Path file(String name) {
    switch (name) {
      case "berlin-1.0":
        return data().resolve("citygml1/berlin_open_data_sample_data.citygml");
      case "potsdam-1.0":
        return data().resolve("citygml1/Potsdam_LoD1.gml");
      case "lod3-2.0":
        return data().resolve("citygml2/lod3_building_v2.gml");
      case "fzk-3.0":
        return data().resolve("citygml3/lod2_buildings_v3.gml");
      case "synthetic-3.0":
        return SYNTHETIC.computeIfAbsent(
            name,
            k ->
                make(
                    ".gml",
                    p -> SyntheticCityFiles.replicateCityGml(file("fzk-3.0"), p, 64L << 20)));
      case "delft":
        return data().resolve("cityjson/delft.json");
      case "zurich":
        return data().resolve("cityjson/zurich_subset_lod2.json");
      case "synthetic-zurich":
        return SYNTHETIC.computeIfAbsent(
            name,
            k ->
                make(
                    ".city.json",
                    p -> SyntheticCityFiles.replicateCityJson(file("zurich"), p, 40)));
      default:
        throw new IllegalArgumentException("unknown sample " + name);
    }
  }

  private interface Maker {
    long make(Path p) throws IOException;
  }

  private static Path make(String suffix, Maker maker) {
    try {
      Path p = Files.createTempFile("twin-synthetic-", suffix);
      p.toFile().deleteOnExit();
      maker.make(p);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
