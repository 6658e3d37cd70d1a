// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
/**
 * The CityGML codec: reading CityGML 1.0, 2.0 and 3.0 and writing 2.0 and 3.0 through citygml4j,
 * converting between its object model and twin4j's. Not API.
 */
@NullMarked
package org.twin4j.citygml.internal.gml;

import org.jspecify.annotations.NullMarked;
