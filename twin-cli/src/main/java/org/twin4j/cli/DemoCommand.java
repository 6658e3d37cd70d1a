// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code twin demo}: the main job on the bundled Delft sample, from LAZ to a city model in three
 * formats.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole chain on the sample data in the project's data/ folder: two",
      "AHN3 LAZ tiles of Delft -> outlier removal -> ground (SMRF) -> terrain TIN",
      "-> LOD1 and LOD2 buildings on the 160 BGT footprints (GeoPackage) -> one",
      "city model written as CityGML 3.0, CityJSON 2.0 and GLB. Prints the time of",
      "every stage and a summary."
    })
final class DemoCommand implements Callable<Integer> {

  static final String[] TILES = {"ahn3_cropped_1.laz", "ahn3_cropped_2.laz"};
  static final String FOOTPRINTS = "delft_bgt_pand.gpkg";

  @Spec private CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      defaultValue = "twin-demo-output",
      paramLabel = "DIR",
      description = "Output folder (default ./twin-demo-output).")
  private Path out;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "The sample data folder (default: the project's data/, found from here or from the jar).")
  private Path data;

  @Option(
      names = "--progress",
      negatable = true,
      description = "Progress bars on standard error (default: on a terminal).")
  private Boolean progress;

  @Override
  public Integer call() throws IOException {
    Path dir = data != null ? data : findData();
    if (dir == null) {
      throw new IOException(
          "the sample data folder was not found: run from the project folder, or give --data"
              + " DIR (it holds lidar/"
              + TILES[0]
              + " and footprints/"
              + FOOTPRINTS
              + ")");
    }
    Pipeline.Settings s = new Pipeline.Settings();
    for (String t : TILES) {
      s.inputs.add(require(dir.resolve("lidar").resolve(t)));
    }
    s.footprints = require(dir.resolve("footprints").resolve(FOOTPRINTS));
    s.denoise = true;
    s.ground = Pipeline.Ground.SMRF;
    s.lod2 = true;
    s.progress = progress != null ? progress : System.console() != null;
    PrintWriter w = spec.commandLine().getOut();
    w.println("twin demo: Delft, AHN3 LiDAR + BGT footprints (data: " + dir + ")");
    w.println("stages:");
    Pipeline.Outcome o = Pipeline.run(s, w);
    Files.createDirectories(out);
    List<String> written = new ArrayList<>();
    long t = System.nanoTime();
    for (String name : new String[] {"delft.gml", "delft.city.json", "delft.glb"}) {
      Path f = out.resolve(name);
      long size = Pipeline.write(o.model, f);
      written.add(String.format(Locale.ROOT, "%s (%.1f MB)", f, size / 1e6));
    }
    ReconstructCommand.writeFootprints(o, out.resolve("delft_footprints.geojson"));
    written.add(out.resolve("delft_footprints.geojson").toString());
    long nanos = System.nanoTime() - t;
    o.stages.add(new Pipeline.Stage("write", nanos, String.join(", ", written)));
    w.printf(
        Locale.ROOT,
        "  %-11s %7.0f ms  %s%n",
        "write",
        nanos / 1e6,
        "CityGML 3.0, CityJSON 2.0, GLB, footprints GeoJSON");
    w.println();
    Pipeline.summary(o, w);
    for (String x : written) {
      w.println("written:       " + x);
    }
    w.flush();
    return 0;
  }

  private static Path require(Path p) throws IOException {
    if (!Files.isRegularFile(p)) {
      throw new IOException("sample file missing: " + p);
    }
    return p;
  }

  /** The data folder: the property or variable, ./data, or the project's data/ beside the jar. */
  static @Nullable Path findData() {
    List<Path> candidates = new ArrayList<>();
    String prop = System.getProperty("twin.data.dir");
    if (prop != null) {
      candidates.add(Path.of(prop));
    }
    String env = System.getenv("TWIN_DATA");
    if (env != null) {
      candidates.add(Path.of(env));
    }
    candidates.add(Path.of("data"));
    java.security.CodeSource code = DemoCommand.class.getProtectionDomain().getCodeSource();
    if (code != null && code.getLocation() != null) {
      try {
        // <root>/twin-cli/target/twin.jar or <root>/twin-cli/target/classes
        Path root = Path.of(code.getLocation().toURI()).getParent();
        if (root != null && root.getParent() != null && root.getParent().getParent() != null) {
          candidates.add(root.getParent().getParent().resolve("data"));
        }
      } catch (URISyntaxException | IllegalArgumentException e) {
        // not a file location: only the other candidates
      }
    }
    for (Path c : candidates) {
      if (Files.isRegularFile(c.resolve("lidar").resolve(TILES[0]))) {
        return c.toAbsolutePath().normalize();
      }
    }
    return null;
  }
}
