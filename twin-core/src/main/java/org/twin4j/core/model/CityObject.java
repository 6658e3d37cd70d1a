// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.twin4j.core.attribute.AttributeValue;
import org.twin4j.core.attribute.Attributes;
import org.twin4j.core.geom.Bounds3D;
import org.twin4j.core.geom.Geometry;
import org.twin4j.core.geom.Lod;

/**
 * A city object: a building, a road, a tree, a terrain patch; with a stable id, a type, typed
 * attributes, zero or more geometries (each at one level of detail) and child objects (building
 * parts, installations, CityGML 3.0 boundary surfaces).
 *
 * <p>Immutable: children are held by value, so an object and its descendants form a tree that can
 * be shared between model snapshots. The {@code with...} methods return modified copies. Ids are
 * unique within the tree. Memory: about 32 bytes plus the id, the attributes, one reference per
 * geometry and per child; objects without geometries, attributes or children share empty arrays.
 *
 * <pre>{@code
 * CityObject house = CityObject.builder("NL.IMBAG.Pand.0503100000012345", CityObjectType.BUILDING)
 *     .attribute("roofHeight", AttributeValue.of(12.5))
 *     .geometry(Solid.extrude(footprint, 0, 12.5, Lod.LOD1))
 *     .build();
 * }</pre>
 *
 * @since 1.0
 */
public final class CityObject {

  private static final Geometry[] NO_GEOMETRIES = new Geometry[0];
  private static final CityObject[] NO_CHILDREN = new CityObject[0];

  private final String id;
  private final CityObjectType type;
  private final Attributes attributes;
  private final Geometry[] geometries;
  private final CityObject[] children;

  private CityObject(
      String id,
      CityObjectType type,
      Attributes attributes,
      Geometry[] geometries,
      CityObject[] children) {
    this.id = id;
    this.type = type;
    this.attributes = attributes;
    this.geometries = geometries;
    this.children = children;
  }

  /**
   * Returns a builder.
   *
   * @param id the identifier, unique in its model; not blank
   * @param type the type
   * @return a new builder
   */
  public static Builder builder(String id, CityObjectType type) {
    return new Builder(id, type);
  }

  /**
   * Returns the identifier.
   *
   * @return the id, unique in the model
   */
  public String id() {
    return id;
  }

  /**
   * Returns the type.
   *
   * @return the type
   */
  public CityObjectType type() {
    return type;
  }

  /**
   * Returns the attributes.
   *
   * @return the attributes, possibly empty
   */
  public Attributes attributes() {
    return attributes;
  }

  /**
   * Returns the value of one attribute.
   *
   * @param name the attribute name
   * @return the value, or null if absent
   */
  public @Nullable AttributeValue attribute(String name) {
    return attributes.get(name);
  }

  /**
   * Returns the geometries of this object (not of its children).
   *
   * @return an unmodifiable list, in the order they were added
   */
  public List<Geometry> geometries() {
    return List.of(geometries);
  }

  /**
   * Returns the geometries at one level of detail.
   *
   * @param lod the level, matched exactly ("2" does not match "2.2")
   * @return the matching geometries, possibly none
   */
  public List<Geometry> geometries(Lod lod) {
    List<Geometry> out = new ArrayList<>(1);
    for (Geometry g : geometries) {
      if (g.lod().equals(lod)) {
        out.add(g);
      }
    }
    return out;
  }

  /**
   * Returns the levels of detail of the geometries of this object and its descendants.
   *
   * @return the distinct levels, sorted
   */
  public List<Lod> lods() {
    TreeSet<Lod> lods = new TreeSet<>();
    forEachInTree(
        o -> {
          for (Geometry g : o.geometries) {
            lods.add(g.lod());
          }
        });
    return List.copyOf(lods);
  }

  /**
   * Tells whether this object or a descendant has a geometry.
   *
   * @return true if there is something to locate
   */
  public boolean hasGeometry() {
    if (geometries.length > 0) {
      return true;
    }
    for (CityObject c : children) {
      if (c.hasGeometry()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the direct children.
   *
   * @return an unmodifiable list
   */
  public List<CityObject> children() {
    return List.of(children);
  }

  /**
   * Returns the bounding box of the geometries of this object and all its descendants, computed on
   * each call.
   *
   * @return the bounds, or empty if no object in the tree has a geometry
   */
  public Optional<Bounds3D> bounds() {
    Bounds3D[] acc = new Bounds3D[1];
    forEachInTree(
        o -> {
          for (Geometry g : o.geometries) {
            Bounds3D b = g.bounds();
            acc[0] = acc[0] == null ? b : acc[0].union(b);
          }
        });
    return Optional.ofNullable(acc[0]);
  }

  /**
   * Calls an action on this object and then on every descendant, depth first, parents before
   * children.
   *
   * @param action the action
   */
  public void forEachInTree(Consumer<CityObject> action) {
    action.accept(this);
    for (CityObject c : children) {
      c.forEachInTree(action);
    }
  }

  /**
   * Finds this object or a descendant by id.
   *
   * @param objectId the id
   * @return the object, or empty if neither this nor a descendant has that id
   */
  public Optional<CityObject> find(String objectId) {
    return Optional.ofNullable(findOrNull(objectId));
  }

  @Nullable CityObject findOrNull(String objectId) {
    if (id.equals(objectId)) {
      return this;
    }
    for (CityObject c : children) {
      CityObject f = c.findOrNull(objectId);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  /** The parent of a descendant, or null if it is not a strict descendant. */
  @Nullable CityObject parentOf(String objectId) {
    for (CityObject c : children) {
      if (c.id.equals(objectId)) {
        return this;
      }
      CityObject p = c.parentOf(objectId);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  /**
   * Returns a copy in which the strict descendant {@code targetId} is replaced (or removed when the
   * replacement is null), or null if there is no such descendant.
   */
  @Nullable CityObject withDescendantReplaced(String targetId, @Nullable CityObject replacement) {
    for (int i = 0; i < children.length; i++) {
      CityObject c = children[i];
      CityObject[] next = null;
      if (c.id.equals(targetId)) {
        next = replacement == null ? remove(children, i) : set(children, i, replacement);
      } else {
        CityObject changed = c.withDescendantReplaced(targetId, replacement);
        if (changed != null) {
          next = set(children, i, changed);
        }
      }
      if (next != null) {
        return new Builder(this).children(next).build();
      }
    }
    return null;
  }

  private static CityObject[] set(CityObject[] a, int i, CityObject v) {
    CityObject[] c = a.clone();
    c[i] = v;
    return c;
  }

  private static CityObject[] remove(CityObject[] a, int i) {
    CityObject[] c = new CityObject[a.length - 1];
    System.arraycopy(a, 0, c, 0, i);
    System.arraycopy(a, i + 1, c, i, a.length - i - 1);
    return c;
  }

  /**
   * Returns a copy with other attributes.
   *
   * @param newAttributes the attributes
   * @return the copy
   */
  public CityObject withAttributes(Attributes newAttributes) {
    return new CityObject(
        id, type, Objects.requireNonNull(newAttributes, "attributes"), geometries, children);
  }

  /**
   * Returns a copy with other geometries.
   *
   * @param newGeometries the geometries
   * @return the copy
   */
  public CityObject withGeometries(List<? extends Geometry> newGeometries) {
    return new Builder(this).geometries(newGeometries.toArray(new Geometry[0])).build();
  }

  /**
   * Returns a copy with other children.
   *
   * @param newChildren the children
   * @return the copy
   * @throws IllegalArgumentException if ids in the new tree are not unique
   */
  public CityObject withChildren(List<CityObject> newChildren) {
    return new Builder(this).children(newChildren.toArray(new CityObject[0])).build();
  }

  /**
   * Returns a builder that starts from this object.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Two objects are equal when their ids, types, attributes, geometries (in order) and children (in
   * order) are equal.
   *
   * @param o the other object
   * @return true if equal
   */
  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CityObject)) {
      return false;
    }
    CityObject c = (CityObject) o;
    return id.equals(c.id)
        && type == c.type
        && attributes.equals(c.attributes)
        && Arrays.equals(geometries, c.geometries)
        && Arrays.equals(children, c.children);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + type.hashCode();
  }

  @Override
  public String toString() {
    return type
        + "["
        + id
        + ", "
        + geometries.length
        + " geometries, "
        + children.length
        + " children]";
  }

  /** Builds a {@link CityObject}. Single-use; not thread-safe. */
  public static final class Builder {
    private final String id;
    private final CityObjectType type;
    private Attributes attributes = Attributes.empty();
    private Attributes.@Nullable Builder attributeBuilder;
    private final List<Geometry> geometries = new ArrayList<>(2);
    private final List<CityObject> children = new ArrayList<>(0);
    private boolean built;

    private Builder(String id, CityObjectType type) {
      Objects.requireNonNull(id, "id");
      if (id.isBlank()) {
        throw new IllegalArgumentException("a city object id must not be blank");
      }
      this.id = id;
      this.type = Objects.requireNonNull(type, "type");
    }

    private Builder(CityObject o) {
      this(o.id, o.type);
      attributes = o.attributes;
      geometries.addAll(Arrays.asList(o.geometries));
      children.addAll(Arrays.asList(o.children));
    }

    /**
     * Sets all attributes, replacing any set before.
     *
     * @param values the attributes
     * @return this builder
     */
    public Builder attributes(Attributes values) {
      attributes = Objects.requireNonNull(values, "attributes");
      attributeBuilder = null;
      return this;
    }

    /**
     * Adds or replaces one attribute.
     *
     * @param name the name
     * @param value the value
     * @return this builder
     */
    public Builder attribute(String name, AttributeValue value) {
      if (attributeBuilder == null) {
        attributeBuilder = attributes.toBuilder();
      }
      attributeBuilder.put(name, value);
      return this;
    }

    /**
     * Adds a geometry.
     *
     * @param geometry the geometry
     * @return this builder
     */
    public Builder geometry(Geometry geometry) {
      geometries.add(Objects.requireNonNull(geometry, "geometry"));
      return this;
    }

    private Builder geometries(Geometry[] g) {
      geometries.clear();
      for (Geometry x : g) {
        geometry(x);
      }
      return this;
    }

    /**
     * Adds a child object.
     *
     * @param child the child
     * @return this builder
     */
    public Builder child(CityObject child) {
      children.add(Objects.requireNonNull(child, "child"));
      return this;
    }

    private Builder children(CityObject[] c) {
      children.clear();
      for (CityObject x : c) {
        child(x);
      }
      return this;
    }

    /**
     * Builds the object.
     *
     * @return the city object
     * @throws IllegalArgumentException if two objects in the tree share an id
     * @throws IllegalStateException if called twice
     */
    public CityObject build() {
      if (built) {
        throw new IllegalStateException("build() was already called on this builder");
      }
      built = true;
      if (attributeBuilder != null) {
        attributes = attributeBuilder.build();
      }
      CityObject[] kids = children.isEmpty() ? NO_CHILDREN : children.toArray(NO_CHILDREN);
      if (kids.length > 0) {
        Set<String> seen = new HashSet<>();
        seen.add(id);
        for (CityObject k : kids) {
          k.forEachInTree(
              o -> {
                if (!seen.add(o.id)) {
                  throw new IllegalArgumentException(
                      "id '" + o.id + "' occurs twice in the tree of city object '" + id + "'");
                }
              });
        }
      }
      return new CityObject(
          id,
          type,
          attributes,
          geometries.isEmpty() ? NO_GEOMETRIES : geometries.toArray(NO_GEOMETRIES),
          kids);
    }
  }
}
