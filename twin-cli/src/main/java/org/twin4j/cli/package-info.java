// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
/**
 * The {@code twin} command line: one picocli subcommand per task. Errors go to standard error as
 * one line with a non-zero exit code; {@code --verbose} adds the stack trace.
 */
@NullMarked
package org.twin4j.cli;

import org.jspecify.annotations.NullMarked;
