// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twin4j.citygml.CityFormat;
import org.twin4j.core.attribute.Attributes;
import org.twin4j.mesh.building.Footprint;
import org.twin4j.mesh.building.ReconstructedBuilding;
import org.twin4j.mesh.building.ReconstructionOptions;
import org.twin4j.tiles.FootprintFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code twin reconstruct IN… [--footprints F] [--lod 1|2] -o OUT}: buildings from points. */
@Command(
    name = "reconstruct",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Reconstruct buildings from classified LAS/LAZ tiles: an LOD1 block per",
      "footprint (roof and ground heights at percentiles, as 3dfier) and, with",
      "--lod 2, LOD2.2 roofs from detected planes (as roofer), every solid checked",
      "by the validator; plus a terrain TIN. Footprints come from --footprints",
      "(GeoJSON or GeoPackage) or, without it, from the building points.",
      "3dfier's settings for the Delft sample: --roof-percentile 90",
      "--roof-classes 0,1,6."
    })
final class ReconstructCommand implements Callable<Integer> {

  @Spec private CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "IN", description = "LAS, LAZ or Arrow IPC tiles.")
  private List<Path> inputs;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT",
      description =
          "City model to write: .city.json, .city.jsonl, .gml (CityGML 3.0) or .glb; repeatable.")
  private List<Path> outputs;

  @Option(
      names = "--footprints",
      paramLabel = "F",
      description = "GeoJSON or GeoPackage footprints.")
  private Path footprints;

  @Option(names = "--layer", description = "GeoPackage layer (default: the first polygon layer).")
  private String layer;

  @Option(
      names = "--id-attribute",
      paramLabel = "NAME",
      description = "Footprint attribute that becomes the building id (default gml_id, then id).")
  private String idAttribute;

  @Option(
      names = "--lod",
      defaultValue = "2",
      description = "1: blocks only; 2: blocks and LOD2 roofs (default).")
  private int lod;

  @Option(
      names = "--roof-percentile",
      defaultValue = "70",
      description = "Roof height percentile (70).")
  private double roofPercentile;

  @Option(names = "--roof-classes", split = ",", description = "Roof point classes (1,6).")
  private int[] roofClasses;

  @Option(
      names = "--ground-percentile",
      defaultValue = "10",
      description = "Ground height percentile (10).")
  private double groundPercentile;

  @Option(names = "--ground-classes", split = ",", description = "Ground point classes (2,9).")
  private int[] groundClasses;

  @Option(
      names = "--lod2-classes",
      split = ",",
      description = "Classes LOD2 roofs are fitted to (6).")
  private int[] lod2Classes;

  @Option(
      names = "--denoise",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Class statistical outliers (k 8, 3 sigma) as noise first (default; --no-denoise to skip).")
  private boolean denoise;

  @Option(
      names = "--ground",
      defaultValue = "auto",
      description =
          "Ground points: file (class 2), smrf (as twin demo), or auto (SMRF where a file has no"
              + " class 2; default).")
  private String ground;

  @Option(names = "--no-terrain", description = "Leave out the terrain TIN.")
  private boolean noTerrain;

  @Option(
      names = "--footprints-out",
      paramLabel = "F",
      description =
          "Also write the footprints with the reconstruction's attributes (.geojson or .gpkg).")
  private Path footprintsOut;

  @Option(
      names = "--progress",
      negatable = true,
      description = "Progress bars on standard error (default: on a terminal).")
  private Boolean progress;

  @Override
  public Integer call() throws IOException {
    for (Path out : outputs) {
      String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
      if (CityFormat.fromFileName(name).isEmpty() && !name.endsWith(".glb")) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "the model is written as .city.json, .city.jsonl, .gml or .glb, not '" + name + "'");
      }
    }
    if (lod != 1 && lod != 2) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--lod is 1 or 2, not " + lod);
    }
    Pipeline.Settings s = new Pipeline.Settings();
    s.inputs.addAll(inputs);
    s.footprints = footprints;
    if (layer != null) {
      s.footprintOptions = s.footprintOptions.withLayer(layer);
    }
    if (idAttribute != null) {
      s.footprintOptions = s.footprintOptions.withIdAttributes(idAttribute);
    }
    s.lod2 = lod == 2;
    try {
      ReconstructionOptions o =
          ReconstructionOptions.defaults()
              .withRoofPercentile(roofPercentile)
              .withGroundPercentile(groundPercentile);
      if (roofClasses != null) {
        o = o.withRoofClasses(roofClasses);
      }
      if (groundClasses != null) {
        o = o.withGroundClasses(groundClasses);
      }
      if (lod2Classes != null) {
        o = o.withLod2Classes(lod2Classes);
      }
      s.options = o;
      s.ground = Pipeline.Ground.valueOf(ground.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    s.denoise = denoise;
    s.terrain = !noTerrain;
    s.progress = progress != null ? progress : System.console() != null;
    PrintWriter w = spec.commandLine().getOut();
    w.println("stages:");
    Pipeline.Outcome o = Pipeline.run(s, w);
    for (Path out : outputs) {
      long t = System.nanoTime();
      long size = Pipeline.write(o.model, out);
      w.printf(
          Locale.ROOT,
          "  %-11s %7.0f ms  %s (%d bytes)%n",
          "write",
          (System.nanoTime() - t) / 1e6,
          out,
          size);
    }
    if (footprintsOut != null) {
      writeFootprints(o, footprintsOut);
      w.println("  footprints  written to " + footprintsOut);
    }
    w.println();
    Pipeline.summary(o, w);
    return 0;
  }

  /** The footprints again, each with its building's attributes (heights, RMSE, validity). */
  static void writeFootprints(Pipeline.Outcome o, Path out) throws IOException {
    List<Footprint> fps = new ArrayList<>();
    List<Footprint> source = o.sourceFootprints;
    for (int i = 0; i < source.size(); i++) {
      ReconstructedBuilding b = o.buildings.buildings().get(i);
      Attributes a = b.object().attributes();
      fps.add(new Footprint(source.get(i).id(), source.get(i).polygon(), a));
    }
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".gpkg")) {
      FootprintFiles.writeGeoPackage(out, "buildings", fps, o.crs);
    } else {
      FootprintFiles.writeGeoJson(out, fps, o.crs);
    }
  }
}
