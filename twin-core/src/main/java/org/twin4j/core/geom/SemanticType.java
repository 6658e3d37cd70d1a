// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.twin4j.core.attribute.Attributes;

/**
 * The semantic type of a surface: roof, wall, ground, window, water surface and so on, named as
 * CityGML 3.0 and CityJSON 2.0 name them.
 *
 * <p>An open enumeration: the constants cover CityGML's core, building, water and transportation
 * modules, and {@link #of(String)} accepts any other name (a CityJSON extension's {@code
 * "+ThermalSurface"}, an ADE type) so that nothing a file holds is lost. Instances are interned:
 * compare them with {@code ==} or {@code equals}.
 *
 * @since 1.0
 */
public final class SemanticType {

  private static final ConcurrentHashMap<String, SemanticType> BY_NAME = new ConcurrentHashMap<>();

  /** A roof. */
  public static final SemanticType ROOF = known("RoofSurface");

  /** An exterior wall. */
  public static final SemanticType WALL = known("WallSurface");

  /** The ground plate of a building. */
  public static final SemanticType GROUND = known("GroundSurface");

  /** A virtual surface that closes a volume (an open garage, a roof overhang). */
  public static final SemanticType CLOSURE = known("ClosureSurface");

  /** An exterior ceiling (the underside of an overhang). */
  public static final SemanticType OUTER_CEILING = known("OuterCeilingSurface");

  /** An exterior floor (a balcony floor, a roof terrace). */
  public static final SemanticType OUTER_FLOOR = known("OuterFloorSurface");

  /** A window opening. */
  public static final SemanticType WINDOW = known("Window");

  /** A door opening. */
  public static final SemanticType DOOR = known("Door");

  /** An interior wall. */
  public static final SemanticType INTERIOR_WALL = known("InteriorWallSurface");

  /** An interior ceiling. */
  public static final SemanticType CEILING = known("CeilingSurface");

  /** An interior floor. */
  public static final SemanticType FLOOR = known("FloorSurface");

  /** The surface of a water body. */
  public static final SemanticType WATER_SURFACE = known("WaterSurface");

  /** The ground under a water body. */
  public static final SemanticType WATER_GROUND = known("WaterGroundSurface");

  /** A virtual surface closing a water body. */
  public static final SemanticType WATER_CLOSURE = known("WaterClosureSurface");

  /** An area used by traffic. */
  public static final SemanticType TRAFFIC_AREA = known("TrafficArea");

  /** An area beside traffic (verges, kerbs). */
  public static final SemanticType AUXILIARY_TRAFFIC_AREA = known("AuxiliaryTrafficArea");

  /** A marking on a traffic surface. */
  public static final SemanticType TRANSPORTATION_MARKING = known("TransportationMarking");

  /** A hole in a traffic surface. */
  public static final SemanticType TRANSPORTATION_HOLE = known("TransportationHole");

  private final String name;
  private final boolean known;
  private final SemanticSurface plain;

  private SemanticType(String name, boolean known) {
    this.name = name;
    this.known = known;
    this.plain = new SemanticSurface(this, null, Attributes.empty(), null);
  }

  private static SemanticType known(String name) {
    SemanticType t = new SemanticType(name, true);
    BY_NAME.put(name, t);
    return t;
  }

  /**
   * Returns the type with a name, creating it if it is not one of the constants.
   *
   * @param name the CityGML/CityJSON name, such as "RoofSurface" or "+ThermalSurface"
   * @return the interned type
   * @throws IllegalArgumentException if the name is blank
   */
  public static SemanticType of(String name) {
    Objects.requireNonNull(name, "name");
    SemanticType t = BY_NAME.get(name);
    if (t != null) {
      return t;
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("a semantic type name must not be blank");
    }
    return BY_NAME.computeIfAbsent(name, n -> new SemanticType(n, false));
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
   * @return false for extension and ADE types
   */
  public boolean isKnown() {
    return known;
  }

  /** The shared semantic surface of this type with no id and no attributes. */
  SemanticSurface plainSurface() {
    return plain;
  }

  @Override
  public String toString() {
    return name;
  }
}
