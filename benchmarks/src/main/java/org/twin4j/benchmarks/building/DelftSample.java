// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.benchmarks.building;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.twin4j.core.io.WarningListener;
import org.twin4j.mesh.building.Footprint;
import org.twin4j.pointcloud.LasFiles;
import org.twin4j.pointcloud.LasReadOptions;
import org.twin4j.pointcloud.PointCloud;
import org.twin4j.tiles.FootprintFiles;
import org.twin4j.tiles.FootprintOptions;

/** The Delft sample of the demo: two AHN3 tiles and the 160 BGT footprints. */
final class DelftSample {

  static final String[] TILES = {"ahn3_cropped_1.laz", "ahn3_cropped_2.laz"};

  private DelftSample() {}

  static Path data(String folder, String name) {
    return Path.of(System.getProperty("twin.data.dir", "data"), folder, name);
  }

  static List<PointCloud> clouds() throws IOException {
    List<PointCloud> out = new ArrayList<>();
    for (String t : TILES) {
      out.add(
          LasFiles.read(
              data("lidar", t), LasReadOptions.defaults().withListener(WarningListener.silent())));
    }
    return out;
  }

  static List<Footprint> footprints() throws IOException {
    return FootprintFiles.read(
            data("footprints", "delft_bgt_pand.gpkg"),
            FootprintOptions.defaults().withListener(w -> {}))
        .footprints();
  }
}
