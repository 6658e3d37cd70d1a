// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
/**
 * The in-memory city model: {@link org.twin4j.core.model.CityObject}s with typed attributes,
 * geometries per level of detail and child objects, held by a {@link
 * org.twin4j.core.model.CityModel} that looks them up by id, iterates them by type and answers
 * spatial queries (window, k nearest, first hit along a ray, within a distance) through a spatial
 * index.
 *
 * <p>Concurrency follows the snapshot model: every state of a model is an immutable, persistent
 * {@link org.twin4j.core.model.CitySnapshot}; an edit makes a new snapshot that shares all
 * unchanged structure with the old one (cost proportional to the change, not to the model). Readers
 * never block and always see one consistent state; one writer at a time publishes new states.
 */
@NullMarked
package org.twin4j.core.model;

import org.jspecify.annotations.NullMarked;
