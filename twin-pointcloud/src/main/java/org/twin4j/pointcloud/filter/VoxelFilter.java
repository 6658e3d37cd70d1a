// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud.filter;

import java.util.Arrays;
import java.util.BitSet;
import org.twin4j.pointcloud.PointChunk;
import org.twin4j.pointcloud.PointCloud;

/**
 * Voxel-grid thinning, as PDAL's {@code filters.voxelcenternearestneighbor}: the space is cut into
 * cubes of a given size from the cloud's minimum corner, and of the points in each cube the one
 * nearest its centre is kept (the lowest index on a tie). Kept points keep every dimension and
 * their input order, so thinning never invents a coordinate.
 *
 * <p>Cost O(n) expected (an open-addressing table of occupied voxels); memory about 24 bytes per
 * occupied voxel.
 *
 * @since 1.0
 */
public final class VoxelFilter {

  private VoxelFilter() {}

  /**
   * Thins a cloud to one point per voxel.
   *
   * @param cloud the points
   * @param size the voxel edge length in CRS units, positive
   * @return the kept points, in input order
   */
  public static PointCloud thin(PointCloud cloud, double size) {
    return cloud.select(keep(cloud, size));
  }

  /**
   * Finds the point nearest the centre of each occupied voxel.
   *
   * @param cloud the points
   * @param size the voxel edge length in CRS units, positive
   * @return one bit per point index, set for the kept points
   */
  public static BitSet keep(PointCloud cloud, double size) {
    if (!(size > 0) || Double.isInfinite(size)) {
      throw new IllegalArgumentException("voxel size " + size + " is not a positive number");
    }
    int n = Math.toIntExact(cloud.size());
    double x0 = cloud.bounds().minX();
    double y0 = cloud.bounds().minY();
    double z0 = cloud.bounds().minZ();
    int capacity = Integer.highestOneBit(Math.max(16, n) * 2 - 1) << 1;
    long[] keys = new long[capacity];
    int[] best = new int[capacity];
    double[] bestDist = new double[capacity];
    Arrays.fill(keys, -1L);
    int mask = capacity - 1;
    int at = 0;
    for (PointChunk c : cloud.chunks()) {
      for (int i = 0; i < c.size(); i++, at++) {
        double fx = (c.x(i) - x0) / size;
        double fy = (c.y(i) - y0) / size;
        double fz = (c.z(i) - z0) / size;
        long ix = (long) fx;
        long iy = (long) fy;
        long iz = (long) fz;
        if (ix >= 1 << 21 || iy >= 1 << 21 || iz >= 1 << 21) {
          throw new IllegalArgumentException(
              "voxel size " + size + " makes more than 2^21 voxels along an axis");
        }
        long key = ix << 42 | iy << 21 | iz;
        double dx = fx - ix - 0.5;
        double dy = fy - iy - 0.5;
        double dz = fz - iz - 0.5;
        double d = dx * dx + dy * dy + dz * dz;
        int h = (int) (mix(key) & mask);
        while (keys[h] != -1L && keys[h] != key) {
          h = (h + 1) & mask;
        }
        if (keys[h] == -1L) {
          keys[h] = key;
          best[h] = at;
          bestDist[h] = d;
        } else if (d < bestDist[h]) {
          best[h] = at;
          bestDist[h] = d;
        }
      }
    }
    BitSet keep = new BitSet(n);
    for (int h = 0; h < capacity; h++) {
      if (keys[h] != -1L) {
        keep.set(best[h]);
      }
    }
    return keep;
  }

  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    return k;
  }
}
