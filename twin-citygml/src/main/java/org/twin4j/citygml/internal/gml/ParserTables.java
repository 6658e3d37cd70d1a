// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml.internal.gml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.xmlobjects.gml.model.geometry.AbstractGeometry;
import org.xmlobjects.gml.model.geometry.DirectPositionList;
import org.xmlobjects.gml.model.geometry.GeometricPositionList;
import org.xmlobjects.gml.model.geometry.primitives.LinearRing;
import org.xmlobjects.gml.visitor.GeometryWalker;

/**
 * What {@link GmlParser} reads itself of one feature instead of citygml4j: the number lists of
 * linear rings and texture coordinates, and the surface geometries of geometry properties.
 *
 * <p><b>Number lists.</b> The {@code gml:posList} of each linear ring and each {@code
 * app:textureCoordinates}: citygml4j would keep every number as a boxed {@code Double} in a list;
 * these are kept as arrays, and citygml4j is shown a <em>marker</em> in their place: the two
 * numbers {@link #MARK} and the list's index here. The parser replaces every such list of a feature
 * whose numbers all parse (a list with a malformed number goes to citygml4j as it is, which then
 * holds no value for it), so in a feature read this way a ring's or texture's value is either
 * absent or a marker: the reader {@linkplain #resolve resolves} it, and {@linkplain #restore
 * restores} the real values into citygml4j's object before handing a ring to citygml4j's own
 * routines (reversal, 2D lists) or keeping it beyond the feature (implicit geometry templates).
 *
 * <p><b>Geometries.</b> A {@code lodXMultiSurface} property holding a multi-surface, or a {@code
 * lodXSolid} property holding a solid, made of polygons, is read by {@link SurfaceParser} into
 * citygml4j's geometry objects; citygml4j sees the property as a reference {@code
 * xlink:href="#\uFFFFtwin4j:k"}, which {@link GeometryIds} resolves here. U+FFFF is no XML
 * character, not even as a character reference, so no reference of a file can take that form.
 *
 * <p>Not thread-safe; one instance per feature.
 */
final class ParserTables {

  /**
   * The first number of a marker; no ring or texture coordinate list is two numbers long. Short, so
   * that citygml4j parses it fast.
   */
  static final double MARK = -9.87654321e-7;

  private static final String MARK_TEXT = Double.toString(MARK) + " ";

  /**
   * Marker texts of the first indices, made once (strings are immutable, so filling this from
   * several threads at once is harmless).
   */
  private static final String[] MARKERS = new String[1 << 14];

  private double[][] lists = new double[16][];
  private int size;

  /**
   * Keeps a list.
   *
   * @param values the numbers, kept (not copied)
   * @return the marker text to show citygml4j
   */
  String add(double[] values) {
    if (size == lists.length) {
      lists = Arrays.copyOf(lists, 2 * size);
    }
    lists[size] = values;
    int i = size++;
    if (i >= MARKERS.length) {
      return MARK_TEXT + i;
    }
    String marker = MARKERS[i];
    if (marker == null) {
      marker = MARK_TEXT + i;
      MARKERS[i] = marker;
    }
    return marker;
  }

  /** The start of the reference that stands for a geometry read by the parser. */
  static final String GEOMETRY_HREF = "#\uFFFFtwin4j:";

  private final List<AbstractGeometry> geometries = new ArrayList<>();

  /**
   * Keeps a geometry.
   *
   * @param g the geometry
   * @return the reference to show citygml4j
   */
  String addGeometry(AbstractGeometry g) {
    geometries.add(g);
    return GEOMETRY_HREF + (geometries.size() - 1);
  }

  /**
   * The geometry a reference stands for.
   *
   * @param href a reference
   * @return the geometry, or null if the reference is not one of this table's
   */
  @Nullable AbstractGeometry geometry(@Nullable String href) {
    if (href == null || !href.startsWith(GEOMETRY_HREF)) {
      return null;
    }
    try {
      int i = Integer.parseInt(href.substring(GEOMETRY_HREF.length()));
      return i >= 0 && i < geometries.size() ? geometries.get(i) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The number of geometries kept. */
  int geometryCount() {
    return geometries.size();
  }

  /**
   * Keeps a list, for a value citygml4j's object holds as it would hold the parsed numbers.
   *
   * @param values the numbers, kept (not copied)
   * @return the marker value
   */
  List<Double> addAsValue(double[] values) {
    add(values);
    return List.of(MARK, (double) (size - 1));
  }

  /** The number of lists kept. */
  int size() {
    return size;
  }

  /**
   * The numbers a citygml4j value stands for.
   *
   * @param value a ring's or texture coordinates' value as citygml4j holds it
   * @return the numbers (shared: not to be modified), or null if the value is not a marker
   */
  double @Nullable [] resolve(@Nullable List<Double> value) {
    if (value == null || value.size() != 2 || size == 0) {
      return null;
    }
    Double mark = value.get(0);
    Double index = value.get(1);
    if (mark == null || mark != MARK || index == null) {
      return null;
    }
    int i = index.intValue();
    return i >= 0 && i < size && i == index ? lists[i] : null;
  }

  /** Puts a ring's real numbers back into citygml4j's object, if it holds a marker. */
  void restore(LinearRing ring) {
    GeometricPositionList points = ring.getControlPoints();
    DirectPositionList list = points == null ? null : points.getPosList();
    if (list != null) {
      double[] values = resolve(list.getValue());
      if (values != null) {
        List<Double> boxed = new ArrayList<>(values.length);
        for (double v : values) {
          boxed.add(v);
        }
        list.setValue(boxed);
      }
    }
  }

  /** Restores every ring of a geometry. */
  void restoreAll(AbstractGeometry geometry) {
    if (size == 0) {
      return;
    }
    geometry.accept(
        new GeometryWalker() {
          @Override
          public void visit(LinearRing ring) {
            restore(ring);
          }
        });
  }
}
