// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twin4j.benchmarks.city.SyntheticCityFiles;
import org.twin4j.citygml.CityFiles;
import org.twin4j.citygml.CityReader;
import org.twin4j.citygml.ReadOptions;
import org.twin4j.core.io.WarningListener;
import org.twin4j.core.model.CityObject;

/**
 * A CityGML file of more than 1 GB, made by replicating the real CityGML 3.0 sample, is read one
 * top-level object at a time in a JVM limited to 512 MB of heap (failsafe's argLine for this
 * module): every object is seen exactly once, with its geometry.
 */
class StreamingIT {

  @TempDir Path dir;

  @Test
  void aFileLargerThanTheHeapIsReadObjectByObject() throws IOException {
    long heap = Runtime.getRuntime().maxMemory();
    assertTrue(heap <= 600L << 20, "run with -Xmx512m, have " + (heap >> 20) + " MB");
    Path sample =
        Path.of(
            System.getProperty("twin.data.dir", "../data"),
            "city",
            "citygml3",
            "lod2_buildings_v3.gml");
    Path big = dir.resolve("big.gml");
    long members = SyntheticCityFiles.replicateCityGml(sample, big, 1L << 30);
    long size = Files.size(big);
    assertTrue(size > 1L << 30, "file of " + size + " bytes");
    assertTrue(size > 2 * heap, "the file is larger than the heap");

    // ids are "<sample id>_c<copy>": one bit per (sample id, copy)
    Map<String, Integer> sampleIds = new HashMap<>();
    BitSet seen = new BitSet();
    long objects = 0;
    long duplicates = 0;
    long withoutGeometry = 0;
    try (CityReader r = CityFiles.openReader(big, new ReadOptions(WarningListener.silent()))) {
      while (r.hasNext()) {
        CityObject o = r.next();
        objects++;
        int cut = o.id().lastIndexOf("_c");
        int base = sampleIds.computeIfAbsent(o.id().substring(0, cut), k -> sampleIds.size());
        int copy = Integer.parseInt(o.id().substring(cut + 2));
        int bit = copy * 100 + base;
        if (seen.get(bit)) {
          duplicates++;
        }
        seen.set(bit);
        if (!o.hasGeometry()) {
          withoutGeometry++;
        }
      }
      assertEquals(
          0, r.report().counts().getOrDefault("skipped object", 0L), r.report().toString());
    }
    assertEquals(100, sampleIds.size());
    assertEquals(members, objects);
    assertEquals(members, seen.cardinality());
    assertEquals(0, duplicates);
    assertEquals(0, withoutGeometry);
    System.out.printf(
        "streamed %d objects from %.2f GB with %d MB of heap%n", objects, size / 1e9, heap >> 20);
  }
}
