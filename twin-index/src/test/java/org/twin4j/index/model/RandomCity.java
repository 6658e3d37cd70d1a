// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.index.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.twin4j.core.geom.Bounds2D;
import org.twin4j.core.geom.Bounds3D;
import org.twin4j.core.geom.Geometries;
import org.twin4j.core.geom.Geometry;
import org.twin4j.core.geom.Lod;
import org.twin4j.core.geom.Polygon;
import org.twin4j.core.geom.Ray;
import org.twin4j.core.geom.Solid;
import org.twin4j.core.model.CityObject;
import org.twin4j.core.model.CityObjectType;
import org.twin4j.core.model.CitySnapshot;
import org.twin4j.core.model.Neighbor;

/** Seeded random buildings and brute-force answers computed on every object of a snapshot. */
final class RandomCity {

  private RandomCity() {}

  /**
   * A rotated rectangle or L-shaped block, sometimes with a building part, sometimes without
   * geometry.
   */
  static CityObject building(String id, Random rnd, double extent) {
    double cx = rnd.nextDouble() * extent;
    double cy = rnd.nextDouble() * extent;
    double w = 6 + rnd.nextDouble() * 20;
    double d = 6 + rnd.nextDouble() * 20;
    double a = rnd.nextDouble() * Math.PI;
    double[] local =
        rnd.nextBoolean()
            ? new double[] {0, 0, w, 0, w, d, 0, d}
            : new double[] {0, 0, w, 0, w, d / 2, w / 2, d / 2, w / 2, d, 0, d};
    double[] xy = new double[local.length];
    for (int i = 0; i < local.length; i += 2) {
      xy[i] = cx + local[i] * Math.cos(a) - local[i + 1] * Math.sin(a);
      xy[i + 1] = cy + local[i] * Math.sin(a) + local[i + 1] * Math.cos(a);
    }
    double ground = rnd.nextDouble() * 5;
    CityObject.Builder b = CityObject.builder(id, CityObjectType.BUILDING);
    int kind = rnd.nextInt(10);
    if (kind == 0) {
      return b.build(); // no geometry: never found by spatial queries
    }
    b.geometry(
        Solid.extrude(Polygon.ofXy(xy), ground, ground + 3 + rnd.nextDouble() * 30, Lod.LOD1));
    if (kind == 1) {
      double px = cx + w + 2;
      b.child(
          CityObject.builder(id + "-part", CityObjectType.BUILDING_PART)
              .geometry(
                  Solid.extrude(
                      Polygon.ofXy(new double[] {px, cy, px + 5, cy, px + 5, cy + 5, px, cy + 5}),
                      ground,
                      ground + 4,
                      Lod.LOD1))
              .build());
    }
    return b.build();
  }

  static double distance(CityObject o, double x, double y, double z) {
    double best = Double.POSITIVE_INFINITY;
    for (Geometry g : o.geometries()) {
      best = Math.min(best, Geometries.distance(g, x, y, z));
    }
    for (CityObject c : o.children()) {
      best = Math.min(best, distance(c, x, y, z));
    }
    return best;
  }

  static double rayDistance(CityObject o, Ray ray, double max) {
    double best = Double.POSITIVE_INFINITY;
    for (Geometry g : o.geometries()) {
      best = Math.min(best, Geometries.rayDistance(g, ray, max));
    }
    for (CityObject c : o.children()) {
      best = Math.min(best, rayDistance(c, ray, max));
    }
    return best;
  }

  static boolean footprintIntersects(CityObject o, Bounds2D w) {
    return o.geometries().stream().anyMatch(g -> Geometries.intersects2D(g, w))
        || o.children().stream().anyMatch(c -> footprintIntersects(c, w));
  }

  static List<String> bruteIntersecting(CitySnapshot s, Bounds2D w) {
    return s.stream()
        .filter(o -> footprintIntersects(o, w))
        .map(CityObject::id)
        .collect(Collectors.toList());
  }

  static List<String> bruteIntersecting(CitySnapshot s, Bounds3D box) {
    return s.stream()
        .filter(o -> o.bounds().map(b -> b.intersects(box)).orElse(false))
        .map(CityObject::id)
        .collect(Collectors.toList());
  }

  /** Distances of the k nearest objects with geometry, sorted. */
  static double[] bruteNearest(CitySnapshot s, double x, double y, double z, int k) {
    return s.stream()
        .filter(CityObject::hasGeometry)
        .mapToDouble(o -> distance(o, x, y, z))
        .sorted()
        .limit(k)
        .toArray();
  }

  static Optional<String> bruteFirstHit(CitySnapshot s, Ray ray, double max) {
    return s.stream()
        .filter(o -> rayDistance(o, ray, max) <= max)
        .min(Comparator.comparingDouble(o -> rayDistance(o, ray, max)))
        .map(CityObject::id);
  }

  static double[] distances(List<Neighbor> neighbors) {
    return neighbors.stream().mapToDouble(Neighbor::distance).toArray();
  }
}
