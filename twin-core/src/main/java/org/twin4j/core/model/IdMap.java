// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.model;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A persistent map from object ids to slots: a compressed hash-array mapped prefix tree (CHAMP;
 * Steindorfer and Vinju, OOPSLA 2015). An update copies the O(log32 n) nodes on one path and shares
 * the rest, so snapshots that differ by one edit share almost all of their id index. A {@link
 * Editor} mutates nodes it created itself in place, for bulk loading.
 *
 * <p>Memory: about 12 to 16 bytes per entry (the key reference and an int in node arrays, plus node
 * headers), the keys themselves being shared with the city objects.
 */
final class IdMap {

  private static final int BITS = 5;
  private static final int MASK = 31;

  /** Past this shift the 32 hash bits are used up: colliding keys go to a collision node. */
  private static final int MAX_SHIFT = 30;

  private static final Node EMPTY_NODE =
      new Node(0, 0, new String[0], new int[0], new Node[0], false, null);

  static final IdMap EMPTY = new IdMap(EMPTY_NODE, 0);

  private final Node root;
  private final int size;

  private IdMap(Node root, int size) {
    this.root = root;
    this.size = size;
  }

  int size() {
    return size;
  }

  /** Returns the slot of an id, or -1. */
  int get(String key) {
    return root.get(key, hash(key), 0);
  }

  IdMap put(String key, int value) {
    Editor e = new Editor(this);
    e.put(key, value);
    return e.done();
  }

  IdMap remove(String key) {
    Editor e = new Editor(this);
    e.remove(key);
    return e.done();
  }

  Editor edit() {
    return new Editor(this);
  }

  private static int hash(String key) {
    int h = key.hashCode() * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** Mutable view for a batch of updates; nodes it creates are changed in place. Single use. */
  static final class Editor {
    private final Object owner = new Object();
    private Node root;
    private int size;
    private boolean done;

    private Editor(IdMap base) {
      this.root = base.root;
      this.size = base.size;
    }

    /** Maps a key to a value, replacing any previous value. */
    void put(String key, int value) {
      check();
      int[] added = new int[1];
      root = root.put(key, hash(key), value, 0, owner, added);
      size += added[0];
    }

    /** Removes a key; no effect if absent. */
    void remove(String key) {
      check();
      int[] removed = new int[1];
      root = root.remove(key, hash(key), 0, owner, removed);
      size -= removed[0];
    }

    int get(String key) {
      return root.get(key, hash(key), 0);
    }

    IdMap done() {
      check();
      done = true;
      return new IdMap(root, size);
    }

    private void check() {
      if (done) {
        throw new IllegalStateException("this id map editor was already completed");
      }
    }
  }

  private static final class Node {
    private int dataMap;
    private int nodeMap;
    private String[] keys;
    private int[] values;
    private Node[] nodes;
    private final boolean collision;
    private final @Nullable Object owner;

    Node(
        int dataMap,
        int nodeMap,
        String[] keys,
        int[] values,
        Node[] nodes,
        boolean collision,
        @Nullable Object owner) {
      this.dataMap = dataMap;
      this.nodeMap = nodeMap;
      this.keys = keys;
      this.values = values;
      this.nodes = nodes;
      this.collision = collision;
      this.owner = owner;
    }

    boolean isEmpty() {
      return keys.length == 0 && nodes.length == 0;
    }

    int get(String key, int hash, int shift) {
      if (collision) {
        for (int i = 0; i < keys.length; i++) {
          if (keys[i].equals(key)) {
            return values[i];
          }
        }
        return -1;
      }
      int bit = 1 << ((hash >>> shift) & MASK);
      if ((dataMap & bit) != 0) {
        int i = Integer.bitCount(dataMap & (bit - 1));
        return keys[i].equals(key) ? values[i] : -1;
      }
      if ((nodeMap & bit) != 0) {
        return nodes[Integer.bitCount(nodeMap & (bit - 1))].get(key, hash, shift + BITS);
      }
      return -1;
    }

    /**
     * Returns this node if the editor created it (its arrays are then private to the editor and may
     * be changed in place), else a copy with copied arrays that the editor owns.
     */
    private Node editable(Object editor) {
      return owner == editor
          ? this
          : new Node(
              dataMap, nodeMap, keys.clone(), values.clone(), nodes.clone(), collision, editor);
    }

    Node put(String key, int hash, int value, int shift, Object editor, int[] added) {
      if (collision) {
        for (int i = 0; i < keys.length; i++) {
          if (keys[i].equals(key)) {
            if (values[i] == value) {
              return this;
            }
            Node n = editable(editor);
            n.values[i] = value;
            return n;
          }
        }
        int len = keys.length;
        Node n = editable(editor);
        n.keys = Arrays.copyOf(n.keys, len + 1);
        n.values = Arrays.copyOf(n.values, len + 1);
        n.keys[len] = key;
        n.values[len] = value;
        added[0] = 1;
        return n;
      }
      int bit = 1 << ((hash >>> shift) & MASK);
      if ((dataMap & bit) != 0) {
        int i = Integer.bitCount(dataMap & (bit - 1));
        if (keys[i].equals(key)) {
          if (values[i] == value) {
            return this;
          }
          Node n = editable(editor);
          n.values[i] = value;
          return n;
        }
        // two keys share this prefix: push both one level down
        Node sub = merge(keys[i], hash(keys[i]), values[i], key, hash, value, shift + BITS, editor);
        added[0] = 1;
        int j = Integer.bitCount(nodeMap & (bit - 1));
        Node n = editable(editor);
        n.dataMap ^= bit;
        n.nodeMap |= bit;
        n.keys = removeAt(n.keys, i);
        n.values = removeAt(n.values, i);
        n.nodes = insertAt(n.nodes, j, sub);
        return n;
      }
      if ((nodeMap & bit) != 0) {
        int j = Integer.bitCount(nodeMap & (bit - 1));
        Node child = nodes[j];
        Node changed = child.put(key, hash, value, shift + BITS, editor, added);
        if (changed == child) {
          return this;
        }
        Node n = editable(editor);
        n.nodes[j] = changed;
        return n;
      }
      int i = Integer.bitCount(dataMap & (bit - 1));
      added[0] = 1;
      Node n = editable(editor);
      n.dataMap |= bit;
      n.keys = insertAt(n.keys, i, key);
      n.values = insertAt(n.values, i, value);
      return n;
    }

    Node remove(String key, int hash, int shift, Object editor, int[] removed) {
      if (collision) {
        for (int i = 0; i < keys.length; i++) {
          if (keys[i].equals(key)) {
            removed[0] = 1;
            Node n = editable(editor);
            n.keys = removeAt(n.keys, i);
            n.values = removeAt(n.values, i);
            return n;
          }
        }
        return this;
      }
      int bit = 1 << ((hash >>> shift) & MASK);
      if ((dataMap & bit) != 0) {
        int i = Integer.bitCount(dataMap & (bit - 1));
        if (!keys[i].equals(key)) {
          return this;
        }
        removed[0] = 1;
        Node n = editable(editor);
        n.dataMap ^= bit;
        n.keys = removeAt(n.keys, i);
        n.values = removeAt(n.values, i);
        return n;
      }
      if ((nodeMap & bit) != 0) {
        int j = Integer.bitCount(nodeMap & (bit - 1));
        Node child = nodes[j];
        Node changed = child.remove(key, hash, shift + BITS, editor, removed);
        if (changed == child) {
          return this;
        }
        int i = Integer.bitCount(dataMap & (bit - 1));
        Node n = editable(editor);
        if (changed.isEmpty()) {
          n.nodeMap ^= bit;
          n.nodes = removeAt(n.nodes, j);
        } else if (!changed.collision && changed.nodes.length == 0 && changed.keys.length == 1) {
          // a child left with one entry moves back up, keeping the trie canonical
          n.nodeMap ^= bit;
          n.nodes = removeAt(n.nodes, j);
          n.dataMap |= bit;
          n.keys = insertAt(n.keys, i, changed.keys[0]);
          n.values = insertAt(n.values, i, changed.values[0]);
        } else {
          n.nodes[j] = changed;
        }
        return n;
      }
      return this;
    }

    private static Node merge(
        String k1, int h1, int v1, String k2, int h2, int v2, int shift, Object editor) {
      if (shift > MAX_SHIFT) {
        return new Node(0, 0, new String[] {k1, k2}, new int[] {v1, v2}, new Node[0], true, editor);
      }
      int b1 = (h1 >>> shift) & MASK;
      int b2 = (h2 >>> shift) & MASK;
      if (b1 != b2) {
        boolean firstLow = b1 < b2;
        return new Node(
            (1 << b1) | (1 << b2),
            0,
            firstLow ? new String[] {k1, k2} : new String[] {k2, k1},
            firstLow ? new int[] {v1, v2} : new int[] {v2, v1},
            new Node[0],
            false,
            editor);
      }
      Node sub = merge(k1, h1, v1, k2, h2, v2, shift + BITS, editor);
      return new Node(0, 1 << b1, new String[0], new int[0], new Node[] {sub}, false, editor);
    }

    private static String[] insertAt(String[] a, int i, String v) {
      String[] c = new String[a.length + 1];
      System.arraycopy(a, 0, c, 0, i);
      c[i] = v;
      System.arraycopy(a, i, c, i + 1, a.length - i);
      return c;
    }

    private static int[] insertAt(int[] a, int i, int v) {
      int[] c = new int[a.length + 1];
      System.arraycopy(a, 0, c, 0, i);
      c[i] = v;
      System.arraycopy(a, i, c, i + 1, a.length - i);
      return c;
    }

    private static Node[] insertAt(Node[] a, int i, Node v) {
      Node[] c = new Node[a.length + 1];
      System.arraycopy(a, 0, c, 0, i);
      c[i] = v;
      System.arraycopy(a, i, c, i + 1, a.length - i);
      return c;
    }

    private static String[] removeAt(String[] a, int i) {
      String[] c = new String[a.length - 1];
      System.arraycopy(a, 0, c, 0, i);
      System.arraycopy(a, i + 1, c, i, a.length - i - 1);
      return c;
    }

    private static int[] removeAt(int[] a, int i) {
      int[] c = new int[a.length - 1];
      System.arraycopy(a, 0, c, 0, i);
      System.arraycopy(a, i + 1, c, i, a.length - i - 1);
      return c;
    }

    private static Node[] removeAt(Node[] a, int i) {
      Node[] c = new Node[a.length - 1];
      System.arraycopy(a, 0, c, 0, i);
      System.arraycopy(a, i + 1, c, i, a.length - i - 1);
      return c;
    }
  }
}
