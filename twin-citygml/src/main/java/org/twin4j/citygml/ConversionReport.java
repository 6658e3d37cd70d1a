// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.twin4j.core.io.ReadWarning;
import org.twin4j.core.io.SourceLocation;
import org.twin4j.core.io.WarningListener;

/**
 * What a read or write could not carry over as it was: skipped objects, dropped content (ADE
 * properties, 3.0-only types written as 2.0, refined LODs), changed values (rounded coordinates),
 * counted per kind, with the first few messages of each kind. Immutable.
 *
 * @since 1.0
 */
public final class ConversionReport {

  private static final int SAMPLES_PER_KIND = 5;

  private final Map<String, Long> counts;
  private final List<ReadWarning> samples;

  private ConversionReport(Map<String, Long> counts, List<ReadWarning> samples) {
    this.counts = Collections.unmodifiableMap(new TreeMap<>(counts));
    this.samples = List.copyOf(samples);
  }

  /**
   * Returns the counts per kind, sorted by kind.
   *
   * @return an unmodifiable map from kind to count
   */
  public Map<String, Long> counts() {
    return counts;
  }

  /**
   * Returns the count of one kind.
   *
   * @param kind the kind
   * @return how many times it happened, 0 if never
   */
  public long count(String kind) {
    return counts.getOrDefault(kind, 0L);
  }

  /**
   * Returns up to five messages of each kind, in the order they happened.
   *
   * @return the sample warnings
   */
  public List<ReadWarning> samples() {
    return samples;
  }

  /**
   * Tells whether nothing was reported.
   *
   * @return true if the conversion was lossless as far as this module can tell
   */
  public boolean isEmpty() {
    return counts.isEmpty();
  }

  /**
   * Returns the report as lines "kind: count".
   *
   * @return the report, or "nothing to report"
   */
  @Override
  public String toString() {
    if (counts.isEmpty()) {
      return "nothing to report";
    }
    StringBuilder sb = new StringBuilder();
    counts.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
    return sb.toString().stripTrailing();
  }

  /**
   * Returns the report of two conversions together: counts added, samples kept up to five per kind.
   *
   * @param a one report
   * @param b another
   * @return the combined report
   */
  public static ConversionReport combine(ConversionReport a, ConversionReport b) {
    if (b.isEmpty()) {
      return a;
    }
    if (a.isEmpty()) {
      return b;
    }
    Map<String, Long> counts = new TreeMap<>(a.counts);
    b.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
    List<ReadWarning> samples = new ArrayList<>(a.samples);
    for (ReadWarning w : b.samples) {
      if (samples.stream().filter(x -> x.kind().equals(w.kind())).count() < SAMPLES_PER_KIND) {
        samples.add(w);
      }
    }
    return new ConversionReport(counts, samples);
  }

  /** Collects a report and forwards every warning to a listener. Thread-safe. */
  public static final class Builder {
    private final Map<String, Long> counts = new TreeMap<>();
    private final List<ReadWarning> samples = new ArrayList<>();
    private final WarningListener listener;

    /**
     * Creates a builder.
     *
     * @param listener receives each warning as it happens
     */
    public Builder(WarningListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Records one occurrence.
     *
     * @param kind a short stable key
     * @param message what happened, with the offending value
     * @param location where
     */
    public synchronized void add(String kind, String message, SourceLocation location) {
      long n = counts.merge(kind, 1L, Long::sum);
      ReadWarning w = new ReadWarning(kind, message, location);
      if (n <= SAMPLES_PER_KIND) {
        samples.add(w);
      }
      listener.warning(w);
    }

    /**
     * Records several occurrences of a kind at once, with one message.
     *
     * @param kind a short stable key
     * @param count how many
     * @param message what happened
     * @param location where
     */
    public synchronized void addMany(
        String kind, long count, String message, SourceLocation location) {
      if (count <= 0) {
        return;
      }
      long n = counts.merge(kind, count, Long::sum);
      ReadWarning w = new ReadWarning(kind, message, location);
      if (n - count < SAMPLES_PER_KIND) {
        samples.add(w);
      }
      listener.warning(w);
    }

    /**
     * Returns the report so far.
     *
     * @return an immutable report
     */
    public synchronized ConversionReport build() {
      return new ConversionReport(counts, samples);
    }
  }
}
