// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
/**
 * The spatial index behind {@link org.twin4j.core.model.CityModel}: an implementation of {@link
 * org.twin4j.core.model.spi.SpatialIndex} on {@link org.twin4j.index.rtree.LayeredRTree3D},
 * registered for {@link java.util.ServiceLoader}. Having {@code twin-index} on the class path is
 * all a city model needs to answer spatial queries.
 */
@NullMarked
package org.twin4j.index.model;

import org.jspecify.annotations.NullMarked;
