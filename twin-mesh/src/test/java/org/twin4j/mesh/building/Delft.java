// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh.building;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.twin4j.core.attribute.Attributes;
import org.twin4j.core.geom.Polygon;
import org.twin4j.pointcloud.LasFiles;
import org.twin4j.pointcloud.PointCloud;

/** The real Delft sample: AHN3 tiles and the 160 BGT footprints, loaded once per JVM. */
final class Delft {

  private static List<Footprint> footprints;
  private static List<PointCloud> clouds;

  private Delft() {}

  static Path data(String folder, String name) {
    return Path.of(System.getProperty("twin.data.dir", "../data"), folder, name);
  }

  /** The 160 footprints, read with a plain JSON parser (the GeoJSON reader lives in twin-tiles). */
  static synchronized List<Footprint> footprints() {
    if (footprints == null) {
      try {
        JsonNode root =
            new ObjectMapper().readTree(data("footprints", "delft_bgt_pand.geojson").toFile());
        List<Footprint> out = new ArrayList<>();
        for (JsonNode f : root.get("features")) {
          JsonNode rings = f.get("geometry").get("coordinates");
          double[][] xy = new double[rings.size()][];
          for (int r = 0; r < rings.size(); r++) {
            JsonNode ring = rings.get(r);
            xy[r] = new double[2 * ring.size()];
            for (int i = 0; i < ring.size(); i++) {
              xy[r][2 * i] = ring.get(i).get(0).asDouble();
              xy[r][2 * i + 1] = ring.get(i).get(1).asDouble();
            }
          }
          double[][] holes = java.util.Arrays.copyOfRange(xy, 1, xy.length);
          String id = f.get("properties").get("gml_id").asText();
          out.add(
              new Footprint(
                  id, Polygon.ofXy(xy[0], holes), Attributes.builder().put("gml_id", id).build()));
        }
        footprints = List.copyOf(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return footprints;
  }

  static synchronized List<PointCloud> clouds() {
    if (clouds == null) {
      try {
        clouds =
            List.of(
                LasFiles.read(data("lidar", "ahn3_cropped_1.laz")),
                LasFiles.read(data("lidar", "ahn3_cropped_2.laz")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return clouds;
  }
}
