// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.tiles;

import java.util.Objects;
import org.twin4j.core.io.ReadWarning;
import org.twin4j.core.io.SourceLocation;

/**
 * One problem found in one footprint while reading, and what the reader did about it.
 *
 * @param id the footprint's id as the file gives it (before any {@code #k} suffix the reader adds)
 * @param kind what kind of problem
 * @param message what was found, with the offending ring, vertex or value
 * @param action what the reader did: "reversed", "removed", "footprint skipped", ...
 * @param location where in the file the feature is
 * @since 1.0
 */
public record FootprintIssue(
    String id, FootprintIssue.Kind kind, String message, String action, SourceLocation location) {

  /**
   * Checks the components are not null.
   *
   * @param id the footprint's id as the file gives it
   * @param kind what kind of problem
   * @param message what was found
   * @param action what the reader did
   * @param location where in the file the feature is
   */
  public FootprintIssue {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(location, "location");
  }

  /**
   * Returns this issue as the warning a {@link org.twin4j.core.io.WarningListener} receives: kind
   * {@link Kind#key()}, message and action joined by {@code "; "}.
   *
   * @return the warning
   */
  public ReadWarning toWarning() {
    return new ReadWarning(kind.key(), message + "; " + action, location);
  }

  @Override
  public String toString() {
    return location + ": [" + kind.key() + "] " + message + "; " + action;
  }

  /**
   * The kinds of problem a footprint reader repairs or reports.
   *
   * @since 1.0
   */
  public enum Kind {
    /** Consecutive repeated vertices (or a repeated closing vertex); removed. */
    DUPLICATE_VERTEX("duplicate-vertex"),
    /** A ring whose last position differs from its first; closed. */
    UNCLOSED_RING("unclosed-ring"),
    /**
     * An exterior ring running clockwise or a hole counter-clockwise, seen from above; reversed.
     */
    ORIENTATION("orientation"),
    /** A ring that crosses or touches itself or another ring; repaired with JTS GeometryFixer. */
    SELF_INTERSECTION("self-intersection"),
    /**
     * Another topology error JTS reports (a hole outside the exterior, nested holes, a disconnected
     * interior); repaired with JTS GeometryFixer.
     */
    INVALID_TOPOLOGY("invalid-topology"),
    /** A ring with fewer than 3 distinct vertices or no area; the ring (or part) dropped. */
    DEGENERATE("degenerate"),
    /** A NaN or infinite coordinate; the footprint skipped. */
    NOT_FINITE("not-finite"),
    /** An id already used by an earlier footprint; the later one gets a {@code #k} suffix. */
    DUPLICATE_ID("duplicate-id"),
    /** A MultiPolygon of several parts; one footprint per part, ids {@code id, id#2, ...}. */
    MULTIPART("multipart"),
    /** A feature without id attribute or feature id; its 1-based position used as its id. */
    MISSING_ID("missing-id"),
    /** A feature whose geometry is null or empty; skipped. */
    NO_GEOMETRY("no-geometry"),
    /** A feature whose geometry is neither a Polygon nor a MultiPolygon; skipped. */
    UNSUPPORTED_GEOMETRY("unsupported-geometry");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    /**
     * Returns the short stable key used as the {@link ReadWarning#kind()}.
     *
     * @return for example {@code "duplicate-vertex"}
     */
    public String key() {
      return key;
    }
  }
}
