// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.attribute;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * An immutable map from attribute names to typed values that keeps the order in which entries were
 * first put.
 *
 * <p>Stored as two parallel arrays: about 8 bytes per entry plus the values and one 24-byte object;
 * the empty map is a shared instance. Look-up is a linear scan, fast for the tens of attributes a
 * city object carries; {@link #asMap()} gives a {@link Map} view for code that wants one.
 *
 * @since 1.0
 */
public final class Attributes {

  private static final Attributes EMPTY = new Attributes(new String[0], new AttributeValue[0]);

  private final String[] keys;
  private final AttributeValue[] values;

  private Attributes(String[] keys, AttributeValue[] values) {
    this.keys = keys;
    this.values = values;
  }

  /**
   * Returns the empty map.
   *
   * @return the shared empty instance
   */
  public static Attributes empty() {
    return EMPTY;
  }

  /**
   * Copies a map, keeping its iteration order.
   *
   * @param map the entries; no null keys or values
   * @return the attributes
   */
  public static Attributes of(Map<String, ? extends AttributeValue> map) {
    Builder b = builder();
    map.forEach(b::put);
    return b.build();
  }

  /**
   * Returns a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the number of entries.
   *
   * @return the size
   */
  public int size() {
    return keys.length;
  }

  /**
   * Tells whether there are no entries.
   *
   * @return true if empty
   */
  public boolean isEmpty() {
    return keys.length == 0;
  }

  /**
   * Returns the value of an attribute.
   *
   * @param name the attribute name
   * @return the value, or null if there is no such attribute
   */
  public @Nullable AttributeValue get(String name) {
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  /**
   * Tells whether an attribute is present.
   *
   * @param name the attribute name
   * @return true if present
   */
  public boolean containsKey(String name) {
    return indexOf(name) >= 0;
  }

  /**
   * Returns the name of the entry at a position.
   *
   * @param index 0 to {@code size() - 1}, in insertion order
   * @return the name
   */
  public String name(int index) {
    return keys[Objects.checkIndex(index, keys.length)];
  }

  /**
   * Returns the value of the entry at a position.
   *
   * @param index 0 to {@code size() - 1}, in insertion order
   * @return the value
   */
  public AttributeValue value(int index) {
    return values[Objects.checkIndex(index, values.length)];
  }

  /**
   * Calls an action for every entry, in insertion order.
   *
   * @param action receives name and value
   */
  public void forEach(BiConsumer<String, AttributeValue> action) {
    for (int i = 0; i < keys.length; i++) {
      action.accept(keys[i], values[i]);
    }
  }

  /**
   * Returns a copy with one entry added or replaced (a replaced entry keeps its position).
   *
   * @param name the attribute name
   * @param value the value
   * @return the new attributes
   */
  public Attributes with(String name, AttributeValue value) {
    return toBuilder().put(name, value).build();
  }

  /**
   * Returns a copy without an entry.
   *
   * @param name the attribute name
   * @return the new attributes, or this if there is no such entry
   */
  public Attributes without(String name) {
    int i = indexOf(name);
    if (i < 0) {
      return this;
    }
    if (keys.length == 1) {
      return EMPTY;
    }
    String[] k = new String[keys.length - 1];
    AttributeValue[] v = new AttributeValue[keys.length - 1];
    System.arraycopy(keys, 0, k, 0, i);
    System.arraycopy(values, 0, v, 0, i);
    System.arraycopy(keys, i + 1, k, i, keys.length - i - 1);
    System.arraycopy(values, i + 1, v, i, keys.length - i - 1);
    return new Attributes(k, v);
  }

  /**
   * Returns a builder that starts with these entries.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.keys = Arrays.copyOf(keys, Math.max(4, keys.length + 1));
    b.values = Arrays.copyOf(values, b.keys.length);
    b.size = keys.length;
    return b;
  }

  /**
   * Returns an unmodifiable map view, iterating in insertion order.
   *
   * @return the view
   */
  public Map<String, AttributeValue> asMap() {
    return new MapView();
  }

  private int indexOf(String name) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Two attribute maps are equal when they hold the same entries, whatever their order.
   *
   * @param o the other object
   * @return true if equal
   */
  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Attributes)) {
      return false;
    }
    Attributes other = (Attributes) o;
    if (other.keys.length != keys.length) {
      return false;
    }
    for (int i = 0; i < keys.length; i++) {
      if (!values[i].equals(other.get(keys[i]))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 0;
    for (int i = 0; i < keys.length; i++) {
      h += keys[i].hashCode() ^ values[i].hashCode();
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < keys.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(keys[i]).append('=').append(values[i].asText());
    }
    return sb.append('}').toString();
  }

  /** A single-use builder of {@link Attributes}. Not thread-safe. */
  public static final class Builder {
    private String[] keys = new String[4];
    private AttributeValue[] values = new AttributeValue[4];
    private int size;
    private boolean built;

    private Builder() {}

    /**
     * Adds an entry, or replaces the value of an existing one in place.
     *
     * @param name the attribute name
     * @param value the value
     * @return this builder
     */
    public Builder put(String name, AttributeValue value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      for (int i = 0; i < size; i++) {
        if (keys[i].equals(name)) {
          values[i] = value;
          return this;
        }
      }
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      keys[size] = name;
      values[size++] = value;
      return this;
    }

    /**
     * Adds a string entry.
     *
     * @param name the attribute name
     * @param value the string
     * @return this builder
     */
    public Builder put(String name, String value) {
      return put(name, new StringValue(value));
    }

    /**
     * Adds an integer entry.
     *
     * @param name the attribute name
     * @param value the integer
     * @return this builder
     */
    public Builder put(String name, long value) {
      return put(name, new IntegerValue(value));
    }

    /**
     * Adds a double entry.
     *
     * @param name the attribute name
     * @param value the number, not NaN
     * @return this builder
     */
    public Builder put(String name, double value) {
      return put(name, new DoubleValue(value));
    }

    /**
     * Adds a boolean entry.
     *
     * @param name the attribute name
     * @param value the boolean
     * @return this builder
     */
    public Builder put(String name, boolean value) {
      return put(name, AttributeValue.of(value));
    }

    /**
     * Builds the attributes.
     *
     * @return the immutable attributes
     * @throws IllegalStateException if called twice
     */
    public Attributes build() {
      if (built) {
        throw new IllegalStateException("build() was already called on this builder");
      }
      built = true;
      if (size == 0) {
        return EMPTY;
      }
      return new Attributes(Arrays.copyOf(keys, size), Arrays.copyOf(values, size));
    }
  }

  private final class MapView extends AbstractMap<String, AttributeValue> {
    @Override
    public Set<Entry<String, AttributeValue>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, AttributeValue>> iterator() {
          return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
              return i < keys.length;
            }

            @Override
            public Entry<String, AttributeValue> next() {
              if (i >= keys.length) {
                throw new NoSuchElementException();
              }
              int k = i++;
              return new SimpleImmutableEntry<>(keys[k], values[k]);
            }
          };
        }

        @Override
        public int size() {
          return keys.length;
        }
      };
    }

    @Override
    public @Nullable AttributeValue get(Object key) {
      return key instanceof String ? Attributes.this.get((String) key) : null;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String && Attributes.this.containsKey((String) key);
    }
  }
}
