// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.examples.model;

import java.util.List;
import java.util.Optional;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.core.geom.Bounds2D;
import org.twin4j.core.geom.Lod;
import org.twin4j.core.geom.Point3D;
import org.twin4j.core.geom.Polygon;
import org.twin4j.core.geom.Ray;
import org.twin4j.core.geom.Solid;
import org.twin4j.core.model.CityModel;
import org.twin4j.core.model.CityObject;
import org.twin4j.core.model.CityObjectType;
import org.twin4j.core.model.CitySnapshot;
import org.twin4j.core.model.Neighbor;
import org.twin4j.core.model.RayHit;

/** The example of the README, verbatim between the markers; the build compiles and runs it. */
public final class ReadmeExample {

  private ReadmeExample() {}

  static CityObject block(String id, double x, double y, double w, double d, double h) {
    Polygon footprint = Polygon.ofXy(new double[] {x, y, x + w, y, x + w, y + d, x, y + d});
    return CityObject.builder(id, CityObjectType.BUILDING)
        .geometry(Solid.extrude(footprint, 0, h, Lod.LOD1))
        .build();
  }

  public static void main(String[] args) {
    // README begin
    CityModel model = CityModel.builder().crs(CrsIdentifier.ofEpsg(28992, 5709)).build();
    model.add(block("warehouse-1", 1000, 0, 20, 15, 12)); // LOD1: footprint extruded to 12 m
    model.add(block("warehouse-2", 1030, 0, 25, 15, 14));

    List<CityObject> inBlock = model.intersecting(new Bounds2D(990, -10, 1050, 20));
    List<Neighbor> nearest = model.nearest(1040, 40, 1.5, 1); // measured to the surfaces
    Point3D eye = new Point3D(1080, 60, 1.7);
    Point3D water = new Point3D(1080, 20, 0.5);
    Ray sightline = Ray.between(eye, water);

    CitySnapshot baseline = model.snapshot(); // immutable; later edits do not touch it
    CitySnapshot proposal = baseline.edit().add(block("hotel", 1065, 30, 30, 15, 24)).apply();
    Optional<RayHit> blocked = proposal.firstHit(sightline, eye.distance(water));
    // README end
    System.out.println(
        "in block: "
            + inBlock.size()
            + ", nearest: "
            + nearest.get(0).object().id()
            + " at "
            + nearest.get(0).distance()
            + " m, view blocked by "
            + blocked.map(h -> h.object().id()).orElse("nothing"));
    if (inBlock.size() != 2
        || !nearest.get(0).object().id().equals("warehouse-2")
        || !blocked.isPresent()
        || baseline.firstHit(sightline, eye.distance(water)).isPresent()) {
      throw new IllegalStateException("README example answers changed");
    }
  }
}
