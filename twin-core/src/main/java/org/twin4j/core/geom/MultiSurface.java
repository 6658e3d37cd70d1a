// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

/**
 * A set of surfaces over shared vertices; a composite surface when its surfaces are declared to
 * share edges without overlapping (CityGML {@code CompositeSurface}). See {@link SurfaceGeometry}
 * for the storage and accessors.
 *
 * <pre>{@code
 * MultiSurface roof = MultiSurface.builder(Lod.LOD2)
 *     .polygon(Polygon.of(new double[] {0, 0, 10, 8, 0, 10, 8, 6, 12}), SemanticSurface.of(SemanticType.ROOF))
 *     .build();
 * }</pre>
 *
 * @since 1.0
 */
public final class MultiSurface extends SurfaceGeometry {

  private final boolean composite;

  private MultiSurface(Lod lod, double[] xyz, Topology t, boolean composite) {
    super(lod, xyz, t);
    this.composite = composite;
  }

  /**
   * Returns a builder of a multi-surface.
   *
   * @param lod the level of detail
   * @return a new builder
   */
  public static Builder builder(Lod lod) {
    return new Builder(lod, false);
  }

  /**
   * Returns a builder of a composite surface.
   *
   * @param lod the level of detail
   * @return a new builder
   */
  public static Builder compositeBuilder(Lod lod) {
    return new Builder(lod, true);
  }

  /**
   * Tells whether this is a composite surface.
   *
   * @return true for a CompositeSurface
   */
  public boolean isComposite() {
    return composite;
  }

  @Override
  public GeometryType type() {
    return composite ? GeometryType.COMPOSITE_SURFACE : GeometryType.MULTI_SURFACE;
  }

  @Override
  MultiSurface copy(Lod lod, Topology t) {
    return new MultiSurface(lod, xyz, t, composite);
  }

  /** Builds a {@link MultiSurface}. Single-use; not thread-safe. */
  public static final class Builder extends SurfaceGeometry.Builder<Builder> {
    private final boolean composite;

    private Builder(Lod lod, boolean composite) {
      super(lod);
      this.composite = composite;
    }

    /**
     * Builds the geometry.
     *
     * @return the multi-surface
     * @throws InvalidGeometryException if there is no surface or a surface has no ring
     * @throws IllegalStateException if called twice
     */
    public MultiSurface build() {
      double[] xyz = finishVertices();
      return new MultiSurface(lod(), xyz, finishTopology(), composite);
    }
  }
}
