// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh.building;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.attribute.Attributes;
import org.twin4j.core.geom.Lod;
import org.twin4j.core.geom.Solid;
import org.twin4j.core.model.CityObject;
import org.twin4j.core.model.CityObjectType;
import org.twin4j.mesh.SolidValidator;
import org.twin4j.pointcloud.PointCloud;

/**
 * Reconstructs buildings from footprints and classified points: an LOD1 block per footprint, as
 * 3dfier does, and optionally an LOD2.2 solid with detected roof planes, as roofer does.
 *
 * <p>Per footprint: the roof-class points inside it give the roof height (a percentile) and the
 * roof planes; the ground-class points just outside it give the ground height. Buildings with too
 * few points, no ground nearby, a roof not above the ground or a footprint that cannot be extruded
 * are flagged in the result and their city object gets no geometry; a building whose LOD2 solid
 * cannot be made keeps its LOD1 block. Each building's final solid (LOD2 when asked, else LOD1) is
 * checked by {@link SolidValidator}.
 *
 * <p>Buildings are reconstructed in parallel on the fork-join pool the call runs in (the common
 * pool unless called from a task of another); the result is in footprint order and the same for any
 * number of threads.
 *
 * <pre>{@code
 * Reconstruction r = BuildingReconstructor.reconstruct(
 *     List.of(cloud), footprints, ReconstructionOptions.defaults(), true, null);
 * r.buildings().forEach(b -> model.add(b.object()));
 * }</pre>
 *
 * @since 1.0
 */
public final class BuildingReconstructor {

  /** Grid cell of the point buckets, in CRS units. */
  private static final double CELL = 4.0;

  private BuildingReconstructor() {}

  /**
   * Reconstructs every footprint.
   *
   * @param clouds the classified points, one or more tiles in one CRS
   * @param footprints the footprints, valid polygons with unique ids
   * @param options heights, classes and LOD2 settings
   * @param lod2 true to build LOD2 solids as well as LOD1 blocks
   * @param progress called with the number of buildings done so far, from worker threads; null for
   *     none
   * @return the buildings, in footprint order
   */
  public static Reconstruction reconstruct(
      List<PointCloud> clouds,
      List<Footprint> footprints,
      ReconstructionOptions options,
      boolean lod2,
      @Nullable IntConsumer progress) {
    Objects.requireNonNull(options, "options");
    ClassifiedPoints points = collect(clouds, options);
    Set<String> seen = new HashSet<>();
    for (Footprint f : footprints) {
      if (!seen.add(f.id())) {
        throw new IllegalArgumentException("footprint id " + f.id() + " is not unique");
      }
    }
    AtomicInteger done = new AtomicInteger();
    ReconstructedBuilding[] out =
        IntStream.range(0, footprints.size())
            .parallel()
            .mapToObj(
                i -> {
                  ReconstructedBuilding b = one(points, footprints.get(i), options, lod2);
                  if (progress != null) {
                    progress.accept(done.incrementAndGet());
                  }
                  return b;
                })
            .toArray(ReconstructedBuilding[]::new);
    return new Reconstruction(List.of(out), lod2);
  }

  private static ClassifiedPoints collect(List<PointCloud> clouds, ReconstructionOptions o) {
    boolean[] wanted = o.roofClassMask();
    boolean[] ground = o.groundClassMask();
    boolean[] lod2 = o.lod2ClassMask();
    for (int c = 0; c < 256; c++) {
      wanted[c] |= ground[c] | lod2[c];
    }
    if (clouds.size() == 1) {
      return ClassifiedPoints.of(clouds.get(0), wanted, CELL);
    }
    ClassifiedPoints.DoubleList x = new ClassifiedPoints.DoubleList(1 << 16);
    ClassifiedPoints.DoubleList y = new ClassifiedPoints.DoubleList(1 << 16);
    ClassifiedPoints.DoubleList z = new ClassifiedPoints.DoubleList(1 << 16);
    java.io.ByteArrayOutputStream cls = new java.io.ByteArrayOutputStream();
    for (PointCloud cloud : clouds) {
      cloud
          .chunks()
          .forEach(
              ch -> {
                for (int i = 0; i < ch.size(); i++) {
                  int c = ch.classification(i);
                  if (wanted[c]) {
                    x.add(ch.x(i));
                    y.add(ch.y(i));
                    z.add(ch.z(i));
                    cls.write(c);
                  }
                }
              });
    }
    return ClassifiedPoints.of(x.toArray(), y.toArray(), z.toArray(), cls.toByteArray(), CELL);
  }

  static ReconstructedBuilding one(
      ClassifiedPoints points, Footprint fp, ReconstructionOptions o, boolean lod2) {
    long start = System.nanoTime();
    boolean[] roofMask = o.roofClassMask();
    boolean[] groundMask = o.groundClassMask();
    boolean[] lod2Mask = o.lod2ClassMask();
    boolean[] insideMask = roofMask.clone();
    for (int c = 0; c < 256; c++) {
      insideMask[c] |= lod2Mask[c];
    }
    Rings rings = Rings.of(fp.polygon());
    ClassifiedPoints.Selection sel =
        points.select(rings, insideMask, groundMask, o.groundDistance());
    double[] nearZ = sel.nearZ();
    if (nearZ.length == 0) {
      nearZ = points.select(rings, new boolean[256], groundMask, 3 * o.groundDistance()).nearZ();
    }
    double[] in = sel.inside(roofMask);
    int n = in.length / 3;
    double[] zs = new double[n];
    for (int i = 0; i < n; i++) {
      zs[i] = in[3 * i + 2];
    }
    double roofZ = percentile(zs, o.roofPercentile());
    double groundZ = percentile(nearZ, o.groundPercentile());
    double coverage = coverage(in, n, rings);
    ReconstructedBuilding.Status status;
    if (n < o.minPoints() || coverage < o.minCoverage()) {
      status = ReconstructedBuilding.Status.TOO_FEW_POINTS;
    } else if (nearZ.length == 0) {
      status = ReconstructedBuilding.Status.NO_GROUND;
    } else if (!(roofZ - groundZ >= 0.5)) {
      status = ReconstructedBuilding.Status.TOO_LOW;
    } else {
      status = ReconstructedBuilding.Status.RECONSTRUCTED;
    }
    Attributes.Builder attrs = fp.attributes().toBuilder();
    attrs.put("reconstruction", status.code());
    attrs.put("roofPoints", n);
    attrs.put("groundPoints", nearZ.length);
    attrs.put("roofCoverage", round(coverage, 3));
    if (Double.isFinite(roofZ)) {
      attrs.put("roofHeight", round(roofZ, 3));
      attrs.put("roofPercentile", o.roofPercentile());
    }
    if (Double.isFinite(groundZ)) {
      attrs.put("groundHeight", round(groundZ, 3));
      attrs.put("groundPercentile", o.groundPercentile());
    }
    CityObject.Builder obj = CityObject.builder(fp.id(), CityObjectType.BUILDING);
    if (status != ReconstructedBuilding.Status.RECONSTRUCTED) {
      return flagged(fp, status, roofZ, groundZ, n, nearZ.length, start, obj, attrs);
    }
    Solid block;
    try {
      block = Solid.extrude(fp.polygon(), groundZ, roofZ, Lod.LOD1);
    } catch (RuntimeException e) {
      // a footprint the reader did not repair (a ring without area): this building only
      attrs.put("reconstruction", ReconstructedBuilding.Status.INVALID_FOOTPRINT.code());
      attrs.put("reconstructionError", String.valueOf(e.getMessage()));
      return flagged(
          fp,
          ReconstructedBuilding.Status.INVALID_FOOTPRINT,
          roofZ,
          groundZ,
          n,
          nearZ.length,
          start,
          obj,
          attrs);
    }
    double sum = 0;
    for (double z : zs) {
      sum += (z - roofZ) * (z - roofZ);
    }
    double rmse1 = Math.sqrt(sum / n);
    attrs.put("rmseLod1", round(rmse1, 3));
    obj.geometry(block);
    Solid solid2 = null;
    double rmse2 = Double.NaN;
    int planes = 0;
    SolidValidator.Report report;
    if (lod2) {
      double ox = Math.floor(rings.minX);
      double oy = Math.floor(rings.minY);
      double[] in2 = sel.inside(lod2Mask);
      double[] local = in2.clone();
      for (int i = 0; i < local.length / 3; i++) {
        local[3 * i] -= ox;
        local[3 * i + 1] -= oy;
      }
      RoofPlanes rp = RoofPlanes.detect(local, o);
      planes = rp.planeCount();
      try {
        RoofPartition part =
            RoofPartition.build(rings.shifted(ox, oy), local, rp, groundZ, roofZ, o, ox, oy);
        solid2 = part.solid;
        rmse2 = PointToMesh.rmse(solid2, in2);
        report = SolidValidator.validate(solid2, o.planarityTolerance());
        if (Double.isFinite(rmse2)) {
          attrs.put("rmseLod2", round(rmse2, 3));
          if (Double.isFinite(part.rmse)) {
            attrs.put("rmseLod2Vertical", round(part.rmse, 3));
          }
        }
        attrs.put("roofPlanes", planes);
        attrs.put("lod2Valid", report.isValid());
        if (!report.isValid()) {
          attrs.put("lod2Errors", Arrays.toString(report.codes()));
        }
        obj.geometry(solid2);
      } catch (RuntimeException e) {
        // the LOD2 solid of this building could not be made; its LOD1 block stands
        report =
            new SolidValidator.Report(
                List.of(
                    new SolidValidator.Error(
                        0, "NOT_BUILT", -1, e.getClass().getSimpleName() + ": " + e.getMessage())),
                0);
        attrs.put("lod2Valid", false);
        attrs.put("lod2Errors", "not built: " + e.getMessage());
      }
    } else {
      report = SolidValidator.validate(block, o.planarityTolerance());
    }
    return new ReconstructedBuilding(
        fp.id(),
        status,
        roofZ,
        groundZ,
        n,
        nearZ.length,
        rmse1,
        rmse2,
        planes,
        block,
        solid2,
        report,
        System.nanoTime() - start,
        obj.attributes(attrs.build()).build());
  }

  /** A building left without geometry, its heights and counts kept for the report. */
  private static ReconstructedBuilding flagged(
      Footprint fp,
      ReconstructedBuilding.Status status,
      double roofZ,
      double groundZ,
      int roofPoints,
      int groundPoints,
      long start,
      CityObject.Builder obj,
      Attributes.Builder attrs) {
    return new ReconstructedBuilding(
        fp.id(),
        status,
        roofZ,
        groundZ,
        roofPoints,
        groundPoints,
        Double.NaN,
        Double.NaN,
        0,
        null,
        null,
        null,
        System.nanoTime() - start,
        obj.attributes(attrs.build()).build());
  }

  private static double round(double v, int digits) {
    double s = Math.pow(10, digits);
    return Math.rint(v * s) / s;
  }

  /** The share of the footprint's area, in 1 m cells, that holds at least one point. */
  private static double coverage(double[] in, int n, Rings rings) {
    double area = rings.area();
    if (n == 0 || !(area > 0)) {
      return 0;
    }
    Set<Long> cells = new HashSet<>();
    for (int i = 0; i < n; i++) {
      long cx = (long) Math.floor(in[3 * i] - rings.minX);
      long cy = (long) Math.floor(in[3 * i + 1] - rings.minY);
      cells.add(cx << 32 | cy);
    }
    return Math.min(1, cells.size() / Math.max(1, area));
  }

  /**
   * The p-th percentile with linear interpolation between order statistics (numpy's default); NaN
   * for no values. Sorts the array.
   */
  static double percentile(double[] v, double p) {
    if (v.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(v);
    double pos = p / 100 * (v.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(v.length - 1, lo + 1);
    return v[lo] + (pos - lo) * (v[hi] - v[lo]);
  }
}
