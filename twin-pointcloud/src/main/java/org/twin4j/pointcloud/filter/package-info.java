// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
/**
 * Point cloud filters: {@link org.twin4j.pointcloud.filter.Smrf} ground classification (Pingel et
 * al. 2013, as PDAL's {@code filters.smrf}), {@link org.twin4j.pointcloud.filter.OutlierFilter}
 * (statistical outliers from the mean distance to the k nearest neighbours, as PDAL's {@code
 * filters.outlier}), {@link org.twin4j.pointcloud.filter.VoxelFilter} (one point per voxel) and
 * {@link org.twin4j.pointcloud.filter.ClassificationScore}, which scores a classification against a
 * reference point by point.
 *
 * <p>Every filter is deterministic: the same input gives the same output on any number of threads,
 * and points keep their input order.
 */
@NullMarked
package org.twin4j.pointcloud.filter;

import org.jspecify.annotations.NullMarked;
