// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml.internal.gml;

import java.util.HashMap;
import java.util.Map;
import org.citygml4j.core.model.common.GeometryInfo;
import org.citygml4j.core.model.core.AbstractCityObject;
import org.citygml4j.core.model.core.ImplicitGeometryProperty;
import org.jspecify.annotations.Nullable;
import org.xmlobjects.gml.model.base.AbstractInlineOrByReferenceProperty;
import org.xmlobjects.gml.model.geometry.AbstractGeometry;
import org.xmlobjects.gml.model.geometry.GeometryProperty;
import org.xmlobjects.gml.visitor.GeometryWalker;

/**
 * The geometries of one top-level feature by gml:id, for XLinks such as a solid's {@code
 * surfaceMember xlink:href="#poly"}. Built on the first reference met, from the geometries
 * citygml4j lists for the feature and everything nested in it; a feature without references costs
 * nothing. Cheaper than resolving every reference of the feature up front. The references that
 * stand for geometries the parser read itself ({@link ParserTables}) resolve to them directly.
 */
final class GeometryIds {

  private final AbstractCityObject root;
  private final ParserTables tables;
  private @Nullable Map<String, AbstractGeometry> byId;

  GeometryIds(AbstractCityObject root, ParserTables tables) {
    this.root = root;
    this.tables = tables;
  }

  /** The object of a property, inline or referenced within the feature; null if neither. */
  <T extends org.xmlobjects.model.Child> @Nullable T resolve(
      @Nullable AbstractInlineOrByReferenceProperty<T> p) {
    if (p == null) {
      return null;
    }
    T inline = p.getObject();
    if (inline != null || p.getHref() == null) {
      return inline;
    }
    T read = adopt(p);
    if (read != null) {
      return read;
    }
    AbstractGeometry g = get(p.getHref());
    if (g == null) {
      return null;
    }
    Class<T> type = p.getTargetType();
    return type.isInstance(g) ? type.cast(g) : null;
  }

  /**
   * The geometry the parser read itself for a property ({@link ParserTables}), made the property's
   * own object, as citygml4j would have made it: its coordinates' dimension and CRS are then
   * inherited through the property from the feature as they would be; null if there is none.
   */
  private <T extends org.xmlobjects.model.Child> @Nullable T adopt(
      AbstractInlineOrByReferenceProperty<T> p) {
    AbstractGeometry g = tables.geometry(p.getHref());
    Class<T> type = p.getTargetType();
    if (g == null || !type.isInstance(g)) {
      return null;
    }
    T t = type.cast(g);
    p.setInlineObject(t);
    return t;
  }

  /** The geometry with the id of an href ("#id" or "id"), or null. */
  @Nullable AbstractGeometry get(String href) {
    AbstractGeometry read = tables.geometry(href);
    if (read != null) {
      return read; // read by the parser itself
    }
    if (byId == null) {
      byId = index();
    }
    int hash = href.lastIndexOf('#');
    return byId.get(hash >= 0 ? href.substring(hash + 1) : href);
  }

  private Map<String, AbstractGeometry> index() {
    Map<String, AbstractGeometry> out = new HashMap<>();
    GeometryWalker walker =
        new GeometryWalker() {
          @Override
          public void visit(AbstractGeometry geometry) {
            if (geometry.getId() != null) {
              out.putIfAbsent(geometry.getId(), geometry);
            }
            super.visit(geometry);
          }
        };
    GeometryInfo info = root.getGeometryInfo(true);
    for (GeometryProperty<?> p : info.getGeometries()) {
      AbstractGeometry g = p.getObject() != null ? p.getObject() : adopt(p);
      if (g != null) {
        g.accept(walker);
      }
    }
    for (GeometryProperty<?> p : info.getNonLodGeometries()) {
      if (p.getObject() != null) {
        p.getObject().accept(walker);
      }
    }
    for (int lod : info.getLods()) {
      for (ImplicitGeometryProperty p : info.getImplicitGeometries(lod)) {
        if (p.getObject() != null
            && p.getObject().getRelativeGeometry() != null
            && p.getObject().getRelativeGeometry().getObject() != null) {
          p.getObject().getRelativeGeometry().getObject().accept(walker);
        }
      }
    }
    return out;
  }
}
