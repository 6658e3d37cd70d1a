// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.index.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.twin4j.core.geom.Bounds2D;
import org.twin4j.core.geom.Lod;
import org.twin4j.core.geom.Polygon;
import org.twin4j.core.geom.Solid;
import org.twin4j.core.model.CityModel;
import org.twin4j.core.model.CityObject;
import org.twin4j.core.model.CityObjectType;
import org.twin4j.core.model.CitySnapshot;
import org.twin4j.core.model.Neighbor;

/**
 * Four readers query while one writer edits, for a few seconds: every answer must match brute force
 * on the snapshot it came from, and every state the live model shows must satisfy the writer's
 * invariants (constant size, an untouched anchor).
 */
class CityModelConcurrencyTest {

  private static final int SIZE = 2000;
  private static final long RUN_MILLIS = 3000;
  private static final double EXTENT_M = 1500;
  private static final double LENGTH_TOL_M = 1e-9;

  @Test
  void readersSeeConsistentExactAnswersWhileAWriterEdits() throws InterruptedException {
    Random setup = new Random(77);
    CityModel.Builder b = CityModel.builder();
    b.add(
        CityObject.builder("anchor", CityObjectType.BUILDING)
            .geometry(
                Solid.extrude(
                    Polygon.ofXy(new double[] {-1000, -1000, -990, -1000, -990, -990, -1000, -990}),
                    0,
                    10,
                    Lod.LOD1))
            .build());
    for (int i = 1; i < SIZE; i++) {
      b.add(RandomCity.building("b" + i, setup, EXTENT_M));
    }
    CityModel model = b.build();
    model.nearest(0, 0, 0, 1); // build the index before the clock starts

    Queue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong checks = new AtomicLong();
    AtomicLong edits = new AtomicLong();
    CountDownLatch done = new CountDownLatch(5);
    List<Thread> threads = new ArrayList<>();

    threads.add(
        new Thread(
            () -> {
              Random rnd = new Random(1);
              int next = 0;
              try {
                while (!stop.get()) {
                  List<String> ids =
                      model.stream()
                          .map(CityObject::id)
                          .filter(id -> !id.equals("anchor"))
                          .collect(Collectors.toList());
                  int batch = 1 + rnd.nextInt(8);
                  int base = next;
                  model.edit(
                      e -> {
                        // remove distinct objects and add as many: every state has SIZE objects
                        Collections.shuffle(ids, rnd);
                        for (int i = 0; i < batch; i++) {
                          if (!e.remove(ids.get(i))) {
                            throw new AssertionError(ids.get(i) + " was not in the model");
                          }
                          e.add(RandomCity.building("w" + (base + i), rnd, EXTENT_M));
                        }
                      });
                  next += batch;
                  edits.incrementAndGet();
                }
              } catch (RuntimeException | AssertionError e) {
                failures.add("writer: " + e);
              } finally {
                done.countDown();
              }
            }));
    for (int r = 0; r < 4; r++) {
      long seed = 100 + r;
      threads.add(
          new Thread(
              () -> {
                Random rnd = new Random(seed);
                try {
                  while (!stop.get()) {
                    // the live model: every published state keeps the writer's invariants
                    if (model.size() != SIZE) {
                      failures.add("reader " + seed + ": size " + model.size());
                    }
                    List<Neighbor> anchor = model.nearest(-995, -995, 20, 1);
                    if (!anchor.get(0).object().id().equals("anchor")
                        || Math.abs(anchor.get(0).distance() - 10) > LENGTH_TOL_M) {
                      failures.add("reader " + seed + ": anchor query gave " + anchor);
                    }
                    // one snapshot: answers equal brute force on that very state
                    CitySnapshot s = model.snapshot();
                    double x = rnd.nextDouble() * EXTENT_M;
                    double y = rnd.nextDouble() * EXTENT_M;
                    int k = 1 + rnd.nextInt(8);
                    double[] expected = RandomCity.bruteNearest(s, x, y, 2, k);
                    double[] got = RandomCity.distances(s.nearest(x, y, 2, k));
                    try {
                      assertArrayEquals(expected, got, LENGTH_TOL_M);
                    } catch (AssertionError e) {
                      failures.add(
                          "reader "
                              + seed
                              + ": nearest at ("
                              + x
                              + ", "
                              + y
                              + "): "
                              + e.getMessage());
                    }
                    Bounds2D w = new Bounds2D(x, y, x + 100, y + 100);
                    List<String> ids =
                        s.intersecting(w).stream().map(CityObject::id).collect(Collectors.toList());
                    if (!ids.equals(RandomCity.bruteIntersecting(s, w))) {
                      failures.add("reader " + seed + ": window " + w + " gave " + ids);
                    }
                    checks.incrementAndGet();
                  }
                } catch (RuntimeException e) {
                  failures.add("reader " + seed + ": " + e);
                } finally {
                  done.countDown();
                }
              }));
    }
    threads.forEach(Thread::start);
    Thread.sleep(RUN_MILLIS);
    stop.set(true);
    done.await();

    List<String> first = failures.stream().limit(20).collect(Collectors.toList());
    assertEquals(List.of(), first, failures.size() + " failures, the first 20 shown");
    assertTrue(edits.get() > 20, "the writer made only " + edits.get() + " edits");
    assertTrue(checks.get() > 20, "the readers made only " + checks.get() + " checks");
    assertEquals(SIZE, model.size());
  }
}
