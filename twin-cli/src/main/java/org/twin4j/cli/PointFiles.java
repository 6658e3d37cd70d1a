// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.twin4j.core.io.ReadWarning;
import org.twin4j.pointcloud.ArrowPoints;
import org.twin4j.pointcloud.LasFiles;
import org.twin4j.pointcloud.LasReadOptions;
import org.twin4j.pointcloud.LasReader;
import org.twin4j.pointcloud.LasWriteOptions;
import org.twin4j.pointcloud.LasWriter;
import org.twin4j.pointcloud.PointCloud;

/** Point cloud files for the commands: LAS/LAZ and Arrow IPC in and out. */
final class PointFiles {

  private PointFiles() {}

  static boolean isArrow(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".arrow") || n.endsWith(".feather") || n.endsWith(".ipc");
  }

  static boolean isPoints(Path p) {
    return LasFiles.isLas(p) || isArrow(p);
  }

  static PointCloud read(Path p, List<ReadWarning> warnings) throws IOException {
    if (isArrow(p)) {
      return ArrowPoints.read(p);
    }
    return LasFiles.read(p, LasReadOptions.defaults().withListener(warnings::add));
  }

  static LasWriteOptions lasOptions(String version, List<ReadWarning> losses) {
    int minor;
    switch (version) {
      case "1.2":
        minor = 2;
        break;
      case "1.4":
        minor = 4;
        break;
      default:
        throw new IllegalArgumentException("LAS version " + version + ": use 1.2 or 1.4");
    }
    return new LasWriteOptions(minor, -1, losses::add);
  }

  /** Writes a cloud to .las, .laz or .arrow/.feather. */
  static void write(PointCloud cloud, Path out, String lasVersion, List<ReadWarning> losses)
      throws IOException {
    if (isArrow(out)) {
      ArrowPoints.write(cloud, out);
    } else if (LasFiles.isLas(out)) {
      LasFiles.write(cloud, out, lasOptions(lasVersion, losses));
    } else {
      throw new IllegalArgumentException(
          "cannot write points to '" + out.getFileName() + "': use .las, .laz or .arrow");
    }
  }

  /** Converts points, streaming LAS/LAZ to LAS/LAZ chunk by chunk. */
  static void convert(Path in, Path out, String lasVersion, PrintWriter w) throws IOException {
    List<ReadWarning> warnings = new ArrayList<>();
    long n;
    if (LasFiles.isLas(in) && LasFiles.isLas(out)) {
      try (LasReader r =
          LasFiles.openReader(in, LasReadOptions.defaults().withListener(warnings::add))) {
        LasWriter writer =
            LasWriter.open(
                out,
                r.schema(),
                r.header(),
                r.crs().orElse(null),
                lasOptions(lasVersion, warnings));
        try {
          while (r.hasNext()) {
            writer.write(r.next());
          }
        } catch (IOException | RuntimeException e) {
          writer.abort();
          throw e;
        }
        writer.close();
        n = writer.count();
      }
    } else {
      PointCloud c = read(in, warnings);
      write(c, out, lasVersion, warnings);
      n = c.size();
    }
    w.println("converted " + n + " points to " + out);
    for (ReadWarning x : warnings) {
      w.println("  warning: " + x.kind() + ": " + x.message());
    }
  }
}
