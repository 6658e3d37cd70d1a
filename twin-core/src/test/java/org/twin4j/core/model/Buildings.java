// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.core.model;

import org.twin4j.core.attribute.AttributeValue;
import org.twin4j.core.geom.Lod;
import org.twin4j.core.geom.Polygon;
import org.twin4j.core.geom.Solid;

/** Small building fixtures for model tests. */
final class Buildings {
  private Buildings() {}

  /** A w x w block of height h at (x, y) as an LOD1 building. */
  static CityObject block(String id, double x, double y, double w, double h) {
    Polygon fp = Polygon.ofXy(new double[] {x, y, x + w, y, x + w, y + w, x, y + w});
    return CityObject.builder(id, CityObjectType.BUILDING)
        .attribute("height", AttributeValue.of(h))
        .geometry(Solid.extrude(fp, 0, h, Lod.LOD1))
        .build();
  }

  /** A building with two parts, each a block. */
  static CityObject withParts(String id, double x, double y) {
    return CityObject.builder(id, CityObjectType.BUILDING)
        .child(
            block(id + "-a", x, y, 5, 10).toBuilder()
                .build()
                .withAttributes(org.twin4j.core.attribute.Attributes.empty()))
        .child(
            CityObject.builder(id + "-b", CityObjectType.BUILDING_PART)
                .geometry(
                    Solid.extrude(
                        Polygon.ofXy(
                            new double[] {x + 5, y, x + 10, y, x + 10, y + 5, x + 5, y + 5}),
                        0,
                        6,
                        Lod.LOD1))
                .build())
        .build();
  }
}
