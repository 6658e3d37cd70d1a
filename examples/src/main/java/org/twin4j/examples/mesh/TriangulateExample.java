// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.examples.mesh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.twin4j.mesh.DelaunayTriangulation;
import org.twin4j.pointcloud.LasFiles;
import org.twin4j.pointcloud.PointCloud;

/**
 * The triangulation example of the README: the ground points (class 2) of an AHN3 tile
 * triangulated, then again with the four sides of a proposed building footprint as constrained
 * edges. The build runs it on the real sample.
 */
public final class TriangulateExample {

  private TriangulateExample() {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of(System.getProperty("twin.data.dir", "data"), "lidar");
    PointCloud cloud = LasFiles.read(data.resolve("ahn3_cropped_2.laz"));
    double[][] ground = cloud.coordinates((c, i) -> c.classification(i) == 2);
    int n = ground[0].length + 4;
    double[] x = Arrays.copyOf(ground[0], n);
    double[] y = Arrays.copyOf(ground[1], n);
    double[] z = Arrays.copyOf(ground[2], n);
    int k = n - 4;
    // a 20 m x 12 m footprint in the middle of the tile, its corners on the ground
    double[][] corners = {{85020, 447500}, {85040, 447500}, {85040, 447512}, {85020, 447512}};
    for (double[] corner : corners) {
      x[k] = corner[0];
      y[k] = corner[1];
      z[k] = 0.5;
      k++;
    }
    int f = n - 4;
    int[] footprintSides = {f, f + 1, f + 1, f + 2, f + 2, f + 3, f + 3, f};

    DelaunayTriangulation tin = DelaunayTriangulation.of(x, y, z, 0.001); // merge within 1 mm
    DelaunayTriangulation cdt = DelaunayTriangulation.of(x, y, z, 0.001, footprintSides);
    // the same triangles on two threads (strips sewn together; unconstrained only)
    DelaunayTriangulation fast = DelaunayTriangulation.ofParallel(x, y, z, 0, 2);
    int[] triangles = cdt.triangles(); // three vertex ids per triangle, counter-clockwise
    int[] fixed = cdt.constrainedEdges(); // the footprint sides, split where they meet vertices

    System.out.printf(
        "%d ground points: %d vertices (%d merged), %d triangles; with the footprint %d triangles,"
            + " %d constrained edges, %.0f bytes per vertex%n",
        n - 4,
        tin.vertexCount(),
        tin.duplicates(),
        tin.triangleCount(),
        triangles.length / 3,
        fixed.length / 2,
        cdt.bytesPerVertex());
    if (tin.vertexCount() + tin.duplicates() != n
        || fast.triangleCount() != DelaunayTriangulation.of(x, y, z, 0).triangleCount()
        || triangles.length / 3 != 2 * cdt.vertexCount() - cdt.hull().length - 2
        || fixed.length / 2 < 4) {
      throw new AssertionError("unexpected triangulation");
    }
  }
}
