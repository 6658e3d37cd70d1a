// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml.internal.gml;

import java.util.Arrays;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import org.xmlobjects.gml.model.basictypes.Sign;
import org.xmlobjects.gml.model.geometry.AbstractGeometry;
import org.xmlobjects.gml.model.geometry.DirectPositionList;
import org.xmlobjects.gml.model.geometry.GeometricPositionList;
import org.xmlobjects.gml.model.geometry.aggregates.MultiSurface;
import org.xmlobjects.gml.model.geometry.complexes.CompositeSurface;
import org.xmlobjects.gml.model.geometry.primitives.AbstractRingProperty;
import org.xmlobjects.gml.model.geometry.primitives.AbstractSurface;
import org.xmlobjects.gml.model.geometry.primitives.LinearRing;
import org.xmlobjects.gml.model.geometry.primitives.OrientableSurface;
import org.xmlobjects.gml.model.geometry.primitives.Polygon;
import org.xmlobjects.gml.model.geometry.primitives.Shell;
import org.xmlobjects.gml.model.geometry.primitives.ShellProperty;
import org.xmlobjects.gml.model.geometry.primitives.Solid;
import org.xmlobjects.gml.model.geometry.primitives.SurfaceProperty;

/**
 * Reads the surface geometries most CityGML files are made of straight from the stream into
 * citygml4j's geometry objects, as citygml4j's own builders would make them: {@code
 * gml:MultiSurface}, {@code gml:CompositeSurface} and {@code gml:Solid} (GML 3.1 composite-surface
 * or GML 3.2 shell boundaries), their surface members inline or by reference, orientable surfaces,
 * and polygons of linear rings given as {@code gml:posList} (numbers kept in {@link ParserTables}).
 * Only what the conversion reads is kept: ids, srsName, srsDimension, orientation, references.
 *
 * <p>Anything else inside such a geometry ({@code gml:pos} rings, patches, triangles, names, text,
 * unknown attributes) throws {@link Unsupported}: the caller then reads the feature again with
 * citygml4j, so nothing differs from citygml4j's reading but the time. Each method starts on its
 * element's start and ends on its end.
 */
final class SurfaceParser {

  /** Content this parser leaves to citygml4j. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  static final String XLINK = "http://www.w3.org/1999/xlink";

  private final XMLStreamReader in;
  private final GmlParser parser;
  private final ParserTables tables;

  SurfaceParser(XMLStreamReader in, GmlParser parser, ParserTables tables) {
    this.in = in;
    this.parser = parser;
    this.tables = tables;
  }

  /** Whether an element starts a geometry this parser reads. */
  static boolean isRoot(@Nullable String namespace, String localName) {
    return GmlParser.isGml(namespace)
        && (localName.equals("MultiSurface")
            || localName.equals("CompositeSurface")
            || localName.equals("Solid"));
  }

  /** Reads the geometry the stream stands on (see {@link #isRoot}). */
  AbstractGeometry read() throws XMLStreamException {
    switch (in.getLocalName()) {
      case "MultiSurface":
        return multiSurface();
      case "CompositeSurface":
        return compositeSurface();
      default:
        return solid();
    }
  }

  private MultiSurface multiSurface() throws XMLStreamException {
    MultiSurface m = new MultiSurface();
    geometryAttributes(m);
    surfaceMembers(m.getSurfaceMember());
    return m;
  }

  private CompositeSurface compositeSurface() throws XMLStreamException {
    CompositeSurface c = new CompositeSurface();
    geometryAttributes(c);
    surfaceMembers(c.getSurfaceMembers());
    return c;
  }

  private Solid solid() throws XMLStreamException {
    Solid s = new Solid();
    geometryAttributes(s);
    while (nextChild()) {
      String name = in.getLocalName();
      if (!GmlParser.isGml(in.getNamespaceURI())) {
        throw new Unsupported(name);
      }
      if (name.equals("exterior")) {
        s.setExterior(shellProperty());
      } else if (name.equals("interior")) {
        s.getInterior().add(shellProperty());
      } else {
        throw new Unsupported(name);
      }
    }
    return s;
  }

  /** A solid's boundary: a GML 3.2 shell, or a GML 3.1 composite surface made a shell. */
  private ShellProperty shellProperty() throws XMLStreamException {
    noAttributes();
    if (!nextChild()) {
      throw new Unsupported("empty solid boundary");
    }
    Shell shell;
    if (isGmlElement("Shell")) {
      shell = new Shell();
      geometryAttributes(shell);
      surfaceMembers(shell.getSurfaceMembers());
    } else if (isGmlElement("CompositeSurface")) {
      shell = new Shell(compositeSurface()); // keeps its id, srsName and srsDimension
    } else {
      throw new Unsupported(in.getLocalName());
    }
    if (nextChild()) {
      throw new Unsupported("two shells in one boundary");
    }
    return new ShellProperty(shell);
  }

  /** The gml:surfaceMember children of the current element, up to its end. */
  private void surfaceMembers(List<SurfaceProperty> members) throws XMLStreamException {
    while (nextChild()) {
      expect("surfaceMember");
      members.add(surfaceProperty());
    }
  }

  /** A surface member or base surface: a reference, or a polygon, composite or orientable one. */
  private SurfaceProperty surfaceProperty() throws XMLStreamException {
    String href = null;
    for (int i = 0; i < in.getAttributeCount(); i++) {
      String ns = in.getAttributeNamespace(i);
      if (XLINK.equals(ns)) {
        if (in.getAttributeLocalName(i).equals("href")) {
          href = in.getAttributeValue(i);
        }
      } else {
        throw new Unsupported("attribute " + in.getAttributeLocalName(i));
      }
    }
    if (href != null) {
      if (nextChild()) {
        throw new Unsupported("a reference with content");
      }
      return new SurfaceProperty(href);
    }
    if (!nextChild()) {
      return new SurfaceProperty();
    }
    AbstractSurface surface = surface();
    if (nextChild()) {
      throw new Unsupported("two surfaces in one member");
    }
    return new SurfaceProperty(surface);
  }

  private AbstractSurface surface() throws XMLStreamException {
    if (!GmlParser.isGml(in.getNamespaceURI())) {
      throw new Unsupported(in.getLocalName());
    }
    switch (in.getLocalName()) {
      case "Polygon":
        return polygon();
      case "CompositeSurface":
        return compositeSurface();
      case "OrientableSurface":
        return orientableSurface();
      default:
        throw new Unsupported(in.getLocalName());
    }
  }

  private OrientableSurface orientableSurface() throws XMLStreamException {
    OrientableSurface o = new OrientableSurface();
    String orientation = in.getAttributeValue(null, "orientation");
    geometryAttributes(o, "orientation");
    if ("-".equals(orientation)) {
      o.setOrientation(Sign.MINUS);
    } else if ("+".equals(orientation)) {
      o.setOrientation(Sign.PLUS);
    } else if (orientation != null) {
      throw new Unsupported("orientation " + orientation);
    }
    if (!nextChild()) {
      throw new Unsupported("orientable surface without base");
    }
    expect("baseSurface");
    o.setBaseSurface(surfaceProperty());
    if (nextChild()) {
      throw new Unsupported("two base surfaces");
    }
    return o;
  }

  private Polygon polygon() throws XMLStreamException {
    Polygon p = new Polygon();
    geometryAttributes(p);
    while (nextChild()) {
      String name = in.getLocalName();
      if (!GmlParser.isGml(in.getNamespaceURI())) {
        throw new Unsupported(name);
      }
      if (name.equals("exterior") && p.getExterior() == null) {
        p.setExterior(ringProperty());
      } else if (name.equals("interior")) {
        p.getInterior().add(ringProperty());
      } else {
        throw new Unsupported(name);
      }
    }
    return p;
  }

  private AbstractRingProperty ringProperty() throws XMLStreamException {
    noAttributes();
    if (!nextChild() || !isGmlElement("LinearRing")) {
      throw new Unsupported("a ring other than a linear ring");
    }
    LinearRing ring = new LinearRing();
    geometryAttributes(ring);
    if (!nextChild() || !isGmlElement("posList")) {
      throw new Unsupported("a ring without posList");
    }
    ring.setControlPoints(new GeometricPositionList(posList()));
    if (nextChild()) {
      throw new Unsupported("more than a posList in a ring");
    }
    if (nextChild()) { // now on the ring's end; next, the ring property's
      throw new Unsupported("two rings in one ring property");
    }
    return new AbstractRingProperty(ring);
  }

  private DirectPositionList posList() throws XMLStreamException {
    DirectPositionList list = new DirectPositionList();
    for (int i = 0; i < in.getAttributeCount(); i++) {
      String name = in.getAttributeLocalName(i);
      String ns = in.getAttributeNamespace(i);
      if (ns != null && !ns.isEmpty()) {
        throw new Unsupported("attribute " + name);
      }
      String value = in.getAttributeValue(i);
      if (name.equals("srsDimension")) {
        list.setSrsDimension(integer(value));
      } else if (name.equals("srsName")) {
        list.setSrsName(value);
      } else if (name.equals("count")) {
        list.setCount(integer(value)); // citygml4j takes the dimension from it
      } else {
        throw new Unsupported("attribute " + name);
      }
    }
    NumberText text = parser.numberText;
    if (text.read(in) == XMLStreamConstants.START_ELEMENT) {
      throw new Unsupported("an element in a posList");
    }
    double[] numbers = text.numbers();
    if (numbers == null) {
      throw new Unsupported("a posList that is empty or not numbers");
    }
    list.setValue(tables.addAsValue(numbers));
    return list;
  }

  /** Reads gml:id, srsName and srsDimension, and no other attribute but the ones allowed. */
  private void geometryAttributes(AbstractGeometry g, String... allowed) {
    for (int i = 0; i < in.getAttributeCount(); i++) {
      String name = in.getAttributeLocalName(i);
      String ns = in.getAttributeNamespace(i);
      String value = in.getAttributeValue(i);
      if (ns == null || ns.isEmpty()) {
        if (name.equals("srsName")) {
          g.setSrsName(value);
        } else if (name.equals("srsDimension")) {
          g.setSrsDimension(integer(value));
        } else if (!Arrays.asList(allowed).contains(name)) {
          throw new Unsupported("attribute " + name);
        }
      } else if (name.equals("id") && GmlParser.isGml(ns)) {
        g.setId(value);
      } else {
        throw new Unsupported("attribute " + name);
      }
    }
  }

  private void noAttributes() {
    if (in.getAttributeCount() > 0) {
      throw new Unsupported("attribute " + in.getAttributeLocalName(0));
    }
  }

  private static Integer integer(String value) {
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new Unsupported("not an integer: " + value);
    }
  }

  private boolean isGmlElement(String localName) {
    return in.getLocalName().equals(localName) && GmlParser.isGml(in.getNamespaceURI());
  }

  private void expect(String localName) {
    if (!isGmlElement(localName)) {
      throw new Unsupported(in.getLocalName());
    }
  }

  /**
   * Moves to the next child element (true) or to the end of the current element (false); only white
   * space and comments may lie between.
   */
  private boolean nextChild() throws XMLStreamException {
    while (true) {
      int e = in.next();
      switch (e) {
        case XMLStreamConstants.START_ELEMENT:
          parser.noteSrsName(in);
          return true;
        case XMLStreamConstants.END_ELEMENT:
          return false;
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.SPACE:
          if (!in.isWhiteSpace()) {
            throw new Unsupported("text");
          }
          break;
        case XMLStreamConstants.COMMENT:
        case XMLStreamConstants.PROCESSING_INSTRUCTION:
          break;
        default:
          throw new Unsupported("event " + e);
      }
    }
  }
}
