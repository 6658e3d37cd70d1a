// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud.filter;

import java.util.BitSet;
import java.util.stream.IntStream;
import org.twin4j.pointcloud.PointChunk;
import org.twin4j.pointcloud.PointCloud;

/**
 * Statistical outlier removal, as PDAL's {@code filters.outlier} (method "statistical") and PCL's
 * {@code StatisticalOutlierRemoval}: for every point the mean 3D distance to its {@code k} nearest
 * neighbours; a point is an outlier when that mean exceeds the mean over all points by more than
 * {@code multiplier} standard deviations. Defaults k = 8, multiplier = 2 (PDAL's).
 *
 * <p>Cost O(n log n) with a k-d tree; queries run on all processors, the result does not depend on
 * how many. Memory: about 60 bytes per point while running.
 *
 * @since 1.0
 */
public final class OutlierFilter {

  /** The noise class PDAL writes for outliers (7, "low point (noise)"). */
  public static final int NOISE_CLASS = 7;

  private OutlierFilter() {}

  /**
   * The outliers found.
   *
   * @param outliers one bit per point index, set for outliers
   * @param count the number of outliers
   * @param meanDistance the mean over all points of the mean neighbour distance, in CRS units
   * @param standardDeviation its standard deviation
   * @param threshold the mean neighbour distance above which a point is an outlier
   */
  public record Result(
      BitSet outliers,
      long count,
      double meanDistance,
      double standardDeviation,
      double threshold) {

    /**
     * Copies the bit set.
     *
     * @param outliers the outliers
     * @param count their number
     * @param meanDistance the mean neighbour distance
     * @param standardDeviation its standard deviation
     * @param threshold the cut-off
     */
    public Result {
      outliers = (BitSet) outliers.clone();
    }

    /**
     * Returns a copy of the outlier bits.
     *
     * @return one bit per point index
     */
    @Override
    public BitSet outliers() {
      return (BitSet) outliers.clone();
    }
  }

  /**
   * Finds the statistical outliers of a cloud.
   *
   * @param cloud the points
   * @param k the number of neighbours, at least 1
   * @param multiplier the number of standard deviations above the mean that makes an outlier
   * @return the outliers
   */
  public static Result find(PointCloud cloud, int k, double multiplier) {
    if (k < 1) {
      throw new IllegalArgumentException("k " + k + " < 1");
    }
    int n = Math.toIntExact(cloud.size());
    double[] xs = new double[n];
    double[] ys = new double[n];
    double[] zs = new double[n];
    int at = 0;
    for (PointChunk c : cloud.chunks()) {
      for (int i = 0; i < c.size(); i++, at++) {
        xs[at] = c.x(i);
        ys[at] = c.y(i);
        zs[at] = c.z(i);
      }
    }
    KdTree tree = new KdTree(xs, ys, zs);
    double[] mean = new double[n];
    int kk = Math.min(k + 1, n);
    IntStream.range(0, (n + 4095) / 4096)
        .parallel()
        .forEach(
            block -> {
              double[] d = new double[kk];
              int[] ids = new int[kk];
              // queries in the tree's own order: neighbouring queries walk the same nodes
              for (int pos = block * 4096; pos < Math.min(n, (block + 1) * 4096); pos++) {
                int i = tree.inputIndex(pos);
                int found = tree.nearest(xs[i], ys[i], zs[i], kk, d, ids);
                double sum = 0;
                int used = 0;
                boolean selfSkipped = false;
                for (int j = 0; j < found; j++) {
                  if (!selfSkipped && ids[j] == i) {
                    selfSkipped = true;
                    continue;
                  }
                  if (used < k) {
                    sum += Math.sqrt(d[j]);
                    used++;
                  }
                }
                mean[i] = used == 0 ? 0 : sum / used;
              }
            });
    double sum = 0;
    for (double m : mean) {
      sum += m;
    }
    double mu = n == 0 ? 0 : sum / n;
    double var = 0;
    for (double m : mean) {
      var += (m - mu) * (m - mu);
    }
    double sigma = n < 2 ? 0 : Math.sqrt(var / (n - 1));
    double threshold = mu + multiplier * sigma;
    BitSet out = new BitSet(n);
    for (int i = 0; i < n; i++) {
      if (mean[i] > threshold) {
        out.set(i);
      }
    }
    return new Result(out, out.cardinality(), mu, sigma, threshold);
  }

  /**
   * Returns the cloud without its statistical outliers (k = 8, multiplier 2), in input order.
   *
   * @param cloud the points
   * @return the inliers
   */
  public static PointCloud remove(PointCloud cloud) {
    BitSet keep = find(cloud, 8, 2).outliers();
    keep.flip(0, Math.toIntExact(cloud.size()));
    return cloud.select(keep);
  }

  /**
   * Returns the cloud with its outliers classed as noise (7), as PDAL does; nothing else changes.
   *
   * @param cloud the points
   * @param result the outliers found in this cloud
   * @return the cloud with the outliers reclassified
   */
  public static PointCloud classify(PointCloud cloud, Result result) {
    byte[] classes = cloud.classifications();
    BitSet o = result.outliers;
    for (int i = o.nextSetBit(0); i >= 0; i = o.nextSetBit(i + 1)) {
      classes[i] = NOISE_CLASS;
    }
    return cloud.withClassifications(classes);
  }
}
