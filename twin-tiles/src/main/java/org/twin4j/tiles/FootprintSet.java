// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.tiles;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.crs.CrsIdentifier;
import org.twin4j.mesh.building.Footprint;

/**
 * The footprints read from one file, with its CRS and what the reader repaired or skipped.
 *
 * <p>Every footprint has a unique id, a valid polygon (simple rings, exterior counter-clockwise and
 * holes clockwise seen from above, no repeated vertices) and the attributes its feature had. The
 * set is immutable and safe to share between threads. {@link #find(String)} is a hash look-up.
 *
 * @since 1.0
 */
public final class FootprintSet {

  private final List<Footprint> footprints;
  private final @Nullable CrsIdentifier crs;
  private final List<FootprintIssue> issues;
  private final int read;
  private final int skipped;
  private final Map<String, Footprint> byId;

  FootprintSet(
      List<Footprint> footprints,
      @Nullable CrsIdentifier crs,
      List<FootprintIssue> issues,
      int read,
      int skipped) {
    this.footprints = List.copyOf(footprints);
    this.crs = crs;
    this.issues = List.copyOf(issues);
    this.read = read;
    this.skipped = skipped;
    this.byId = new HashMap<>(this.footprints.size() * 2);
    for (Footprint f : this.footprints) {
      byId.put(f.id(), f);
    }
  }

  /**
   * Returns the footprints in file order (the parts of a split feature one after the other).
   *
   * @return an unmodifiable list
   */
  public List<Footprint> footprints() {
    return footprints;
  }

  /**
   * Returns the footprint with an id.
   *
   * @param id the id, with its {@code #k} suffix if the reader added one
   * @return the footprint, or empty if there is none with that id
   */
  public Optional<Footprint> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * Returns the CRS of the coordinates. A GeoJSON file without a {@code crs} member is in WGS 84
   * longitude/latitude (RFC 7946), given as {@link FootprintFiles#CRS84}.
   *
   * @return the CRS, or empty if the file names none that could be recognised
   */
  public Optional<CrsIdentifier> crs() {
    return Optional.ofNullable(crs);
  }

  /**
   * Returns what the reader repaired or skipped, in file order.
   *
   * @return an unmodifiable list
   */
  public List<FootprintIssue> issues() {
    return issues;
  }

  /**
   * Counts the issues of one kind.
   *
   * @param kind the kind
   * @return the number of issues of that kind
   */
  public int issueCount(FootprintIssue.Kind kind) {
    int n = 0;
    for (FootprintIssue i : issues) {
      if (i.kind() == kind) {
        n++;
      }
    }
    return n;
  }

  /**
   * Returns the number of features read from the file, skipped ones included.
   *
   * @return the feature count
   */
  public int read() {
    return read;
  }

  /**
   * Returns the number of features that gave no footprint (no or unusable geometry, a non-finite
   * coordinate, nothing left after repair).
   *
   * @return the skipped feature count
   */
  public int skipped() {
    return skipped;
  }

  @Override
  public String toString() {
    return "FootprintSet["
        + footprints.size()
        + " footprints from "
        + read
        + " features, "
        + skipped
        + " skipped, "
        + issues.size()
        + " issues, crs "
        + crs
        + "]";
  }
}
