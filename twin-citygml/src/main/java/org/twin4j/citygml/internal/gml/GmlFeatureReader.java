// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml.internal.gml;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.citygml4j.core.model.appearance.AbstractSurfaceData;
import org.citygml4j.core.model.appearance.AbstractSurfaceDataProperty;
import org.citygml4j.core.model.appearance.AbstractTextureParameterizationProperty;
import org.citygml4j.core.model.appearance.Appearance;
import org.citygml4j.core.model.appearance.GeometryReference;
import org.citygml4j.core.model.appearance.ParameterizedTexture;
import org.citygml4j.core.model.appearance.TexCoordList;
import org.citygml4j.core.model.appearance.TextureAssociation;
import org.citygml4j.core.model.appearance.TextureAssociationProperty;
import org.citygml4j.core.model.appearance.TextureCoordinates;
import org.citygml4j.core.model.appearance.X3DMaterial;
import org.citygml4j.core.model.bridge.AbstractBridge;
import org.citygml4j.core.model.bridge.Bridge;
import org.citygml4j.core.model.building.AbstractBuilding;
import org.citygml4j.core.model.building.Building;
import org.citygml4j.core.model.building.BuildingRoom;
import org.citygml4j.core.model.cityobjectgroup.CityObjectGroup;
import org.citygml4j.core.model.cityobjectgroup.RoleProperty;
import org.citygml4j.core.model.common.GeometryInfo;
import org.citygml4j.core.model.construction.AbstractConstruction;
import org.citygml4j.core.model.construction.AbstractConstructionSurface;
import org.citygml4j.core.model.construction.AbstractConstructiveElement;
import org.citygml4j.core.model.construction.AbstractFillingSurface;
import org.citygml4j.core.model.construction.AbstractFillingSurfaceProperty;
import org.citygml4j.core.model.construction.DoorSurface;
import org.citygml4j.core.model.construction.Height;
import org.citygml4j.core.model.construction.HeightProperty;
import org.citygml4j.core.model.construction.WindowSurface;
import org.citygml4j.core.model.core.AbstractAppearanceProperty;
import org.citygml4j.core.model.core.AbstractCityObject;
import org.citygml4j.core.model.core.AbstractFeature;
import org.citygml4j.core.model.core.AbstractGenericAttribute;
import org.citygml4j.core.model.core.AbstractGenericAttributeProperty;
import org.citygml4j.core.model.core.AbstractSpace;
import org.citygml4j.core.model.core.AbstractSpaceBoundary;
import org.citygml4j.core.model.core.AbstractSpaceBoundaryProperty;
import org.citygml4j.core.model.core.AbstractThematicSurface;
import org.citygml4j.core.model.core.Address;
import org.citygml4j.core.model.core.AddressProperty;
import org.citygml4j.core.model.core.ClosureSurface;
import org.citygml4j.core.model.core.ImplicitGeometry;
import org.citygml4j.core.model.core.ImplicitGeometryProperty;
import org.citygml4j.core.model.generics.CodeAttribute;
import org.citygml4j.core.model.generics.DateAttribute;
import org.citygml4j.core.model.generics.DoubleAttribute;
import org.citygml4j.core.model.generics.GenericAttributeSet;
import org.citygml4j.core.model.generics.GenericOccupiedSpace;
import org.citygml4j.core.model.generics.IntAttribute;
import org.citygml4j.core.model.generics.MeasureAttribute;
import org.citygml4j.core.model.generics.StringAttribute;
import org.citygml4j.core.model.generics.UriAttribute;
import org.citygml4j.core.model.relief.ReliefFeature;
import org.citygml4j.core.model.transportation.AbstractTransportationSpace;
import org.citygml4j.core.model.transportation.HoleSurface;
import org.citygml4j.core.model.transportation.Marking;
import org.citygml4j.core.model.tunnel.AbstractTunnel;
import org.citygml4j.core.model.tunnel.Tunnel;
import org.citygml4j.core.model.waterbody.WaterBody;
import org.jspecify.annotations.Nullable;
import org.twin4j.citygml.ConversionReport;
import org.twin4j.core.appearance.Color;
import org.twin4j.core.appearance.GeometryAppearance;
import org.twin4j.core.appearance.Material;
import org.twin4j.core.appearance.Texture;
import org.twin4j.core.attribute.AttributeValue;
import org.twin4j.core.attribute.Attributes;
import org.twin4j.core.attribute.CodeValue;
import org.twin4j.core.attribute.DateValue;
import org.twin4j.core.attribute.DoubleValue;
import org.twin4j.core.attribute.IntegerValue;
import org.twin4j.core.attribute.ListValue;
import org.twin4j.core.attribute.MapValue;
import org.twin4j.core.attribute.MeasureValue;
import org.twin4j.core.attribute.StringValue;
import org.twin4j.core.attribute.UriValue;
import org.twin4j.core.geom.Geometry;
import org.twin4j.core.geom.Lod;
import org.twin4j.core.geom.SemanticSurface;
import org.twin4j.core.geom.SemanticType;
import org.twin4j.core.geom.SurfaceGeometry;
import org.twin4j.core.io.SourceLocation;
import org.twin4j.core.model.CityObject;
import org.twin4j.core.model.CityObjectType;
import org.xmlobjects.gml.model.base.AbstractInlineOrByReferenceProperty;
import org.xmlobjects.gml.model.basictypes.Code;
import org.xmlobjects.gml.model.geometry.AbstractGeometry;
import org.xmlobjects.gml.model.geometry.GeometryProperty;
import org.xmlobjects.gml.model.geometry.aggregates.MultiSurface;
import org.xmlobjects.gml.model.geometry.primitives.Polygon;
import org.xmlobjects.gml.model.geometry.primitives.SurfaceProperty;
import org.xmlobjects.gml.util.jama.Matrix;

/**
 * Converts a citygml4j feature and what it contains into a {@link CityObject}: the canonical form
 * is CityJSON's, geometries carrying their surfaces' semantics. Thematic boundary surfaces
 * (WallSurface, RoofSurface ...) and their openings become {@link SemanticSurface}s with their
 * gml:id and attributes, attached to the polygons of the owner's solid that reference them, or,
 * where the owner has no such geometry, gathered into a multi-surface of the owner. Nested city
 * objects (building parts, installations, rooms, relief components) become children. Appearances
 * become material and texture indices. Everything dropped is reported.
 *
 * <p>One instance serves a whole file: it keeps the material and texture tables and the implicit
 * geometry templates met so far.
 */
final class GmlFeatureReader {

  /** The generic attribute that keeps a CityJSON type CityGML does not have. */
  static final String ORIGINAL_TYPE = "cityJSONType";

  /**
   * The value of {@link #ORIGINAL_TYPE} that marks a boundary surface holding surfaces without
   * semantics.
   */
  static final String NO_SEMANTICS = "none";

  private final String source;
  private final ConversionReport.Builder report;
  private final List<Material> materials = new ArrayList<>();
  private final Map<Material, Integer> materialIndex = new HashMap<>();
  private final List<Texture> textures = new ArrayList<>();
  private final Map<Texture, Integer> textureIndex = new HashMap<>();
  private final Map<String, AbstractGeometry> templates = new HashMap<>();
  private int generatedIds;

  /** The geometries of the top-level feature being converted, by id. */
  private GeometryIds ids;

  /** The number lists the parser read for the top-level feature being converted. */
  private ParserTables lists = new ParserTables();

  GmlFeatureReader(String source, ConversionReport.Builder report) {
    this.source = source;
    this.report = report;
  }

  List<Material> materials() {
    return materials;
  }

  List<Texture> textures() {
    return textures;
  }

  /**
   * Converts a top-level feature; null (reported) if it is not a city object.
   *
   * @param feature the feature
   * @param lists the number lists the parser read for it
   */
  @Nullable CityObject read(
      org.xmlobjects.gml.model.feature.AbstractFeature feature, ParserTables lists) {
    if (feature instanceof AbstractCityObject) {
      AbstractCityObject o = (AbstractCityObject) feature;
      this.lists = lists;
      Appearances app = new Appearances();
      ids = new GeometryIds(o, lists);
      app.collect(o);
      return convert(o, app);
    }
    String what = feature.getClass().getSimpleName();
    if (feature instanceof Appearance) {
      report.add(
          "dropped global appearance",
          "a global appearance (theme '"
              + ((Appearance) feature).getTheme()
              + "') is not carried: only appearances inside city objects are",
          at(feature.getId()));
    } else {
      report.add(
          "skipped feature",
          "a top-level " + what + " is not a city object; skipped",
          at(feature.getId()));
    }
    return null;
  }

  private SourceLocation at(@Nullable String id) {
    return id == null ? SourceLocation.of(source) : SourceLocation.atObject(source, id);
  }

  private String id(org.xmlobjects.gml.model.base.AbstractGML o) {
    String id = o.getId();
    if (id == null || id.isBlank()) {
      id = "twin-" + (++generatedIds);
      report.add(
          "generated id",
          "a " + o.getClass().getSimpleName() + " without gml:id was given id '" + id + "'",
          SourceLocation.of(source));
    }
    return id;
  }

  // ---------------------------------------------------------------- city objects

  private CityObject convert(AbstractCityObject o, Appearances app) {
    String id = id(o);
    Attributes attributes = attributes(o, id);
    CityObjectType type = type(o);
    AttributeValue original = attributes.get(ORIGINAL_TYPE);
    if (original != null && o instanceof GenericOccupiedSpace) {
      // a type CityGML does not have, written by twin4j as a generic object
      type = CityObjectType.of(original.asText());
      attributes = attributes.without(ORIGINAL_TYPE);
    }
    CityObject.Builder b = CityObject.builder(id, type).attributes(attributes);
    List<GmlGeometryReader.Problem> problems = new ArrayList<>();

    // boundary surfaces and their openings: semantics of their polygons, per LOD
    Map<Polygon, GmlGeometryReader.Boundary> semantics = new IdentityHashMap<>();
    Map<Integer, List<Polygon>> boundaryPolygons = new TreeMap<>();
    if (o instanceof AbstractSpace) {
      for (AbstractSpaceBoundaryProperty p : ((AbstractSpace) o).getBoundaries()) {
        AbstractSpaceBoundary boundary = p.getObject();
        if (boundary instanceof AbstractThematicSurface) {
          thematic((AbstractThematicSurface) boundary, o, null, semantics, boundaryPolygons, id);
        } else if (boundary != null) {
          b.child(convert(boundary, app)); // a space boundary that is no thematic surface
        } else if (p.getHref() != null) {
          report.add(
              "unresolved reference",
              "boundary reference " + p.getHref() + " of '" + id + "' not found; dropped",
              at(id));
        }
      }
    }

    GmlGeometryReader geometries = new GmlGeometryReader(semantics, ids, lists, problems);
    GeometryInfo info = o.getGeometryInfo();
    for (int level : info.getLods()) {
      Lod lod = Lod.of(Math.min(level, 4));
      for (GeometryProperty<?> p : info.getGeometries(level)) {
        add(b, geometries, geometries.convert(p, lod), app);
      }
      for (ImplicitGeometryProperty p : info.getImplicitGeometries(level)) {
        add(b, geometries, implicit(p, lod, geometries, id), app);
      }
    }
    for (GeometryProperty<?> p : info.getNonLodGeometries()) {
      problems.add(
          new GmlGeometryReader.Problem(
              "dropped geometry", "a geometry without level of detail dropped"));
    }
    // boundary polygons the owner's geometries did not reference: one multi-surface per LOD
    for (Map.Entry<Integer, List<Polygon>> e : boundaryPolygons.entrySet()) {
      MultiSurface leftover = new MultiSurface();
      for (Polygon poly : e.getValue()) {
        if (!geometries.isUsed(poly)) {
          leftover.getSurfaceMember().add(new SurfaceProperty(poly));
        }
      }
      if (!leftover.getSurfaceMember().isEmpty()) {
        add(b, geometries, geometries.convert(leftover, Lod.of(Math.min(e.getKey(), 4))), app);
      }
    }
    for (GmlGeometryReader.Problem p : problems) {
      report.add(p.kind(), "city object '" + id + "': " + p.message(), at(id));
    }
    for (AbstractCityObject child : children(o, id)) {
      b.child(convert(child, app));
    }
    countUnknown(o, id);
    return b.build();
  }

  private void add(
      CityObject.Builder b, GmlGeometryReader geometries, @Nullable Geometry g, Appearances app) {
    if (g == null) {
      return;
    }
    if (g instanceof SurfaceGeometry && !app.isEmpty()) {
      GmlGeometryReader.Sources sources = geometries.lastSources();
      if (sources != null) {
        GeometryAppearance a = app.forGeometry((SurfaceGeometry) g, sources);
        if (a != null) {
          g = ((SurfaceGeometry) g).withAppearance(a);
        }
      }
    }
    b.geometry(g);
  }

  /** A thematic surface and its openings: their polygons get their semantics. */
  private void thematic(
      AbstractThematicSurface t,
      AbstractCityObject owner,
      @Nullable SemanticSurface parent,
      Map<Polygon, GmlGeometryReader.Boundary> semantics,
      Map<Integer, List<Polygon>> byLod,
      String ownerId) {
    String typeName = semanticType(t, owner);
    Attributes attrs = attributes(t, t.getId() == null ? ownerId : t.getId());
    AttributeValue original = attrs.get(ORIGINAL_TYPE);
    boolean unclassified = false;
    if (original != null) {
      typeName = original.asText();
      attrs = attrs.without(ORIGINAL_TYPE);
      unclassified = typeName.equals(NO_SEMANTICS) && parent == null;
    }
    // one instance per thematic surface, with or without id: the grouping of polygons is the file's
    SemanticSurface s = new SemanticSurface(SemanticType.of(typeName), t.getId(), attrs, parent);
    GeometryInfo info = t.getGeometryInfo();
    for (int level : info.getLods()) {
      for (GeometryProperty<?> p : info.getGeometries(level)) {
        AbstractGeometry g = ids.resolve(p);
        List<Polygon> polygons = new ArrayList<>();
        collectPolygons(g, polygons);
        if (polygons.isEmpty() && g != null) {
          report.add(
              "dropped geometry",
              "a "
                  + g.getClass().getSimpleName()
                  + " of "
                  + typeName
                  + " '"
                  + t.getId()
                  + "' (in '"
                  + ownerId
                  + "') is not a surface; dropped",
              at(ownerId));
        }
        for (Polygon poly : polygons) {
          GmlGeometryReader.Boundary b =
              semantics.computeIfAbsent(poly, k -> new GmlGeometryReader.Boundary());
          if (!unclassified && b.semantic == null) {
            b.semantic = s;
          }
          byLod.computeIfAbsent(level, k -> new ArrayList<>()).add(poly);
        }
      }
      if (!info.getImplicitGeometries(level).isEmpty()) {
        report.addMany(
            "dropped geometry",
            info.getImplicitGeometries(level).size(),
            "implicit geometries of " + typeName + " surfaces are not carried; dropped",
            at(ownerId));
      }
    }
    if (t instanceof AbstractConstructionSurface) {
      for (AbstractFillingSurfaceProperty fp :
          ((AbstractConstructionSurface) t).getFillingSurfaces()) {
        AbstractFillingSurface opening = fp.getObject();
        if (opening != null) {
          thematic(opening, owner, s, semantics, byLod, ownerId);
        }
      }
    }
  }

  /** The CityJSON name of a thematic surface's type. */
  private static String semanticType(AbstractThematicSurface t, AbstractCityObject owner) {
    if (t instanceof WindowSurface) {
      return "Window";
    }
    if (t instanceof DoorSurface) {
      return "Door";
    }
    if (t instanceof ClosureSurface && owner instanceof WaterBody) {
      return "WaterClosureSurface";
    }
    if (t instanceof Marking) {
      return "TransportationMarking";
    }
    if (t instanceof HoleSurface) {
      return "TransportationHole";
    }
    return t.getClass().getSimpleName();
  }

  /** The polygons of a geometry, following references to polygons elsewhere in the feature. */
  private void collectPolygons(@Nullable AbstractGeometry g, List<Polygon> out) {
    if (g == null) {
      return;
    }
    GeometryIds lookup = ids;
    g.accept(
        new org.xmlobjects.gml.visitor.GeometryWalker() {
          @Override
          public void visit(Polygon polygon) {
            out.add(polygon);
          }

          @Override
          public void visit(GeometryProperty<?> property) {
            if (property.getObject() == null && property.getHref() != null && lookup != null) {
              AbstractGeometry target = lookup.get(property.getHref());
              if (target != null) {
                target.accept(this);
              }
            } else {
              super.visit(property);
            }
          }
        });
  }

  /** Resolves an implicit geometry to real coordinates: reference point + M * template vertex. */
  private @Nullable Geometry implicit(
      ImplicitGeometryProperty p, Lod lod, GmlGeometryReader geometries, String ownerId) {
    ImplicitGeometry ig = p.getObject();
    if (ig == null) {
      report.add(
          "unresolved reference",
          "implicit geometry reference " + p.getHref() + " of '" + ownerId + "' not found; dropped",
          at(ownerId));
      return null;
    }
    GeometryProperty<?> rel = ig.getRelativeGeometry();
    AbstractGeometry template = rel == null ? null : rel.getObject();
    if (template == null && rel != null && rel.getHref() != null) {
      template = templates.get(local(rel.getHref()));
    }
    if (template == null) {
      report.add(
          "missing geometry",
          "implicit geometry of '"
              + ownerId
              + "' has no readable template"
              + (ig.getLibraryObject() != null
                  ? " (library object " + ig.getLibraryObject() + " not loaded)"
                  : "")
              + "; dropped",
          at(ownerId));
      return null;
    }
    if (template.getId() != null) {
      if (!templates.containsKey(template.getId())) {
        lists.restoreAll(template); // kept beyond this feature and its number lists
        templates.put(template.getId(), template);
      }
    }
    double[] m = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0};
    if (ig.getTransformationMatrix() != null && ig.getTransformationMatrix().getValue() != null) {
      Matrix mat = ig.getTransformationMatrix().getValue();
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 4; c++) {
          m[4 * r + c] = mat.get(r, c);
        }
      }
    }
    if (ig.getReferencePoint() != null && ig.getReferencePoint().getObject() != null) {
      List<Double> ref = ig.getReferencePoint().getObject().toCoordinateList3D();
      m[3] += ref.get(0);
      m[7] += ref.get(1);
      m[11] += ref.get(2);
    }
    geometries.transform(m);
    try {
      return geometries.convert(template, lod);
    } finally {
      geometries.transform(null);
    }
  }

  /** The nested city objects that become children. */
  private List<AbstractCityObject> children(AbstractCityObject o, @Nullable String id) {
    List<AbstractCityObject> out = new ArrayList<>();
    if (o instanceof Building) {
      addAll(out, ((Building) o).getBuildingParts(), id);
    }
    if (o instanceof AbstractBuilding) {
      AbstractBuilding a = (AbstractBuilding) o;
      addAll(out, a.getBuildingInstallations(), id);
      addAll(out, a.getBuildingRooms(), id);
      addAll(out, a.getBuildingFurniture(), id);
      addAll(out, a.getBuildingConstructiveElements(), id);
      addAll(out, a.getBuildingSubdivisions(), id);
    }
    if (o instanceof BuildingRoom) {
      addAll(out, ((BuildingRoom) o).getBuildingInstallations(), id);
      addAll(out, ((BuildingRoom) o).getBuildingFurniture(), id);
    }
    if (o instanceof Bridge) {
      addAll(out, ((Bridge) o).getBridgeParts(), id);
    }
    if (o instanceof AbstractBridge) {
      AbstractBridge a = (AbstractBridge) o;
      addAll(out, a.getBridgeInstallations(), id);
      addAll(out, a.getBridgeRooms(), id);
      addAll(out, a.getBridgeFurniture(), id);
      addAll(out, a.getBridgeConstructiveElements(), id);
    }
    if (o instanceof Tunnel) {
      addAll(out, ((Tunnel) o).getTunnelParts(), id);
    }
    if (o instanceof AbstractTunnel) {
      AbstractTunnel a = (AbstractTunnel) o;
      addAll(out, a.getTunnelInstallations(), id);
      addAll(out, a.getHollowSpaces(), id);
      addAll(out, a.getTunnelFurniture(), id);
      addAll(out, a.getTunnelConstructiveElements(), id);
    }
    if (o instanceof AbstractConstructiveElement) {
      addAll(out, ((AbstractConstructiveElement) o).getFillings(), id);
    }
    if (o instanceof ReliefFeature) {
      addAll(out, ((ReliefFeature) o).getReliefComponents(), id);
    }
    if (o instanceof AbstractTransportationSpace) {
      AbstractTransportationSpace t = (AbstractTransportationSpace) o;
      addAll(out, t.getTrafficSpaces(), id);
      addAll(out, t.getAuxiliaryTrafficSpaces(), id);
      addAll(out, t.getHoles(), id);
      addAll(out, t.getMarkings(), id);
    }
    return out;
  }

  private void addAll(
      List<AbstractCityObject> out,
      List<? extends AbstractInlineOrByReferenceProperty<?>> props,
      @Nullable String ownerId) {
    for (AbstractInlineOrByReferenceProperty<?> p : props) {
      Object child = p.getObject();
      if (child instanceof AbstractCityObject) {
        out.add((AbstractCityObject) child);
      } else if (p.getHref() != null && ownerId != null) {
        report.add(
            "unresolved reference",
            "'" + ownerId + "' refers to " + p.getHref() + ", not found in the feature; dropped",
            at(ownerId));
      }
    }
  }

  private static CityObjectType type(AbstractCityObject o) {
    if (o instanceof GenericOccupiedSpace) {
      return CityObjectType.GENERIC_CITY_OBJECT;
    }
    String name = o.getClass().getSimpleName();
    switch (name) {
      case "HollowSpace":
        return CityObjectType.TUNNEL_HOLLOW_SPACE;
      case "Square":
        return CityObjectType.TRANSPORT_SQUARE;
      case "Storey":
        return CityObjectType.of("BuildingStorey");
      default:
        return CityObjectType.of(name);
    }
  }

  // ---------------------------------------------------------------- attributes

  /** Names, description, dates, standard properties, addresses and generic attributes. */
  private Attributes attributes(AbstractFeature f, String id) {
    Attributes.Builder a = Attributes.builder();
    List<Code> names = f.getNames();
    if (!names.isEmpty()) {
      List<AttributeValue> values = new ArrayList<>();
      for (Code c : names) {
        values.add(code(c));
      }
      a.put("name", values.size() == 1 ? values.get(0) : new ListValue(values));
    }
    if (f.getDescription() != null && f.getDescription().getValue() != null) {
      a.put("description", new StringValue(f.getDescription().getValue()));
    }
    if (f instanceof org.citygml4j.core.model.core.AbstractFeatureWithLifespan) {
      org.citygml4j.core.model.core.AbstractFeatureWithLifespan l =
          (org.citygml4j.core.model.core.AbstractFeatureWithLifespan) f;
      if (l.getCreationDate() != null) {
        a.put("creationDate", new StringValue(l.getCreationDate().toLocalDate().toString()));
      }
      if (l.getTerminationDate() != null) {
        a.put("terminationDate", new StringValue(l.getTerminationDate().toLocalDate().toString()));
      }
    }
    if (f instanceof AbstractCityObject) {
      AbstractCityObject c = (AbstractCityObject) f;
      if (c.getRelativeToTerrain() != null) {
        a.put("relativeToTerrain", new StringValue(c.getRelativeToTerrain().toValue()));
      }
      if (c.getRelativeToWater() != null) {
        a.put("relativeToWater", new StringValue(c.getRelativeToWater().toValue()));
      }
    }
    standard(f, a, id);
    if (f instanceof AbstractCityObject) {
      for (AbstractGenericAttributeProperty p : ((AbstractCityObject) f).getGenericAttributes()) {
        AbstractGenericAttribute<?> g = p.getObject();
        if (g != null && g.getName() != null) {
          AttributeValue v = generic(g, id);
          if (v != null) {
            a.put(g.getName(), v);
          }
        }
      }
    }
    return a.build();
  }

  private void standard(AbstractFeature f, Attributes.Builder a, String id) {
    Code classifier = null;
    List<Code> functions = List.of();
    List<Code> usages = List.of();
    if (f instanceof AbstractBuilding) {
      AbstractBuilding b = (AbstractBuilding) f;
      classifier = b.getClassifier();
      functions = b.getFunctions();
      usages = b.getUsages();
      if (b.getRoofType() != null) {
        a.put("roofType", code(b.getRoofType()));
      }
      if (b.getStoreysAboveGround() != null) {
        a.put("storeysAboveGround", new IntegerValue(b.getStoreysAboveGround()));
      }
      if (b.getStoreysBelowGround() != null) {
        a.put("storeysBelowGround", new IntegerValue(b.getStoreysBelowGround()));
      }
      storeyHeights(b.getStoreyHeightsAboveGround(), "storeyHeightsAboveGround", a);
      storeyHeights(b.getStoreyHeightsBelowGround(), "storeyHeightsBelowGround", a);
      addresses(b.getAddresses(), a, id);
    } else if (f instanceof AbstractBridge) {
      classifier = ((AbstractBridge) f).getClassifier();
      functions = ((AbstractBridge) f).getFunctions();
      usages = ((AbstractBridge) f).getUsages();
      addresses(((AbstractBridge) f).getAddresses(), a, id);
    } else if (f instanceof AbstractTunnel) {
      classifier = ((AbstractTunnel) f).getClassifier();
      functions = ((AbstractTunnel) f).getFunctions();
      usages = ((AbstractTunnel) f).getUsages();
    } else if (f instanceof CityObjectGroup) {
      CityObjectGroup g = (CityObjectGroup) f;
      classifier = g.getClassifier();
      functions = g.getFunctions();
      usages = g.getUsages();
      List<AttributeValue> members = new ArrayList<>();
      for (RoleProperty rp : g.getGroupMembers()) {
        if (rp.getObject() != null
            && rp.getObject().getGroupMember() != null
            && rp.getObject().getGroupMember().getHref() != null) {
          members.add(new StringValue(local(rp.getObject().getGroupMember().getHref())));
        }
      }
      if (!members.isEmpty()) {
        a.put("members", new ListValue(members));
      }
    } else {
      classifier = invokeCode(f, "getClassifier");
      functions = invokeCodes(f, "getFunctions");
      usages = invokeCodes(f, "getUsages");
    }
    if (classifier != null) {
      a.put("class", code(classifier));
    }
    putCodes(a, "function", functions);
    putCodes(a, "usage", usages);
    if (f instanceof AbstractConstruction) {
      AbstractConstruction c = (AbstractConstruction) f;
      List<HeightProperty> heights = c.getHeights();
      if (!heights.isEmpty()
          && heights.get(0).getObject() != null
          && heights.get(0).getObject().getValue() != null) {
        Height h = heights.get(0).getObject();
        a.put(
            "measuredHeight",
            new MeasureValue(
                h.getValue().getValue(),
                h.getValue().getUom() == null ? "m" : h.getValue().getUom()));
        if (heights.size() > 1) {
          report.addMany(
              "dropped height",
              heights.size() - 1,
              "'"
                  + id
                  + "' has "
                  + heights.size()
                  + " heights; only the first is kept as measuredHeight",
              at(id));
        }
      }
      if (c.getDateOfConstruction() != null) {
        a.put("yearOfConstruction", new IntegerValue(c.getDateOfConstruction().getYear()));
      }
      if (c.getDateOfDemolition() != null) {
        a.put("yearOfDemolition", new IntegerValue(c.getDateOfDemolition().getYear()));
      }
    }
  }

  private static void storeyHeights(
      org.xmlobjects.gml.model.basictypes.@Nullable MeasureOrNilReasonList list,
      String key,
      Attributes.Builder a) {
    if (list == null || list.getValue() == null || list.getValue().isEmpty()) {
      return;
    }
    List<AttributeValue> values = new ArrayList<>();
    for (org.xmlobjects.gml.model.basictypes.DoubleOrNilReason d : list.getValue()) {
      values.add(
          d.getValue() == null
              ? org.twin4j.core.attribute.NullValue.INSTANCE
              : new DoubleValue(d.getValue()));
    }
    a.put(key, new ListValue(values));
  }

  /** Getters of classifier, functions and usages, looked up once per class. */
  private static final ClassValue<java.lang.reflect.Method[]> CODE_GETTERS =
      new ClassValue<>() {
        @Override
        protected java.lang.reflect.Method[] computeValue(Class<?> type) {
          java.lang.reflect.Method[] m = new java.lang.reflect.Method[3];
          String[] names = {"getClassifier", "getFunctions", "getUsages"};
          for (int i = 0; i < 3; i++) {
            try {
              m[i] = type.getMethod(names[i]);
            } catch (NoSuchMethodException e) {
              m[i] = null;
            }
          }
          return m;
        }
      };

  /** Types this reader has no explicit branch for may still have these properties. */
  private static @Nullable Code invokeCode(Object f, String method) {
    java.lang.reflect.Method m = CODE_GETTERS.get(f.getClass())[0];
    try {
      Object v = m == null ? null : m.invoke(f);
      return v instanceof Code ? (Code) v : null;
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Code> invokeCodes(Object f, String method) {
    java.lang.reflect.Method m =
        CODE_GETTERS.get(f.getClass())[method.equals("getFunctions") ? 1 : 2];
    try {
      Object v = m == null ? null : m.invoke(f);
      return v instanceof List ? (List<Code>) v : List.of();
    } catch (ReflectiveOperationException e) {
      return List.of();
    }
  }

  private static void putCodes(Attributes.Builder a, String key, List<Code> codes) {
    if (codes.size() == 1) {
      a.put(key, code(codes.get(0)));
    } else if (codes.size() > 1) {
      List<AttributeValue> values = new ArrayList<>();
      for (Code c : codes) {
        values.add(code(c));
      }
      a.put(key, new ListValue(values));
    }
  }

  private static AttributeValue code(Code c) {
    String v = c.getValue() == null ? "" : c.getValue();
    return c.getCodeSpace() == null ? new StringValue(v) : new CodeValue(v, c.getCodeSpace());
  }

  private @Nullable AttributeValue generic(AbstractGenericAttribute<?> g, String id) {
    Object v = g.getValue();
    if (g instanceof StringAttribute) {
      return v == null ? null : new StringValue((String) v);
    }
    if (g instanceof IntAttribute) {
      return v == null ? null : new IntegerValue((Integer) v);
    }
    if (g instanceof DoubleAttribute) {
      return v == null || ((Double) v).isNaN() ? null : new DoubleValue((Double) v);
    }
    if (g instanceof DateAttribute) {
      return v == null ? null : new DateValue((java.time.LocalDate) v);
    }
    if (g instanceof UriAttribute) {
      if (v == null) {
        return null;
      }
      try {
        return new UriValue(new URI((String) v));
      } catch (URISyntaxException e) {
        return new StringValue((String) v);
      }
    }
    if (g instanceof MeasureAttribute) {
      org.xmlobjects.gml.model.basictypes.Measure m = ((MeasureAttribute) g).getValue();
      return m == null || m.getValue() == null
          ? null
          : new MeasureValue(m.getValue(), m.getUom() == null ? "" : m.getUom());
    }
    if (g instanceof CodeAttribute) {
      return v == null ? null : code((Code) v);
    }
    if (g instanceof GenericAttributeSet) {
      Attributes.Builder set = Attributes.builder();
      for (AbstractGenericAttributeProperty p : ((GenericAttributeSet) g).getValue()) {
        AbstractGenericAttribute<?> inner = p.getObject();
        if (inner != null && inner.getName() != null) {
          AttributeValue iv = generic(inner, id);
          if (iv != null) {
            set.put(inner.getName(), iv);
          }
        }
      }
      return new MapValue(set.build());
    }
    report.add(
        "dropped attribute",
        "generic attribute '"
            + g.getName()
            + "' of type "
            + g.getClass().getSimpleName()
            + " is not supported; dropped",
        at(id));
    return null;
  }

  /** xAL addresses as CityJSON address objects; parts CityJSON has no member for are reported. */
  private void addresses(List<AddressProperty> props, Attributes.Builder a, String id) {
    List<AttributeValue> out = new ArrayList<>();
    for (AddressProperty p : props) {
      Address address = p.getObject();
      if (address == null
          || address.getXALAddress() == null
          || address.getXALAddress().getObject() == null) {
        continue;
      }
      org.xmlobjects.xal.model.Address x = address.getXALAddress().getObject();
      Attributes.Builder m = Attributes.builder();
      if (x.getCountry() != null && !x.getCountry().getNameElements().isEmpty()) {
        m.put("CountryName", x.getCountry().getNameElements().get(0).getContent());
      }
      if (x.getAdministrativeArea() != null
          && !x.getAdministrativeArea().getNameElements().isEmpty()) {
        m.put(
            "AdministrativeArea", x.getAdministrativeArea().getNameElements().get(0).getContent());
      }
      if (x.getLocality() != null && !x.getLocality().getNameElements().isEmpty()) {
        m.put("LocalityName", x.getLocality().getNameElements().get(0).getContent());
      }
      if (x.getThoroughfare() != null) {
        boolean named = false;
        for (org.xmlobjects.xal.model.types.ThoroughfareNameOrNumber t :
            x.getThoroughfare().getNameElementOrNumber()) {
          if (t.getNameElement() != null && !named) {
            m.put("ThoroughfareName", t.getNameElement().getContent());
            named = true;
          } else if (t.getNumber() != null) {
            m.put("ThoroughfareNumber", t.getNumber().getContent());
          }
        }
      }
      if (x.getPostCode() != null && !x.getPostCode().getIdentifiers().isEmpty()) {
        m.put("PostalCode", x.getPostCode().getIdentifiers().get(0).getContent());
      }
      if (address.getMultiPoint() != null) {
        report.add(
            "dropped address part",
            "'" + id + "': the location point of an address is not carried",
            at(id));
      }
      out.add(new MapValue(m.build()));
    }
    if (!out.isEmpty()) {
      a.put("address", new ListValue(out));
    }
  }

  private void countUnknown(AbstractCityObject o, String id) {
    for (org.citygml4j.core.model.ade.ADEProperty p : o.getADEProperties()) {
      report.add(
          "dropped ADE property",
          "'" + id + "': ADE property " + p.getClass().getSimpleName() + " not carried",
          at(id));
    }
    if (o.getGenericProperties() != null) {
      for (org.xmlobjects.gml.model.common.GenericElement e : o.getGenericProperties()) {
        report.add(
            "dropped unknown property",
            "'"
                + id
                + "': unknown element {"
                + e.getContent().getNamespaceURI()
                + "}"
                + e.getContent().getLocalName()
                + " not carried",
            at(id));
      }
    }
  }

  // ---------------------------------------------------------------- appearances

  /** What the appearances of one theme give a polygon (by its id) or a ring (by its id). */
  private static final class Target {
    int material = -1;
    int texture = -1;
    double @Nullable [] coordinates;
  }

  /**
   * The appearances inside one top-level feature: per theme, one map from the ids of the polygons
   * and rings they target to their material, texture and texture coordinates.
   */
  private final class Appearances {
    final Map<String, Map<String, Target>> byTheme = new LinkedHashMap<>();
    private final List<Appearance> found = new ArrayList<>();

    boolean isEmpty() {
      return byTheme.isEmpty();
    }

    /**
     * Collects the appearances of an object, its boundary surfaces and openings, and its children,
     * then indexes them.
     */
    void collect(AbstractCityObject o) {
      find(o);
      if (found.isEmpty()) {
        return;
      }
      // the maps are made large enough at once: big textured models target thousands of surfaces
      Map<String, Integer> sizes = new LinkedHashMap<>(); // themes in document order
      for (Appearance a : found) {
        int n = 0;
        for (AbstractSurfaceDataProperty p : a.getSurfaceData()) {
          AbstractSurfaceData d = p.getObject();
          if (d instanceof X3DMaterial) {
            n += ((X3DMaterial) d).getTargets().size();
          } else if (d instanceof ParameterizedTexture) {
            n += 2 * ((ParameterizedTexture) d).getTextureParameterizations().size();
          }
        }
        sizes.merge(theme(a), n, Integer::sum);
      }
      for (Map.Entry<String, Integer> e : sizes.entrySet()) {
        byTheme.put(e.getKey(), new HashMap<>(Math.max(16, e.getValue() * 4 / 3 + 1)));
      }
      for (Appearance a : found) {
        add(a);
      }
      byTheme.values().removeIf(Map::isEmpty);
    }

    private void find(AbstractCityObject o) {
      own(o);
      if (o instanceof AbstractSpace) {
        for (AbstractSpaceBoundaryProperty p : ((AbstractSpace) o).getBoundaries()) {
          AbstractSpaceBoundary boundary = p.getObject();
          if (boundary instanceof AbstractThematicSurface) {
            own(boundary);
            if (boundary instanceof AbstractConstructionSurface) {
              for (AbstractFillingSurfaceProperty f :
                  ((AbstractConstructionSurface) boundary).getFillingSurfaces()) {
                if (f.getObject() != null) {
                  own(f.getObject());
                }
              }
            }
          } else if (boundary != null) {
            find(boundary);
          }
        }
      }
      if (o instanceof ReliefFeature) {
        for (org.citygml4j.core.model.relief.AbstractReliefComponentProperty p :
            ((ReliefFeature) o).getReliefComponents()) {
          if (p.getObject() != null) {
            own(p.getObject());
          }
        }
      }
      for (AbstractCityObject child : children(o, null)) {
        find(child);
      }
    }

    private void own(AbstractCityObject o) {
      if (o.isSetAppearances()) {
        for (AbstractAppearanceProperty p : o.getAppearances()) {
          if (p.getObject() instanceof Appearance) {
            found.add((Appearance) p.getObject());
          }
        }
      }
    }

    private String theme(Appearance appearance) {
      return appearance.getTheme() == null ? "unnamed" : appearance.getTheme();
    }

    private void add(Appearance appearance) {
      Map<String, Target> targets = byTheme.get(theme(appearance));
      for (AbstractSurfaceDataProperty p : appearance.getSurfaceData()) {
        AbstractSurfaceData d = p.getObject();
        if (d instanceof X3DMaterial) {
          X3DMaterial x = (X3DMaterial) d;
          Material m =
              new Material(
                  x.getNames().isEmpty() ? null : x.getNames().get(0).getValue(),
                  x.getAmbientIntensity() == null ? Double.NaN : x.getAmbientIntensity(),
                  color(x.getDiffuseColor()),
                  color(x.getEmissiveColor()),
                  color(x.getSpecularColor()),
                  x.getShininess() == null ? Double.NaN : x.getShininess(),
                  x.getTransparency() == null ? Double.NaN : x.getTransparency(),
                  x.getIsSmooth());
          int index =
              materialIndex.computeIfAbsent(
                  m,
                  k -> {
                    materials.add(k);
                    return materials.size() - 1;
                  });
          for (GeometryReference target : x.getTargets()) {
            if (target.getHref() != null) {
              target(targets, local(target.getHref())).material = index;
            }
          }
        } else if (d instanceof ParameterizedTexture) {
          ParameterizedTexture pt = (ParameterizedTexture) d;
          List<Double> border = null;
          if (pt.getBorderColor() != null) {
            border = pt.getBorderColor().toList();
          }
          Texture t =
              new Texture(
                  pt.getImageURI() == null ? "" : pt.getImageURI(),
                  pt.getMimeType() == null ? null : pt.getMimeType().getValue(),
                  pt.getWrapMode() == null ? null : pt.getWrapMode().toValue(),
                  pt.getTextureType() == null ? null : pt.getTextureType().toValue(),
                  border);
          int index =
              textureIndex.computeIfAbsent(
                  t,
                  k -> {
                    textures.add(k);
                    return textures.size() - 1;
                  });
          for (TextureAssociationProperty tap : pt.getTextureParameterizations()) {
            TextureAssociation ta = tap.getObject();
            if (ta == null || ta.getTarget() == null || ta.getTarget().getHref() == null) {
              continue;
            }
            String target = local(ta.getTarget().getHref());
            AbstractTextureParameterizationProperty param = ta.getTextureParameterization();
            if (param == null || !(param.getObject() instanceof TexCoordList)) {
              report.add(
                  "dropped appearance",
                  "a texture parameterisation other than texture coordinates (target "
                      + target
                      + ") is not carried",
                  SourceLocation.of(source));
              continue;
            }
            target(targets, target).texture = index;
            for (TextureCoordinates tc :
                ((TexCoordList) param.getObject()).getTextureCoordinates()) {
              if (tc.getRing() != null && tc.getRing().getHref() != null && tc.getValue() != null) {
                double[] st = lists.resolve(tc.getValue());
                if (st == null) {
                  st = new double[tc.getValue().size()];
                  for (int i = 0; i < st.length; i++) {
                    st[i] = tc.getValue().get(i);
                  }
                }
                target(targets, local(tc.getRing().getHref())).coordinates = st;
              }
            }
          }
          if (pt.hasDeprecatedProperties()
              && !pt.getDeprecatedProperties().getTargets().isEmpty()) {
            report.addMany(
                "dropped appearance",
                pt.getDeprecatedProperties().getTargets().size(),
                "texture targets given by reference only are not carried",
                SourceLocation.of(source));
          }
        } else if (d != null) {
          report.add(
              "dropped appearance",
              d.getClass().getSimpleName() + " is not carried",
              SourceLocation.of(source));
        }
      }
    }

    private Target target(Map<String, Target> targets, String id) {
      Target t = targets.get(id);
      if (t == null) {
        t = new Target();
        targets.put(id, t);
      }
      return t;
    }

    /** The appearance of one converted geometry, from its surfaces' polygon and ring ids. */
    @Nullable GeometryAppearance forGeometry(SurfaceGeometry g, GmlGeometryReader.Sources sources) {
      if (sources.polygons.size() != g.surfaceCount() || sources.ringIds.size() != g.ringCount()) {
        return null;
      }
      GeometryAppearance.Builder a =
          GeometryAppearance.builder(g.surfaceCount(), g.ringCount(), g.cornerCount());
      for (Map.Entry<String, Map<String, Target>> e : byTheme.entrySet()) {
        Map<String, Target> targets = e.getValue();
        for (int s = 0; s < g.surfaceCount(); s++) {
          Polygon p = sources.polygons.get(s);
          Target target = p == null || p.getId() == null ? null : targets.get(p.getId());
          if (target == null) {
            continue;
          }
          if (target.material >= 0) {
            a.material(e.getKey(), s, target.material);
          }
          if (target.texture < 0) {
            continue;
          }
          int first = g.surfaceFirstRing(s);
          for (int r = first; r < first + g.surfaceRingCount(s); r++) {
            String ringId = sources.ringIds.get(r);
            Target ring = ringId == null ? null : targets.get(ringId);
            double[] st = ring == null ? null : ring.coordinates;
            int n = g.ringSize(r);
            if (st == null || (st.length != 2 * n && st.length != 2 * n + 2)) {
              continue;
            }
            double[] uv = java.util.Arrays.copyOf(st, 2 * n);
            if (sources.reversed.get(r)) {
              uv = reversePairs(st, n);
            }
            a.texture(e.getKey(), r, target.texture, g.cornerIndex(r, 0), uv);
          }
        }
      }
      return a.isEmpty() ? null : a.build();
    }
  }

  /** Texture coordinates of a ring read reversed: the first corner stays, the rest reverse. */
  private static double[] reversePairs(double[] st, int n) {
    double[] out = new double[2 * n];
    for (int k = 0; k < n; k++) {
      int src = k == 0 ? 0 : n - k;
      out[2 * k] = st[2 * src];
      out[2 * k + 1] = st[2 * src + 1];
    }
    return out;
  }

  /** A local reference without its "#". */
  private static String local(String href) {
    return href.startsWith("#") ? href.substring(1) : href;
  }

  private static @Nullable Color color(org.citygml4j.core.model.appearance.@Nullable Color c) {
    if (c == null) {
      return null;
    }
    return new Color(clamp(c.getRed()), clamp(c.getGreen()), clamp(c.getBlue()));
  }

  private static double clamp(@Nullable Double v) {
    return v == null ? 0 : Math.max(0, Math.min(1, v));
  }
}
