// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.pointcloud.filter;

import org.twin4j.pointcloud.PointCloud;
import org.twin4j.pointcloud.PointSchema;

/** Builds small synthetic clouds for filter tests (format 0, millimetre quantization). */
final class SyntheticCloud {

  private final PointCloud.Builder builder = PointCloud.builder(PointSchema.of(0, 0.001, 0, 0, 0));

  SyntheticCloud add(double x, double y, double z, int classification) {
    builder.add(x, y, z, classification, 1, 1);
    return this;
  }

  PointCloud build() {
    return builder.build();
  }
}
