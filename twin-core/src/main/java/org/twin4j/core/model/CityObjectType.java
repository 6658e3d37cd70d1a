// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.model;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The type of a city object, named as CityJSON 2.0 names it ("Building", "BuildingPart",
 * "TINRelief", ...).
 *
 * <p>An open enumeration: the constants cover the CityGML 3.0 modules, {@link #of(String)} accepts
 * any other name (a CityJSON extension's {@code "+NoiseBarrier"}, an ADE feature, a CityGML 3.0
 * boundary surface such as "RoofSurface" kept as a child object) so that nothing is lost. Instances
 * are interned.
 *
 * @since 1.0
 */
public final class CityObjectType {

  private static final ConcurrentHashMap<String, CityObjectType> BY_NAME =
      new ConcurrentHashMap<>();

  /** The thematic surface types CityGML 3.0 models as features of their own. */
  private static final Set<String> BOUNDARY_SURFACES =
      Set.of(
          "RoofSurface",
          "WallSurface",
          "GroundSurface",
          "ClosureSurface",
          "OuterCeilingSurface",
          "OuterFloorSurface",
          "InteriorWallSurface",
          "CeilingSurface",
          "FloorSurface",
          "Window",
          "Door",
          "WaterSurface",
          "WaterGroundSurface",
          "WaterClosureSurface",
          "TrafficArea",
          "AuxiliaryTrafficArea",
          "TransportationMarking",
          "TransportationHole");

  /** A building. */
  public static final CityObjectType BUILDING = known("Building", true);

  /** A part of a building with its own attributes or geometry. */
  public static final CityObjectType BUILDING_PART = known("BuildingPart", false);

  /** A building installation (chimney, dormer, balcony). */
  public static final CityObjectType BUILDING_INSTALLATION = known("BuildingInstallation", false);

  /** A constructive element of a building (CityGML 3.0). */
  public static final CityObjectType BUILDING_CONSTRUCTIVE_ELEMENT =
      known("BuildingConstructiveElement", false);

  /** Furniture inside a building. */
  public static final CityObjectType BUILDING_FURNITURE = known("BuildingFurniture", false);

  /** A room of a building. */
  public static final CityObjectType BUILDING_ROOM = known("BuildingRoom", false);

  /** A storey of a building (CityGML 3.0). */
  public static final CityObjectType BUILDING_STOREY = known("BuildingStorey", false);

  /** A unit (dwelling, office) of a building (CityGML 3.0). */
  public static final CityObjectType BUILDING_UNIT = known("BuildingUnit", false);

  /** A bridge. */
  public static final CityObjectType BRIDGE = known("Bridge", true);

  /** A part of a bridge. */
  public static final CityObjectType BRIDGE_PART = known("BridgePart", false);

  /** A bridge installation. */
  public static final CityObjectType BRIDGE_INSTALLATION = known("BridgeInstallation", false);

  /** A constructive element of a bridge. */
  public static final CityObjectType BRIDGE_CONSTRUCTIVE_ELEMENT =
      known("BridgeConstructiveElement", false);

  /** A room of a bridge. */
  public static final CityObjectType BRIDGE_ROOM = known("BridgeRoom", false);

  /** Furniture of a bridge. */
  public static final CityObjectType BRIDGE_FURNITURE = known("BridgeFurniture", false);

  /** A tunnel. */
  public static final CityObjectType TUNNEL = known("Tunnel", true);

  /** A part of a tunnel. */
  public static final CityObjectType TUNNEL_PART = known("TunnelPart", false);

  /** A tunnel installation. */
  public static final CityObjectType TUNNEL_INSTALLATION = known("TunnelInstallation", false);

  /** A constructive element of a tunnel. */
  public static final CityObjectType TUNNEL_CONSTRUCTIVE_ELEMENT =
      known("TunnelConstructiveElement", false);

  /** A hollow space of a tunnel. */
  public static final CityObjectType TUNNEL_HOLLOW_SPACE = known("TunnelHollowSpace", false);

  /** Furniture of a tunnel. */
  public static final CityObjectType TUNNEL_FURNITURE = known("TunnelFurniture", false);

  /** A road. */
  public static final CityObjectType ROAD = known("Road", true);

  /** A railway. */
  public static final CityObjectType RAILWAY = known("Railway", true);

  /** A square used by traffic. */
  public static final CityObjectType TRANSPORT_SQUARE = known("TransportSquare", true);

  /** A waterway (CityGML 3.0). */
  public static final CityObjectType WATERWAY = known("Waterway", true);

  /** A track (CityGML 3.0). */
  public static final CityObjectType TRACK = known("Track", true);

  /** A water body. */
  public static final CityObjectType WATER_BODY = known("WaterBody", true);

  /** An area covered by plants. */
  public static final CityObjectType PLANT_COVER = known("PlantCover", true);

  /** A single tree or bush. */
  public static final CityObjectType SOLITARY_VEGETATION_OBJECT =
      known("SolitaryVegetationObject", true);

  /** A land-use area. */
  public static final CityObjectType LAND_USE = known("LandUse", true);

  /** A terrain surface as a triangulated irregular network. */
  public static final CityObjectType TIN_RELIEF = known("TINRelief", true);

  /** Street furniture (benches, lamps, signs). */
  public static final CityObjectType CITY_FURNITURE = known("CityFurniture", true);

  /** An object no other type fits. */
  public static final CityObjectType GENERIC_CITY_OBJECT = known("GenericCityObject", true);

  /** A group of city objects. */
  public static final CityObjectType CITY_OBJECT_GROUP = known("CityObjectGroup", true);

  /** A construction that is neither building, bridge nor tunnel (CityGML 3.0). */
  public static final CityObjectType OTHER_CONSTRUCTION = known("OtherConstruction", true);

  private final String name;
  private final boolean known;
  private final boolean firstLevel;

  private CityObjectType(String name, boolean known, boolean firstLevel) {
    this.name = name;
    this.known = known;
    this.firstLevel = firstLevel;
  }

  private static CityObjectType known(String name, boolean firstLevel) {
    CityObjectType t = new CityObjectType(name, true, firstLevel);
    BY_NAME.put(name, t);
    return t;
  }

  /**
   * Returns the type with a name, creating it if it is not one of the constants.
   *
   * @param name the CityJSON/CityGML type name
   * @return the interned type
   * @throws IllegalArgumentException if the name is blank
   */
  public static CityObjectType of(String name) {
    Objects.requireNonNull(name, "name");
    CityObjectType t = BY_NAME.get(name);
    if (t != null) {
      return t;
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("a city object type name must not be blank");
    }
    // extension types ("+NoiseBarrier") may stand alone; thematic surfaces are always children
    return BY_NAME.computeIfAbsent(
        name, n -> new CityObjectType(n, false, !BOUNDARY_SURFACES.contains(n)));
  }

  /**
   * Returns the name.
   *
   * @return the name as CityJSON writes it
   */
  public String name() {
    return name;
  }

  /**
   * Tells whether this is one of the constants of this class.
   *
   * @return false for extension, ADE and boundary surface types
   */
  public boolean isKnown() {
    return known;
  }

  /**
   * Tells whether objects of this type may stand at the top of a model (CityJSON's "1st-level" city
   * objects). Unknown types are assumed first-level unless they are boundary surfaces.
   *
   * @return true for Building, Road, TINRelief, ...; false for BuildingPart, RoofSurface, ...
   */
  public boolean isFirstLevel() {
    return firstLevel;
  }

  /**
   * Tells whether this is a thematic boundary surface that CityGML 3.0 models as a feature
   * (RoofSurface, WallSurface, Window, ...).
   *
   * @return true for boundary surface types
   */
  public boolean isBoundarySurface() {
    return BOUNDARY_SURFACES.contains(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
