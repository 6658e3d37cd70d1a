// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

import java.util.Arrays;
import java.util.Objects;

/**
 * A triangle mesh: shared vertices and three vertex indices per triangle, as a TIN terrain or a
 * triangulated surface. Memory: 24 bytes per vertex and 12 bytes per triangle, against about 44 and
 * 36 for lists of vertex and face objects.
 *
 * <p>Triangles are counter-clockwise seen from the side their normal points to.
 *
 * @since 1.0
 */
public final class TriangleMesh extends Geometry {

  private final int[] triangles;

  private TriangleMesh(Lod lod, double[] xyz, int[] triangles) {
    super(lod, xyz);
    this.triangles = triangles;
  }

  /**
   * Creates a mesh, copying the arrays.
   *
   * @param lod the level of detail
   * @param xyz interleaved vertex coordinates
   * @param triangles three vertex indices per triangle
   * @return the mesh
   * @throws InvalidGeometryException if a coordinate is not finite, there is no triangle, or an
   *     index is out of range
   */
  public static TriangleMesh of(Lod lod, double[] xyz, int[] triangles) {
    return wrap(lod, xyz.clone(), triangles.clone());
  }

  /**
   * Creates a mesh that takes ownership of the arrays: the caller must not modify them afterwards.
   *
   * @param lod the level of detail
   * @param xyz interleaved vertex coordinates
   * @param triangles three vertex indices per triangle
   * @return the mesh
   * @throws InvalidGeometryException if a coordinate is not finite, there is no triangle, or an
   *     index is out of range
   */
  public static TriangleMesh wrap(Lod lod, double[] xyz, int[] triangles) {
    Objects.requireNonNull(triangles, "triangles");
    checked(xyz, "triangle mesh");
    if (triangles.length == 0 || triangles.length % 3 != 0) {
      throw new InvalidGeometryException(
          "a triangle mesh needs 3 indices per triangle and at least one triangle, got "
              + triangles.length
              + " indices");
    }
    int n = xyz.length / 3;
    for (int i = 0; i < triangles.length; i++) {
      if (triangles[i] < 0 || triangles[i] >= n) {
        throw new InvalidGeometryException(
            "triangle "
                + i / 3
                + " references vertex "
                + triangles[i]
                + " but the mesh has "
                + n
                + " vertices",
            i / 3);
      }
    }
    return new TriangleMesh(lod, xyz, triangles);
  }

  /**
   * Returns the number of triangles.
   *
   * @return the triangle count
   */
  public int triangleCount() {
    return triangles.length / 3;
  }

  /**
   * Returns a corner of a triangle.
   *
   * @param triangle the triangle index
   * @param corner 0, 1 or 2
   * @return the vertex index
   */
  public int triangleVertex(int triangle, int corner) {
    assert corner >= 0 && corner < 3;
    return triangles[3 * triangle + corner];
  }

  /**
   * Returns a copy of the triangle index array.
   *
   * @return three vertex indices per triangle
   */
  public int[] toTriangleArray() {
    return triangles.clone();
  }

  @Override
  public GeometryType type() {
    return GeometryType.TRIANGLE_MESH;
  }

  @Override
  public TriangleMesh withLod(Lod lod) {
    return new TriangleMesh(lod, xyz, triangles);
  }

  @Override
  boolean sameStructure(Geometry other) {
    return Arrays.equals(triangles, ((TriangleMesh) other).triangles);
  }

  @Override
  int structureHash() {
    return Arrays.hashCode(triangles);
  }
}
