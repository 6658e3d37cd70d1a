// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

import java.util.Arrays;
import java.util.Objects;

/**
 * A set of polylines. Line {@code i} runs through vertices {@code lineStart(i)} to {@code
 * lineEnd(i) - 1}. Memory: 24 bytes per vertex, 4 per line, plus about 60 bytes.
 *
 * @since 1.0
 */
public final class MultiLineString extends Geometry {

  private final int[] lineOffsets;

  private MultiLineString(Lod lod, double[] xyz, int[] lineOffsets) {
    super(lod, xyz);
    this.lineOffsets = lineOffsets;
  }

  /**
   * Creates a multi-line string from one coordinate array per line.
   *
   * @param lod the level of detail
   * @param lines each line's interleaved coordinates, at least two vertices each; copied
   * @return the geometry
   * @throws InvalidGeometryException if there is no line, a line has fewer than two vertices or a
   *     coordinate is not finite
   */
  public static MultiLineString of(Lod lod, double[]... lines) {
    Objects.requireNonNull(lines, "lines");
    if (lines.length == 0) {
      throw new InvalidGeometryException("a multi-line string needs at least one line");
    }
    int[] offsets = new int[lines.length + 1];
    int n = 0;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].length % 3 != 0 || lines[i].length < 6) {
        throw new InvalidGeometryException(
            "line "
                + i
                + " needs at least 2 vertices of 3 coordinates, got "
                + lines[i].length
                + " values",
            i);
      }
      n += lines[i].length / 3;
      offsets[i + 1] = n;
    }
    double[] xyz = new double[3 * n];
    for (int i = 0; i < lines.length; i++) {
      System.arraycopy(lines[i], 0, xyz, 3 * offsets[i], lines[i].length);
    }
    return new MultiLineString(lod, checked(xyz, "multi-line string"), offsets);
  }

  /**
   * Returns the number of lines.
   *
   * @return the line count
   */
  public int lineCount() {
    return lineOffsets.length - 1;
  }

  /**
   * Returns the first vertex of a line.
   *
   * @param line the line index
   * @return the index of its first vertex
   */
  public int lineStart(int line) {
    return lineOffsets[line];
  }

  /**
   * Returns the end of a line's vertex range.
   *
   * @param line the line index
   * @return one past the index of its last vertex
   */
  public int lineEnd(int line) {
    return lineOffsets[line + 1];
  }

  @Override
  public GeometryType type() {
    return GeometryType.MULTI_LINE_STRING;
  }

  @Override
  public MultiLineString withLod(Lod lod) {
    return new MultiLineString(lod, xyz, lineOffsets);
  }

  @Override
  boolean sameStructure(Geometry other) {
    return Arrays.equals(lineOffsets, ((MultiLineString) other).lineOffsets);
  }

  @Override
  int structureHash() {
    return Arrays.hashCode(lineOffsets);
  }
}
