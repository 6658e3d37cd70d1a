// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A volume bounded by an outer shell and zero or more inner shells (cavities), each a closed set of
 * surfaces whose normals point out of the volume. Shell {@code 0} is the outer one. See {@link
 * SurfaceGeometry} for storage and the surface accessors.
 *
 * <p>{@link #extrude} makes LOD1 blocks; blocks over footprints with the same number of vertices
 * share one set of index arrays, so a block costs little more than its coordinates.
 *
 * @since 1.0
 */
public final class Solid extends SurfaceGeometry {

  /** Shared topologies of extruded single-ring footprints, by vertex count. */
  private static final ConcurrentHashMap<Integer, Topology> PRISMS = new ConcurrentHashMap<>();

  private static final int MAX_SHARED_PRISM = 1024;

  private Solid(Lod lod, double[] xyz, Topology t) {
    super(lod, xyz, t);
  }

  /**
   * Returns a builder. The surfaces added first form the outer shell; {@link Builder#shell()}
   * begins an inner one.
   *
   * @param lod the level of detail
   * @return a new builder
   */
  public static Builder builder(Lod lod) {
    return new Builder(lod);
  }

  /**
   * Extrudes a footprint into a block between two heights, with a ground surface at the bottom, a
   * roof at the top and one wall per footprint edge, all facing outwards, vertices shared.
   *
   * <p>The footprint's x and y are used and its z ignored. The exterior ring is taken
   * counter-clockwise and holes clockwise (seen from above), whatever their given orientation.
   *
   * @param footprint the footprint; its holes become courtyards
   * @param bottom the height of the ground surface
   * @param top the height of the roof, greater than {@code bottom}
   * @param lod the level of detail, usually {@link Lod#LOD1}
   * @return the block
   * @throws InvalidGeometryException if {@code top <= bottom}, a height is not finite, or the
   *     footprint has no area
   */
  public static Solid extrude(Polygon footprint, double bottom, double top, Lod lod) {
    if (!(top > bottom) || !Double.isFinite(bottom) || !Double.isFinite(top)) {
      throw new InvalidGeometryException(
          "an extrusion needs finite heights with top > bottom, got bottom "
              + bottom
              + ", top "
              + top);
    }
    int[] starts = footprint.ringStarts();
    double[] fp = footprint.xyz();
    int n = starts[starts.length - 1];
    double[] xyz = new double[6 * n];
    for (int r = 0; r < starts.length - 1; r++) {
      double area = Geometries.signedArea2D(fp, starts[r], starts[r + 1]);
      if (area == 0) {
        throw new InvalidGeometryException("footprint ring " + r + " has no area", r);
      }
      boolean reverse = (r == 0) == (area < 0);
      for (int i = starts[r]; i < starts[r + 1]; i++) {
        int src = reverse ? (i == starts[r] ? i : starts[r + 1] - (i - starts[r])) : i;
        xyz[3 * i] = fp[3 * src];
        xyz[3 * i + 1] = fp[3 * src + 1];
        xyz[3 * i + 2] = bottom;
        xyz[3 * (n + i)] = fp[3 * src];
        xyz[3 * (n + i) + 1] = fp[3 * src + 1];
        xyz[3 * (n + i) + 2] = top;
      }
    }
    Topology t;
    if (starts.length == 2 && n <= MAX_SHARED_PRISM) {
      t = PRISMS.computeIfAbsent(n, k -> prismTopology(new int[] {0, k}));
    } else {
      t = prismTopology(starts);
    }
    return new Solid(lod, xyz, t);
  }

  /**
   * Ground (reversed rings), roof, then one quad wall per edge; bottom ring i is vertex i, top is n
   * + i.
   */
  private static Topology prismTopology(int[] starts) {
    int n = starts[starts.length - 1];
    int rings = starts.length - 1;
    Builder b = new Builder(Lod.LOD1);
    for (int i = 0; i < 2 * n; i++) {
      b.vertex(0, 0, 0);
    }
    b.surface(SemanticSurface.of(SemanticType.GROUND));
    for (int r = 0; r < rings; r++) {
      int[] ring = new int[starts[r + 1] - starts[r]];
      for (int k = 0; k < ring.length; k++) {
        ring[k] = starts[r] + (k == 0 ? 0 : ring.length - k);
      }
      b.ring(ring);
    }
    b.surface(SemanticSurface.of(SemanticType.ROOF));
    for (int r = 0; r < rings; r++) {
      int[] ring = new int[starts[r + 1] - starts[r]];
      for (int k = 0; k < ring.length; k++) {
        ring[k] = n + starts[r] + k;
      }
      b.ring(ring);
    }
    SemanticSurface wall = SemanticSurface.of(SemanticType.WALL);
    for (int r = 0; r < rings; r++) {
      for (int i = starts[r]; i < starts[r + 1]; i++) {
        int j = i + 1 == starts[r + 1] ? starts[r] : i + 1;
        b.surface(wall).ring(i, j, n + j, n + i);
      }
    }
    b.finishVertices();
    return b.finishTopology();
  }

  /**
   * Returns the number of shells.
   *
   * @return 1 plus the number of inner shells
   */
  public int shellCount() {
    return shells();
  }

  /**
   * Returns the global index of a shell's first surface.
   *
   * @param shell 0 for the outer shell
   * @return its first surface
   */
  public int shellFirstSurface(int shell) {
    return shellSurfaces == null ? 0 : shellSurfaces[shell];
  }

  /**
   * Returns the number of surfaces of a shell.
   *
   * @param shell 0 for the outer shell
   * @return its surface count
   */
  public int shellSurfaceCount(int shell) {
    return shellSurfaces == null ? surfaceCount() : shellSurfaces[shell + 1] - shellSurfaces[shell];
  }

  @Override
  public GeometryType type() {
    return GeometryType.SOLID;
  }

  @Override
  Solid copy(Lod lod, Topology t) {
    return new Solid(lod, xyz, t);
  }

  /** Builds a {@link Solid}. Single-use; not thread-safe. */
  public static final class Builder extends SurfaceGeometry.Builder<Builder> {

    private Builder(Lod lod) {
      super(lod);
    }

    /**
     * Begins an inner shell (a cavity); the surfaces added before the first call form the outer
     * shell.
     *
     * @return this builder
     * @throws InvalidGeometryException if the previous shell has no surface
     */
    public Builder shell() {
      beginShell();
      return this;
    }

    /**
     * Builds the geometry.
     *
     * @return the solid
     * @throws InvalidGeometryException if a shell or surface is empty
     * @throws IllegalStateException if called twice
     */
    public Solid build() {
      double[] xyz = finishVertices();
      return new Solid(lod(), xyz, finishTopology());
    }
  }
}
