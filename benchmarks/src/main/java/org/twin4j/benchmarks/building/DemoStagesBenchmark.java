// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.benchmarks.building;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.twin4j.citygml.CityFiles;
import org.twin4j.citygml.CityFormat;
import org.twin4j.citygml.WriteOptions;
import org.twin4j.core.io.WarningListener;
import org.twin4j.core.model.CityModel;
import org.twin4j.mesh.CityMeshes;
import org.twin4j.mesh.MeshFiles;
import org.twin4j.mesh.Terrain;
import org.twin4j.mesh.building.BuildingReconstructor;
import org.twin4j.mesh.building.Footprint;
import org.twin4j.mesh.building.ReconstructedBuilding;
import org.twin4j.mesh.building.Reconstruction;
import org.twin4j.mesh.building.ReconstructionOptions;
import org.twin4j.pointcloud.PointCloud;
import org.twin4j.pointcloud.filter.OutlierFilter;
import org.twin4j.pointcloud.filter.Smrf;
import org.twin4j.pointcloud.filter.SmrfOptions;

/**
 * The stages of {@code twin demo}, each timed on its own on the Delft sample with the previous
 * stages' output prepared once: {@code read} both LAZ tiles, {@code noise} (statistical outliers, k
 * 8, 3σ), {@code ground} (SMRF keeping the other classes), {@code terrain} (TIN within 0.1 m),
 * {@code footprints} (the GeoPackage), {@code buildings} (LOD1 + LOD2 of all 160), and the model
 * written as {@code citygml} 3.0, {@code cityjson} 2.0 and {@code glb}. The peers of the heavy
 * stages run in their own benchmarks (PointRead, Ground, Terrain, Reconstruction).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xms4g", "-Xmx4g", "--add-opens=java.base/java.nio=ALL-UNNAMED"})
public class DemoStagesBenchmark {

  /** One stage and its prepared input. */
  @State(Scope.Benchmark)
  public static class Stage {
    @Param({
      "read",
      "noise",
      "ground",
      "terrain",
      "footprints",
      "buildings",
      "citygml",
      "cityjson",
      "glb"
    })
    public String stage;

    List<PointCloud> raw;
    List<PointCloud> denoised;
    List<PointCloud> classified;
    CityModel model;
    Path dir;

    /**
     * Runs the stages before this one.
     *
     * @throws Exception if a file cannot be read
     */
    @Setup(Level.Trial)
    public void prepare() throws Exception {
      dir = Files.createTempDirectory("twin-demo-bench");
      raw = DelftSample.clouds();
      denoised = noise(raw);
      classified = ground(denoised);
      List<Footprint> fps = DelftSample.footprints();
      CityModel.Builder b = CityModel.builder();
      b.add(terrain(classified));
      for (ReconstructedBuilding r : buildings(classified, fps).buildings()) {
        b.add(r.object());
      }
      model = b.build();
    }

    /**
     * Removes the written files.
     *
     * @throws Exception if they cannot be deleted
     */
    @TearDown(Level.Trial)
    public void clean() throws Exception {
      try (var files = Files.list(dir)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  static List<PointCloud> noise(List<PointCloud> in) {
    List<PointCloud> out = new ArrayList<>();
    for (PointCloud c : in) {
      out.add(OutlierFilter.classify(c, OutlierFilter.find(c, 8, 3)));
    }
    return out;
  }

  static List<PointCloud> ground(List<PointCloud> in) {
    List<PointCloud> out = new ArrayList<>();
    for (PointCloud c : in) {
      out.add(Smrf.reclassifyGround(c, SmrfOptions.defaults()));
    }
    return out;
  }

  static org.twin4j.core.model.CityObject terrain(List<PointCloud> in) {
    double[][] g = PointCloud.coordinates(in, (ch, i) -> ch.classification(i) == 2);
    return Terrain.toCityObject(Terrain.simplify(g[0], g[1], g[2], 0.1).tin(), "terrain");
  }

  static Reconstruction buildings(List<PointCloud> in, List<Footprint> fps) {
    return BuildingReconstructor.reconstruct(in, fps, ReconstructionOptions.defaults(), true, null);
  }

  /**
   * Runs one stage.
   *
   * @param s the stage and its input
   * @return what it made
   * @throws Exception if reading or writing fails
   */
  @Benchmark
  public Object stage(Stage s) throws Exception {
    switch (s.stage) {
      case "read":
        return DelftSample.clouds();
      case "noise":
        return noise(s.raw);
      case "ground":
        return ground(s.denoised);
      case "terrain":
        return terrain(s.classified);
      case "footprints":
        return DelftSample.footprints();
      case "buildings":
        return buildings(s.classified, DelftSample.footprints());
      case "citygml":
        return CityFiles.write(
            s.model,
            s.dir.resolve("delft.gml"),
            WriteOptions.of(CityFormat.CITYGML)
                .withVersion("3.0")
                .withListener(WarningListener.silent()));
      case "cityjson":
        return CityFiles.write(
            s.model,
            s.dir.resolve("delft.city.json"),
            WriteOptions.of(CityFormat.CITYJSON).withListener(WarningListener.silent()));
      case "glb":
        CityMeshes.Mesh m = CityMeshes.of(s.model, null);
        MeshFiles.writeGlb(m.xyz(), m.triangles(), s.dir.resolve("delft.glb"));
        return m;
      default:
        throw new IllegalArgumentException("unknown stage " + s.stage);
    }
  }
}
