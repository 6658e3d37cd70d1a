// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.geom;

/**
 * A level of detail: the CityGML level 0 to 4, optionally refined as in CityJSON and the 3D BAG
 * ("1.2", "2.2"; Biljecki, Ledoux and Stoter 2016).
 *
 * <p>CityGML 3.0 has levels 0 to 3; level 4 exists so that CityGML 1.0 and 2.0 content can be read
 * and reported before a downgrade drops it.
 *
 * @param level the CityGML level, 0 to 4
 * @param refinement the refinement digit 0 to 9, or -1 for a plain level such as "2"
 * @since 1.0
 */
public record Lod(int level, int refinement) implements Comparable<Lod> {

  /** Level 0 (footprints, roof prints). */
  public static final Lod LOD0 = new Lod(0, -1);

  /** Level 1 (blocks). */
  public static final Lod LOD1 = new Lod(1, -1);

  /** Level 2 (roof shapes). */
  public static final Lod LOD2 = new Lod(2, -1);

  /** Level 3 (architectural detail). */
  public static final Lod LOD3 = new Lod(3, -1);

  /** Refined level 1.2: a block per roof height part (3D BAG). */
  public static final Lod LOD1_2 = new Lod(1, 2);

  /** Refined level 2.2: roof shapes with superstructures (3D BAG). */
  public static final Lod LOD2_2 = new Lod(2, 2);

  /**
   * Validates the level. @throws IllegalArgumentException if the level is not 0 to 4 or the
   * refinement not -1 to 9
   *
   * @param level the CityGML level, 0 to 4
   * @param refinement the refinement digit 0 to 9, or -1 for a plain level such as "2"
   */
  public Lod {
    if (level < 0 || level > 4) {
      throw new IllegalArgumentException("LOD level must be 0 to 4, got " + level);
    }
    if (refinement < -1 || refinement > 9) {
      throw new IllegalArgumentException(
          "LOD refinement must be -1 (none) or 0 to 9, got " + refinement);
    }
  }

  /**
   * Returns a plain level.
   *
   * @param level 0 to 4
   * @return the level without refinement
   * @throws IllegalArgumentException if the level is out of range
   */
  public static Lod of(int level) {
    switch (level) {
      case 0:
        return LOD0;
      case 1:
        return LOD1;
      case 2:
        return LOD2;
      case 3:
        return LOD3;
      default:
        return new Lod(level, -1);
    }
  }

  /**
   * Parses a level as CityJSON writes it: {@code "2"}, {@code "2.2"}, or a JSON number such as
   * {@code 1.3}.
   *
   * @param text the text
   * @return the level
   * @throws IllegalArgumentException if the text is not such a level
   */
  public static Lod parse(String text) {
    String t = text.strip();
    int dot = t.indexOf('.');
    try {
      if (dot < 0) {
        return of(Integer.parseInt(t));
      }
      int level = Integer.parseInt(t.substring(0, dot));
      String frac = t.substring(dot + 1);
      if (frac.length() != 1) {
        throw new IllegalArgumentException(
            "LOD must be 'n' or 'n.m' with one digit m, got '" + text + "'");
      }
      return new Lod(level, Integer.parseInt(frac));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("LOD must be 'n' or 'n.m', got '" + text + "'", e);
    }
  }

  /**
   * Tells whether this level carries a refinement digit.
   *
   * @return true for levels such as 2.2
   */
  public boolean isRefined() {
    return refinement >= 0;
  }

  /**
   * Returns the plain CityGML level this one refines.
   *
   * @return the level without refinement
   */
  public Lod base() {
    return isRefined() ? of(level) : this;
  }

  @Override
  public int compareTo(Lod other) {
    int c = Integer.compare(level, other.level);
    return c != 0 ? c : Integer.compare(refinement, other.refinement);
  }

  /**
   * Returns the level as CityJSON writes it.
   *
   * @return {@code "2"} or {@code "2.2"}
   */
  @Override
  public String toString() {
    return isRefined() ? level + "." + refinement : Integer.toString(level);
  }
}
