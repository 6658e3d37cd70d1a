// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
/**
 * Airborne LiDAR point clouds: {@link org.twin4j.pointcloud.LasFiles} reads LAS 1.0–1.4 (point
 * formats 0–10) and LAZ into a columnar, chunked {@link org.twin4j.pointcloud.PointCloud}, streams
 * a file chunk by chunk, and writes LAS 1.2 and 1.4 and LAZ (its own LASzip codec, byte for byte
 * what LASzip writes); {@link org.twin4j.pointcloud.ArrowPoints} exposes a cloud as Apache Arrow
 * and reads and writes Arrow IPC files.
 *
 * <p>Coordinates are kept as the file stores them, quantized {@code int}s with a scale and offset
 * per axis, and handed out as {@code double}s in the units of the CRS; every other dimension is
 * kept in the narrowest primitive that holds it. Recoverable problems in a file (header figures
 * that disagree with the points, an unreadable CRS record, waveform packets) go to the {@link
 * org.twin4j.core.io.WarningListener} of the {@link org.twin4j.pointcloud.LasReadOptions}; broken
 * files raise {@link org.twin4j.core.io.TwinFormatException} naming the file and the byte offset.
 * No laszip4j or Arrow type appears in this API except in {@link
 * org.twin4j.pointcloud.ArrowPoints}, whose purpose is Arrow.
 */
@NullMarked
package org.twin4j.pointcloud;

import org.jspecify.annotations.NullMarked;
