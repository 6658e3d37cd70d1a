// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A planar polygon in 3D with an exterior ring and zero or more holes: a footprint, or one surface
 * of a {@link SurfaceGeometry} seen on its own.
 *
 * <p>Rings are stored open (the closing vertex is not repeated) in one interleaved {@code double[]}
 * (24 bytes per vertex) with one {@code int} per ring marking where it starts. A ring given closed
 * has its repeated last vertex dropped. Orientation is kept as given; {@link #signedArea2D()} tells
 * it.
 *
 * @since 1.0
 */
public final class Polygon {

  private final double[] xyz;
  private final int[] ringStarts;

  private Polygon(double[] xyz, int[] ringStarts) {
    this.xyz = xyz;
    this.ringStarts = ringStarts;
  }

  /**
   * Creates a polygon from interleaved ring coordinates.
   *
   * @param exterior the exterior ring x0, y0, z0, x1, ...; at least 3 distinct vertices; copied
   * @param holes the interior rings, likewise
   * @return the polygon
   * @throws InvalidGeometryException if a ring has fewer than 3 vertices or a coordinate is not
   *     finite
   */
  public static Polygon of(double[] exterior, double[]... holes) {
    Objects.requireNonNull(exterior, "exterior");
    double[][] rings = new double[holes.length + 1][];
    rings[0] = exterior;
    System.arraycopy(holes, 0, rings, 1, holes.length);
    int[] starts = new int[rings.length + 1];
    int n = 0;
    for (int r = 0; r < rings.length; r++) {
      int len = openLength(rings[r], r);
      n += len;
      starts[r + 1] = n;
    }
    double[] xyz = new double[3 * n];
    for (int r = 0; r < rings.length; r++) {
      System.arraycopy(rings[r], 0, xyz, 3 * starts[r], 3 * (starts[r + 1] - starts[r]));
    }
    Geometry.checked(xyz, "polygon");
    return new Polygon(xyz, starts);
  }

  /**
   * Creates a polygon in the plane z = 0 from x/y pairs, as footprints come.
   *
   * @param exteriorXy the exterior ring x0, y0, x1, y1, ...; copied
   * @param holesXy the interior rings, likewise
   * @return the polygon with z = 0
   * @throws InvalidGeometryException if a ring has fewer than 3 vertices or a coordinate is not
   *     finite
   */
  public static Polygon ofXy(double[] exteriorXy, double[]... holesXy) {
    double[][] holes = new double[holesXy.length][];
    for (int i = 0; i < holes.length; i++) {
      holes[i] = lift(holesXy[i]);
    }
    return of(lift(exteriorXy), holes);
  }

  /** Creates a polygon from arrays this package built; takes ownership. */
  static Polygon wrap(double[] xyz, int[] ringStarts) {
    return new Polygon(xyz, ringStarts);
  }

  private static double[] lift(double[] xy) {
    if (xy.length % 2 != 0) {
      throw new InvalidGeometryException("x/y ring needs 2 values per vertex, got " + xy.length);
    }
    double[] xyz = new double[xy.length / 2 * 3];
    for (int i = 0, j = 0; i < xy.length; i += 2, j += 3) {
      xyz[j] = xy[i];
      xyz[j + 1] = xy[i + 1];
    }
    return xyz;
  }

  private static int openLength(double[] ring, int r) {
    if (ring.length % 3 != 0) {
      throw new InvalidGeometryException(
          "ring " + r + " needs 3 coordinates per vertex, got " + ring.length + " values", r);
    }
    int n = ring.length / 3;
    if (n > 1
        && ring[0] == ring[3 * n - 3]
        && ring[1] == ring[3 * n - 2]
        && ring[2] == ring[3 * n - 1]) {
      n--;
    }
    if (n < 3) {
      throw new InvalidGeometryException(
          "ring " + r + " needs at least 3 distinct vertices, got " + n, r);
    }
    return n;
  }

  /**
   * Returns the number of rings.
   *
   * @return 1 plus the number of holes
   */
  public int ringCount() {
    return ringStarts.length - 1;
  }

  /**
   * Returns the number of holes.
   *
   * @return the hole count
   */
  public int holeCount() {
    return ringStarts.length - 2;
  }

  /**
   * Returns the number of vertices of a ring, the closing vertex not counted.
   *
   * @param ring 0 for the exterior, 1.. for holes
   * @return the vertex count
   */
  public int ringSize(int ring) {
    return ringStarts[ring + 1] - ringStarts[ring];
  }

  /**
   * Returns the x coordinate of a ring vertex.
   *
   * @param ring the ring
   * @param i the vertex in the ring
   * @return x
   */
  public double x(int ring, int i) {
    return xyz[3 * (ringStarts[ring] + i)];
  }

  /**
   * Returns the y coordinate of a ring vertex.
   *
   * @param ring the ring
   * @param i the vertex in the ring
   * @return y
   */
  public double y(int ring, int i) {
    return xyz[3 * (ringStarts[ring] + i) + 1];
  }

  /**
   * Returns the z coordinate of a ring vertex.
   *
   * @param ring the ring
   * @param i the vertex in the ring
   * @return z
   */
  public double z(int ring, int i) {
    return xyz[3 * (ringStarts[ring] + i) + 2];
  }

  /**
   * Returns a copy of one ring's coordinates, open.
   *
   * @param ring the ring
   * @return x0, y0, z0, x1, ...
   */
  public double[] ring(int ring) {
    return Arrays.copyOfRange(xyz, 3 * ringStarts[ring], 3 * ringStarts[ring + 1]);
  }

  /**
   * Returns the bounding box.
   *
   * @return the bounds of all rings
   */
  public Bounds3D bounds() {
    return Geometries.bounds(xyz);
  }

  /**
   * Returns the signed area of the projection on the x/y plane: positive when the exterior is
   * counter-clockwise seen from above; holes subtract when they run the other way.
   *
   * @return the signed area, in square CRS units
   */
  public double signedArea2D() {
    double a = 0;
    for (int r = 0; r < ringCount(); r++) {
      a += Geometries.signedArea2D(xyz, ringStarts[r], ringStarts[r + 1]);
    }
    return a;
  }

  /**
   * Returns the area of the projection on the x/y plane, holes subtracted, whatever the
   * orientation.
   *
   * @return the area, in square CRS units
   */
  public double area2D() {
    double a = Math.abs(Geometries.signedArea2D(xyz, ringStarts[0], ringStarts[1]));
    for (int r = 1; r < ringCount(); r++) {
      a -= Math.abs(Geometries.signedArea2D(xyz, ringStarts[r], ringStarts[r + 1]));
    }
    return a;
  }

  /**
   * Tells whether a point lies inside the projection of this polygon on the x/y plane (inside the
   * exterior and outside every hole; points on an edge may go either way).
   *
   * @param x the x coordinate
   * @param y the y coordinate
   * @return true if inside
   */
  public boolean contains2D(double x, double y) {
    boolean inside = false;
    for (int r = 0; r < ringCount(); r++) {
      inside ^= Geometries.crossingParity(xyz, ringStarts[r], ringStarts[r + 1], x, y);
    }
    return inside;
  }

  /**
   * Returns a copy with every ring in the opposite direction.
   *
   * @return the reversed polygon
   */
  public Polygon reversed() {
    double[] out = new double[xyz.length];
    for (int r = 0; r < ringCount(); r++) {
      int s = ringStarts[r];
      int e = ringStarts[r + 1];
      // keep the first vertex, reverse the rest, so the ring starts where it did
      for (int i = s; i < e; i++) {
        int src = i == s ? s : e - (i - s);
        System.arraycopy(xyz, 3 * src, out, 3 * i, 3);
      }
    }
    return new Polygon(out, ringStarts);
  }

  /** The raw coordinates, for this package. */
  double[] xyz() {
    return xyz;
  }

  /** The ring starts, for this package. */
  int[] ringStarts() {
    return ringStarts;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Polygon
        && Arrays.equals(xyz, ((Polygon) o).xyz)
        && Arrays.equals(ringStarts, ((Polygon) o).ringStarts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(xyz) * 31 + Arrays.hashCode(ringStarts);
  }

  @Override
  public String toString() {
    return "Polygon[" + ringCount() + " rings, " + xyz.length / 3 + " vertices]";
  }
}
