// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml.internal;

import org.twin4j.core.geom.Geometry;
import org.twin4j.core.geom.SurfaceGeometry;
import org.twin4j.core.geom.TriangleMesh;
import org.twin4j.core.model.CityObject;

/** Vertex counts for {@code twin info}. */
public final class Vertices {

  private Vertices() {}

  /**
   * Counts the distinct points of a coordinate list.
   *
   * @param xyz x, y, z per point
   * @return the number of distinct (x, y, z)
   */
  public static int distinct(double[] xyz) {
    int n = xyz.length / 3;
    int[] table = new int[Integer.highestOneBit(Math.max(4, 2 * n)) << 1];
    int mask = table.length - 1;
    int count = 0;
    for (int i = 0; i < n; i++) {
      long x = Double.doubleToLongBits(xyz[3 * i] + 0.0);
      long y = Double.doubleToLongBits(xyz[3 * i + 1] + 0.0);
      long z = Double.doubleToLongBits(xyz[3 * i + 2] + 0.0);
      long h = x * 0x9E3779B97F4A7C15L ^ y * 0xC2B2AE3D27D4EB4FL ^ z * 0x165667B19E3779F9L;
      int slot = (int) (h ^ (h >>> 29)) & mask;
      while (true) {
        int j = table[slot] - 1;
        if (j < 0) {
          table[slot] = i + 1;
          count++;
          break;
        }
        if (xyz[3 * j] == xyz[3 * i]
            && xyz[3 * j + 1] == xyz[3 * i + 1]
            && xyz[3 * j + 2] == xyz[3 * i + 2]) {
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    return count;
  }

  /**
   * Counts the coordinate tuples of an object's geometries and its children's: ring corners
   * (without the closing repeat), triangle corners, line and point vertices.
   *
   * @param o the object
   * @return the count
   */
  public static long coordinates(CityObject o) {
    long n = 0;
    for (Geometry g : o.geometries()) {
      if (g instanceof SurfaceGeometry) {
        n += ((SurfaceGeometry) g).cornerCount();
      } else if (g instanceof TriangleMesh) {
        n += 3L * ((TriangleMesh) g).triangleCount();
      } else {
        n += g.vertexCount();
      }
    }
    for (CityObject c : o.children()) {
      n += coordinates(c);
    }
    return n;
  }
}
