// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh.building;

import java.util.Objects;
import org.twin4j.core.attribute.Attributes;
import org.twin4j.core.geom.Polygon;

/**
 * One building's outline on the ground: an identifier that joins results back to the cadastre, a
 * polygon (x and y used, z ignored; holes are courtyards) and the attributes it came with.
 *
 * <p>Reconstruction expects a valid polygon: simple rings, the exterior counter-clockwise and holes
 * clockwise seen from above, no repeated vertices. Readers of footprint files repair what they can
 * and report the rest per id.
 *
 * @param id the identifier, unique within one set of footprints
 * @param polygon the outline
 * @param attributes the attributes read with it, possibly empty
 * @since 1.0
 */
public record Footprint(String id, Polygon polygon, Attributes attributes) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public Footprint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(polygon, "polygon");
    Objects.requireNonNull(attributes, "attributes");
  }
}
