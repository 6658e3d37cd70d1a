// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.twin4j.core.io.WarningListener;

/**
 * Every real sample file, read, written in each output encoding and read again, must come back as
 * the same model: the same objects with the same types, attributes, children, geometries per LOD,
 * coordinates (to 1 mm where CityJSON quantises), semantics, materials and textures. What the
 * target cannot hold is normalised in {@link ModelDiff} and must be in the writer's report.
 */
class RoundTripTest {

  @TempDir Path dir;

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String file : CityData.READABLE) {
      out.add(Arguments.of(file, WriteOptions.of(CityFormat.CITYGML).withVersion("3.0")));
      out.add(Arguments.of(file, WriteOptions.of(CityFormat.CITYGML).withVersion("2.0")));
      out.add(Arguments.of(file, WriteOptions.of(CityFormat.CITYJSON)));
      out.add(Arguments.of(file, WriteOptions.of(CityFormat.CITYJSON_SEQ)));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void roundTripKeepsTheModel(String name, WriteOptions options) throws IOException {
    ReadOptions quiet = new ReadOptions(WarningListener.silent());
    ReadResult original = CityFiles.read(CityData.file(name), quiet);
    assertTrue(original.model().size() > 0, name + " read as empty");
    Path out = dir.resolve("out" + extension(options));
    ConversionReport written =
        CityFiles.write(original.model(), out, options.withListener(WarningListener.silent()));
    ReadResult again = CityFiles.read(out, quiet);
    assertEquals(options.format(), again.info().format(), "detected format of the output");

    boolean gml = options.format() == CityFormat.CITYGML;
    boolean json = !gml;
    boolean gml3 = gml && options.version().equals("3.0");
    ModelDiff.Loss loss = new ModelDiff.Loss(gml, json, gml3, json ? 0.5e-3 + 1e-9 : 1e-9);
    List<String> diff = ModelDiff.compare(original.model(), again.model(), loss);
    assertEquals(
        List.of(),
        diff,
        name + " -> " + options.format() + " " + options.version() + "; writer report: " + written);
    if (gml3) {
      assertEquals(
          ModelDiff.lostInGml3(original.model()),
          written.count("dropped geometry"),
          "reported losses");
    }
    long relief = json ? countRelief(original) : 0;
    assertEquals(
        original.model().allObjects().count() - relief,
        again.model().allObjects().count(),
        "object count");
  }

  /** The same through the streaming conversion, where the header comes before the objects. */
  @ParameterizedTest(name = "{0} streamed as {1}")
  @MethodSource("cases")
  void streamedConversionKeepsTheModel(String name, WriteOptions options) throws IOException {
    ReadOptions quiet = new ReadOptions(WarningListener.silent());
    Path out = dir.resolve("streamed" + extension(options));
    ConversionResult result =
        CityFiles.convert(
            CityData.file(name), out, options.withListener(WarningListener.silent()), quiet);
    ReadResult original = CityFiles.read(CityData.file(name), quiet);
    assertEquals(original.model().size(), result.objects(), "top-level objects converted");
    ReadResult again = CityFiles.read(out, quiet);
    boolean gml = options.format() == CityFormat.CITYGML;
    boolean gml3 = gml && options.version().equals("3.0");
    ModelDiff.Loss loss = new ModelDiff.Loss(gml, !gml, gml3, gml ? 1e-9 : 0.5e-3 + 1e-9);
    assertEquals(
        List.of(),
        ModelDiff.compare(original.model(), again.model(), loss),
        name + ": " + result.written());
  }

  private static long countRelief(ReadResult r) {
    return r.model().allObjects().filter(o -> o.type().name().equals("ReliefFeature")).count();
  }

  private static String extension(WriteOptions o) {
    switch (o.format()) {
      case CITYGML:
        return ".gml";
      case CITYJSON_SEQ:
        return ".city.jsonl";
      default:
        return ".city.json";
    }
  }
}
