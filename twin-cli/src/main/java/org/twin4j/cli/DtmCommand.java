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
import org.jspecify.annotations.Nullable;
import org.twin4j.citygml.CityFiles;
import org.twin4j.citygml.CityFormat;
import org.twin4j.citygml.WriteOptions;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.io.ReadWarning;
import org.twin4j.core.io.WarningListener;
import org.twin4j.core.model.CityModel;
import org.twin4j.mesh.DelaunayTriangulation;
import org.twin4j.mesh.ElevationGrid;
import org.twin4j.mesh.MeshFiles;
import org.twin4j.mesh.Terrain;
import org.twin4j.pointcloud.PointCloud;
import org.twin4j.pointcloud.filter.Smrf;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code twin dtm IN -o OUT}: a terrain TIN from the ground points, as a mesh and a grid. */
@Command(
    name = "dtm",
    mixinStandardHelpOptions = true,
    description = {
      "Build a terrain model from a LAS/LAZ file: the ground points (class 2, or SMRF's when the",
      "file has none) simplified to a TIN within --max-error, written as OBJ, PLY or GLB; with",
      "--raster a DTM grid sampled from the TIN, with --dsm a surface grid of the highest first",
      "returns, each a GeoTIFF (.tif, 32-bit float, CRS as GeoTIFF keys) or an ESRI ASCII grid",
      "(.asc). Prints the counts and the error measured on every ground point."
    })
final class DtmCommand implements Callable<Integer> {

  @Spec private CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN", description = "LAS, LAZ or Arrow IPC input.")
  private Path in;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT",
      description =
          "The TIN: .obj, .ply, .glb, or a city model (.city.json, .gml) with a TINRelief.")
  private Path out;

  @Option(
      names = "--max-error",
      defaultValue = "0.1",
      description = "Largest vertical distance of a ground point from the TIN (default 0.1).")
  private double maxError;

  @Option(names = "--grid", defaultValue = "1.0", description = "Grid cell size (default 1).")
  private double grid;

  @Option(
      names = "--raster",
      paramLabel = "DTM.tif",
      description = "Write the DTM grid here (.tif GeoTIFF, else ESRI ASCII grid).")
  private Path raster;

  @Option(
      names = "--dsm",
      paramLabel = "DSM.tif",
      description = "Write the DSM grid here (.tif GeoTIFF, else ESRI ASCII grid).")
  private Path dsm;

  /** Writes a grid as GeoTIFF or ASCII grid by the file's extension. */
  private static void writeGrid(
      ElevationGrid g, Path target, @Nullable CrsIdentifier crs, PrintWriter w) throws IOException {
    String n = target.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".tif") || n.endsWith(".tiff")) {
      g.writeGeoTiff(target, crs);
      if (crs == null || crs.horizontalEpsg() == 0) {
        w.println(
            "warning:       "
                + target
                + " has no CRS keys: "
                + (crs == null ? "the input names no CRS" : "its CRS has no EPSG code"));
      }
    } else {
      g.writeAsciiGrid(target, 3);
    }
  }

  @Override
  public Integer call() throws IOException {
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    CityFormat city = CityFormat.fromFileName(name).orElse(null);
    if (city == null
        && !name.endsWith(".obj")
        && !name.endsWith(".ply")
        && !name.endsWith(".glb")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "the TIN is written as .obj, .ply, .glb, .city.json, .city.jsonl or .gml, not '"
              + name
              + "'");
    }
    PrintWriter w = spec.commandLine().getOut();
    List<ReadWarning> warnings = new ArrayList<>();
    long t0 = System.nanoTime();
    PointCloud cloud = PointFiles.read(in, warnings);
    String source = "class 2 in the file";
    if (cloud.classCounts()[2] == 0) {
      cloud = Smrf.classify(cloud).cloud();
      source = "SMRF (the file has no class 2)";
    }
    double[][] ground = cloud.coordinates((c, i) -> c.classification(i) == 2);
    double[] x = ground[0];
    double[] y = ground[1];
    double[] z = ground[2];
    int n = x.length;
    long t1 = System.nanoTime();
    Terrain.Result r = Terrain.simplify(x, y, z, maxError);
    DelaunayTriangulation tin = r.tin();
    long t2 = System.nanoTime();
    if (city != null) {
      CityModel model =
          CityModel.builder()
              .crs(cloud.crs().orElse(null))
              .add(Terrain.toCityObject(tin, "terrain"))
              .build();
      CityFiles.write(model, out, WriteOptions.of(city).withListener(WarningListener.silent()));
    } else if (name.endsWith(".obj")) {
      MeshFiles.writeObj(tin.xyz(), tin.triangles(), out);
    } else if (name.endsWith(".ply")) {
      MeshFiles.writePly(tin.xyz(), tin.triangles(), out);
    } else {
      MeshFiles.writeGlb(tin.xyz(), tin.triangles(), out);
    }
    w.printf(Locale.ROOT, "input points:  %d (%s)%n", cloud.size(), in);
    w.printf(Locale.ROOT, "ground points: %d, from %s%n", n, source);
    w.printf(
        Locale.ROOT,
        "TIN:           %d vertices, %d triangles within %.3f (max error measured %.3f)%n",
        tin.vertexCount(),
        tin.triangleCount(),
        maxError,
        r.maxErrorMeasured());
    w.printf(
        Locale.ROOT,
        "time:          read and ground %.0f ms, TIN %.0f ms%n",
        (t1 - t0) / 1e6,
        (t2 - t1) / 1e6);
    w.println("written:       " + out);
    if (raster != null) {
      ElevationGrid g = ElevationGrid.dtm(tin, grid);
      writeGrid(g, raster, cloud.crs().orElse(null), w);
      w.printf(
          Locale.ROOT,
          "DTM grid:      %d x %d cells of %s -> %s%n",
          g.cols(),
          g.rows(),
          grid,
          raster);
    }
    if (dsm != null) {
      double[][] first = cloud.coordinates((c, i) -> c.returnNumber(i) <= 1);
      int m = first[0].length;
      ElevationGrid g = ElevationGrid.dsm(first[0], first[1], first[2], grid);
      writeGrid(g, dsm, cloud.crs().orElse(null), w);
      w.printf(
          Locale.ROOT,
          "DSM grid:      %d x %d cells of %s from %d first returns -> %s%n",
          g.cols(),
          g.rows(),
          grid,
          m,
          dsm);
    }
    for (ReadWarning x1 : warnings) {
      w.println("warning:       " + x1.kind() + ": " + x1.message());
    }
    w.flush();
    return 0;
  }
}
