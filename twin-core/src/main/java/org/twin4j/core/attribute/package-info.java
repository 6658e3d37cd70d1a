// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
/**
 * Typed attribute values as CityGML generic attributes and CityJSON attributes carry them: strings,
 * integers, doubles, booleans, dates, URIs, measures with a unit, codes with a code space, and the
 * nested lists and maps CityJSON allows.
 *
 * <p>{@link org.twin4j.core.attribute.Attributes} is an immutable, insertion-ordered map from names
 * to {@link org.twin4j.core.attribute.AttributeValue}s, stored as two parallel arrays (about 8
 * bytes per entry plus the values), because a city model holds hundreds of thousands of small maps.
 */
@NullMarked
package org.twin4j.core.attribute;

import org.jspecify.annotations.NullMarked;
