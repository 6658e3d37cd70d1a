// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.index.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.twin4j.core.geom.Bounds2D;
import org.twin4j.core.geom.Bounds3D;
import org.twin4j.core.geom.Lod;
import org.twin4j.core.geom.Polygon;
import org.twin4j.core.geom.Ray;
import org.twin4j.core.geom.Solid;
import org.twin4j.core.model.CityModel;
import org.twin4j.core.model.CityObject;
import org.twin4j.core.model.CityObjectType;
import org.twin4j.core.model.CitySnapshot;
import org.twin4j.core.model.Neighbor;
import org.twin4j.core.model.RayHit;

class CityModelQueryTest {

  private static final double EXTENT_M = 1500;
  private static final double LENGTH_TOL_M = 1e-9;

  private static void checkQueries(CitySnapshot s, Random rnd, String where) {
    for (int q = 0; q < 8; q++) {
      double x = rnd.nextDouble() * EXTENT_M;
      double y = rnd.nextDouble() * EXTENT_M;
      double z = rnd.nextDouble() * 20;
      Bounds2D w = new Bounds2D(x, y, x + rnd.nextDouble() * 120, y + rnd.nextDouble() * 120);
      assertEquals(
          RandomCity.bruteIntersecting(s, w),
          ids(s.intersecting(w)),
          where + " footprint window " + q);
      Bounds3D box = new Bounds3D(x, y, z, x + 80, y + 80, z + 3);
      assertEquals(
          RandomCity.bruteIntersecting(s, box), ids(s.intersecting(box)), where + " box " + q);
      int k = 1 + rnd.nextInt(10);
      List<Neighbor> near = s.nearest(x, y, z, k);
      assertArrayEquals(
          RandomCity.bruteNearest(s, x, y, z, k),
          RandomCity.distances(near),
          LENGTH_TOL_M,
          where + " nearest " + q);
      double radius = rnd.nextDouble() * 60;
      double[] within = RandomCity.distances(s.withinDistance(x, y, z, radius));
      double[] expected =
          s.stream()
              .filter(CityObject::hasGeometry)
              .mapToDouble(o -> RandomCity.distance(o, x, y, z))
              .filter(d -> d <= radius)
              .sorted()
              .toArray();
      assertArrayEquals(expected, within, LENGTH_TOL_M, where + " within " + q);
      double a = rnd.nextDouble() * 2 * Math.PI;
      Ray ray =
          new Ray(
              x, y, 1 + rnd.nextDouble() * 5, Math.cos(a), Math.sin(a), rnd.nextGaussian() * 0.02);
      double max = 50 + rnd.nextDouble() * 400;
      Optional<RayHit> hit = s.firstHit(ray, max);
      Optional<String> expectedHit = RandomCity.bruteFirstHit(s, ray, max);
      assertEquals(expectedHit.isPresent(), hit.isPresent(), where + " ray " + q);
      if (hit.isPresent()) {
        CityObject e = s.get(expectedHit.get()).orElseThrow();
        assertEquals(
            RandomCity.rayDistance(e, ray, max),
            hit.get().distance(),
            LENGTH_TOL_M,
            where + " ray " + q);
      }
    }
  }

  private static List<String> ids(List<CityObject> objects) {
    return objects.stream().map(CityObject::id).collect(Collectors.toList());
  }

  @ParameterizedTest
  @ValueSource(longs = {5, 6})
  void queries_matchBruteForceAfterRandomEdits(long seed) {
    Random rnd = new Random(seed);
    CityModel.Builder b = CityModel.builder();
    for (int i = 0; i < 1500; i++) {
      b.add(RandomCity.building("b" + i, rnd, EXTENT_M));
    }
    CityModel model = b.build();
    checkQueries(model.snapshot(), rnd, "seed " + seed + " initial");
    int next = 1500;
    for (int round = 0; round < 40; round++) {
      List<String> present = model.stream().map(CityObject::id).collect(Collectors.toList());
      int r = round;
      model.edit(
          e -> {
            for (int i = 0; i < 1 + rnd.nextInt(30); i++) {
              e.remove(present.get(rnd.nextInt(present.size())));
            }
            for (int i = 0; i < rnd.nextInt(30); i++) {
              String id = present.get(rnd.nextInt(present.size()));
              if (e.get(id).isPresent()) {
                e.replace(RandomCity.building(id, rnd, EXTENT_M)); // moved: same id, new place
              }
            }
            for (int i = 0; i < rnd.nextInt(40); i++) {
              e.add(RandomCity.building("n" + r + "-" + i, rnd, EXTENT_M));
            }
          });
      checkQueries(model.snapshot(), rnd, "seed " + seed + " round " + round);
    }
  }

  @Test
  void nearest_measuresToSurfacesNotBoxes() {
    // a point in the notch of an L is closer to the L's box than to the block 3 m away, but not to
    // its walls
    CityObject l =
        CityObject.builder("L", CityObjectType.BUILDING)
            .geometry(
                Solid.extrude(
                    Polygon.ofXy(new double[] {0, 0, 20, 0, 20, 4, 4, 4, 4, 20, 0, 20}),
                    0,
                    10,
                    Lod.LOD1))
            .build();
    CityObject block =
        CityObject.builder("block", CityObjectType.BUILDING)
            .geometry(
                Solid.extrude(
                    Polygon.ofXy(new double[] {18, 18, 28, 18, 28, 28, 18, 28}), 0, 10, Lod.LOD1))
            .build();
    CityModel m = CityModel.builder().add(l).add(block).build();
    List<Neighbor> near = m.nearest(15, 15, 5, 1);
    assertEquals("block", near.get(0).object().id());
    assertEquals(Math.sqrt(18), near.get(0).distance(), LENGTH_TOL_M);
    assertTrue(m.intersecting(new Bounds2D(10, 10, 12, 12)).isEmpty(), "the notch is empty");
    assertEquals(
        1, m.intersecting(new Bounds3D(10, 10, 0, 12, 12, 1)).size(), "but inside the L's box");
  }

  @Test
  void firstHit_isTheFirstSurfaceOnTheSightline() {
    List<CityObject> row = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      double x = 100 + 30 * i;
      row.add(
          CityObject.builder("house" + i, CityObjectType.BUILDING)
              .geometry(
                  Solid.extrude(
                      Polygon.ofXy(new double[] {x, 0, x + 10, 0, x + 10, 10, x, 10}),
                      0,
                      6 + 4 * i,
                      Lod.LOD1))
              .build());
    }
    CityModel.Builder b = CityModel.builder();
    row.forEach(b::add);
    CityModel m = b.build();
    Ray low = new Ray(0, 5, 2, 1, 0, 0);
    assertEquals("house0", m.firstHit(low, 1000).orElseThrow().object().id());
    assertEquals(100, m.firstHit(low, 1000).orElseThrow().distance(), LENGTH_TOL_M);
    // above house0 and house1's roofs (6 m, 10 m), below house2's (14 m)
    Ray high = new Ray(0, 5, 12, 1, 0, 0);
    RayHit hit = m.firstHit(high, 1000).orElseThrow();
    assertEquals("house2", hit.object().id());
    assertEquals(160, hit.point().x(), LENGTH_TOL_M);
    assertFalse(m.firstHit(high, 159).isPresent(), "the target is nearer than the first obstacle");
  }
}
