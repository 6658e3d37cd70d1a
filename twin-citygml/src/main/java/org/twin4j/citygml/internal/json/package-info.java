// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
/**
 * The CityJSON codec: a Jackson streaming reader and writer of CityJSON 1.0, 1.1, 2.0 and
 * CityJSONSeq, straight into and out of the packed model. Not API.
 *
 * <p>Why not citygml4j's CityJSON module: in 3.2.1 (the newest served here) its writer merges
 * distinct vertices whose coordinate strings concatenate to the same key (fixed upstream in 3.4.1),
 * its reader maps refined LODs such as "2.2" to whole levels and guesses attribute types from
 * string content, and going through its CityGML object model costs a full object tree per feature.
 */
@NullMarked
package org.twin4j.citygml.internal.json;

import org.jspecify.annotations.NullMarked;
