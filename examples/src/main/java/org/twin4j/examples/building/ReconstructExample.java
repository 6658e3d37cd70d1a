// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.examples.building;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.twin4j.citygml.CityFiles;
import org.twin4j.citygml.CityFormat;
import org.twin4j.citygml.WriteOptions;
import org.twin4j.core.model.CityModel;
import org.twin4j.mesh.building.BuildingReconstructor;
import org.twin4j.mesh.building.ReconstructedBuilding;
import org.twin4j.mesh.building.Reconstruction;
import org.twin4j.mesh.building.ReconstructionOptions;
import org.twin4j.pointcloud.LasFiles;
import org.twin4j.pointcloud.PointCloud;
import org.twin4j.tiles.FootprintFiles;
import org.twin4j.tiles.FootprintSet;

/**
 * The reconstruction example of the README: the Delft footprints (GeoPackage) and AHN3 tiles to
 * LOD1 and LOD2 buildings in a CityJSON file, with 3dfier's heights for the blocks. The build runs
 * it on the real sample.
 */
public final class ReconstructExample {

  private ReconstructExample() {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of(System.getProperty("twin.data.dir", "data"));
    List<PointCloud> tiles =
        List.of(
            LasFiles.read(data.resolve("lidar/ahn3_cropped_1.laz")),
            LasFiles.read(data.resolve("lidar/ahn3_cropped_2.laz")));
    FootprintSet footprints = FootprintFiles.read(data.resolve("footprints/delft_bgt_pand.gpkg"));

    // 3dfier's settings for these files: roof at the 90th percentile of classes 0, 1 and 6
    ReconstructionOptions options =
        ReconstructionOptions.defaults().withRoofPercentile(90).withRoofClasses(0, 1, 6);
    Reconstruction r =
        BuildingReconstructor.reconstruct(tiles, footprints.footprints(), options, true, null);

    CityModel.Builder model = CityModel.builder().crs(footprints.crs().orElse(null));
    for (ReconstructedBuilding b : r.buildings()) {
      model.add(
          b.object()); // id = the footprint's gml_id; heights, RMSE and validity as attributes
    }
    Path out = Files.createTempDirectory("twin-example").resolve("delft.city.json");
    CityFiles.write(model.build(), out, WriteOptions.of(CityFormat.CITYJSON));

    System.out.printf(
        "%d footprints (%s): %d buildings reconstructed, %.1f %% of the LOD2 solids valid,"
            + " median RMSE %.2f m, median %.1f ms per building -> %s%n",
        footprints.footprints().size(),
        footprints.crs().map(Object::toString).orElse("no CRS"),
        r.reconstructed(),
        100 * r.validFraction(),
        r.medianRmse(),
        r.medianMillis(),
        out);
    if (r.reconstructed() < 150 || r.validFraction() < 0.95 || r.medianRmse() > 0.3) {
      throw new AssertionError("unexpected reconstruction");
    }
  }
}
