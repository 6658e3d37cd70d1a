// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh;

import java.util.Objects;
import org.twin4j.core.geom.Lod;
import org.twin4j.core.geom.TriangleMesh;
import org.twin4j.core.model.CityObject;
import org.twin4j.core.model.CityObjectType;

/**
 * Terrain models from ground points: a TIN simplified by greedy insertion (Garland and Heckbert,
 * "Fast polygonal approximation of terrains and height fields", 1995) so that no input point lies
 * more than {@code maxError} (vertically, in CRS units) off the surface.
 *
 * <p>It starts from the points on the convex hull, so the TIN covers every input point, and then
 * inserts, one at a time, the point farthest from the current surface: every triangle keeps the
 * points that lie in it and a priority queue holds each triangle's worst; an insertion hands the
 * points of the replaced triangles to the new ones. It stops when no point is off by more than the
 * bound. The bound is then checked on every input point by interpolation in the final TIN, and the
 * largest error measured is returned.
 *
 * @since 1.0
 */
public final class Terrain {

  private Terrain() {}

  /**
   * A simplified TIN.
   *
   * @param tin the triangulation of the kept points (vertex input indices refer to the input)
   * @param maxErrorMeasured the largest vertical distance of an input point from the TIN
   * @param kept the number of input points kept as vertices
   */
  public record Result(DelaunayTriangulation tin, double maxErrorMeasured, int kept) {

    /**
     * Validates the result.
     *
     * @param tin the triangulation
     * @param maxErrorMeasured the largest error
     * @param kept the points kept
     */
    public Result {
      Objects.requireNonNull(tin, "tin");
    }
  }

  /**
   * Simplifies ground points to a TIN within a vertical error bound.
   *
   * @param xs x of each ground point
   * @param ys y of each ground point
   * @param zs z of each ground point
   * @param maxError the largest vertical distance allowed between an input point and the TIN, in
   *     the units of z; 0 keeps every point that is not exactly on the surface
   * @return the TIN and the error measured on every input point
   * @throws IllegalArgumentException if the arrays differ in length, a coordinate is not finite or
   *     outside the range of exact predicates (see {@link DelaunayTriangulation#MAX_COORDINATE}),
   *     or maxError is negative
   */
  public static Result simplify(double[] xs, double[] ys, double[] zs, double maxError) {
    if (!(maxError >= 0)) {
      throw new IllegalArgumentException("maxError " + maxError + " is not >= 0");
    }
    DelaunayTriangulation.checkPoints(xs, ys, zs);
    int n = xs.length;
    DelaunayTriangulation tin = DelaunayTriangulation.greedy(xs, ys, zs, maxError);
    // the bound, measured on every input point (points sharing x and y with a kept vertex but not
    // its z cannot all lie on a surface: they show here)
    DelaunayTriangulation.Locator locator = tin.locator();
    double measured = 0;
    for (int i = 0; i < n; i++) {
      double e = Math.abs(locator.z(xs[i], ys[i]) - zs[i]);
      if (e > measured) {
        measured = e;
      }
    }
    return new Result(tin, measured, tin.vertexCount());
  }

  /**
   * The TIN as a city object: a {@code TINRelief} whose LOD 1 geometry is the triangle mesh, so a
   * {@link org.twin4j.core.model.CityModel} holding it writes it as CityGML's {@code TINRelief} or
   * CityJSON's.
   *
   * @param tin the terrain TIN
   * @param id the object's id
   * @return the city object
   */
  public static CityObject toCityObject(DelaunayTriangulation tin, String id) {
    return CityObject.builder(id, CityObjectType.TIN_RELIEF)
        .geometry(TriangleMesh.of(Lod.LOD1, tin.xyz(), tin.triangles()))
        .build();
  }
}
