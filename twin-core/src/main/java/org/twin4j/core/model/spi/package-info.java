// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
/**
 * The service interface through which {@link org.twin4j.core.model.CitySnapshot} reaches a spatial
 * index. The {@code twin-index} module provides the implementation, found with {@link
 * java.util.ServiceLoader}; core itself holds no index code.
 *
 * <p>Objects are known to the index by <em>slot</em>: a non-negative int the snapshot assigns to
 * each top-level object. An index is immutable and persistent: {@link
 * org.twin4j.core.model.spi.SpatialIndex#withChanges} returns a new index that shares structure
 * with the old one.
 */
@NullMarked
package org.twin4j.core.model.spi;

import org.jspecify.annotations.NullMarked;
