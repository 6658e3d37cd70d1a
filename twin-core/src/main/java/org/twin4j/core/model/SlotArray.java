// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.model;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A persistent array of top-level city objects, indexed by slot, in chunks of 1024 references: an
 * update copies one chunk (4 KiB) and the chunk table, and shares every other chunk with the
 * previous version. Removed slots hold null until the owning snapshot compacts.
 */
final class SlotArray {

  private static final int SHIFT = 10;
  private static final int CHUNK = 1 << SHIFT;
  private static final int MASK = CHUNK - 1;

  static final SlotArray EMPTY = new SlotArray(new CityObject[0][], 0);

  private final @Nullable CityObject[][] chunks;
  private final int length;

  private SlotArray(@Nullable CityObject[][] chunks, int length) {
    this.chunks = chunks;
    this.length = length;
  }

  /** Number of slots in use, live or removed. */
  int length() {
    return length;
  }

  @Nullable CityObject get(int slot) {
    return chunks[slot >>> SHIFT][slot & MASK];
  }

  Editor edit() {
    return new Editor(this);
  }

  /** A batch of changes; each chunk is copied at most once. Single use. */
  static final class Editor {
    private @Nullable CityObject[][] chunks;
    private int length;
    private boolean[] owned;

    private Editor(SlotArray base) {
      chunks = base.chunks.clone();
      length = base.length;
      owned = new boolean[chunks.length];
    }

    int length() {
      return length;
    }

    @Nullable CityObject get(int slot) {
      return chunks[slot >>> SHIFT][slot & MASK];
    }

    void set(int slot, @Nullable CityObject value) {
      int c = slot >>> SHIFT;
      if (!owned[c]) {
        chunks[c] = chunks[c].clone();
        owned[c] = true;
      }
      chunks[c][slot & MASK] = value;
    }

    /** Appends an object and returns its slot. */
    int append(CityObject value) {
      int c = length >>> SHIFT;
      if (c == chunks.length) {
        chunks = Arrays.copyOf(chunks, c + 1);
        chunks[c] = new CityObject[CHUNK];
        owned = Arrays.copyOf(owned, c + 1);
        owned[c] = true;
      }
      int slot = length++;
      set(slot, value);
      return slot;
    }

    SlotArray done() {
      return new SlotArray(chunks, length);
    }
  }
}
