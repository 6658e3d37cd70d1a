// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.examples.pointcloud;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.pointcloud.ArrowPoints;
import org.twin4j.pointcloud.LasFiles;
import org.twin4j.pointcloud.LasWriteOptions;
import org.twin4j.pointcloud.PointCloud;
import org.twin4j.pointcloud.filter.ClassificationScore;
import org.twin4j.pointcloud.filter.OutlierFilter;
import org.twin4j.pointcloud.filter.Smrf;
import org.twin4j.pointcloud.filter.VoxelFilter;

/**
 * The point-cloud example of the README: read an AHN3 LAZ tile, find the ground with SMRF, score it
 * against the provider's classes, count statistical outliers, thin to one point per voxel, write
 * LAS 1.4 and an Arrow IPC file. The build runs it on the real sample.
 */
public final class PointCloudExample {

  private PointCloudExample() {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of(System.getProperty("twin.data.dir", "data"), "lidar");
    Path out = Files.createTempDirectory("twin-example");

    PointCloud ahn3 =
        LasFiles.read(data.resolve("ahn3_cropped_1.laz")) // LAZ decoded on all cores
            .withCrs(CrsIdentifier.ofEpsg(28992, 5709)); // the file has no CRS record
    Smrf.Result ground = Smrf.classify(ahn3); // PDAL filters.smrf defaults
    OutlierFilter.Result noise = OutlierFilter.find(ahn3, 8, 2.0); // PDAL filters.outlier
    PointCloud thinned = VoxelFilter.thin(ground.cloud(), 0.5); // one point per 0.5 m voxel
    ClassificationScore score = ClassificationScore.of(ahn3, ground.cloud(), 2);
    LasFiles.write(ground.cloud(), out.resolve("ahn3-ground.las"), LasWriteOptions.defaults());
    LasFiles.write(ground.cloud(), out.resolve("ahn3-ground.laz"), LasWriteOptions.defaults());
    ArrowPoints.write(ground.cloud(), out.resolve("ahn3-ground.arrow")); // for pyarrow, R, DuckDB
    PointCloud back = LasFiles.read(out.resolve("ahn3-ground.laz"));

    System.out.printf(
        "%d points, %d ground, %d statistical outliers, %d after thinning; against AHN3's classes: %s%n",
        ahn3.size(), ground.ground(), noise.count(), thinned.size(), score);
    if (ahn3.size() != 640_510
        || score.total() > 0.01
        || score.kappa() < 0.97
        || thinned.size() >= ahn3.size()
        || back.size() != ahn3.size()
        || back.classCounts()[2] != ground.ground()) {
      throw new AssertionError("unexpected result: " + score);
    }
  }
}
