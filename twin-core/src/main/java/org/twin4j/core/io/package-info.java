// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
/**
 * The plain types every reader and writer shares: {@link org.twin4j.core.io.SourceLocation} (where
 * in a file), {@link org.twin4j.core.io.TwinFormatException} (malformed input, with its location)
 * and {@link org.twin4j.core.io.ReadWarning} with its listener (recoverable problems, reported and
 * counted, never dropped silently).
 */
@NullMarked
package org.twin4j.core.io;

import org.jspecify.annotations.NullMarked;
