// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.twin4j.citygml.CityFiles;
import org.twin4j.citygml.CityFormat;
import org.twin4j.citygml.ConversionResult;
import org.twin4j.citygml.ReadOptions;
import org.twin4j.citygml.WriteOptions;
import org.twin4j.core.geom.Lod;
import org.twin4j.core.io.WarningListener;
import org.twin4j.core.model.CitySnapshot;
import org.twin4j.mesh.CityMeshes;
import org.twin4j.mesh.MeshFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code twin convert IN OUT}: city model files between CityGML and CityJSON, streamed. */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Convert a city model file: CityGML 1.0/2.0/3.0, CityJSON 1.0/1.1/2.0 or CityJSONSeq in;",
      "CityGML 2.0 or 3.0, CityJSON 2.0 or CityJSONSeq out. Objects are streamed one at a time.",
      "Whatever the output cannot hold is reported with counts. OUT appears only on success.",
      "Point clouds: LAS/LAZ (or Arrow IPC) in; LAS 1.2/1.4, LAZ (.laz) or Arrow IPC (.arrow) out.",
      "City models to meshes: OUT ending in .obj, .ply or .glb triangulates every polygon."
    })
final class ConvertCommand implements Callable<Integer> {

  @Spec private CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "IN",
      description = "The input file (format detected from its content).")
  private Path in;

  @Parameters(index = "1", paramLabel = "OUT", description = "The output file.")
  private Path out;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = {
        "citygml2, citygml3, cityjson or cityjsonseq. Default: from OUT's extension",
        "(.gml/.xml/.citygml: CityGML 3.0, .json: CityJSON, .jsonl: CityJSONSeq)."
      })
  private String format;

  @Option(
      names = "--lod",
      paramLabel = "N",
      description = "Keep only geometries of this LOD (2 keeps 2.x; 2.2 keeps only 2.2).")
  private String lod;

  @Option(
      names = "--decimals",
      paramLabel = "D",
      description =
          "CityJSON precision in decimals (default: 3 in a projected CRS, 9 in a geographic one).")
  private Integer decimals;

  @Option(
      names = "--validate",
      description = "Validate CityGML input against its XML schemas first.")
  private boolean validate;

  @Option(
      names = "--las-version",
      defaultValue = "1.4",
      paramLabel = "V",
      description = "For point clouds: the LAS version of a .las output, 1.2 or 1.4 (default).")
  private String lasVersion;

  @Override
  public Integer call() throws IOException {
    if (PointFiles.isPoints(in)) {
      PointFiles.convert(in, out, lasVersion, spec.commandLine().getOut());
      return 0;
    }
    String outName = out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (outName.endsWith(".obj") || outName.endsWith(".ply") || outName.endsWith(".glb")) {
      return toMesh(outName);
    }
    WriteOptions options = options();
    ConversionResult r =
        CityFiles.convert(in, out, options, new ReadOptions(WarningListener.silent(), validate));
    PrintWriter w = spec.commandLine().getOut();
    w.println(
        "converted "
            + r.objects()
            + " top-level objects to "
            + out
            + " ("
            + options.format().displayName()
            + " "
            + options.version()
            + ")");
    print(w, "read", r.read().counts());
    print(w, "written", r.written().counts());
    w.flush();
    return 0;
  }

  /** A city model file as one triangle mesh (each object's highest LOD, or --lod). */
  private int toMesh(String outName) throws IOException {
    Lod only = null;
    if (lod != null) {
      try {
        only = Lod.parse(lod);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "bad --lod '" + lod + "': " + e.getMessage());
      }
    }
    CitySnapshot model =
        CityFiles.read(in, new ReadOptions(WarningListener.silent(), validate)).model();
    CityMeshes.Mesh m = CityMeshes.of(model, only);
    if (outName.endsWith(".obj")) {
      MeshFiles.writeObj(m.xyz(), m.triangles(), out);
    } else if (outName.endsWith(".ply")) {
      MeshFiles.writePly(m.xyz(), m.triangles(), out);
    } else {
      MeshFiles.writeGlb(m.xyz(), m.triangles(), out);
    }
    PrintWriter w = spec.commandLine().getOut();
    w.println(
        "meshed "
            + model.objectCount()
            + " objects into "
            + m.triangles().length / 3
            + " triangles, "
            + m.xyz().length / 3
            + " vertices ("
            + m.polygonsSkipped()
            + " polygons skipped: no area or crossing rings) -> "
            + out);
    w.flush();
    return 0;
  }

  private static void print(PrintWriter w, String what, Map<String, Long> counts) {
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      w.println("  " + what + ": " + e.getKey() + ": " + e.getValue());
    }
  }

  private WriteOptions options() {
    WriteOptions o;
    if (format != null) {
      switch (format.toLowerCase(Locale.ROOT)) {
        case "citygml2":
          o = WriteOptions.of(CityFormat.CITYGML).withVersion("2.0");
          break;
        case "citygml3":
        case "citygml":
          o = WriteOptions.of(CityFormat.CITYGML).withVersion("3.0");
          break;
        case "cityjson":
          o = WriteOptions.of(CityFormat.CITYJSON);
          break;
        case "cityjsonseq":
          o = WriteOptions.of(CityFormat.CITYJSON_SEQ);
          break;
        default:
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "unknown --format '" + format + "': use citygml2, citygml3, cityjson or cityjsonseq");
      }
    } else {
      CityFormat f =
          CityFormat.fromFileName(out.getFileName().toString())
              .orElseThrow(
                  () ->
                      new CommandLine.ParameterException(
                          spec.commandLine(),
                          "cannot tell the output format from '"
                              + out.getFileName()
                              + "': give --format"));
      o = WriteOptions.of(f);
    }
    if (lod != null) {
      try {
        o = o.withLod(Lod.parse(lod));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "bad --lod '" + lod + "': " + e.getMessage());
      }
    }
    if (decimals != null) {
      o = new WriteOptions(o.format(), o.version(), o.lod(), decimals, o.listener());
    }
    return o.withListener(WarningListener.silent());
  }
}
