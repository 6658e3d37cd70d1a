// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.index.rtree;

/**
 * Receives items in increasing order of a distance (to a point, or along a ray) and says whether to
 * go on.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface DistanceVisitor {

  /**
   * Receives one item.
   *
   * @param id the item id
   * @param distance its distance, never smaller than that of the item before
   * @return true to receive the next item, false to stop the query
   */
  boolean visit(int id, double distance);
}
