// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud.filter;

import java.util.Objects;
import java.util.stream.IntStream;
import org.twin4j.pointcloud.PointChunk;
import org.twin4j.pointcloud.PointCloud;

/**
 * Ground classification by the Simple Morphological Filter (Pingel, Clarke and McBride 2013, "An
 * improved simple morphological filter for the terrain classification of airborne LIDAR data",
 * ISPRS J. 77:21–30), following the steps of PDAL's {@code filters.smrf} so that results are
 * comparable:
 *
 * <ol>
 *   <li>A grid of the lowest z per cell over the candidate points (last and single returns, not of
 *       an ignored class); empty cells are filled with the mean of the 8 nearest non-empty cells.
 *   <li>Low outliers: cells more than 5 cells' worth of slope below their closing with a 3 × 3
 *       cross.
 *   <li>The progressive morphological filter: for radii k = 1 … window/cell, an opening with a
 *       diamond of radius k; a cell is an object where the opened surface drops by more than {@code
 *       slope · cell · k} from the previous radius.
 *   <li>A provisional ground surface from the remaining cells, filled again; its slope by central
 *       differences.
 *   <li>A candidate is ground when its z lies within {@code threshold + scalar · slope} of that
 *       surface in its cell.
 * </ol>
 *
 * <p>Cost: O(n) to grid the points and O(cells · (window/cell)²) for the filter (18² / 2 passes
 * over the grid with the defaults); the passes run on all processors, row bands at a time, with the
 * same output on any number of them. Memory: about 60 bytes per grid cell plus 8 bytes per point.
 *
 * @since 1.0
 */
public final class Smrf {

  private Smrf() {}

  /**
   * The outcome of a classification.
   *
   * @param cloud the input cloud with new classes; every other dimension unchanged, same order
   * @param ground the number of points classed ground
   * @param other the number of points classed other (non-ground candidates and earlier returns)
   * @param ignored the number of points left with their class (the ignored classes)
   * @param rows the grid's rows
   * @param cols the grid's columns
   */
  public record Result(
      PointCloud cloud, long ground, long other, long ignored, int rows, int cols) {

    /**
     * Validates the result.
     *
     * @param cloud the classified cloud
     * @param ground the number of ground points
     * @param other the number of other points
     * @param ignored the number of points left alone
     * @param rows the grid's rows
     * @param cols the grid's columns
     */
    public Result {
      Objects.requireNonNull(cloud, "cloud");
    }
  }

  /**
   * Classifies ground with PDAL's default parameters.
   *
   * @param cloud the points
   * @return the classified cloud and counts
   */
  public static Result classify(PointCloud cloud) {
    return classify(cloud, SmrfOptions.defaults());
  }

  /**
   * Classifies ground but keeps what the cloud already knows: SMRF's ground points become 2, points
   * the input had as ground that SMRF rejects become 1, and every other point keeps its class
   * (buildings stay 6, vegetation 3–5), where {@link #classify} would make them all 1.
   *
   * @param cloud the classified points
   * @param options the parameters
   * @return the cloud with the new ground
   */
  public static PointCloud reclassifyGround(PointCloud cloud, SmrfOptions options) {
    byte[] before = cloud.classifications();
    byte[] smrf = classify(cloud, options).cloud().classifications();
    byte[] merged = new byte[before.length];
    for (int i = 0; i < merged.length; i++) {
      merged[i] = smrf[i] == 2 ? 2 : before[i] == 2 ? 1 : before[i];
    }
    return cloud.withClassifications(merged);
  }

  /**
   * Classifies ground.
   *
   * @param cloud the points, at most 2^31 - 9 of them
   * @param options the parameters
   * @return the classified cloud and counts
   * @throws IllegalStateException if the cloud is larger than an array can index
   */
  public static Result classify(PointCloud cloud, SmrfOptions options) {
    Objects.requireNonNull(options, "options");
    byte[] classes = cloud.classifications();
    int n = classes.length;
    boolean[] ignore = new boolean[256];
    for (int k : options.ignoreClasses()) {
      ignore[k & 0xFF] = true;
    }
    // candidates: coordinates copied into flat arrays, with their point index
    int[] index = new int[n];
    int m = 0;
    long ignored = 0;
    int at = 0;
    for (PointChunk c : cloud.chunks()) {
      for (int i = 0; i < c.size(); i++, at++) {
        if (ignore[c.classification(i)]) {
          ignored++;
          continue;
        }
        int rn = c.returnNumber(i);
        int nr = c.numberOfReturns(i);
        boolean candidate = !options.lastReturnsOnly() || rn == 0 || nr == 0 || rn >= nr;
        if (candidate) {
          index[m++] = at;
        } else {
          classes[at] = (byte) options.otherClass();
        }
      }
    }
    double[] xs = new double[m];
    double[] ys = new double[m];
    double[] zs = new double[m];
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < m; j++) {
      long i = index[j];
      PointChunk c = cloud.chunkOf(i);
      int k = (int) i & PointCloud.CHUNK_MASK;
      xs[j] = c.x(k);
      ys[j] = c.y(k);
      zs[j] = c.z(k);
      minX = Math.min(minX, xs[j]);
      minY = Math.min(minY, ys[j]);
      maxX = Math.max(maxX, xs[j]);
      maxY = Math.max(maxY, ys[j]);
    }
    if (m == 0) {
      return new Result(cloud.withClassifications(classes), 0, n - ignored, ignored, 0, 0);
    }
    double cell = options.cell();
    int cols = (int) ((maxX - minX) / cell) + 1;
    int rows = (int) ((maxY - minY) / cell) + 1;
    if ((long) rows * cols > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "a grid of " + rows + " x " + cols + " cells of " + cell + " is too large");
    }
    Grid g = new Grid(rows, cols);
    double[] zmin = g.nan();
    int[] cellOf = new int[m];
    for (int j = 0; j < m; j++) {
      int c = (int) ((xs[j] - minX) / cell);
      int r = (int) ((ys[j] - minY) / cell);
      int i = r * cols + c;
      cellOf[j] = i;
      if (!(zmin[i] <= zs[j])) {
        zmin[i] = zs[j];
      }
    }
    double[] filled = g.fill(zmin);
    // low outliers: pits deeper than 5 cells' worth of slope below the closing
    double[] negated = new double[filled.length];
    for (int i = 0; i < filled.length; i++) {
      negated[i] = -filled[i];
    }
    boolean[] low = g.progressive(negated, 5.0, 1, cell);
    int radius = (int) Math.ceil(options.window() / cell);
    boolean[] object = g.progressive(filled, options.slope(), radius, cell);
    double[] provisional = filled.clone();
    for (int i = 0; i < provisional.length; i++) {
      if (object[i] || low[i]) {
        provisional[i] = Double.NaN;
      }
    }
    double[] surface = g.fill(provisional);
    double[] slope = g.slope(surface, cell);
    long ground = 0;
    for (int j = 0; j < m; j++) {
      int i = cellOf[j];
      double s = surface[i];
      boolean isGround =
          !Double.isNaN(s)
              && Math.abs(s - zs[j]) <= options.threshold() + options.scalar() * slope[i];
      classes[index[j]] = (byte) (isGround ? options.groundClass() : options.otherClass());
      if (isGround) {
        ground++;
      }
    }
    return new Result(
        cloud.withClassifications(classes), ground, n - ignored - ground, ignored, rows, cols);
  }

  /** Row-major grid operations. */
  static final class Grid {
    final int rows;
    final int cols;

    Grid(int rows, int cols) {
      this.rows = rows;
      this.cols = cols;
    }

    double[] nan() {
      double[] a = new double[rows * cols];
      java.util.Arrays.fill(a, Double.NaN);
      return a;
    }

    /**
     * Fills every NaN cell with the unweighted mean of its 8 nearest non-NaN cells (by distance
     * between cell centres, ties to the lower cell index), looking only at cells non-NaN on input.
     * A search over the rings around the cell settles most cells; cells deep inside a large hole
     * (water, a missing strip) ask a k-d tree over the non-NaN cells instead, with the same answer.
     */
    double[] fill(double[] z) {
      double[] out = z.clone();
      int count = 0;
      for (double v : z) {
        if (!Double.isNaN(v)) {
          count++;
        }
      }
      final int valid = count;
      if (valid == 0 || valid == z.length) {
        return out;
      }
      double[] vx = new double[valid];
      double[] vy = new double[valid];
      double[] vz = new double[valid];
      double[] value = new double[valid];
      int[] cellIndex = new int[valid];
      int j = 0;
      for (int i = 0; i < z.length; i++) {
        if (!Double.isNaN(z[i])) {
          vx[j] = i % cols;
          vy[j] = i / cols;
          value[j] = z[i];
          cellIndex[j++] = i;
        }
      }
      KdTree[] tree = new KdTree[1];
      IntStream.range(0, rows)
          .parallel()
          .forEach(
              r -> {
                long[] best = new long[8];
                int[] bestCell = new int[8];
                double[] bestValue = new double[8];
                double[] d = new double[8];
                int[] ids = new int[8];
                for (int c = 0; c < cols; c++) {
                  int i = r * cols + c;
                  if (!Double.isNaN(z[i])) {
                    continue;
                  }
                  double v = ringMean(z, r, c, best, bestCell, bestValue);
                  if (Double.isNaN(v)) {
                    KdTree t = tree(tree, vx, vy, vz);
                    int found = t.nearest(c, r, 0, Math.min(8, valid), d, ids);
                    double sum = 0;
                    for (int k = 0; k < found; k++) {
                      sum += value[ids[k]];
                    }
                    v = sum / found;
                  }
                  out[i] = v;
                }
              });
      return out;
    }

    private static KdTree tree(KdTree[] holder, double[] x, double[] y, double[] z) {
      synchronized (holder) {
        if (holder[0] == null) {
          holder[0] = new KdTree(x, y, z);
        }
        return holder[0];
      }
    }

    private static final int RINGS = 4;

    /** The mean of the 8 nearest non-NaN cells if they lie within {@link #RINGS}, else NaN. */
    private double ringMean(
        double[] z, int r0, int c0, long[] best, int[] bestCell, double[] bestValue) {
      int found = 0;
      for (int ring = 1; ring <= RINGS + 1; ring++) {
        if (found == 8 && (long) ring * ring > best[7]) {
          double sum = 0;
          for (int k = 0; k < 8; k++) {
            sum += bestValue[k];
          }
          return sum / 8;
        }
        if (ring > RINGS) {
          break;
        }
        int rLo = r0 - ring;
        int rHi = r0 + ring;
        int cLo = c0 - ring;
        int cHi = c0 + ring;
        for (int r = Math.max(0, rLo); r <= Math.min(rows - 1, rHi); r++) {
          boolean edgeRow = r == rLo || r == rHi;
          int step = edgeRow ? 1 : cHi - cLo;
          for (int c = cLo; c <= cHi; c += step) {
            if (c < 0 || c >= cols) {
              continue;
            }
            int i = r * cols + c;
            double v = z[i];
            if (Double.isNaN(v)) {
              continue;
            }
            long d = (long) (r - r0) * (r - r0) + (long) (c - c0) * (c - c0);
            if (found == 8 && (d > best[7] || (d == best[7] && i > bestCell[7]))) {
              continue;
            }
            int k = found < 8 ? found++ : 7;
            while (k > 0 && (best[k - 1] > d || (best[k - 1] == d && bestCell[k - 1] > i))) {
              best[k] = best[k - 1];
              bestCell[k] = bestCell[k - 1];
              bestValue[k] = bestValue[k - 1];
              k--;
            }
            best[k] = d;
            bestCell[k] = i;
            bestValue[k] = v;
          }
        }
      }
      return Double.NaN;
    }

    /**
     * The progressive morphological filter: marks cells where the opening with a diamond of radius
     * k drops by more than {@code slope * cell * k} from that of radius k - 1.
     */
    boolean[] progressive(double[] z, double slope, int radius, double cell) {
      boolean[] object = new boolean[z.length];
      double[] previous = z;
      double[] eroded = z;
      double[] a = new double[z.length];
      double[] b = new double[z.length];
      for (int k = 1; k <= radius; k++) {
        eroded = cross(eroded, new double[z.length], true);
        double[] opened = eroded;
        for (int j = 0; j < k; j++) {
          double[] target = opened == a ? b : a;
          opened = cross(opened, target, false);
        }
        double t = slope * cell * k;
        for (int i = 0; i < z.length; i++) {
          if (Math.abs(previous[i] - opened[i]) > t) {
            object[i] = true;
          }
        }
        previous = opened.clone();
      }
      return object;
    }

    /** One pass of erosion (min) or dilation (max) with the 3 × 3 cross. */
    double[] cross(double[] in, double[] out, boolean min) {
      int bands = Math.max(1, Math.min(rows / 64, 4 * Runtime.getRuntime().availableProcessors()));
      IntStream.range(0, bands)
          .parallel()
          .forEach(
              band -> {
                int r0 = (int) ((long) rows * band / bands);
                int r1 = (int) ((long) rows * (band + 1) / bands);
                for (int r = r0; r < r1; r++) {
                  int base = r * cols;
                  for (int c = 0; c < cols; c++) {
                    int i = base + c;
                    double v = in[i];
                    if (c > 0) {
                      v = min ? Math.min(v, in[i - 1]) : Math.max(v, in[i - 1]);
                    }
                    if (c < cols - 1) {
                      v = min ? Math.min(v, in[i + 1]) : Math.max(v, in[i + 1]);
                    }
                    if (r > 0) {
                      v = min ? Math.min(v, in[i - cols]) : Math.max(v, in[i - cols]);
                    }
                    if (r < rows - 1) {
                      v = min ? Math.min(v, in[i + cols]) : Math.max(v, in[i + cols]);
                    }
                    out[i] = v;
                  }
                }
              });
      return out;
    }

    /** The slope (rise over run) by central differences, one-sided at the edges. */
    double[] slope(double[] z, double cell) {
      double[] s = new double[z.length];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          int i = r * cols + c;
          double gx = derivative(z, i, c, cols, 1);
          double gy = derivative(z, i, r, rows, cols);
          s[i] = Math.sqrt(gx * gx + gy * gy) / cell;
        }
      }
      return s;
    }

    private static double derivative(double[] z, int i, int pos, int n, int stride) {
      if (n < 2) {
        return 0;
      }
      if (pos == 0) {
        return z[i + stride] - z[i];
      }
      if (pos == n - 1) {
        return z[i] - z[i - stride];
      }
      return 0.5 * (z[i + stride] - z[i - stride]);
    }
  }
}
