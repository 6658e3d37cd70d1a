// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.appearance.GeometryAppearance;

/**
 * A geometry made of polygonal surfaces over shared vertices: the common representation of {@link
 * MultiSurface}, {@link Solid} and {@link MultiSolid}, as CityJSON's boundaries nest them.
 *
 * <p>Storage is packed: one {@code double[] xyz} for the shared vertices (24 bytes each), one index
 * array with the vertex index of every ring corner ({@code char}, 2 bytes each, when there are at
 * most 65 536 vertices, else {@code int}), and {@code int} offset arrays marking where each ring,
 * surface, shell and solid starts; offset arrays that would only say "one each" are left out. A
 * surface has an exterior ring and zero or more holes; rings are stored open. Each surface may
 * carry a {@link SemanticSurface}. A 20-vertex, 12-surface LOD1 block built surface by surface
 * takes about 820 bytes (48 object, 496 coordinates, 136 corner indices, 72 ring offsets, 64
 * semantics); blocks made by {@link Solid#extrude} share their index arrays and take about 545.
 *
 * <p>Rings {@code surfaceFirstRing(s)} to {@code surfaceFirstRing(s) + surfaceRingCount(s) - 1}
 * belong to surface {@code s}; the first is its exterior.
 *
 * @since 1.0
 */
public abstract sealed class SurfaceGeometry extends Geometry
    permits MultiSurface, Solid, MultiSolid {

  private final char @Nullable [] idx16;
  private final int @Nullable [] idx32;
  private final int[] ringOffsets;
  private final int @Nullable [] surfaceRings;
  private final SemanticSurface @Nullable [] semantics;
  final int @Nullable [] shellSurfaces;
  final int @Nullable [] solidShells;
  private final @Nullable GeometryAppearance appearance;

  SurfaceGeometry(Lod lod, double[] xyz, Topology t) {
    super(lod, xyz);
    this.idx16 = t.idx16;
    this.idx32 = t.idx32;
    this.ringOffsets = t.ringOffsets;
    this.surfaceRings = t.surfaceRings;
    this.semantics = t.semantics;
    this.shellSurfaces = t.shellSurfaces;
    this.solidShells = t.solidShells;
    this.appearance = t.appearance;
  }

  /** The topology arrays of this geometry, for making a copy that shares them. */
  final Topology topology() {
    return new Topology(
        idx16, idx32, ringOffsets, surfaceRings, semantics, shellSurfaces, solidShells, appearance);
  }

  /**
   * Returns the number of surfaces.
   *
   * @return the surface count, at least 1
   */
  public final int surfaceCount() {
    return surfaceRings == null ? ringOffsets.length - 1 : surfaceRings.length - 1;
  }

  /**
   * Returns the number of rings over all surfaces.
   *
   * @return the ring count
   */
  public final int ringCount() {
    return ringOffsets.length - 1;
  }

  /**
   * Returns the index of a surface's exterior ring.
   *
   * @param surface the surface index
   * @return the global index of its first ring
   */
  public final int surfaceFirstRing(int surface) {
    return surfaceRings == null ? surface : surfaceRings[surface];
  }

  /**
   * Returns the number of rings of a surface.
   *
   * @param surface the surface index
   * @return 1 plus its number of holes
   */
  public final int surfaceRingCount(int surface) {
    return surfaceRings == null ? 1 : surfaceRings[surface + 1] - surfaceRings[surface];
  }

  /**
   * Returns the number of vertices of a ring, the closing vertex not counted.
   *
   * @param ring the global ring index
   * @return at least 3
   */
  public final int ringSize(int ring) {
    return ringOffsets[ring + 1] - ringOffsets[ring];
  }

  /**
   * Returns the vertex at a corner of a ring.
   *
   * @param ring the global ring index
   * @param k the corner, 0 to {@code ringSize(ring) - 1}
   * @return the vertex index, for {@link #x(int)} and friends
   */
  public final int ringVertex(int ring, int k) {
    int i = ringOffsets[ring] + k;
    assert k >= 0 && i < ringOffsets[ring + 1];
    return idx16 != null ? idx16[i] : idx32[i];
  }

  /**
   * Tells whether any surface carries semantics.
   *
   * @return true if {@link #semantic(int)} is not null for some surface
   */
  public final boolean hasSemantics() {
    return semantics != null;
  }

  /**
   * Returns the semantics of a surface.
   *
   * @param surface the surface index
   * @return its semantics, or null if it has none
   */
  public final @Nullable SemanticSurface semantic(int surface) {
    return semantics == null ? null : semantics[Objects.checkIndex(surface, surfaceCount())];
  }

  /**
   * Returns one surface as a polygon, copying its coordinates.
   *
   * @param surface the surface index
   * @return the polygon, exterior first
   */
  public final Polygon surface(int surface) {
    int first = surfaceFirstRing(surface);
    int rings = surfaceRingCount(surface);
    int[] starts = new int[rings + 1];
    for (int r = 0; r < rings; r++) {
      starts[r + 1] = starts[r] + ringSize(first + r);
    }
    double[] out = new double[3 * starts[rings]];
    int o = 0;
    for (int r = 0; r < rings; r++) {
      for (int k = 0; k < ringSize(first + r); k++) {
        System.arraycopy(xyz, 3 * ringVertex(first + r, k), out, o, 3);
        o += 3;
      }
    }
    return Polygon.wrap(out, starts);
  }

  /**
   * Returns a copy whose surfaces carry other semantics, sharing coordinates and topology.
   *
   * @param perSurface one entry per surface, null entries for surfaces without semantics; copied
   * @return the new geometry
   * @throws IllegalArgumentException if the array length differs from the surface count
   */
  public final SurfaceGeometry withSemantics(@Nullable SemanticSurface[] perSurface) {
    if (perSurface.length != surfaceCount()) {
      throw new IllegalArgumentException(
          "need one semantic entry per surface (" + surfaceCount() + "), got " + perSurface.length);
    }
    Topology t = topology();
    boolean any = false;
    for (SemanticSurface s : perSurface) {
      any |= s != null;
    }
    return copy(
        lod,
        new Topology(
            t.idx16,
            t.idx32,
            t.ringOffsets,
            t.surfaceRings,
            any ? perSurface.clone() : null,
            t.shellSurfaces,
            t.solidShells,
            t.appearance));
  }

  /**
   * Returns the appearance of this geometry: materials and textures per theme.
   *
   * @return the appearance, or null if it has none
   */
  public final @Nullable GeometryAppearance appearance() {
    return appearance;
  }

  /**
   * Returns a copy with another appearance, sharing coordinates and topology.
   *
   * @param newAppearance the appearance, made for this geometry's surface, ring and corner counts,
   *     or null for none
   * @return the new geometry
   * @throws IllegalArgumentException if the appearance was made for another shape
   */
  public final SurfaceGeometry withAppearance(@Nullable GeometryAppearance newAppearance) {
    if (newAppearance != null
        && (newAppearance.surfaceCount() != surfaceCount()
            || newAppearance.ringCount() != ringCount()
            || newAppearance.cornerCount() != cornerCount())) {
      throw new IllegalArgumentException(
          "appearance made for "
              + newAppearance.surfaceCount()
              + " surfaces, "
              + newAppearance.ringCount()
              + " rings, "
              + newAppearance.cornerCount()
              + " corners; this geometry has "
              + surfaceCount()
              + ", "
              + ringCount()
              + ", "
              + cornerCount());
    }
    Topology t = topology();
    return copy(
        lod,
        new Topology(
            t.idx16,
            t.idx32,
            t.ringOffsets,
            t.surfaceRings,
            t.semantics,
            t.shellSurfaces,
            t.solidShells,
            newAppearance));
  }

  /**
   * Returns the number of ring corners over all rings (closing corners not counted).
   *
   * @return the corner count
   */
  public final int cornerCount() {
    return ringOffsets[ringOffsets.length - 1];
  }

  /**
   * Returns the index of a ring corner among all corners, as {@link GeometryAppearance} numbers
   * them.
   *
   * @param ring the global ring index
   * @param k the corner in the ring
   * @return the corner index
   */
  public final int cornerIndex(int ring, int k) {
    return ringOffsets[ring] + k;
  }

  @Override
  public final SurfaceGeometry withLod(Lod lod) {
    return copy(lod, topology());
  }

  /** Makes an instance of the same class over these arrays. */
  abstract SurfaceGeometry copy(Lod lod, Topology t);

  @Override
  final boolean sameStructure(Geometry other) {
    SurfaceGeometry g = (SurfaceGeometry) other;
    if (surfaceCount() != g.surfaceCount() || ringCount() != g.ringCount()) {
      return false;
    }
    for (int r = 0; r < ringCount(); r++) {
      if (ringSize(r) != g.ringSize(r)) {
        return false;
      }
      for (int k = 0; k < ringSize(r); k++) {
        if (ringVertex(r, k) != g.ringVertex(r, k)) {
          return false;
        }
      }
    }
    for (int s = 0; s < surfaceCount(); s++) {
      if (surfaceRingCount(s) != g.surfaceRingCount(s)
          || !Objects.equals(semantic(s), g.semantic(s))) {
        return false;
      }
    }
    return Objects.equals(appearance, g.appearance)
        && Arrays.equals(
            offsetsOrIdentity(shellSurfaces, surfaceCount()),
            offsetsOrIdentity(g.shellSurfaces, g.surfaceCount()))
        && Arrays.equals(
            offsetsOrIdentity(solidShells, shells()), offsetsOrIdentity(g.solidShells, g.shells()));
  }

  @Override
  final int structureHash() {
    return surfaceCount() * 31 + ringCount();
  }

  /** Number of shells (1 for a multi-surface). */
  final int shells() {
    return shellSurfaces == null ? 1 : shellSurfaces.length - 1;
  }

  private static int[] offsetsOrIdentity(int @Nullable [] offsets, int total) {
    return offsets != null ? offsets : new int[] {0, total};
  }

  /** The topology arrays, passed between builders, copies and constructors. */
  static final class Topology {
    final char @Nullable [] idx16;
    final int @Nullable [] idx32;
    final int[] ringOffsets;
    final int @Nullable [] surfaceRings;
    final SemanticSurface @Nullable [] semantics;
    final int @Nullable [] shellSurfaces;
    final int @Nullable [] solidShells;
    final @Nullable GeometryAppearance appearance;

    Topology(
        char @Nullable [] idx16,
        int @Nullable [] idx32,
        int[] ringOffsets,
        int @Nullable [] surfaceRings,
        SemanticSurface @Nullable [] semantics,
        int @Nullable [] shellSurfaces,
        int @Nullable [] solidShells,
        @Nullable GeometryAppearance appearance) {
      this.idx16 = idx16;
      this.idx32 = idx32;
      this.ringOffsets = ringOffsets;
      this.surfaceRings = surfaceRings;
      this.semantics = semantics;
      this.shellSurfaces = shellSurfaces;
      this.solidShells = solidShells;
      this.appearance = appearance;
    }
  }

  /**
   * The common part of the builders of surface geometries: vertices, surfaces and rings. Single-use
   * and not thread-safe.
   *
   * @param <B> the concrete builder type
   */
  public abstract static class Builder<B extends Builder<B>> {
    private Lod lod;
    private double[] xyz = new double[48];
    private int vertexCount;
    private int[] idx = new int[64];
    private int idxCount;
    private int[] ringOffsets = new int[17];
    private int ringCount;
    private int[] surfaceRings = new int[17];
    private int surfaceCount = -1;
    private @Nullable SemanticSurface[] semantics = new SemanticSurface[16];
    private boolean anySemantics;
    private int[] shellSurfaces = new int[3];
    private int shellCount;
    private int[] solidShells = new int[3];
    private int solidCount;
    private int[] dedup = new int[0];
    private boolean built;

    Builder(Lod lod) {
      this.lod = Objects.requireNonNull(lod, "lod");
    }

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }

    /**
     * Sets the level of detail.
     *
     * @param lod the level
     * @return this builder
     */
    public B lod(Lod lod) {
      this.lod = Objects.requireNonNull(lod, "lod");
      return self();
    }

    /**
     * Reserves room, so that large geometries are built without repeated growth.
     *
     * @param vertices expected number of vertices
     * @param ringCorners expected number of ring corners over all rings
     * @return this builder
     */
    public B ensureCapacity(int vertices, int ringCorners) {
      if (3 * vertices > xyz.length) {
        xyz = Arrays.copyOf(xyz, 3 * vertices);
      }
      if (ringCorners > idx.length) {
        idx = Arrays.copyOf(idx, ringCorners);
      }
      return self();
    }

    /**
     * Adds a vertex.
     *
     * @param x x coordinate
     * @param y y coordinate
     * @param z z coordinate
     * @return the index of the new vertex
     * @throws InvalidGeometryException if a coordinate is not finite
     */
    public int vertex(double x, double y, double z) {
      InvalidGeometryException.checkFinite("vertex", vertexCount, x, y, z);
      if (3 * vertexCount + 3 > xyz.length) {
        xyz = Arrays.copyOf(xyz, Math.max(48, xyz.length * 2));
      }
      xyz[3 * vertexCount] = x;
      xyz[3 * vertexCount + 1] = y;
      xyz[3 * vertexCount + 2] = z;
      return vertexCount++;
    }

    /**
     * Adds a vertex unless one with exactly the same coordinates was added through this method
     * before, so that surfaces meeting at a corner share it.
     *
     * @param x x coordinate
     * @param y y coordinate
     * @param z z coordinate
     * @return the index of the new or existing vertex
     * @throws InvalidGeometryException if a coordinate is not finite
     */
    public int sharedVertex(double x, double y, double z) {
      if (2 * vertexCount + 2 > dedup.length) {
        rehash(Math.max(64, dedup.length * 2));
      }
      int mask = dedup.length - 1;
      int h = hash(x, y, z) & mask;
      while (dedup[h] != 0) {
        int v = dedup[h] - 1;
        if (xyz[3 * v] == x && xyz[3 * v + 1] == y && xyz[3 * v + 2] == z) {
          return v;
        }
        h = (h + 1) & mask;
      }
      int v = vertex(x, y, z);
      dedup[h] = v + 1;
      return v;
    }

    private void rehash(int size) {
      int[] old = dedup;
      dedup = new int[size];
      int mask = size - 1;
      for (int e : old) {
        if (e != 0) {
          int v = e - 1;
          int h = hash(xyz[3 * v], xyz[3 * v + 1], xyz[3 * v + 2]) & mask;
          while (dedup[h] != 0) {
            h = (h + 1) & mask;
          }
          dedup[h] = e;
        }
      }
    }

    private static int hash(double x, double y, double z) {
      long h = Double.doubleToLongBits(x + 0.0) * 0x9E3779B97F4A7C15L;
      h ^= Double.doubleToLongBits(y + 0.0) * 0xC2B2AE3D27D4EB4FL;
      h ^= Double.doubleToLongBits(z + 0.0) * 0x165667B19E3779F9L;
      return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }

    /**
     * Begins a new surface; the rings added next belong to it, the first being its exterior.
     *
     * @param semantic the semantics of the surface, or null
     * @return this builder
     */
    public B surface(@Nullable SemanticSurface semantic) {
      if (surfaceCount >= 0 && surfaceRings[surfaceCount] == ringCount) {
        throw new InvalidGeometryException(
            "surface " + surfaceCount + " has no ring", surfaceCount);
      }
      if (solidCount == 0 || solidShells[solidCount - 1] == shellCount) {
        beginShell();
      }
      surfaceCount++;
      if (surfaceCount + 2 > surfaceRings.length) {
        surfaceRings = Arrays.copyOf(surfaceRings, surfaceRings.length * 2);
        semantics = Arrays.copyOf(semantics, surfaceRings.length);
      }
      surfaceRings[surfaceCount] = ringCount;
      semantics[surfaceCount] = semantic;
      anySemantics |= semantic != null;
      return self();
    }

    /**
     * Adds a ring of existing vertices to the current surface. A ring given closed (last index
     * equal to the first) has its last index dropped.
     *
     * @param vertices the vertex indices, at least 3 distinct corners
     * @return this builder
     * @throws IllegalStateException if no surface was begun
     * @throws InvalidGeometryException if the ring has fewer than 3 corners or an index is out of
     *     range
     */
    public B ring(int... vertices) {
      if (surfaceCount < 0) {
        throw new IllegalStateException("call surface(...) before adding rings");
      }
      int n = vertices.length;
      if (n > 1 && vertices[0] == vertices[n - 1]) {
        n--;
      }
      if (n < 3) {
        throw new InvalidGeometryException(
            "ring " + ringCount + " needs at least 3 corners, got " + n, ringCount);
      }
      if (idxCount + n > idx.length) {
        idx = Arrays.copyOf(idx, Math.max(idxCount + n, idx.length * 2));
      }
      for (int k = 0; k < n; k++) {
        int v = vertices[k];
        if (v < 0 || v >= vertexCount) {
          throw new InvalidGeometryException(
              "ring "
                  + ringCount
                  + " references vertex "
                  + v
                  + " but the geometry has "
                  + vertexCount
                  + " vertices",
              ringCount);
        }
        idx[idxCount++] = v;
      }
      if (ringCount + 2 > ringOffsets.length) {
        ringOffsets = Arrays.copyOf(ringOffsets, ringOffsets.length * 2);
      }
      ringOffsets[++ringCount] = idxCount;
      return self();
    }

    /**
     * Adds a ring given by its coordinates to the current surface, sharing vertices with equal
     * coordinates added before through {@link #sharedVertex}.
     *
     * @param ringXyz x0, y0, z0, x1, ...; open or closed
     * @return this builder
     */
    public B ringCoordinates(double[] ringXyz) {
      if (ringXyz.length % 3 != 0) {
        throw new InvalidGeometryException(
            "ring " + ringCount + " needs 3 values per vertex, got " + ringXyz.length);
      }
      int[] v = new int[ringXyz.length / 3];
      for (int k = 0; k < v.length; k++) {
        v[k] = sharedVertex(ringXyz[3 * k], ringXyz[3 * k + 1], ringXyz[3 * k + 2]);
      }
      return ring(v);
    }

    /**
     * Adds a polygon as a new surface, sharing vertices with equal coordinates.
     *
     * @param polygon the polygon
     * @param semantic its semantics, or null
     * @return this builder
     */
    public B polygon(Polygon polygon, @Nullable SemanticSurface semantic) {
      surface(semantic);
      for (int r = 0; r < polygon.ringCount(); r++) {
        ringCoordinates(polygon.ring(r));
      }
      return self();
    }

    /** Begins a shell: its surfaces are those added next. */
    void beginShell() {
      if (solidCount == 0) {
        beginSolid();
      }
      if (shellCount > 0 && shellSurfaces[shellCount - 1] == surfaceCount + 1) {
        throw new InvalidGeometryException(
            "shell " + (shellCount - 1) + " has no surface", shellCount - 1);
      }
      if (shellCount + 2 > shellSurfaces.length) {
        shellSurfaces = Arrays.copyOf(shellSurfaces, shellSurfaces.length * 2);
      }
      shellSurfaces[shellCount++] = surfaceCount + 1;
    }

    /** Begins a solid: its shells are those begun next. */
    void beginSolid() {
      if (solidCount > 0 && solidShells[solidCount - 1] == shellCount) {
        throw new InvalidGeometryException(
            "solid " + (solidCount - 1) + " has no shell", solidCount - 1);
      }
      if (solidCount + 2 > solidShells.length) {
        solidShells = Arrays.copyOf(solidShells, solidShells.length * 2);
      }
      solidShells[solidCount++] = shellCount;
    }

    /** The level of detail, for subclasses' build(). */
    final Lod lod() {
      return lod;
    }

    /** Validates and packs the arrays; marks the builder used. */
    final double[] finishVertices() {
      if (built) {
        throw new IllegalStateException("build() was already called on this builder");
      }
      if (surfaceCount < 0) {
        throw new InvalidGeometryException("a surface geometry needs at least one surface");
      }
      if (surfaceRings[surfaceCount] == ringCount) {
        throw new InvalidGeometryException(
            "surface " + surfaceCount + " has no ring", surfaceCount);
      }
      if (shellSurfaces[shellCount - 1] == surfaceCount + 1) {
        throw new InvalidGeometryException(
            "shell " + (shellCount - 1) + " has no surface", shellCount - 1);
      }
      if (solidShells[solidCount - 1] == shellCount) {
        throw new InvalidGeometryException(
            "solid " + (solidCount - 1) + " has no shell", solidCount - 1);
      }
      built = true;
      return Arrays.copyOf(xyz, 3 * vertexCount);
    }

    /** The packed topology; call after {@link #finishVertices()}. */
    final Topology finishTopology() {
      int surfaces = surfaceCount + 1;
      char[] i16 = null;
      int[] i32 = null;
      if (vertexCount <= 0x10000) {
        i16 = new char[idxCount];
        for (int i = 0; i < idxCount; i++) {
          i16[i] = (char) idx[i];
        }
      } else {
        i32 = Arrays.copyOf(idx, idxCount);
      }
      boolean oneRingEach = surfaces == ringCount;
      int[] sr = null;
      if (!oneRingEach) {
        sr = Arrays.copyOf(surfaceRings, surfaces + 1);
        sr[surfaces] = ringCount;
      }
      int[] sh = null;
      if (shellCount > 1) {
        sh = Arrays.copyOf(shellSurfaces, shellCount + 1);
        sh[shellCount] = surfaces;
      }
      int[] so = null;
      if (solidCount > 1) {
        so = Arrays.copyOf(solidShells, solidCount + 1);
        so[solidCount] = shellCount;
      }
      return new Topology(
          i16,
          i32,
          Arrays.copyOf(ringOffsets, ringCount + 1),
          sr,
          anySemantics ? Arrays.copyOf(semantics, surfaces) : null,
          sh,
          so,
          null);
    }
  }
}
