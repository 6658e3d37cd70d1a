// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.examples.model;

import java.util.List;
import java.util.Optional;
import org.twin4j.core.attribute.AttributeValue;
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

/**
 * Builds a small harbour quay of LOD1 buildings, adds a proposed hotel as a scenario beside the
 * baseline, and asks what a planner asks: what stands in this block, what is nearest to the ferry
 * stop, does the hotel block the view from the square to the water. Not API; run by the build.
 */
public final class QueryCityModel {

  private QueryCityModel() {}

  /** A rectangular LOD1 building with its height as an attribute. */
  static CityObject building(
      String id, double x, double y, double width, double depth, double height) {
    Polygon footprint =
        Polygon.ofXy(new double[] {x, y, x + width, y, x + width, y + depth, x, y + depth});
    return CityObject.builder(id, CityObjectType.BUILDING)
        .attribute("measuredHeight", AttributeValue.of(height))
        .geometry(Solid.extrude(footprint, 0, height, Lod.LOD1))
        .build();
  }

  public static void main(String[] args) {
    // a quay in RD New + NAP (EPSG:7415): a row of warehouses along y = 0, the water north of y =
    // 40
    CityModel model =
        CityModel.builder()
            .crs(CrsIdentifier.ofEpsg(28992, 5709))
            .add(building("warehouse-1", 1000, 0, 20, 15, 12))
            .add(building("warehouse-2", 1030, 0, 25, 15, 14))
            .add(building("harbour-office", 1070, 0, 12, 10, 8))
            .add(building("kiosk", 1100, 25, 4, 4, 3))
            .build();

    List<CityObject> inBlock = model.intersecting(new Bounds2D(1000, 0, 1060, 20));
    System.out.println("in block 1000..1060 x 0..20: " + ids(inBlock));
    check(ids(inBlock).equals(List.of("warehouse-1", "warehouse-2")), "block query");

    List<Neighbor> nearFerry = model.nearest(1090, 30, 1.5, 2);
    for (Neighbor n : nearFerry) {
      System.out.printf("near the ferry stop: %s at %.2f m%n", n.object().id(), n.distance());
    }
    check(nearFerry.get(0).object().id().equals("kiosk"), "nearest query");

    // the sightline from an eye 1.7 m above the square to a point on the water
    Point3D eye = new Point3D(1080, 60, 1.7);
    Point3D water = new Point3D(1080, 20, 0.5);
    double distance = eye.distance(water);
    Ray sightline = Ray.between(eye, water);
    CitySnapshot baseline = model.snapshot();
    System.out.println(
        "baseline view blocked: " + baseline.firstHit(sightline, distance).isPresent());

    // the proposal: a hotel on the quay, as a scenario that shares everything else with the
    // baseline
    CitySnapshot.Edit edit = baseline.edit();
    edit.add(building("hotel-proposal", 1065, 30, 30, 15, 24));
    CitySnapshot proposal = edit.apply();
    Optional<RayHit> blocked = proposal.firstHit(sightline, distance);
    blocked.ifPresent(
        h ->
            System.out.printf(
                "with the hotel the view is blocked by %s at %.1f m, point %s%n",
                h.object().id(), h.distance(), h.point()));
    check(baseline.firstHit(sightline, distance).isEmpty(), "baseline sightline");
    check(
        blocked.map(h -> h.object().id().equals("hotel-proposal")).orElse(false),
        "proposal sightline");
    System.out.println(
        "objects within 10 m of the hotel's front door: "
            + proposal.withinDistance(1080, 29, 1, 10).stream().map(n -> n.object().id()).toList());
    System.out.println(
        "baseline still has " + baseline.size() + " buildings, the proposal " + proposal.size());
  }

  private static List<String> ids(List<CityObject> objects) {
    return objects.stream().map(CityObject::id).toList();
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("example answer wrong: " + what);
    }
  }
}
