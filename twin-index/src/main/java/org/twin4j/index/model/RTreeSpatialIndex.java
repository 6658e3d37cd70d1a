// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.index.model;

import java.util.Objects;
import java.util.function.IntConsumer;
import org.twin4j.core.model.spi.DistanceCursor;
import org.twin4j.core.model.spi.SpatialIndex;
import org.twin4j.index.rtree.LayeredRTree3D;

/**
 * The city model's spatial index: a {@link LayeredRTree3D} of object bounds keyed by slot.
 * Immutable and persistent, like the tree it wraps.
 *
 * @since 1.0
 */
public final class RTreeSpatialIndex implements SpatialIndex {

  private final LayeredRTree3D tree;

  private RTreeSpatialIndex(LayeredRTree3D tree) {
    this.tree = tree;
  }

  /**
   * Wraps a tree.
   *
   * @param tree the tree
   * @return the index
   */
  public static RTreeSpatialIndex of(LayeredRTree3D tree) {
    return new RTreeSpatialIndex(Objects.requireNonNull(tree, "tree"));
  }

  /**
   * Returns the tree.
   *
   * @return the wrapped tree
   */
  public LayeredRTree3D tree() {
    return tree;
  }

  @Override
  public int size() {
    return tree.size();
  }

  @Override
  public SpatialIndex withChanges(int[] removedSlots, int[] addedSlots, double[] addedBounds) {
    return new RTreeSpatialIndex(tree.withChanges(removedSlots, addedSlots, addedBounds));
  }

  @Override
  public void search(
      double minX,
      double minY,
      double minZ,
      double maxX,
      double maxY,
      double maxZ,
      IntConsumer slots) {
    tree.search(minX, minY, minZ, maxX, maxY, maxZ, slots);
  }

  @Override
  public DistanceCursor nearest(double x, double y, double z) {
    return wrap(tree.nearest(x, y, z));
  }

  @Override
  public DistanceCursor ray(
      double ox, double oy, double oz, double dx, double dy, double dz, double maxDistance) {
    return wrap(tree.ray(ox, oy, oz, dx, dy, dz, maxDistance));
  }

  private static DistanceCursor wrap(LayeredRTree3D.Cursor c) {
    return new DistanceCursor() {
      @Override
      public boolean next() {
        return c.next();
      }

      @Override
      public int slot() {
        return c.id();
      }

      @Override
      public double distance() {
        return c.distance();
      }
    };
  }
}
