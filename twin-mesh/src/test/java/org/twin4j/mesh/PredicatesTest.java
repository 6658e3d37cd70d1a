// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The predicates against exact BigDecimal determinants, on inputs built to defeat doubles. */
class PredicatesTest {

  private static int exactOrient(double ax, double ay, double bx, double by, double cx, double cy) {
    BigDecimal acx = new BigDecimal(ax).subtract(new BigDecimal(cx));
    BigDecimal bcy = new BigDecimal(by).subtract(new BigDecimal(cy));
    BigDecimal acy = new BigDecimal(ay).subtract(new BigDecimal(cy));
    BigDecimal bcx = new BigDecimal(bx).subtract(new BigDecimal(cx));
    return acx.multiply(bcy).subtract(acy.multiply(bcx)).signum();
  }

  private static int exactIncircle(double[] p) {
    BigDecimal dx = new BigDecimal(p[6]);
    BigDecimal dy = new BigDecimal(p[7]);
    BigDecimal[][] m = new BigDecimal[3][3];
    for (int i = 0; i < 3; i++) {
      BigDecimal ex = new BigDecimal(p[2 * i]).subtract(dx);
      BigDecimal ey = new BigDecimal(p[2 * i + 1]).subtract(dy);
      m[i][0] = ex;
      m[i][1] = ey;
      m[i][2] = ex.multiply(ex).add(ey.multiply(ey));
    }
    BigDecimal det =
        m[0][0]
            .multiply(m[1][1].multiply(m[2][2]).subtract(m[1][2].multiply(m[2][1])))
            .subtract(
                m[0][1].multiply(m[1][0].multiply(m[2][2]).subtract(m[1][2].multiply(m[2][0]))))
            .add(m[0][2].multiply(m[1][0].multiply(m[2][1]).subtract(m[1][1].multiply(m[2][0]))));
    return det.signum();
  }

  @Test
  void orient2d_nearlyCollinear_matchesExact() {
    Random rnd = new Random(1);
    for (int i = 0; i < 20_000; i++) {
      // points on a line through large coordinates, nudged by a few ulps
      double ax = 500_000 + rnd.nextDouble();
      double ay = 6_600_000 + rnd.nextDouble();
      double t = rnd.nextDouble() * 3;
      double bx = ax + 0.7;
      double by = ay + 0.3;
      double cx = ax + 0.7 * t;
      double cy = ay + 0.3 * t;
      for (int u = 0; u < (rnd.nextInt(4)); u++) {
        cx = Math.nextUp(cx);
      }
      assertEquals(
          exactOrient(ax, ay, bx, by, cx, cy),
          (int) Math.signum(Predicates.orient2d(ax, ay, bx, by, cx, cy)),
          "seed 1, case " + i);
    }
  }

  @Test
  void incircle_nearlyCocircular_matchesExact() {
    Random rnd = new Random(2);
    for (int i = 0; i < 20_000; i++) {
      double cx0 = 84_900 + rnd.nextDouble();
      double cy0 = 447_500 + rnd.nextDouble();
      double r = 0.5 + rnd.nextDouble();
      double[] p = new double[8];
      double[] angles = {0, 2.1, 4.0, rnd.nextDouble() * 6.28};
      for (int k = 0; k < 4; k++) {
        p[2 * k] = cx0 + r * Math.cos(angles[k]);
        p[2 * k + 1] = cy0 + r * Math.sin(angles[k]);
      }
      if (rnd.nextBoolean()) {
        p[6] = Math.nextUp(p[6]);
      }
      assertEquals(
          exactIncircle(p),
          (int) Math.signum(Predicates.incircle(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7])),
          "seed 2, case " + i);
    }
  }

  @Test
  void gridPoints_exactlyZero() {
    assertEquals(0, Predicates.orient2d(0.1, 0.1, 0.2, 0.2, 0.3, 0.3), 0);
    assertEquals(0, Predicates.incircle(0, 0, 1, 0, 1, 1, 0, 1), 0);
    assertEquals(
        0,
        Predicates.incircle(1e6 + 0.5, 4e6, 1e6 + 1.5, 4e6, 1e6 + 1.5, 4e6 + 1, 1e6 + 0.5, 4e6 + 1),
        0);
    assertEquals(1, Math.signum(Predicates.incircle(0, 0, 1, 0, 0, 1, 0.5, 0.5)), 0);
  }
}
