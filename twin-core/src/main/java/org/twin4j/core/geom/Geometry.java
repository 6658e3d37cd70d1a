// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A geometry of a city object at one level of detail: points, lines, surfaces, solids or a triangle
 * mesh.
 *
 * <p>Every geometry keeps its vertices in one interleaved {@code double[] xyz} array (24 bytes per
 * vertex) in the units of the model's CRS; subclasses add primitive index arrays for their
 * topology. Instances are immutable and safe to share between threads and between city objects. Two
 * geometries are equal when their type, level of detail, coordinates, topology and semantics are
 * equal.
 *
 * @since 1.0
 */
public abstract sealed class Geometry
    permits MultiPoint, MultiLineString, SurfaceGeometry, TriangleMesh {

  /** Interleaved x, y, z of every vertex; never modified after construction. */
  final double[] xyz;

  final Lod lod;

  Geometry(Lod lod, double[] xyz) {
    this.lod = Objects.requireNonNull(lod, "lod");
    this.xyz = xyz;
  }

  /**
   * Returns the kind of this geometry.
   *
   * @return the type
   */
  public abstract GeometryType type();

  /**
   * Returns the level of detail this geometry represents.
   *
   * @return the LOD
   */
  public final Lod lod() {
    return lod;
  }

  /**
   * Returns the number of vertices.
   *
   * @return the vertex count, at least 1
   */
  public final int vertexCount() {
    return xyz.length / 3;
  }

  /**
   * Returns the x coordinate of a vertex.
   *
   * @param vertex the vertex index
   * @return x
   */
  public final double x(int vertex) {
    return xyz[3 * vertex];
  }

  /**
   * Returns the y coordinate of a vertex.
   *
   * @param vertex the vertex index
   * @return y
   */
  public final double y(int vertex) {
    return xyz[3 * vertex + 1];
  }

  /**
   * Returns the z coordinate of a vertex.
   *
   * @param vertex the vertex index
   * @return z
   */
  public final double z(int vertex) {
    return xyz[3 * vertex + 2];
  }

  /**
   * Returns a read-only view of the interleaved vertex coordinates, without copying.
   *
   * @return x0, y0, z0, x1, ... as a read-only buffer
   */
  public final DoubleBuffer vertices() {
    return DoubleBuffer.wrap(xyz).asReadOnlyBuffer();
  }

  /**
   * Returns a copy of the interleaved vertex coordinates.
   *
   * @return a new array x0, y0, z0, x1, ...
   */
  public final double[] toXyzArray() {
    return xyz.clone();
  }

  /**
   * Returns the bounding box of the vertices. Computed on each call (no memory is spent caching
   * it).
   *
   * @return the bounds
   */
  public final Bounds3D bounds() {
    return Geometries.bounds(xyz);
  }

  /**
   * Returns this geometry at another level of detail, sharing its arrays.
   *
   * @param lod the new level
   * @return a geometry equal to this one but for its LOD
   */
  public abstract Geometry withLod(Lod lod);

  /** Tells whether the topology and semantics of another geometry of the same class equal ours. */
  abstract boolean sameStructure(Geometry other);

  /** Hash of the topology, consistent with {@link #sameStructure}. */
  abstract int structureHash();

  @Override
  public final boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || o.getClass() != getClass()) {
      return false;
    }
    Geometry g = (Geometry) o;
    return type() == g.type() && lod.equals(g.lod) && Arrays.equals(xyz, g.xyz) && sameStructure(g);
  }

  @Override
  public final int hashCode() {
    return (type().hashCode() * 31 + lod.hashCode()) * 31
        + Arrays.hashCode(xyz) * 17
        + structureHash();
  }

  @Override
  public String toString() {
    return type().cityJsonName() + "[lod " + lod + ", " + vertexCount() + " vertices]";
  }

  /** Copies coordinates, checking that there is at least one vertex and every value is finite. */
  static double[] checkedCopy(double[] xyz, String what) {
    Objects.requireNonNull(xyz, what);
    return checked(xyz.clone(), what);
  }

  /** Checks coordinates in place. */
  static double[] checked(double[] xyz, String what) {
    if (xyz.length == 0 || xyz.length % 3 != 0) {
      throw new InvalidGeometryException(
          what
              + " needs 3 coordinates per vertex and at least one vertex, got "
              + xyz.length
              + " values");
    }
    for (int i = 0; i < xyz.length; i += 3) {
      InvalidGeometryException.checkFinite("vertex", i / 3, xyz[i], xyz[i + 1], xyz[i + 2]);
    }
    return xyz;
  }
}
