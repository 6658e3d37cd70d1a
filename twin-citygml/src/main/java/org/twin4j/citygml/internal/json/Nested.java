// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.twin4j.citygml.internal.IntList;

/**
 * A JSON array of arrays of ... of integers (CityJSON boundaries, semantic values, texture values),
 * stored flat: for each nesting level the end offset of every array into the next level, and the
 * integers of the innermost arrays in one list, {@code null} as -1. Parsed from a streaming parser
 * without building a tree.
 */
final class Nested {

  /** Value stored for a JSON null. */
  static final int NULL = -1;

  private final List<IntList> ends = new ArrayList<>();
  private final List<Boolean> scalarLevel = new ArrayList<>();
  private final IntList values = new IntList();
  private boolean sawNonInteger;

  /** Parses the array at the parser's current START_ARRAY token, consuming it. */
  static Nested parse(JsonParser p) throws IOException {
    Nested n = new Nested();
    n.parseArray(p, 0);
    return n;
  }

  /** A single integer (a semantic or material value given for the whole geometry). */
  static Nested scalar(int v) {
    Nested n = new Nested();
    n.level(0);
    n.values.add(v);
    n.scalarLevel.set(0, true);
    n.ends.get(0).add(1);
    return n;
  }

  private IntList level(int l) {
    while (ends.size() <= l) {
      ends.add(new IntList());
      scalarLevel.add(Boolean.FALSE);
    }
    return ends.get(l);
  }

  private void parseArray(JsonParser p, int l) throws IOException {
    IntList mine = level(l);
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new IOException("unexpected end of input inside an array");
      }
      if (t == JsonToken.START_ARRAY) {
        parseArray(p, l + 1);
      } else if (t == JsonToken.VALUE_NUMBER_INT) {
        scalarLevel.set(l, Boolean.TRUE);
        values.add(p.getIntValue());
      } else if (t == JsonToken.VALUE_NULL) {
        scalarLevel.set(l, Boolean.TRUE);
        values.add(NULL);
      } else {
        sawNonInteger = true;
        p.skipChildren();
      }
    }
    mine.add(Boolean.TRUE.equals(scalarLevel.get(l)) ? values.size() : level(l + 1).size());
  }

  /** The nesting depth: 1 for [1,2,3], 2 for [[1],[2,3]], and so on. */
  int depth() {
    int d = 0;
    while (d < ends.size() && !Boolean.TRUE.equals(scalarLevel.get(d))) {
      d++;
    }
    return d + 1;
  }

  /** Whether some element was neither an integer, null nor array. */
  boolean sawNonInteger() {
    return sawNonInteger;
  }

  /** Number of arrays at a level (level 0 is the outermost: 1). */
  int count(int level) {
    return level < ends.size() ? ends.get(level).size() : 0;
  }

  /** First child (array of the next level, or value) of array i of a level. */
  int start(int level, int i) {
    return i == 0 ? 0 : ends.get(level).get(i - 1);
  }

  /** End (exclusive) of the children of array i of a level. */
  int end(int level, int i) {
    return ends.get(level).get(i);
  }

  /** An integer of the innermost level. */
  int value(int i) {
    return values.get(i);
  }

  /** The number of integers. */
  int valueCount() {
    return values.size();
  }
}
