// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;
import org.twin4j.citygml.CityFiles;
import org.twin4j.citygml.CityFormat;
import org.twin4j.citygml.WriteOptions;
import org.twin4j.core.attribute.DoubleValue;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.geom.Bounds3D;
import org.twin4j.core.io.ReadWarning;
import org.twin4j.core.io.WarningListener;
import org.twin4j.core.model.CityModel;
import org.twin4j.core.model.CityObject;
import org.twin4j.mesh.CityMeshes;
import org.twin4j.mesh.DelaunayTriangulation;
import org.twin4j.mesh.MeshFiles;
import org.twin4j.mesh.Terrain;
import org.twin4j.mesh.building.BuildingReconstructor;
import org.twin4j.mesh.building.ExtractionOptions;
import org.twin4j.mesh.building.Footprint;
import org.twin4j.mesh.building.FootprintExtractor;
import org.twin4j.mesh.building.ReconstructedBuilding;
import org.twin4j.mesh.building.Reconstruction;
import org.twin4j.mesh.building.ReconstructionOptions;
import org.twin4j.pointcloud.PointCloud;
import org.twin4j.pointcloud.filter.ClassificationScore;
import org.twin4j.pointcloud.filter.OutlierFilter;
import org.twin4j.pointcloud.filter.Smrf;
import org.twin4j.pointcloud.filter.SmrfOptions;
import org.twin4j.tiles.FootprintFiles;
import org.twin4j.tiles.FootprintIssue;
import org.twin4j.tiles.FootprintOptions;
import org.twin4j.tiles.FootprintSet;

/**
 * The main job, shared by {@code twin reconstruct} and {@code twin demo}: points in, noise out,
 * ground, terrain TIN, footprints (read or extracted), LOD1 and LOD2 buildings, one city model,
 * with the time of every stage and the numbers a run is judged by.
 */
final class Pipeline {

  /** Where the ground comes from. */
  enum Ground {
    /** The file's class 2. */
    FILE,
    /** SMRF, always. */
    SMRF,
    /** SMRF where a file has no class 2, else the file's. */
    AUTO
  }

  /** What to run. */
  static final class Settings {
    final List<Path> inputs = new ArrayList<>();
    @Nullable Path footprints;
    FootprintOptions footprintOptions = FootprintOptions.defaults();
    boolean lod2 = true;
    ReconstructionOptions options = ReconstructionOptions.defaults();
    boolean denoise;
    int outlierK = 8;
    double outlierSigma = 3.0;
    Ground ground = Ground.AUTO;
    boolean terrain = true;
    double tinError = 0.1;
    boolean progress;
  }

  /** One timed stage. */
  record Stage(String name, long nanos, String detail) {}

  /** What a run produced. */
  static final class Outcome {
    CityModel model;
    Reconstruction buildings;
    final List<Stage> stages = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    long points;
    long noise;
    long ground;
    int footprints;
    List<Footprint> sourceFootprints = List.of();
    String footprintSource = "";
    @Nullable CrsIdentifier crs;
  }

  private Pipeline() {}

  static Outcome run(Settings s, PrintWriter log) throws IOException {
    Outcome o = new Outcome();
    List<ReadWarning> warnings = new ArrayList<>();
    long t = System.nanoTime();
    List<PointCloud> clouds = new ArrayList<>();
    try (Progress p = Progress.of(s.progress, "read", s.inputs.size())) {
      for (Path in : s.inputs) {
        clouds.add(PointFiles.read(in, warnings));
        p.step();
      }
    }
    for (int i = 0; i < clouds.size(); i++) {
      PointCloud c = clouds.get(i);
      o.points += c.size();
      CrsIdentifier crs = c.crs().orElse(null);
      if (o.crs == null) {
        o.crs = crs;
      } else if (crs != null && !sameCrs(o.crs, crs)) {
        throw new IOException(
            "the tiles are in different CRSs: "
                + s.inputs.get(i)
                + " is in "
                + crs
                + ", an earlier one in "
                + o.crs
                + "; reproject them to one CRS first");
      }
    }
    t = stage(o, log, "read", t, o.points + " points from " + s.inputs.size() + " file(s)");

    if (s.denoise) {
      try (Progress p = Progress.of(s.progress, "noise", clouds.size())) {
        for (int i = 0; i < clouds.size(); i++) {
          OutlierFilter.Result r = OutlierFilter.find(clouds.get(i), s.outlierK, s.outlierSigma);
          clouds.set(i, OutlierFilter.classify(clouds.get(i), r));
          o.noise += r.count();
          p.step();
        }
      }
      t =
          stage(
              o,
              log,
              "noise",
              t,
              String.format(
                  Locale.ROOT,
                  "%d statistical outliers (k %d, %.1f sigma) classed 7",
                  o.noise,
                  s.outlierK,
                  s.outlierSigma));
    }

    String groundDetail = "class 2 of the input";
    ClassificationScore agreement = null;
    try (Progress p = Progress.of(s.progress, "ground", clouds.size())) {
      for (int i = 0; i < clouds.size(); i++) {
        PointCloud c = clouds.get(i);
        boolean smrf =
            s.ground == Ground.SMRF || (s.ground == Ground.AUTO && c.classCounts()[2] == 0);
        if (smrf) {
          PointCloud classified = Smrf.reclassifyGround(c, SmrfOptions.defaults());
          ClassificationScore score = ClassificationScore.of(c, classified, 2);
          agreement = agreement == null ? score : sum(agreement, score);
          clouds.set(i, classified);
          groundDetail = "SMRF";
        }
        o.ground += clouds.get(i).classCounts()[2];
        p.step();
      }
    }
    if (agreement != null && agreement.scored() > 0) {
      groundDetail +=
          String.format(
              Locale.ROOT,
              " (against the input's classes: total error %.2f %%, kappa %.3f)",
              100 * agreement.total(),
              agreement.kappa());
    }
    t = stage(o, log, "ground", t, o.ground + " ground points, " + groundDetail);

    List<CityObject> objects = new ArrayList<>();
    if (s.terrain && o.ground >= 3) {
      double[][] g = PointCloud.coordinates(clouds, (ch, i) -> ch.classification(i) == 2);
      Terrain.Result r = Terrain.simplify(g[0], g[1], g[2], s.tinError);
      DelaunayTriangulation tin = r.tin();
      objects.add(Terrain.toCityObject(tin, "terrain"));
      t =
          stage(
              o,
              log,
              "terrain",
              t,
              String.format(
                  Locale.ROOT,
                  "TIN of %d vertices, %d triangles from %d ground points (max error %.3f m)",
                  tin.vertexCount(),
                  tin.triangleCount(),
                  g[0].length,
                  r.maxErrorMeasured()));
    }

    List<Footprint> footprints;
    if (s.footprints != null) {
      // repairs are counted per kind below, not listed one by one
      FootprintSet set =
          FootprintFiles.read(s.footprints, s.footprintOptions.withListener(w -> {}));
      footprints = set.footprints();
      CrsIdentifier fcrs = set.crs().orElse(null);
      if (fcrs != null && o.crs != null && !sameCrs(fcrs, o.crs)) {
        throw new IOException(
            "the footprints in "
                + s.footprints
                + " are in "
                + fcrs
                + " but the points in "
                + o.crs
                + "; reproject one of them first");
      }
      requireOverlap(footprints, clouds, s.footprints, fcrs);
      if (fcrs != null) {
        o.crs = fcrs;
      }
      Map<String, Integer> kinds = new TreeMap<>();
      for (FootprintIssue i : set.issues()) {
        kinds.merge(i.kind().key(), 1, Integer::sum);
      }
      o.footprintSource =
          s.footprints.getFileName()
              + (kinds.isEmpty() ? "" : ", repaired or reported: " + kinds)
              + (set.skipped() > 0 ? ", " + set.skipped() + " skipped" : "");
    } else {
      footprints = FootprintExtractor.extract(clouds, ExtractionOptions.defaults());
      o.footprintSource = "extracted from the building points";
    }
    o.footprints = footprints.size();
    o.sourceFootprints = footprints;
    t = stage(o, log, "footprints", t, footprints.size() + " from " + o.footprintSource);

    Reconstruction rec;
    try (Progress p = Progress.of(s.progress, "buildings", footprints.size())) {
      rec = BuildingReconstructor.reconstruct(clouds, footprints, s.options, s.lod2, n -> p.step());
    }
    o.buildings = rec;
    CityModel.Builder model = CityModel.builder().crs(o.crs);
    objects.forEach(model::add);
    for (ReconstructedBuilding b : rec.buildings()) {
      model.add(b.object());
    }
    o.model = model.build();
    t =
        stage(
            o,
            log,
            s.lod2 ? "LOD1+LOD2" : "LOD1",
            t,
            String.format(
                Locale.ROOT,
                "%d of %d reconstructed, %s; median %.1f ms per building",
                rec.reconstructed(),
                footprints.size(),
                flagged(rec),
                rec.medianMillis()));
    for (ReadWarning w : warnings) {
      o.warnings.add(w.kind() + ": " + w.message());
    }
    return o;
  }

  private static ClassificationScore sum(ClassificationScore a, ClassificationScore b) {
    return new ClassificationScore(
        a.groundAsGround() + b.groundAsGround(),
        a.groundAsObject() + b.groundAsObject(),
        a.objectAsGround() + b.objectAsGround(),
        a.objectAsObject() + b.objectAsObject());
  }

  /** Same EPSG code, or equal definitions where either has none. */
  private static boolean sameCrs(CrsIdentifier a, CrsIdentifier b) {
    if (a.epsgCode().isPresent() && b.epsgCode().isPresent()) {
      return a.epsgCode().get().equals(b.epsgCode().get());
    }
    return a.equals(b);
  }

  /** Fails when no footprint overlaps the points: a CRS mix-up would flag every building. */
  private static void requireOverlap(
      List<Footprint> footprints, List<PointCloud> clouds, Path file, @Nullable CrsIdentifier crs)
      throws IOException {
    if (footprints.isEmpty() || clouds.isEmpty()) {
      return;
    }
    double[] pts = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (PointCloud c : clouds) {
      if (c.size() > 0) {
        Bounds3D b = c.bounds();
        pts[0] = Math.min(pts[0], b.minX());
        pts[1] = Math.min(pts[1], b.minY());
        pts[2] = Math.max(pts[2], b.maxX());
        pts[3] = Math.max(pts[3], b.maxY());
      }
    }
    double[] fps = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (Footprint f : footprints) {
      Bounds3D b = f.polygon().bounds();
      if (b.minX() <= pts[2] && b.maxX() >= pts[0] && b.minY() <= pts[3] && b.maxY() >= pts[1]) {
        return;
      }
      fps[0] = Math.min(fps[0], b.minX());
      fps[1] = Math.min(fps[1], b.minY());
      fps[2] = Math.max(fps[2], b.maxX());
      fps[3] = Math.max(fps[3], b.maxY());
    }
    throw new IOException(
        String.format(
            Locale.ROOT,
            "none of the %d footprints in %s overlaps the points: footprints span x %.3f..%.3f,"
                + " y %.3f..%.3f%s; points span x %.3f..%.3f, y %.3f..%.3f. Are they in one CRS?",
            footprints.size(),
            file,
            fps[0],
            fps[2],
            fps[1],
            fps[3],
            crs == null ? "" : " (" + crs + ")",
            pts[0],
            pts[2],
            pts[1],
            pts[3]));
  }

  private static String flagged(Reconstruction r) {
    Map<String, Integer> by = new TreeMap<>();
    for (ReconstructedBuilding b : r.buildings()) {
      if (b.status() != ReconstructedBuilding.Status.RECONSTRUCTED) {
        by.merge(b.status().code(), 1, Integer::sum);
      }
    }
    return by.isEmpty() ? "none flagged" : "flagged " + by;
  }

  private static long stage(Outcome o, PrintWriter log, String name, long since, String detail) {
    long now = System.nanoTime();
    o.stages.add(new Stage(name, now - since, detail));
    log.printf(Locale.ROOT, "  %-11s %7.0f ms  %s%n", name, (now - since) / 1e6, detail);
    log.flush();
    return System.nanoTime();
  }

  /** Writes the model as the file's extension says: .gml (CityGML 3.0), .city.json, .glb. */
  static long write(CityModel model, Path out) throws IOException {
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (name.endsWith(".glb")) {
      CityMeshes.Mesh m = CityMeshes.of(model, null);
      MeshFiles.writeGlb(m.xyz(), m.triangles(), out);
    } else {
      CityFormat f =
          CityFormat.fromFileName(name)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "cannot write a city model to '"
                              + out.getFileName()
                              + "': use .gml, .city.json, .city.jsonl or .glb"));
      WriteOptions w = WriteOptions.of(f).withListener(WarningListener.silent());
      if (f == CityFormat.CITYGML) {
        w = w.withVersion("3.0");
      }
      CityFiles.write(model, out, w);
    }
    return Files.size(out);
  }

  /** Prints the numbers of a run. */
  static void summary(Outcome o, PrintWriter w) {
    Reconstruction r = o.buildings;
    w.printf(Locale.ROOT, "points:        %d%n", o.points);
    if (o.noise > 0) {
      w.printf(Locale.ROOT, "noise:         %d classed 7%n", o.noise);
    }
    w.printf(Locale.ROOT, "ground points: %d%n", o.ground);
    w.printf(Locale.ROOT, "footprints:    %d (%s)%n", o.footprints, o.footprintSource);
    w.printf(
        Locale.ROOT,
        "buildings:     %d reconstructed of %d, %s%n",
        r.reconstructed(),
        r.buildings().size(),
        flagged(r));
    double rmse1 =
        median(
            r.buildings().stream()
                .mapToDouble(ReconstructedBuilding::rmseLod1)
                .filter(Double::isFinite)
                .toArray());
    if (r.lod2()) {
      w.printf(
          Locale.ROOT,
          "LOD2 valid:    %.1f %% of the reconstructed solids pass the validator%n",
          100 * r.validFraction());
      w.printf(
          Locale.ROOT,
          "RMSE:          median %.3f m LOD2 (3D, point to model; %.3f m vertical on the roof-plane"
              + " points), %.3f m LOD1 (to the flat roof)%n",
          r.medianRmse(),
          median(
              r.buildings().stream()
                  .map(b -> b.object().attribute("rmseLod2Vertical"))
                  .filter(a -> a instanceof DoubleValue)
                  .mapToDouble(a -> ((DoubleValue) a).value())
                  .toArray()),
          rmse1);
    } else {
      w.printf(
          Locale.ROOT,
          "LOD1 valid:    %.1f %%; RMSE median %.3f m (to the flat roof)%n",
          100 * r.validFraction(),
          rmse1);
    }
    w.printf(Locale.ROOT, "per building:  median %.1f ms%n", r.medianMillis());
    w.printf(Locale.ROOT, "CRS:           %s%n", o.crs == null ? "none" : o.crs);
    long total = 0;
    for (Stage s : o.stages) {
      total += s.nanos();
    }
    StringBuilder sb = new StringBuilder();
    for (Stage s : o.stages) {
      sb.append(sb.length() == 0 ? "" : ", ")
          .append(s.name())
          .append(String.format(Locale.ROOT, " %.0f", s.nanos() / 1e6));
    }
    w.printf(Locale.ROOT, "time:          %.1f s (%s ms)%n", total / 1e9, sb);
    for (String x : o.warnings) {
      w.println("warning:       " + x);
    }
    w.flush();
  }

  private static double median(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    java.util.Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** A progress bar on standard error when asked for, else nothing. */
  static final class Progress implements AutoCloseable {
    private final @Nullable ProgressBar bar;

    private Progress(@Nullable ProgressBar bar) {
      this.bar = bar;
    }

    static Progress of(boolean show, String task, long max) {
      if (!show) {
        return new Progress(null);
      }
      return new Progress(
          new ProgressBarBuilder()
              .setTaskName(String.format(Locale.ROOT, "%-10s", task))
              .setInitialMax(max)
              .setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(100)
              .continuousUpdate()
              .build());
    }

    void step() {
      if (bar != null) {
        synchronized (bar) {
          bar.step();
        }
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }
}
