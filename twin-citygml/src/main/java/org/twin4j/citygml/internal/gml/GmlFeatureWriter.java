// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.citygml.internal.gml;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.citygml4j.core.model.CityGMLVersion;
import org.citygml4j.core.model.appearance.AbstractSurfaceDataProperty;
import org.citygml4j.core.model.appearance.AbstractTextureParameterizationProperty;
import org.citygml4j.core.model.appearance.Appearance;
import org.citygml4j.core.model.appearance.ColorPlusOpacity;
import org.citygml4j.core.model.appearance.GeometryReference;
import org.citygml4j.core.model.appearance.ParameterizedTexture;
import org.citygml4j.core.model.appearance.TexCoordList;
import org.citygml4j.core.model.appearance.TextureAssociation;
import org.citygml4j.core.model.appearance.TextureAssociationProperty;
import org.citygml4j.core.model.appearance.TextureCoordinates;
import org.citygml4j.core.model.appearance.TextureType;
import org.citygml4j.core.model.appearance.WrapMode;
import org.citygml4j.core.model.appearance.X3DMaterial;
import org.citygml4j.core.model.bridge.AbstractBridge;
import org.citygml4j.core.model.bridge.Bridge;
import org.citygml4j.core.model.bridge.BridgeConstructiveElement;
import org.citygml4j.core.model.bridge.BridgeConstructiveElementProperty;
import org.citygml4j.core.model.bridge.BridgeFurniture;
import org.citygml4j.core.model.bridge.BridgeFurnitureProperty;
import org.citygml4j.core.model.bridge.BridgeInstallation;
import org.citygml4j.core.model.bridge.BridgeInstallationProperty;
import org.citygml4j.core.model.bridge.BridgePart;
import org.citygml4j.core.model.bridge.BridgePartProperty;
import org.citygml4j.core.model.bridge.BridgeRoom;
import org.citygml4j.core.model.bridge.BridgeRoomProperty;
import org.citygml4j.core.model.building.AbstractBuilding;
import org.citygml4j.core.model.building.AbstractBuildingSubdivision;
import org.citygml4j.core.model.building.AbstractBuildingSubdivisionProperty;
import org.citygml4j.core.model.building.Building;
import org.citygml4j.core.model.building.BuildingConstructiveElement;
import org.citygml4j.core.model.building.BuildingConstructiveElementProperty;
import org.citygml4j.core.model.building.BuildingFurniture;
import org.citygml4j.core.model.building.BuildingFurnitureProperty;
import org.citygml4j.core.model.building.BuildingInstallation;
import org.citygml4j.core.model.building.BuildingInstallationProperty;
import org.citygml4j.core.model.building.BuildingPart;
import org.citygml4j.core.model.building.BuildingPartProperty;
import org.citygml4j.core.model.building.BuildingRoom;
import org.citygml4j.core.model.building.BuildingRoomProperty;
import org.citygml4j.core.model.building.BuildingUnit;
import org.citygml4j.core.model.building.Storey;
import org.citygml4j.core.model.cityfurniture.CityFurniture;
import org.citygml4j.core.model.cityobjectgroup.CityObjectGroup;
import org.citygml4j.core.model.cityobjectgroup.Role;
import org.citygml4j.core.model.cityobjectgroup.RoleProperty;
import org.citygml4j.core.model.construction.AbstractConstruction;
import org.citygml4j.core.model.construction.AbstractConstructionSurface;
import org.citygml4j.core.model.construction.AbstractConstructiveElement;
import org.citygml4j.core.model.construction.AbstractFillingElement;
import org.citygml4j.core.model.construction.AbstractFillingElementProperty;
import org.citygml4j.core.model.construction.AbstractFillingSurface;
import org.citygml4j.core.model.construction.AbstractFillingSurfaceProperty;
import org.citygml4j.core.model.construction.CeilingSurface;
import org.citygml4j.core.model.construction.Door;
import org.citygml4j.core.model.construction.DoorSurface;
import org.citygml4j.core.model.construction.FloorSurface;
import org.citygml4j.core.model.construction.GroundSurface;
import org.citygml4j.core.model.construction.Height;
import org.citygml4j.core.model.construction.HeightProperty;
import org.citygml4j.core.model.construction.InteriorWallSurface;
import org.citygml4j.core.model.construction.OtherConstruction;
import org.citygml4j.core.model.construction.OuterCeilingSurface;
import org.citygml4j.core.model.construction.OuterFloorSurface;
import org.citygml4j.core.model.construction.RoofSurface;
import org.citygml4j.core.model.construction.WallSurface;
import org.citygml4j.core.model.construction.Window;
import org.citygml4j.core.model.construction.WindowSurface;
import org.citygml4j.core.model.core.AbstractAppearanceProperty;
import org.citygml4j.core.model.core.AbstractCityObject;
import org.citygml4j.core.model.core.AbstractCityObjectReference;
import org.citygml4j.core.model.core.AbstractFeatureWithLifespan;
import org.citygml4j.core.model.core.AbstractGenericAttribute;
import org.citygml4j.core.model.core.AbstractGenericAttributeProperty;
import org.citygml4j.core.model.core.AbstractSpace;
import org.citygml4j.core.model.core.AbstractSpaceBoundaryProperty;
import org.citygml4j.core.model.core.AbstractThematicSurface;
import org.citygml4j.core.model.core.Address;
import org.citygml4j.core.model.core.AddressProperty;
import org.citygml4j.core.model.core.ClosureSurface;
import org.citygml4j.core.model.core.RelativeToTerrain;
import org.citygml4j.core.model.core.RelativeToWater;
import org.citygml4j.core.model.core.StandardObjectClassifier;
import org.citygml4j.core.model.core.XALAddressProperty;
import org.citygml4j.core.model.generics.CodeAttribute;
import org.citygml4j.core.model.generics.DateAttribute;
import org.citygml4j.core.model.generics.DoubleAttribute;
import org.citygml4j.core.model.generics.GenericAttributeSet;
import org.citygml4j.core.model.generics.GenericOccupiedSpace;
import org.citygml4j.core.model.generics.GenericThematicSurface;
import org.citygml4j.core.model.generics.IntAttribute;
import org.citygml4j.core.model.generics.MeasureAttribute;
import org.citygml4j.core.model.generics.StringAttribute;
import org.citygml4j.core.model.generics.UriAttribute;
import org.citygml4j.core.model.landuse.LandUse;
import org.citygml4j.core.model.relief.AbstractReliefComponent;
import org.citygml4j.core.model.relief.AbstractReliefComponentProperty;
import org.citygml4j.core.model.relief.ReliefFeature;
import org.citygml4j.core.model.relief.TINRelief;
import org.citygml4j.core.model.relief.TinProperty;
import org.citygml4j.core.model.transportation.AbstractTransportationSpace;
import org.citygml4j.core.model.transportation.AuxiliaryTrafficArea;
import org.citygml4j.core.model.transportation.AuxiliaryTrafficSpace;
import org.citygml4j.core.model.transportation.AuxiliaryTrafficSpaceProperty;
import org.citygml4j.core.model.transportation.HoleSurface;
import org.citygml4j.core.model.transportation.Marking;
import org.citygml4j.core.model.transportation.Railway;
import org.citygml4j.core.model.transportation.Road;
import org.citygml4j.core.model.transportation.Square;
import org.citygml4j.core.model.transportation.Track;
import org.citygml4j.core.model.transportation.TrafficArea;
import org.citygml4j.core.model.transportation.TrafficSpace;
import org.citygml4j.core.model.transportation.TrafficSpaceProperty;
import org.citygml4j.core.model.transportation.Waterway;
import org.citygml4j.core.model.tunnel.AbstractTunnel;
import org.citygml4j.core.model.tunnel.HollowSpace;
import org.citygml4j.core.model.tunnel.HollowSpaceProperty;
import org.citygml4j.core.model.tunnel.Tunnel;
import org.citygml4j.core.model.tunnel.TunnelConstructiveElement;
import org.citygml4j.core.model.tunnel.TunnelConstructiveElementProperty;
import org.citygml4j.core.model.tunnel.TunnelFurniture;
import org.citygml4j.core.model.tunnel.TunnelFurnitureProperty;
import org.citygml4j.core.model.tunnel.TunnelInstallation;
import org.citygml4j.core.model.tunnel.TunnelInstallationProperty;
import org.citygml4j.core.model.tunnel.TunnelPart;
import org.citygml4j.core.model.tunnel.TunnelPartProperty;
import org.citygml4j.core.model.vegetation.PlantCover;
import org.citygml4j.core.model.vegetation.SolitaryVegetationObject;
import org.citygml4j.core.model.waterbody.WaterBody;
import org.citygml4j.core.model.waterbody.WaterGroundSurface;
import org.citygml4j.core.model.waterbody.WaterSurface;
import org.jspecify.annotations.Nullable;
import org.twin4j.citygml.ConversionReport;
import org.twin4j.citygml.WriteOptions;
import org.twin4j.core.appearance.Appearances;
import org.twin4j.core.appearance.Color;
import org.twin4j.core.appearance.GeometryAppearance;
import org.twin4j.core.appearance.Material;
import org.twin4j.core.appearance.Texture;
import org.twin4j.core.attribute.AttributeValue;
import org.twin4j.core.attribute.Attributes;
import org.twin4j.core.attribute.BooleanValue;
import org.twin4j.core.attribute.CodeValue;
import org.twin4j.core.attribute.DateValue;
import org.twin4j.core.attribute.DoubleValue;
import org.twin4j.core.attribute.IntegerValue;
import org.twin4j.core.attribute.ListValue;
import org.twin4j.core.attribute.MapValue;
import org.twin4j.core.attribute.MeasureValue;
import org.twin4j.core.attribute.NullValue;
import org.twin4j.core.attribute.StringValue;
import org.twin4j.core.attribute.UriValue;
import org.twin4j.core.geom.Geometry;
import org.twin4j.core.geom.MultiLineString;
import org.twin4j.core.geom.MultiPoint;
import org.twin4j.core.geom.MultiSolid;
import org.twin4j.core.geom.SemanticSurface;
import org.twin4j.core.geom.Solid;
import org.twin4j.core.geom.SurfaceGeometry;
import org.twin4j.core.geom.TriangleMesh;
import org.twin4j.core.io.SourceLocation;
import org.twin4j.core.model.CityObject;
import org.xmlobjects.gml.model.basictypes.Code;
import org.xmlobjects.gml.model.basictypes.Measure;
import org.xmlobjects.gml.model.deprecated.StringOrRef;
import org.xmlobjects.gml.model.geometry.AbstractGeometry;
import org.xmlobjects.gml.model.geometry.DirectPosition;
import org.xmlobjects.gml.model.geometry.DirectPositionList;
import org.xmlobjects.gml.model.geometry.GeometryProperty;
import org.xmlobjects.gml.model.geometry.aggregates.MultiCurve;
import org.xmlobjects.gml.model.geometry.aggregates.MultiCurveProperty;
import org.xmlobjects.gml.model.geometry.aggregates.MultiSolidProperty;
import org.xmlobjects.gml.model.geometry.aggregates.MultiSurface;
import org.xmlobjects.gml.model.geometry.aggregates.MultiSurfaceProperty;
import org.xmlobjects.gml.model.geometry.complexes.CompositeSolid;
import org.xmlobjects.gml.model.geometry.primitives.AbstractRingProperty;
import org.xmlobjects.gml.model.geometry.primitives.AbstractSolid;
import org.xmlobjects.gml.model.geometry.primitives.CurveProperty;
import org.xmlobjects.gml.model.geometry.primitives.LineString;
import org.xmlobjects.gml.model.geometry.primitives.LinearRing;
import org.xmlobjects.gml.model.geometry.primitives.Point;
import org.xmlobjects.gml.model.geometry.primitives.PointProperty;
import org.xmlobjects.gml.model.geometry.primitives.Polygon;
import org.xmlobjects.gml.model.geometry.primitives.Shell;
import org.xmlobjects.gml.model.geometry.primitives.ShellProperty;
import org.xmlobjects.gml.model.geometry.primitives.SolidProperty;
import org.xmlobjects.gml.model.geometry.primitives.SurfaceProperty;
import org.xmlobjects.gml.model.geometry.primitives.Triangle;
import org.xmlobjects.gml.model.geometry.primitives.TriangleArrayProperty;
import org.xmlobjects.gml.model.geometry.primitives.TriangulatedSurface;

/**
 * Converts a {@link CityObject} into citygml4j objects, the inverse of {@link GmlFeatureReader}.
 *
 * <p>Geometry: polygons are written inline in the owner's geometry (Solid, MultiSurface ...); each
 * semantic surface becomes a thematic surface (WallSurface, RoofSurface ...) whose multi-surface
 * refers to those polygons by {@code xlink:href}, and openings (Window, Door) become filling
 * surfaces of their wall. Where the owner's geometry has no place in the target version (a LOD1
 * multi-surface of a CityGML 3.0 building), its semantic polygons are written inline in the
 * thematic surfaces instead and the rest is reported. Materials and textures become one {@code
 * Appearance} per theme inside the top-level feature. Children are nested in the property CityGML
 * defines for the pair of types; a child with no such property is written as a top-level member.
 * Everything that cannot be written as it is is reported.
 */
final class GmlFeatureWriter {

  private static final Pattern NCNAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");
  private static final Map<String, Supplier<AbstractCityObject>> TYPES = new LinkedHashMap<>();

  /** Types that exist only in CityGML 3.0. */
  private static final Set<String> ONLY_3 =
      Set.of(
          "BuildingConstructiveElement",
          "BuildingStorey",
          "BuildingUnit",
          "BridgeConstructiveElement",
          "TunnelConstructiveElement",
          "OtherConstruction",
          "Waterway",
          "TrafficSpace",
          "AuxiliaryTrafficSpace",
          "Window",
          "Door");

  static {
    TYPES.put("Building", Building::new);
    TYPES.put("BuildingPart", BuildingPart::new);
    TYPES.put("BuildingInstallation", BuildingInstallation::new);
    TYPES.put("BuildingRoom", BuildingRoom::new);
    TYPES.put("BuildingFurniture", BuildingFurniture::new);
    TYPES.put("BuildingConstructiveElement", BuildingConstructiveElement::new);
    TYPES.put("BuildingStorey", Storey::new);
    TYPES.put("BuildingUnit", BuildingUnit::new);
    TYPES.put("Bridge", Bridge::new);
    TYPES.put("BridgePart", BridgePart::new);
    TYPES.put("BridgeInstallation", BridgeInstallation::new);
    TYPES.put("BridgeRoom", BridgeRoom::new);
    TYPES.put("BridgeFurniture", BridgeFurniture::new);
    TYPES.put("BridgeConstructiveElement", BridgeConstructiveElement::new);
    TYPES.put("Tunnel", Tunnel::new);
    TYPES.put("TunnelPart", TunnelPart::new);
    TYPES.put("TunnelInstallation", TunnelInstallation::new);
    TYPES.put("TunnelHollowSpace", HollowSpace::new);
    TYPES.put("TunnelFurniture", TunnelFurniture::new);
    TYPES.put("TunnelConstructiveElement", TunnelConstructiveElement::new);
    TYPES.put("CityFurniture", CityFurniture::new);
    TYPES.put("CityObjectGroup", CityObjectGroup::new);
    TYPES.put("GenericCityObject", GenericOccupiedSpace::new);
    TYPES.put("LandUse", LandUse::new);
    TYPES.put("PlantCover", PlantCover::new);
    TYPES.put("SolitaryVegetationObject", SolitaryVegetationObject::new);
    TYPES.put("WaterBody", WaterBody::new);
    TYPES.put("Road", Road::new);
    TYPES.put("Railway", Railway::new);
    TYPES.put("Track", Track::new);
    TYPES.put("TransportSquare", Square::new);
    TYPES.put("Waterway", Waterway::new);
    TYPES.put("TrafficSpace", TrafficSpace::new);
    TYPES.put("AuxiliaryTrafficSpace", AuxiliaryTrafficSpace::new);
    TYPES.put("ReliefFeature", ReliefFeature::new);
    TYPES.put("TINRelief", TINRelief::new);
    TYPES.put("OtherConstruction", OtherConstruction::new);
    TYPES.put("Window", Window::new);
    TYPES.put("Door", Door::new);
  }

  private final String target;
  private final CityGMLVersion version;
  private final WriteOptions options;
  private Appearances appearances;
  private final ConversionReport.Builder report;
  private final @Nullable String srsName;
  private long refinedLods;

  /**
   * Makes a converter for one output file.
   *
   * @param srsName the srsName to put on every top-level geometry, or null if the header envelope
   *     carries it
   */
  GmlFeatureWriter(
      String target,
      CityGMLVersion version,
      WriteOptions options,
      Appearances appearances,
      ConversionReport.Builder report,
      @Nullable String srsName) {
    this.target = target;
    this.version = version;
    this.options = options;
    this.appearances = appearances;
    this.report = report;
    this.srsName = srsName;
  }

  void appearances(Appearances tables) {
    this.appearances = tables;
  }

  private boolean v2() {
    return version == CityGMLVersion.v2_0;
  }

  private SourceLocation at(String id) {
    return SourceLocation.atObject(target, id);
  }

  /** Reports what was counted over the whole file. */
  void finish() {
    if (refinedLods > 0) {
      report.addMany(
          "changed LOD",
          refinedLods,
          refinedLods
              + " geometries with a refined LOD (such as 2.2) written with its integer level: CityGML has no refinement",
          SourceLocation.of(target));
    }
  }

  /**
   * Converts a top-level object.
   *
   * @return the features to write as members: the object, then any descendant that has no place
   *     inside its parent in CityGML; empty if the object cannot be written
   */
  List<AbstractCityObject> convert(CityObject o) {
    List<AbstractCityObject> members = new ArrayList<>();
    Feature feature = new Feature();
    AbstractCityObject root = convert(o, feature, members);
    if (root == null) {
      return members;
    }
    feature.appearances(root);
    members.add(0, root);
    return members;
  }

  // ---------------------------------------------------------------- city objects

  private @Nullable AbstractCityObject convert(
      CityObject o, Feature feature, List<AbstractCityObject> lifted) {
    String typeName = o.type().name();
    if (v2() && ONLY_3.contains(typeName)) {
      report.add(
          "dropped object",
          "'"
              + o.id()
              + "': "
              + typeName
              + " does not exist in CityGML 2.0; dropped with its "
              + count(o)
              + " descendants",
          at(o.id()));
      return null;
    }
    Supplier<AbstractCityObject> make = TYPES.get(typeName);
    Attributes attributes = o.attributes();
    if (make == null) {
      report.add(
          "changed type",
          "'"
              + o.id()
              + "': type "
              + typeName
              + " has no CityGML counterpart; written as a generic city object",
          at(o.id()));
      make = GenericOccupiedSpace::new;
      attributes = attributes.with(GmlFeatureReader.ORIGINAL_TYPE, new StringValue(typeName));
    }
    AbstractCityObject c = make.get();
    c.setId(gmlId(o.id()));
    attributes(c, attributes, o.id());

    Thematics thematics = new Thematics(c, o.id(), feature);
    for (Geometry g : o.geometries()) {
      if (options.keeps(g.lod())) {
        geometry(c, g, o.id(), thematics, feature);
      }
    }
    thematics.attach();
    if (c instanceof ReliefFeature) {
      int lod = 0;
      for (CityObject child : o.children()) {
        for (Geometry g : child.geometries()) {
          lod = Math.max(lod, g.lod().level());
        }
      }
      ((ReliefFeature) c).setLod(Math.min(lod, 3));
    }
    for (CityObject child : o.children()) {
      AbstractCityObject cc = convert(child, feature, lifted);
      if (cc == null) {
        continue;
      }
      if (c instanceof CityObjectGroup) {
        ((CityObjectGroup) c)
            .getGroupMembers()
            .add(new RoleProperty(new Role(new AbstractCityObjectReference("#" + cc.getId()))));
        lifted.add(cc);
      } else if (!attach(c, cc)) {
        report.add(
            "changed hierarchy",
            "'"
                + child.id()
                + "': a "
                + child.type().name()
                + " cannot be nested in a "
                + typeName
                + " in CityGML "
                + version.toValue()
                + "; written as a top-level member",
            at(child.id()));
        lifted.add(cc);
      }
    }
    return c;
  }

  private static int count(CityObject o) {
    int n = 0;
    for (CityObject c : o.children()) {
      n += 1 + count(c);
    }
    return n;
  }

  /**
   * The id as gml:id. Ids that are no XML names (UUIDs starting with a digit are common in CityGML
   * files) are kept as they are, so that links to other systems hold; the output is then not
   * schema-valid there, which is reported.
   */
  private String gmlId(String id) {
    if (!NCNAME.matcher(id).matches()) {
      report.add(
          "invalid id",
          "'"
              + id
              + "' is no XML name, as a gml:id must be; written unchanged (schema validators will object)",
          at(id));
    }
    return id;
  }

  /** Nests a child in the property CityGML defines for the pair of types. */
  private boolean attach(AbstractCityObject parent, AbstractCityObject child) {
    if (parent instanceof Building && child instanceof BuildingPart) {
      return ((Building) parent)
          .getBuildingParts()
          .add(new BuildingPartProperty((BuildingPart) child));
    }
    if (parent instanceof AbstractBuilding) {
      AbstractBuilding b = (AbstractBuilding) parent;
      if (child instanceof BuildingInstallation) {
        return b.getBuildingInstallations()
            .add(new BuildingInstallationProperty((BuildingInstallation) child));
      }
      if (child instanceof BuildingRoom) {
        return b.getBuildingRooms().add(new BuildingRoomProperty((BuildingRoom) child));
      }
      if (child instanceof BuildingFurniture && !v2()) {
        return b.getBuildingFurniture()
            .add(new BuildingFurnitureProperty((BuildingFurniture) child));
      }
      if (child instanceof BuildingConstructiveElement) {
        return b.getBuildingConstructiveElements()
            .add(new BuildingConstructiveElementProperty((BuildingConstructiveElement) child));
      }
      if (child instanceof AbstractBuildingSubdivision) {
        return b.getBuildingSubdivisions()
            .add(new AbstractBuildingSubdivisionProperty((AbstractBuildingSubdivision) child));
      }
    }
    if (parent instanceof BuildingRoom) {
      BuildingRoom r = (BuildingRoom) parent;
      if (child instanceof BuildingInstallation) {
        return r.getBuildingInstallations()
            .add(new BuildingInstallationProperty((BuildingInstallation) child));
      }
      if (child instanceof BuildingFurniture) {
        return r.getBuildingFurniture()
            .add(new BuildingFurnitureProperty((BuildingFurniture) child));
      }
    }
    if (parent instanceof Bridge && child instanceof BridgePart) {
      return ((Bridge) parent).getBridgeParts().add(new BridgePartProperty((BridgePart) child));
    }
    if (parent instanceof AbstractBridge) {
      AbstractBridge b = (AbstractBridge) parent;
      if (child instanceof BridgeInstallation) {
        return b.getBridgeInstallations()
            .add(new BridgeInstallationProperty((BridgeInstallation) child));
      }
      if (child instanceof BridgeRoom) {
        return b.getBridgeRooms().add(new BridgeRoomProperty((BridgeRoom) child));
      }
      if (child instanceof BridgeFurniture && !v2()) {
        return b.getBridgeFurniture().add(new BridgeFurnitureProperty((BridgeFurniture) child));
      }
      if (child instanceof BridgeConstructiveElement) {
        return b.getBridgeConstructiveElements()
            .add(new BridgeConstructiveElementProperty((BridgeConstructiveElement) child));
      }
    }
    if (parent instanceof BridgeRoom) {
      BridgeRoom r = (BridgeRoom) parent;
      if (child instanceof BridgeInstallation) {
        return r.getBridgeInstallations()
            .add(new BridgeInstallationProperty((BridgeInstallation) child));
      }
      if (child instanceof BridgeFurniture) {
        return r.getBridgeFurniture().add(new BridgeFurnitureProperty((BridgeFurniture) child));
      }
    }
    if (parent instanceof Tunnel && child instanceof TunnelPart) {
      return ((Tunnel) parent).getTunnelParts().add(new TunnelPartProperty((TunnelPart) child));
    }
    if (parent instanceof AbstractTunnel) {
      AbstractTunnel t = (AbstractTunnel) parent;
      if (child instanceof TunnelInstallation) {
        return t.getTunnelInstallations()
            .add(new TunnelInstallationProperty((TunnelInstallation) child));
      }
      if (child instanceof HollowSpace) {
        return t.getHollowSpaces().add(new HollowSpaceProperty((HollowSpace) child));
      }
      if (child instanceof TunnelFurniture && !v2()) {
        return t.getTunnelFurniture().add(new TunnelFurnitureProperty((TunnelFurniture) child));
      }
      if (child instanceof TunnelConstructiveElement) {
        return t.getTunnelConstructiveElements()
            .add(new TunnelConstructiveElementProperty((TunnelConstructiveElement) child));
      }
    }
    if (parent instanceof HollowSpace) {
      HollowSpace h = (HollowSpace) parent;
      if (child instanceof TunnelInstallation) {
        return h.getTunnelInstallations()
            .add(new TunnelInstallationProperty((TunnelInstallation) child));
      }
      if (child instanceof TunnelFurniture) {
        return h.getTunnelFurniture().add(new TunnelFurnitureProperty((TunnelFurniture) child));
      }
    }
    if (parent instanceof ReliefFeature && child instanceof AbstractReliefComponent) {
      return ((ReliefFeature) parent)
          .getReliefComponents()
          .add(new AbstractReliefComponentProperty((AbstractReliefComponent) child));
    }
    if (parent instanceof AbstractTransportationSpace) {
      AbstractTransportationSpace t = (AbstractTransportationSpace) parent;
      if (child instanceof TrafficSpace) {
        return t.getTrafficSpaces().add(new TrafficSpaceProperty((TrafficSpace) child));
      }
      if (child instanceof AuxiliaryTrafficSpace) {
        return t.getAuxiliaryTrafficSpaces()
            .add(new AuxiliaryTrafficSpaceProperty((AuxiliaryTrafficSpace) child));
      }
    }
    if (parent instanceof AbstractConstructiveElement && child instanceof AbstractFillingElement) {
      return ((AbstractConstructiveElement) parent)
          .getFillings()
          .add(new AbstractFillingElementProperty((AbstractFillingElement) child));
    }
    return false;
  }

  // ---------------------------------------------------------------- geometry

  private void geometry(
      AbstractCityObject c, Geometry g, String id, Thematics thematics, Feature feature) {
    int level = g.lod().level();
    if (g.lod().isRefined()) {
      refinedLods++;
    }
    if (level > 3 && !v2()) {
      report.add(
          "changed LOD",
          "'"
              + id
              + "': a LOD"
              + level
              + " "
              + g.type().cityJsonName()
              + " written as LOD3 (CityGML 3.0 has no LOD4)",
          at(id));
      level = 3;
    }
    if (c instanceof TINRelief) {
      TriangulatedSurface tin = tin(g);
      if (tin != null && ((TINRelief) c).getTin() == null) {
        setSrs(tin);
        ((TINRelief) c).setTin(new TinProperty(tin));
        ((TINRelief) c).setLod(Math.min(level, 3));
        return;
      }
    }
    SurfaceGeometry s = g instanceof SurfaceGeometry ? (SurfaceGeometry) g : null;
    boolean named = s != null && (s.hasSemantics() || s.appearance() != null);
    Polygon[] polygons = s == null ? new Polygon[0] : polygons(s, named ? feature : null);
    AbstractGeometry gml = gml(g, polygons, id);
    if (gml == null) {
      return;
    }
    setSrs(gml);
    boolean placed = place(c, level, gml, id);
    if (!placed
        && !v2()
        && gml instanceof MultiSurface
        && c instanceof AbstractSpace
        && (s == null || !s.hasSemantics())) {
      placed = unclassified((AbstractSpace) c, level, (MultiSurface) gml, id, feature);
    }
    if (s != null && s.hasSemantics()) {
      for (int i = 0; i < s.surfaceCount(); i++) {
        SemanticSurface sem = s.semantic(i);
        if (sem != null) {
          thematics.add(sem, level, polygons[i], !placed);
        }
      }
    }
    if (!placed && (s == null || !s.hasSemantics())) {
      report.add(
          "dropped geometry",
          "'"
              + id
              + "': a LOD"
              + level
              + " "
              + g.type().cityJsonName()
              + " has no place in a "
              + c.getClass().getSimpleName()
              + " in CityGML "
              + version.toValue()
              + "; dropped",
          at(id));
      return;
    }
    if (s != null && s.appearance() != null) {
      feature.collect(s, polygons);
    }
  }

  /**
   * CityGML 3.0 spaces have no LOD1 multi-surface (nor LOD0/2/3 ones once taken): their surfaces go
   * to a generic thematic boundary, marked so that reading it back gives surfaces without
   * semantics.
   */
  private boolean unclassified(
      AbstractSpace c, int level, MultiSurface gml, String id, Feature feature) {
    GenericThematicSurface t = new GenericThematicSurface();
    t.setId(feature.nextId("surface"));
    t.getGenericAttributes()
        .add(
            new AbstractGenericAttributeProperty(
                new StringAttribute(
                    GmlFeatureReader.ORIGINAL_TYPE, GmlFeatureReader.NO_SEMANTICS)));
    if (!t.setMultiSurface(level, new MultiSurfaceProperty(gml))
        || !c.addBoundary(new AbstractSpaceBoundaryProperty(t))) {
      return false;
    }
    report.add(
        "changed geometry",
        "'"
            + id
            + "': a LOD"
            + level
            + " MultiSurface has no place in a "
            + c.getClass().getSimpleName()
            + " in CityGML 3.0; written as a generic thematic boundary surface",
        at(id));
    return true;
  }

  private void setSrs(AbstractGeometry g) {
    if (srsName != null) {
      g.setSrsName(srsName);
      g.setSrsDimension(3);
    }
  }

  /**
   * The polygons of a surface geometry, with gml:ids (and ring ids) when something refers to them.
   */
  private static Polygon[] polygons(SurfaceGeometry s, @Nullable Feature ids) {
    Polygon[] out = new Polygon[s.surfaceCount()];
    for (int i = 0; i < out.length; i++) {
      int first = s.surfaceFirstRing(i);
      Polygon p = new Polygon(ring(s, first, ids));
      for (int r = first + 1; r < first + s.surfaceRingCount(i); r++) {
        p.getInterior().add(new AbstractRingProperty(ring(s, r, ids)));
      }
      if (ids != null) {
        p.setId(ids.nextId("poly"));
      }
      out[i] = p;
    }
    return out;
  }

  private static LinearRing ring(SurfaceGeometry s, int r, @Nullable Feature ids) {
    int n = s.ringSize(r);
    List<Double> xyz = new ArrayList<>(3 * n + 3);
    for (int k = 0; k <= n; k++) {
      int v = s.ringVertex(r, k % n);
      xyz.add(s.x(v));
      xyz.add(s.y(v));
      xyz.add(s.z(v));
    }
    LinearRing ring = new LinearRing(new DirectPositionList(xyz));
    if (ids != null && s.appearance() != null && !s.appearance().textureThemes().isEmpty()) {
      ring.setId(ids.nextId("ring"));
    }
    return ring;
  }

  private static List<SurfaceProperty> members(Polygon[] polygons, int first, int count) {
    List<SurfaceProperty> out = new ArrayList<>(count);
    for (int i = first; i < first + count; i++) {
      out.add(new SurfaceProperty(polygons[i]));
    }
    return out;
  }

  private @Nullable AbstractGeometry gml(Geometry g, Polygon[] polygons, String id) {
    if (g instanceof Solid) {
      Solid s = (Solid) g;
      return solid(polygons, s.shellCount(), s::shellFirstSurface, s::shellSurfaceCount, 0);
    }
    if (g instanceof MultiSolid) {
      MultiSolid m = (MultiSolid) g;
      List<SolidProperty> solids = new ArrayList<>();
      for (int i = 0; i < m.solidCount(); i++) {
        solids.add(
            new SolidProperty(
                solid(
                    polygons,
                    m.solidShellCount(i),
                    m::shellFirstSurface,
                    m::shellSurfaceCount,
                    m.solidFirstShell(i))));
      }
      if (m.isComposite()) {
        return new CompositeSolid(solids);
      }
      return new org.xmlobjects.gml.model.geometry.aggregates.MultiSolid(solids);
    }
    if (g instanceof SurfaceGeometry) {
      return new MultiSurface(members(polygons, 0, polygons.length));
    }
    if (g instanceof TriangleMesh) {
      TriangleMesh m = (TriangleMesh) g;
      List<SurfaceProperty> triangles = new ArrayList<>(m.triangleCount());
      for (int t = 0; t < m.triangleCount(); t++) {
        triangles.add(new SurfaceProperty(new Polygon(triangleRing(m, t))));
      }
      return new MultiSurface(triangles);
    }
    if (g instanceof MultiLineString) {
      MultiLineString l = (MultiLineString) g;
      List<CurveProperty> curves = new ArrayList<>();
      for (int i = 0; i < l.lineCount(); i++) {
        List<Double> xyz = new ArrayList<>();
        for (int v = l.lineStart(i); v < l.lineEnd(i); v++) {
          xyz.add(l.x(v));
          xyz.add(l.y(v));
          xyz.add(l.z(v));
        }
        curves.add(new CurveProperty(new LineString(new DirectPositionList(xyz))));
      }
      return new MultiCurve(curves);
    }
    if (g instanceof MultiPoint) {
      if (g.vertexCount() == 1) {
        return new Point(new DirectPosition(g.x(0), g.y(0), g.z(0)));
      }
      List<PointProperty> points = new ArrayList<>();
      for (int v = 0; v < g.vertexCount(); v++) {
        points.add(new PointProperty(new Point(new DirectPosition(g.x(v), g.y(v), g.z(v)))));
      }
      return new org.xmlobjects.gml.model.geometry.aggregates.MultiPoint(points);
    }
    report.add(
        "dropped geometry",
        "'" + id + "': a " + g.type().cityJsonName() + " cannot be written",
        at(id));
    return null;
  }

  private interface ShellIndex {
    int apply(int shell);
  }

  private static org.xmlobjects.gml.model.geometry.primitives.Solid solid(
      Polygon[] polygons, int shells, ShellIndex first, ShellIndex count, int shell0) {
    org.xmlobjects.gml.model.geometry.primitives.Solid solid =
        new org.xmlobjects.gml.model.geometry.primitives.Solid(
            new Shell(members(polygons, first.apply(shell0), count.apply(shell0))));
    for (int sh = shell0 + 1; sh < shell0 + shells; sh++) {
      solid
          .getInterior()
          .add(new ShellProperty(new Shell(members(polygons, first.apply(sh), count.apply(sh)))));
    }
    return solid;
  }

  private static LinearRing triangleRing(TriangleMesh m, int t) {
    List<Double> xyz = new ArrayList<>(12);
    for (int k = 0; k <= 3; k++) {
      int v = m.triangleVertex(t, k % 3);
      xyz.add(m.x(v));
      xyz.add(m.y(v));
      xyz.add(m.z(v));
    }
    return new LinearRing(new DirectPositionList(xyz));
  }

  /** A triangulated surface from a mesh, or from a surface geometry made only of triangles. */
  private static @Nullable TriangulatedSurface tin(Geometry g) {
    List<Triangle> patches = new ArrayList<>();
    if (g instanceof TriangleMesh) {
      TriangleMesh m = (TriangleMesh) g;
      for (int t = 0; t < m.triangleCount(); t++) {
        patches.add(new Triangle(triangleRing(m, t)));
      }
    } else if (g instanceof SurfaceGeometry
        && !(g instanceof Solid)
        && !(g instanceof MultiSolid)) {
      SurfaceGeometry s = (SurfaceGeometry) g;
      if (s.ringCount() != s.surfaceCount()) {
        return null;
      }
      for (int r = 0; r < s.ringCount(); r++) {
        if (s.ringSize(r) != 3) {
          return null;
        }
        patches.add(new Triangle(ring(s, r, null)));
      }
    } else {
      return null;
    }
    return new TriangulatedSurface(new TriangleArrayProperty(patches));
  }

  /**
   * Puts a geometry in the property for its kind and level; false if there is none or it is taken.
   */
  private boolean place(AbstractCityObject c, int level, AbstractGeometry g, String id) {
    if (c instanceof AbstractSpace) {
      AbstractSpace s = (AbstractSpace) c;
      if (g instanceof AbstractSolid
          && s.getSolid(level) == null
          && s.setSolid(level, new SolidProperty((AbstractSolid) g))) {
        return true;
      }
      if (g instanceof MultiSurface
          && s.getMultiSurface(level) == null
          && s.setMultiSurface(level, new MultiSurfaceProperty((MultiSurface) g))) {
        return true;
      }
      if (g instanceof MultiCurve
          && s.getMultiCurve(level) == null
          && s.setMultiCurve(level, new MultiCurveProperty((MultiCurve) g))) {
        return true;
      }
      if (g instanceof Point && level == 0 && s.getLod0Point() == null) {
        s.setLod0Point(new PointProperty((Point) g));
        return true;
      }
    } else if (c instanceof AbstractThematicSurface) {
      AbstractThematicSurface t = (AbstractThematicSurface) c;
      if (g instanceof MultiSurface
          && t.getMultiSurface(level) == null
          && t.setMultiSurface(level, new MultiSurfaceProperty((MultiSurface) g))) {
        return true;
      }
    }
    if (v2() && deprecated(c, level, g)) {
      return true;
    }
    if (g instanceof org.xmlobjects.gml.model.geometry.aggregates.MultiSolid
        && c instanceof AbstractSpace) {
      // no multi-solid property: a composite solid keeps the solids together
      CompositeSolid composite =
          new CompositeSolid(
              ((org.xmlobjects.gml.model.geometry.aggregates.MultiSolid) g).getSolidMember());
      setSrs(composite);
      if (place(c, level, composite, id)) {
        report.add(
            "changed geometry type",
            "'"
                + id
                + "': a MultiSolid written as a CompositeSolid (no multi-solid property in CityGML "
                + version.toValue()
                + ")",
            at(id));
        return true;
      }
    }
    return false;
  }

  /** CityGML 2.0 properties citygml4j keeps apart: LOD4, LOD1 multi-surfaces, lodXGeometry ... */
  private static boolean deprecated(AbstractCityObject c, int level, AbstractGeometry g) {
    Object d;
    try {
      d = c.getClass().getMethod("getDeprecatedProperties").invoke(c);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
    String kind =
        g instanceof AbstractSolid
            ? "Solid"
            : g instanceof MultiSurface
                ? "MultiSurface"
                : g instanceof MultiCurve
                    ? "MultiCurve"
                    : g instanceof org.xmlobjects.gml.model.geometry.aggregates.MultiSolid
                        ? "MultiSolid"
                        : null;
    List<String> names = new ArrayList<>();
    if (kind != null) {
      names.add("Lod" + level + kind);
    }
    names.add("Lod" + level + "Geometry");
    for (String name : names) {
      Method getter = method(d, "get" + name, 0);
      Method setter = method(d, "set" + name, 1);
      if (getter == null || setter == null) {
        continue;
      }
      Class<?> type = setter.getParameterTypes()[0];
      Object property = property(type, g);
      if (property == null) {
        continue;
      }
      try {
        if (getter.invoke(d) == null) {
          setter.invoke(d, property);
          return true;
        }
      } catch (IllegalAccessException | InvocationTargetException e) {
        return false;
      }
    }
    return false;
  }

  private static @Nullable Method method(Object o, String name, int parameters) {
    for (Method m : o.getClass().getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == parameters) {
        return m;
      }
    }
    return null;
  }

  private static @Nullable Object property(Class<?> type, AbstractGeometry g) {
    if (type == SolidProperty.class && g instanceof AbstractSolid) {
      return new SolidProperty((AbstractSolid) g);
    }
    if (type == MultiSurfaceProperty.class && g instanceof MultiSurface) {
      return new MultiSurfaceProperty((MultiSurface) g);
    }
    if (type == MultiCurveProperty.class && g instanceof MultiCurve) {
      return new MultiCurveProperty((MultiCurve) g);
    }
    if (type == MultiSolidProperty.class
        && g instanceof org.xmlobjects.gml.model.geometry.aggregates.MultiSolid) {
      return new MultiSolidProperty((org.xmlobjects.gml.model.geometry.aggregates.MultiSolid) g);
    }
    if (type == GeometryProperty.class) {
      return new GeometryProperty<>(g);
    }
    return null;
  }

  // ---------------------------------------------------------------- semantics

  /** The thematic surfaces of one city object, one per semantic surface. */
  private final class Thematics {
    private final AbstractCityObject owner;
    private final String ownerId;
    private final Feature feature;
    private final Map<SemanticSurface, Entry> entries = new IdentityHashMap<>();

    Thematics(AbstractCityObject owner, String ownerId, Feature feature) {
      this.owner = owner;
      this.ownerId = ownerId;
      this.feature = feature;
    }

    private final class Entry {
      final SemanticSurface semantic;
      final @Nullable AbstractThematicSurface surface;
      final Map<Integer, MultiSurface> byLod = new TreeMap<>();
      int polygons;
      int inline;

      Entry(SemanticSurface semantic, @Nullable AbstractThematicSurface surface) {
        this.semantic = semantic;
        this.surface = surface;
      }
    }

    void add(SemanticSurface sem, int level, Polygon polygon, boolean inline) {
      Entry e = entry(sem);
      e.polygons++;
      if (e.surface == null) {
        if (inline) {
          e.inline++;
        }
        return;
      }
      SurfaceProperty p =
          inline ? new SurfaceProperty(polygon) : new SurfaceProperty("#" + polygon.getId());
      if (inline) {
        e.inline++;
      }
      e.byLod.computeIfAbsent(level, k -> new MultiSurface()).getSurfaceMember().add(p);
    }

    private Entry entry(SemanticSurface sem) {
      Entry e = entries.get(sem);
      if (e == null) {
        if (sem.parent() != null) {
          entry(sem.parent());
        }
        AbstractThematicSurface t = thematic(sem);
        if (t != null) {
          t.setId(
              sem.id() != null && NCNAME.matcher(sem.id()).matches()
                  ? sem.id()
                  : feature.nextId(sem.type().name()));
          attributes(t, sem.attributes(), ownerId);
        }
        e = new Entry(sem, t);
        entries.put(sem, e);
      }
      return e;
    }

    private @Nullable AbstractThematicSurface thematic(SemanticSurface sem) {
      switch (sem.type().name()) {
        case "RoofSurface":
          return new RoofSurface();
        case "WallSurface":
          return new WallSurface();
        case "GroundSurface":
          return new GroundSurface();
        case "ClosureSurface":
        case "WaterClosureSurface":
          return new ClosureSurface();
        case "OuterCeilingSurface":
          return new OuterCeilingSurface();
        case "OuterFloorSurface":
          return new OuterFloorSurface();
        case "CeilingSurface":
          return new CeilingSurface();
        case "InteriorWallSurface":
          return new InteriorWallSurface();
        case "FloorSurface":
          return new FloorSurface();
        case "Window":
          return new WindowSurface();
        case "Door":
          return new DoorSurface();
        case "WaterSurface":
          return new WaterSurface();
        case "WaterGroundSurface":
          return new WaterGroundSurface();
        case "TrafficArea":
          return new TrafficArea();
        case "AuxiliaryTrafficArea":
          return new AuxiliaryTrafficArea();
        case "TransportationMarking":
          return v2() ? null : new Marking();
        case "TransportationHole":
          return v2() ? null : new HoleSurface();
        default:
          return v2() ? null : new GenericThematicSurface();
      }
    }

    /**
     * Attaches the thematic surfaces to the owner and openings to their walls; reports the rest.
     */
    void attach() {
      int droppedSemantics = 0;
      int droppedPolygons = 0;
      for (Entry e : entries.values()) {
        if (e.surface == null) {
          droppedSemantics += e.polygons;
          droppedPolygons += e.inline;
          continue;
        }
        if (e.surface instanceof GenericThematicSurface
            && !e.semantic.type().name().equals("GenericThematicSurface")) {
          e.surface
              .getGenericAttributes()
              .add(
                  new AbstractGenericAttributeProperty(
                      new StringAttribute(
                          GmlFeatureReader.ORIGINAL_TYPE, e.semantic.type().name())));
        }
        for (Map.Entry<Integer, MultiSurface> m : e.byLod.entrySet()) {
          if (!e.surface.setMultiSurface(m.getKey(), new MultiSurfaceProperty(m.getValue()))) {
            if (!(v2() && deprecated(e.surface, m.getKey(), m.getValue()))) {
              droppedSemantics += m.getValue().getSurfaceMember().size();
            }
          }
        }
        boolean attached;
        SemanticSurface parent = e.semantic.parent();
        if (parent != null) {
          Entry p = entries.get(parent);
          attached =
              p != null
                  && p.surface instanceof AbstractConstructionSurface
                  && e.surface instanceof AbstractFillingSurface
                  && ((AbstractConstructionSurface) p.surface)
                      .getFillingSurfaces()
                      .add(new AbstractFillingSurfaceProperty((AbstractFillingSurface) e.surface));
        } else {
          attached =
              !(e.surface instanceof AbstractFillingSurface)
                  && owner instanceof AbstractSpace
                  && ((AbstractSpace) owner)
                      .addBoundary(new AbstractSpaceBoundaryProperty(e.surface));
        }
        if (!attached) {
          droppedSemantics += e.polygons;
          droppedPolygons += e.inline;
        }
      }
      if (droppedPolygons > 0) {
        report.addMany(
            "dropped geometry",
            droppedPolygons,
            "'"
                + ownerId
                + "': "
                + droppedPolygons
                + " surfaces have no place in a "
                + owner.getClass().getSimpleName()
                + " in CityGML "
                + version.toValue()
                + "; dropped",
            at(ownerId));
      } else if (droppedSemantics > 0) {
        report.addMany(
            "dropped semantics",
            droppedSemantics,
            "'"
                + ownerId
                + "': the semantics of "
                + droppedSemantics
                + " surfaces have no CityGML "
                + version.toValue()
                + " counterpart for a "
                + owner.getClass().getSimpleName()
                + "; the surfaces are written without",
            at(ownerId));
      }
    }
  }

  // ---------------------------------------------------------------- appearances

  /** What one top-level feature needs for ids and appearances. */
  private final class Feature {
    private int ids;
    private final String prefix = "twin" + Long.toString(System.identityHashCode(this), 36) + "-";

    /** theme -> material index -> target polygon ids. */
    private final Map<String, Map<Integer, List<String>>> materials = new LinkedHashMap<>();

    /** theme -> texture index -> texture associations. */
    private final Map<String, Map<Integer, List<TextureAssociation>>> textures =
        new LinkedHashMap<>();

    String nextId(String kind) {
      return prefix + kind + "-" + (++ids);
    }

    void collect(SurfaceGeometry s, Polygon[] polygons) {
      GeometryAppearance a = s.appearance();
      if (a == null) {
        return;
      }
      for (String theme : a.materialThemes()) {
        for (int i = 0; i < s.surfaceCount(); i++) {
          int m = a.material(theme, i);
          if (m >= 0) {
            materials
                .computeIfAbsent(theme, k -> new TreeMap<>())
                .computeIfAbsent(m, k -> new ArrayList<>())
                .add(polygons[i].getId());
          }
        }
      }
      for (String theme : a.textureThemes()) {
        for (int i = 0; i < s.surfaceCount(); i++) {
          int first = s.surfaceFirstRing(i);
          int t = a.texture(theme, first);
          if (t < 0) {
            continue;
          }
          TexCoordList coords = new TexCoordList();
          for (int r = first; r < first + s.surfaceRingCount(i); r++) {
            if (a.texture(theme, r) != t) {
              continue;
            }
            int n = s.ringSize(r);
            List<Double> st = new ArrayList<>(2 * n + 2);
            for (int k = 0; k <= n; k++) {
              int corner = s.cornerIndex(r, k % n);
              st.add(a.u(theme, corner));
              st.add(a.v(theme, corner));
            }
            LinearRing ring =
                (LinearRing)
                    (r == first
                        ? polygons[i].getExterior().getObject()
                        : polygons[i].getInterior().get(r - first - 1).getObject());
            coords.getTextureCoordinates().add(new TextureCoordinates(st, "#" + ring.getId()));
          }
          textures
              .computeIfAbsent(theme, k -> new TreeMap<>())
              .computeIfAbsent(t, k -> new ArrayList<>())
              .add(
                  new TextureAssociation(
                      "#" + polygons[i].getId(),
                      new AbstractTextureParameterizationProperty(coords)));
        }
      }
    }

    /** One Appearance per theme on the top-level feature. */
    void appearances(AbstractCityObject root) {
      Map<String, Appearance> byTheme = new LinkedHashMap<>();
      for (Map.Entry<String, Map<Integer, List<String>>> theme : materials.entrySet()) {
        Appearance app = byTheme.computeIfAbsent(theme.getKey(), GmlFeatureWriter::appearance);
        for (Map.Entry<Integer, List<String>> m : theme.getValue().entrySet()) {
          if (m.getKey() >= appearances.materials().size()) {
            report.add(
                "dropped appearance",
                "'" + root.getId() + "': material " + m.getKey() + " is not in the material table",
                at(root.getId()));
            continue;
          }
          X3DMaterial x = material(appearances.materials().get(m.getKey()));
          for (String target : m.getValue()) {
            x.getTargets().add(new GeometryReference("#" + target));
          }
          app.getSurfaceData().add(new AbstractSurfaceDataProperty(x));
        }
      }
      for (Map.Entry<String, Map<Integer, List<TextureAssociation>>> theme : textures.entrySet()) {
        Appearance app = byTheme.computeIfAbsent(theme.getKey(), GmlFeatureWriter::appearance);
        for (Map.Entry<Integer, List<TextureAssociation>> t : theme.getValue().entrySet()) {
          if (t.getKey() >= appearances.textures().size()) {
            report.add(
                "dropped appearance",
                "'" + root.getId() + "': texture " + t.getKey() + " is not in the texture table",
                at(root.getId()));
            continue;
          }
          ParameterizedTexture p = texture(appearances.textures().get(t.getKey()));
          for (TextureAssociation ta : t.getValue()) {
            p.getTextureParameterizations().add(new TextureAssociationProperty(ta));
          }
          app.getSurfaceData().add(new AbstractSurfaceDataProperty(p));
        }
      }
      for (Appearance app : byTheme.values()) {
        root.getAppearances().add(new AbstractAppearanceProperty(app));
      }
    }
  }

  private static Appearance appearance(String theme) {
    Appearance a = new Appearance();
    a.setTheme(theme);
    return a;
  }

  private static X3DMaterial material(Material m) {
    X3DMaterial x = new X3DMaterial();
    if (m.name() != null) {
      x.getNames().add(new Code(m.name()));
    }
    if (!Double.isNaN(m.ambientIntensity())) {
      x.setAmbientIntensity(m.ambientIntensity());
    }
    x.setDiffuseColor(color(m.diffuseColor()));
    x.setEmissiveColor(color(m.emissiveColor()));
    x.setSpecularColor(color(m.specularColor()));
    if (!Double.isNaN(m.shininess())) {
      x.setShininess(m.shininess());
    }
    if (!Double.isNaN(m.transparency())) {
      x.setTransparency(m.transparency());
    }
    x.setIsSmooth(m.isSmooth());
    return x;
  }

  private static org.citygml4j.core.model.appearance.@Nullable Color color(@Nullable Color c) {
    return c == null
        ? null
        : new org.citygml4j.core.model.appearance.Color(c.red(), c.green(), c.blue());
  }

  private ParameterizedTexture texture(Texture t) {
    ParameterizedTexture p = new ParameterizedTexture();
    p.setImageURI(t.image());
    if (t.mimeType() != null) {
      p.setMimeType(new Code(t.mimeType()));
    }
    if (t.wrapMode() != null) {
      try {
        p.setWrapMode(WrapMode.fromValue(t.wrapMode()));
      } catch (IllegalArgumentException e) {
        report.add(
            "dropped appearance",
            "texture " + t.image() + ": wrap mode '" + t.wrapMode() + "' is unknown to CityGML",
            SourceLocation.of(target));
      }
    }
    if (t.textureType() != null) {
      try {
        p.setTextureType(TextureType.fromValue(t.textureType()));
      } catch (IllegalArgumentException e) {
        report.add(
            "dropped appearance",
            "texture "
                + t.image()
                + ": texture type '"
                + t.textureType()
                + "' is unknown to CityGML",
            SourceLocation.of(target));
      }
    }
    if (t.borderColor() != null && t.borderColor().size() >= 3) {
      p.setBorderColor(ColorPlusOpacity.fromList(t.borderColor()));
    }
    return p;
  }

  // ---------------------------------------------------------------- attributes

  /** The inverse of GmlFeatureReader's attributes: standard properties first, the rest generic. */
  private void attributes(AbstractCityObject c, Attributes a, String id) {
    for (int i = 0; i < a.size(); i++) {
      String name = a.name(i);
      AttributeValue v = a.value(i);
      if (!standard(c, name, v, id)) {
        AbstractGenericAttribute<?> g = generic(name, v, id);
        if (g != null) {
          c.getGenericAttributes().add(new AbstractGenericAttributeProperty(g));
        }
      }
    }
  }

  private boolean standard(AbstractCityObject c, String name, AttributeValue v, String id) {
    switch (name) {
      case "name":
        for (AttributeValue e : v instanceof ListValue ? ((ListValue) v).values() : List.of(v)) {
          c.getNames().add(code(e));
        }
        return true;
      case "description":
        c.setDescription(new StringOrRef(v.asText()));
        return true;
      case "creationDate":
      case "terminationDate":
        OffsetDateTime date = dateTime(v);
        if (date == null) {
          return false;
        }
        if (name.equals("creationDate")) {
          ((AbstractFeatureWithLifespan) c).setCreationDate(date);
        } else {
          ((AbstractFeatureWithLifespan) c).setTerminationDate(date);
        }
        return true;
      case "relativeToTerrain":
        try {
          c.setRelativeToTerrain(RelativeToTerrain.fromValue(v.asText()));
          return c.getRelativeToTerrain() != null;
        } catch (IllegalArgumentException e) {
          return false;
        }
      case "relativeToWater":
        try {
          c.setRelativeToWater(RelativeToWater.fromValue(v.asText()));
          return c.getRelativeToWater() != null;
        } catch (IllegalArgumentException e) {
          return false;
        }
      case "class":
        if (c instanceof StandardObjectClassifier && isCode(v)) {
          ((StandardObjectClassifier) c).setClassifier(code(v));
          return true;
        }
        return false;
      case "function":
      case "usage":
        if (c instanceof StandardObjectClassifier && (isCode(v) || isCodeList(v))) {
          StandardObjectClassifier s = (StandardObjectClassifier) c;
          List<Code> codes = name.equals("function") ? s.getFunctions() : s.getUsages();
          for (AttributeValue e : v instanceof ListValue ? ((ListValue) v).values() : List.of(v)) {
            codes.add(code(e));
          }
          return true;
        }
        return false;
      case "roofType":
        if (c instanceof AbstractBuilding && isCode(v)) {
          ((AbstractBuilding) c).setRoofType(code(v));
          return true;
        }
        return false;
      case "storeysAboveGround":
      case "storeysBelowGround":
        if (c instanceof AbstractBuilding
            && v instanceof IntegerValue
            && fitsInt(((IntegerValue) v).value())) {
          int n = (int) ((IntegerValue) v).value();
          if (name.equals("storeysAboveGround")) {
            ((AbstractBuilding) c).setStoreysAboveGround(n);
          } else {
            ((AbstractBuilding) c).setStoreysBelowGround(n);
          }
          return true;
        }
        return false;
      case "storeyHeightsAboveGround":
      case "storeyHeightsBelowGround":
        if (c instanceof AbstractBuilding && isNumberList(v)) {
          List<org.xmlobjects.gml.model.basictypes.DoubleOrNilReason> heights = new ArrayList<>();
          for (AttributeValue e : ((ListValue) v).values()) {
            heights.add(
                new org.xmlobjects.gml.model.basictypes.DoubleOrNilReason(
                    Double.parseDouble(e.asText())));
          }
          org.xmlobjects.gml.model.basictypes.MeasureOrNilReasonList list =
              new org.xmlobjects.gml.model.basictypes.MeasureOrNilReasonList(heights, "m");
          if (name.equals("storeyHeightsAboveGround")) {
            ((AbstractBuilding) c).setStoreyHeightsAboveGround(list);
          } else {
            ((AbstractBuilding) c).setStoreyHeightsBelowGround(list);
          }
          return true;
        }
        return false;
      case "measuredHeight":
        if (c instanceof AbstractConstruction && isNumber(v)) {
          String uom = v instanceof MeasureValue ? ((MeasureValue) v).uom() : "m";
          double h =
              v instanceof MeasureValue
                  ? ((MeasureValue) v).value()
                  : Double.parseDouble(v.asText());
          ((AbstractConstruction) c)
              .getHeights()
              .add(
                  new HeightProperty(
                      Height.ofMeasuredHeight(
                          new org.xmlobjects.gml.model.measures.Length(h, uom))));
          return true;
        }
        return false;
      case "yearOfConstruction":
      case "yearOfDemolition":
        if (c instanceof AbstractConstruction
            && v instanceof IntegerValue
            && fitsYear(((IntegerValue) v).value())) {
          LocalDate year = LocalDate.of((int) ((IntegerValue) v).value(), 1, 1);
          if (name.equals("yearOfConstruction")) {
            ((AbstractConstruction) c).setDateOfConstruction(year);
          } else {
            ((AbstractConstruction) c).setDateOfDemolition(year);
          }
          return true;
        }
        return false;
      case "address":
        return addresses(c, v, id);
      case "members":
        if (c instanceof CityObjectGroup && v instanceof ListValue) {
          for (AttributeValue m : ((ListValue) v).values()) {
            ((CityObjectGroup) c)
                .getGroupMembers()
                .add(new RoleProperty(new Role(new AbstractCityObjectReference("#" + m.asText()))));
          }
          return true;
        }
        return false;
      default:
        return false;
    }
  }

  private static boolean isCode(AttributeValue v) {
    return v instanceof StringValue || v instanceof CodeValue;
  }

  private static boolean isCodeList(AttributeValue v) {
    if (!(v instanceof ListValue)) {
      return false;
    }
    for (AttributeValue e : ((ListValue) v).values()) {
      if (!isCode(e)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNumberList(AttributeValue v) {
    if (!(v instanceof ListValue) || ((ListValue) v).values().isEmpty()) {
      return false;
    }
    for (AttributeValue e : ((ListValue) v).values()) {
      if (!(e instanceof DoubleValue || e instanceof IntegerValue)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNumber(AttributeValue v) {
    return v instanceof DoubleValue || v instanceof IntegerValue || v instanceof MeasureValue;
  }

  private static boolean fitsInt(long v) {
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
  }

  private static boolean fitsYear(long v) {
    return v >= -999_999 && v <= 999_999;
  }

  private static Code code(AttributeValue v) {
    if (v instanceof CodeValue) {
      CodeValue c = (CodeValue) v;
      Code code = new Code(c.value());
      if (c.codeSpace() != null) {
        code.setCodeSpace(c.codeSpace());
      }
      return code;
    }
    return new Code(v.asText());
  }

  private static @Nullable OffsetDateTime dateTime(AttributeValue v) {
    if (v instanceof DateValue) {
      return ((DateValue) v).value().atStartOfDay().atOffset(ZoneOffset.UTC);
    }
    if (!(v instanceof StringValue)) {
      return null;
    }
    String s = ((StringValue) v).value();
    try {
      return LocalDate.parse(s).atStartOfDay().atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /** CityJSON address objects as xAL addresses (buildings and bridges only). */
  private boolean addresses(AbstractCityObject c, AttributeValue v, String id) {
    List<AddressProperty> target;
    if (c instanceof AbstractBuilding) {
      target = ((AbstractBuilding) c).getAddresses();
    } else if (c instanceof AbstractBridge) {
      target = ((AbstractBridge) c).getAddresses();
    } else {
      return false;
    }
    List<AttributeValue> list = v instanceof ListValue ? ((ListValue) v).values() : List.of(v);
    for (AttributeValue e : list) {
      if (!(e instanceof MapValue)) {
        return false;
      }
    }
    for (AttributeValue e : list) {
      Attributes m = ((MapValue) e).values();
      org.xmlobjects.xal.model.Address x = new org.xmlobjects.xal.model.Address();
      int used = 0;
      if (m.get("CountryName") != null) {
        org.xmlobjects.xal.model.Country country = new org.xmlobjects.xal.model.Country();
        country
            .getNameElements()
            .add(new org.xmlobjects.xal.model.types.CountryName(m.get("CountryName").asText()));
        x.setCountry(country);
        used++;
      }
      if (m.get("AdministrativeArea") != null) {
        org.xmlobjects.xal.model.AdministrativeArea area =
            new org.xmlobjects.xal.model.AdministrativeArea();
        area.getNameElements()
            .add(
                new org.xmlobjects.xal.model.types.AdministrativeAreaName(
                    m.get("AdministrativeArea").asText()));
        x.setAdministrativeArea(area);
        used++;
      }
      if (m.get("LocalityName") != null) {
        org.xmlobjects.xal.model.Locality locality = new org.xmlobjects.xal.model.Locality();
        locality
            .getNameElements()
            .add(new org.xmlobjects.xal.model.types.LocalityName(m.get("LocalityName").asText()));
        x.setLocality(locality);
        used++;
      }
      if (m.get("ThoroughfareName") != null || m.get("ThoroughfareNumber") != null) {
        org.xmlobjects.xal.model.Thoroughfare street = new org.xmlobjects.xal.model.Thoroughfare();
        if (m.get("ThoroughfareName") != null) {
          street
              .getNameElementOrNumber()
              .add(
                  new org.xmlobjects.xal.model.types.ThoroughfareNameOrNumber(
                      new org.xmlobjects.xal.model.types.ThoroughfareName(
                          m.get("ThoroughfareName").asText())));
          used++;
        }
        if (m.get("ThoroughfareNumber") != null) {
          street
              .getNameElementOrNumber()
              .add(
                  new org.xmlobjects.xal.model.types.ThoroughfareNameOrNumber(
                      new org.xmlobjects.xal.model.types.Identifier(
                          m.get("ThoroughfareNumber").asText())));
          used++;
        }
        x.setThoroughfare(street);
      }
      if (m.get("PostalCode") != null) {
        org.xmlobjects.xal.model.PostCode code = new org.xmlobjects.xal.model.PostCode();
        code.getIdentifiers()
            .add(new org.xmlobjects.xal.model.types.Identifier(m.get("PostalCode").asText()));
        x.setPostCode(code);
        used++;
      }
      if (used < m.size()) {
        report.addMany(
            "dropped address part",
            m.size() - used,
            "'"
                + id
                + "': "
                + (m.size() - used)
                + " address members other than country, area, locality, street, number and postal code are not written",
            at(id));
      }
      target.add(new AddressProperty(new Address(new XALAddressProperty(x))));
    }
    return true;
  }

  private @Nullable AbstractGenericAttribute<?> generic(String name, AttributeValue v, String id) {
    if (v instanceof StringValue) {
      return new StringAttribute(name, ((StringValue) v).value());
    }
    if (v instanceof IntegerValue) {
      long n = ((IntegerValue) v).value();
      if (fitsInt(n)) {
        return new IntAttribute(name, (int) n);
      }
      report.add(
          "changed attribute",
          "'"
              + id
              + "': attribute "
              + name
              + " = "
              + n
              + " exceeds CityGML's 32-bit integers; written as a double",
          at(id));
      return new DoubleAttribute(name, (double) n);
    }
    if (v instanceof DoubleValue) {
      double d = ((DoubleValue) v).value();
      if (Double.isNaN(d)) {
        report.add(
            "dropped attribute", "'" + id + "': attribute " + name + " is NaN; dropped", at(id));
        return null;
      }
      return new DoubleAttribute(name, d);
    }
    if (v instanceof BooleanValue) {
      report.add(
          "changed attribute",
          "'"
              + id
              + "': boolean attribute "
              + name
              + " written as the string \""
              + v.asText()
              + "\" (CityGML has no boolean attributes)",
          at(id));
      return new StringAttribute(name, v.asText());
    }
    if (v instanceof DateValue) {
      return new DateAttribute(name, ((DateValue) v).value());
    }
    if (v instanceof UriValue) {
      return new UriAttribute(name, v.asText());
    }
    if (v instanceof MeasureValue) {
      MeasureValue m = (MeasureValue) v;
      return new MeasureAttribute(name, new Measure(m.value(), m.uom()));
    }
    if (v instanceof CodeValue) {
      return new CodeAttribute(name, code(v));
    }
    if (v instanceof MapValue) {
      Attributes m = ((MapValue) v).values();
      List<AbstractGenericAttributeProperty> members = new ArrayList<>();
      for (int i = 0; i < m.size(); i++) {
        AbstractGenericAttribute<?> g = generic(m.name(i), m.value(i), id);
        if (g != null) {
          members.add(new AbstractGenericAttributeProperty(g));
        }
      }
      return new GenericAttributeSet(name, members);
    }
    if (v instanceof ListValue) {
      report.add(
          "changed attribute",
          "'"
              + id
              + "': list attribute "
              + name
              + " written as the text "
              + v.asText()
              + " (CityGML has no list attributes)",
          at(id));
      return new StringAttribute(name, v.asText());
    }
    if (v instanceof NullValue) {
      report.add(
          "dropped attribute", "'" + id + "': attribute " + name + " is null; dropped", at(id));
      return null;
    }
    return null;
  }
}
