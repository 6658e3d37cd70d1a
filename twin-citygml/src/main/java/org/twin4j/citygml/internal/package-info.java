// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
/**
 * Shared helpers of the CityGML and CityJSON codecs. Not API: nothing here is exported, and types
 * may change without notice.
 */
@NullMarked
package org.twin4j.citygml.internal;

import org.jspecify.annotations.NullMarked;
