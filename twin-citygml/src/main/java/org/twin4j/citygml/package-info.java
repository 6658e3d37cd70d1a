// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
/**
 * CityGML 1.0, 2.0 and 3.0 and CityJSON 1.0, 1.1, 2.0 and CityJSONSeq into and out of the city
 * model: {@link org.twin4j.citygml.CityFiles} reads a whole file or streams it one top-level object
 * at a time, and writes CityGML 2.0, 3.0, CityJSON 2.0 and CityJSONSeq. Every conversion returns a
 * {@link org.twin4j.citygml.ConversionReport} of what was skipped, dropped or changed, counted per
 * kind; malformed input raises {@link org.twin4j.core.io.TwinFormatException} with the file and
 * position.
 *
 * <p>CityGML is read and written through citygml4j; CityJSON through Jackson's streaming parser
 * directly into the packed model. No citygml4j or Jackson type appears in this API.
 */
@NullMarked
package org.twin4j.citygml;

import org.jspecify.annotations.NullMarked;
