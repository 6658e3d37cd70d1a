// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.examples.city;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.twin4j.citygml.CityFiles;
import org.twin4j.citygml.CityFormat;
import org.twin4j.citygml.CityReader;
import org.twin4j.citygml.ConversionReport;
import org.twin4j.citygml.ConversionResult;
import org.twin4j.citygml.ReadOptions;
import org.twin4j.citygml.ReadResult;
import org.twin4j.citygml.WriteOptions;
import org.twin4j.core.model.CityObject;

/**
 * The city-file example of the README: read a CityJSON file, write it as CityGML 2.0, stream a
 * CityGML file object by object, convert it to CityJSONSeq. The build runs it on the real samples.
 */
public final class CityFilesExample {

  private CityFilesExample() {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of(System.getProperty("twin.data.dir", "data"), "city");
    Path out = Files.createTempDirectory("twin-example");
    Path delft = data.resolve("cityjson/delft.json");
    Path fzk = data.resolve("citygml3/lod2_buildings_v3.gml");

    ReadResult r = CityFiles.read(delft); // the whole file into a CitySnapshot
    ConversionReport lost =
        CityFiles.write(
            r.model(),
            out.resolve("delft.gml"),
            WriteOptions.of(CityFormat.CITYGML).withVersion("2.0"));
    long buildings = 0;
    try (CityReader in = CityFiles.openReader(fzk)) { // one top-level object at a time
      while (in.hasNext()) {
        CityObject o = in.next();
        buildings += o.type().name().equals("Building") ? 1 : 0;
      }
    }
    ConversionResult c =
        CityFiles.convert(
            fzk,
            out.resolve("fzk.city.jsonl"),
            WriteOptions.of(CityFormat.CITYJSON_SEQ),
            ReadOptions.defaults());

    System.out.printf(
        "delft: %d objects, written as CityGML 2.0 (%s); fzk: %d buildings streamed, %d converted%n",
        r.model().size(), lost.counts(), buildings, c.objects());
    if (r.model().size() != 570 || buildings != 100 || c.objects() != 100) {
      throw new AssertionError("unexpected counts");
    }
  }
}
