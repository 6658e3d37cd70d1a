// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
/**
 * Appearances: materials and textures shared by a model ({@link
 * org.twin4j.core.appearance.Appearances}), and how the surfaces of one geometry use them per theme
 * ({@link org.twin4j.core.appearance.GeometryAppearance}), in the shape of CityJSON's {@code
 * appearance} member, onto which CityGML's X3DMaterial and ParameterizedTexture map.
 */
@NullMarked
package org.twin4j.core.appearance;

import org.jspecify.annotations.NullMarked;
