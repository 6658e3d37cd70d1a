// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

/**
 * A set of solids over shared vertices; a composite solid when its solids share faces without
 * overlapping (CityGML {@code CompositeSolid}). Solid {@code i} owns shells {@code
 * solidFirstShell(i)} to {@code solidFirstShell(i) + solidShellCount(i) - 1}, the first being its
 * outer shell. See {@link SurfaceGeometry} for storage.
 *
 * @since 1.0
 */
public final class MultiSolid extends SurfaceGeometry {

  private final boolean composite;

  private MultiSolid(Lod lod, double[] xyz, Topology t, boolean composite) {
    super(lod, xyz, t);
    this.composite = composite;
  }

  /**
   * Returns a builder of a multi-solid.
   *
   * @param lod the level of detail
   * @return a new builder
   */
  public static Builder builder(Lod lod) {
    return new Builder(lod, false);
  }

  /**
   * Returns a builder of a composite solid.
   *
   * @param lod the level of detail
   * @return a new builder
   */
  public static Builder compositeBuilder(Lod lod) {
    return new Builder(lod, true);
  }

  /**
   * Tells whether this is a composite solid.
   *
   * @return true for a CompositeSolid
   */
  public boolean isComposite() {
    return composite;
  }

  /**
   * Returns the number of solids.
   *
   * @return at least 1
   */
  public int solidCount() {
    return solidShells == null ? 1 : solidShells.length - 1;
  }

  /**
   * Returns the global index of a solid's outer shell.
   *
   * @param solid the solid index
   * @return its first shell
   */
  public int solidFirstShell(int solid) {
    return solidShells == null ? 0 : solidShells[solid];
  }

  /**
   * Returns the number of shells of a solid.
   *
   * @param solid the solid index
   * @return 1 plus its number of inner shells
   */
  public int solidShellCount(int solid) {
    return solidShells == null ? shells() : solidShells[solid + 1] - solidShells[solid];
  }

  /**
   * Returns the number of shells over all solids.
   *
   * @return the shell count
   */
  public int shellCount() {
    return shells();
  }

  /**
   * Returns the global index of a shell's first surface.
   *
   * @param shell the global shell index
   * @return its first surface
   */
  public int shellFirstSurface(int shell) {
    return shellSurfaces == null ? 0 : shellSurfaces[shell];
  }

  /**
   * Returns the number of surfaces of a shell.
   *
   * @param shell the global shell index
   * @return its surface count
   */
  public int shellSurfaceCount(int shell) {
    return shellSurfaces == null ? surfaceCount() : shellSurfaces[shell + 1] - shellSurfaces[shell];
  }

  @Override
  public GeometryType type() {
    return composite ? GeometryType.COMPOSITE_SOLID : GeometryType.MULTI_SOLID;
  }

  @Override
  MultiSolid copy(Lod lod, Topology t) {
    return new MultiSolid(lod, xyz, t, composite);
  }

  /** Builds a {@link MultiSolid}. Single-use; not thread-safe. */
  public static final class Builder extends SurfaceGeometry.Builder<Builder> {
    private final boolean composite;

    private Builder(Lod lod, boolean composite) {
      super(lod);
      this.composite = composite;
    }

    /**
     * Begins a new solid; the shell begun next is its outer shell.
     *
     * @return this builder
     * @throws InvalidGeometryException if the previous solid has no shell
     */
    public Builder solid() {
      beginSolid();
      return this;
    }

    /**
     * Begins a new shell of the current solid (the first one, implicitly begun, is its outer
     * shell).
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
     * @return the multi-solid
     * @throws InvalidGeometryException if a solid, shell or surface is empty
     * @throws IllegalStateException if called twice
     */
    public MultiSolid build() {
      double[] xyz = finishVertices();
      return new MultiSolid(lod(), xyz, finishTopology(), composite);
    }
  }
}
