// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.twin4j.core.io.AtomicFiles;

/**
 * Writes triangle meshes (interleaved {@code double[] xyz}, three vertex indices per triangle,
 * counter-clockwise seen from above) as Wavefront OBJ, binary PLY and glTF 2.0 binary (GLB).
 *
 * <p>Coordinates are written relative to a local origin (the mesh's minimum corner, rounded to
 * whole units) so that 32-bit floats keep millimetres in a projected CRS: OBJ and PLY name the
 * origin in a comment; GLB puts it in the node's translation, and, glTF being y-up, maps the CRS's
 * (x, y, z) to glTF's (x, z, −y). Files appear under their name only when complete.
 *
 * @since 1.0
 */
public final class MeshFiles {

  private MeshFiles() {}

  /**
   * The local origin of a mesh: its minimum corner, rounded down to whole units.
   *
   * @param xyz interleaved coordinates
   * @return {ox, oy, oz}
   */
  public static double[] origin(double[] xyz) {
    double[] o = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    for (int i = 0; i < xyz.length; i++) {
      o[i % 3] = Math.min(o[i % 3], xyz[i]);
    }
    for (int k = 0; k < 3; k++) {
      o[k] = xyz.length == 0 ? 0 : Math.floor(o[k]);
    }
    return o;
  }

  private static void check(double[] xyz, int[] triangles) {
    Objects.requireNonNull(xyz, "xyz");
    Objects.requireNonNull(triangles, "triangles");
    if (xyz.length % 3 != 0 || triangles.length % 3 != 0) {
      throw new IllegalArgumentException("xyz and triangles must hold triples");
    }
    int n = xyz.length / 3;
    for (int i = 0; i < triangles.length; i++) {
      if (triangles[i] < 0 || triangles[i] >= n) {
        throw new IllegalArgumentException(
            "triangle " + i / 3 + " references vertex " + triangles[i] + " but the mesh has " + n);
      }
    }
  }

  /** What writes a file's bytes. */
  interface Body {
    void write(OutputStream out) throws IOException;
  }

  /** Writes a file through a temporary one beside it, moved into place only when complete. */
  static void atomically(Path target, Body body) throws IOException {
    Path temp = AtomicFiles.tempBeside(target, "");
    try {
      try (OutputStream out =
          new java.io.BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
        body.write(out);
      }
      AtomicFiles.moveIntoPlace(temp, target);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /**
   * Writes Wavefront OBJ: {@code v} lines relative to the origin (millimetres), {@code f} lines
   * 1-based.
   *
   * @param xyz interleaved coordinates
   * @param triangles vertex indices, three per triangle
   * @param target the file
   * @throws IOException if writing fails
   */
  public static void writeObj(double[] xyz, int[] triangles, Path target) throws IOException {
    check(xyz, triangles);
    double[] o = origin(xyz);
    atomically(
        target,
        out -> {
          BufferedWriter w =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
          w.write(
              String.format(
                  Locale.ROOT, "# twin4j mesh; origin %.3f %.3f %.3f%n", o[0], o[1], o[2]));
          for (int i = 0; i < xyz.length; i += 3) {
            w.write(
                String.format(
                    Locale.ROOT,
                    "v %.3f %.3f %.3f%n",
                    xyz[i] - o[0],
                    xyz[i + 1] - o[1],
                    xyz[i + 2] - o[2]));
          }
          for (int i = 0; i < triangles.length; i += 3) {
            w.write(
                "f "
                    + (triangles[i] + 1)
                    + " "
                    + (triangles[i + 1] + 1)
                    + " "
                    + (triangles[i + 2] + 1)
                    + "\n");
          }
          w.flush();
        });
  }

  /**
   * Writes binary little-endian PLY: float vertices relative to the origin, int faces.
   *
   * @param xyz interleaved coordinates
   * @param triangles vertex indices, three per triangle
   * @param target the file
   * @throws IOException if writing fails
   */
  public static void writePly(double[] xyz, int[] triangles, Path target) throws IOException {
    check(xyz, triangles);
    double[] o = origin(xyz);
    int n = xyz.length / 3;
    int f = triangles.length / 3;
    atomically(
        target,
        out -> {
          String header =
              String.format(
                      Locale.ROOT,
                      "ply%nformat binary_little_endian 1.0%ncomment twin4j mesh%n"
                          + "comment origin %.3f %.3f %.3f%nelement vertex %d%n"
                          + "property float x%nproperty float y%nproperty float z%n"
                          + "element face %d%nproperty list uchar int vertex_indices%nend_header%n",
                      o[0],
                      o[1],
                      o[2],
                      n,
                      f)
                  .replace("\r\n", "\n");
          out.write(header.getBytes(StandardCharsets.US_ASCII));
          ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
          for (int i = 0; i < xyz.length; i += 3) {
            if (b.remaining() < 12) {
              flush(b, out);
            }
            b.putFloat((float) (xyz[i] - o[0]));
            b.putFloat((float) (xyz[i + 1] - o[1]));
            b.putFloat((float) (xyz[i + 2] - o[2]));
          }
          for (int i = 0; i < triangles.length; i += 3) {
            if (b.remaining() < 13) {
              flush(b, out);
            }
            b.put((byte) 3);
            b.putInt(triangles[i]).putInt(triangles[i + 1]).putInt(triangles[i + 2]);
          }
          flush(b, out);
        });
  }

  private static void flush(ByteBuffer b, OutputStream out) throws IOException {
    out.write(b.array(), 0, b.position());
    b.clear();
  }

  /**
   * Writes glTF 2.0 binary (GLB): one mesh of float positions relative to the origin in glTF's y-up
   * frame and 32-bit indices, one node whose translation is the origin.
   *
   * @param xyz interleaved coordinates (CRS x, y, z with z up)
   * @param triangles vertex indices, three per triangle, counter-clockwise seen from above
   * @param target the file
   * @throws IOException if writing fails
   */
  public static void writeGlb(double[] xyz, int[] triangles, Path target) throws IOException {
    check(xyz, triangles);
    double[] o = origin(xyz);
    int n = xyz.length / 3;
    float[] min = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
    float[] max = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
    ByteBuffer bin =
        ByteBuffer.allocate(pad4(12 * n) + pad4(4 * triangles.length))
            .order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < xyz.length; i += 3) {
      float[] p = {
        (float) (xyz[i] - o[0]), (float) (xyz[i + 2] - o[2]), (float) -(xyz[i + 1] - o[1])
      };
      for (int k = 0; k < 3; k++) {
        bin.putFloat(p[k]);
        min[k] = Math.min(min[k], p[k]);
        max[k] = Math.max(max[k], p[k]);
      }
    }
    bin.position(pad4(12 * n));
    for (int t : triangles) {
      bin.putInt(t);
    }
    int positions = 12 * n;
    int indices = 4 * triangles.length;
    String json =
        String.format(
            Locale.ROOT,
            "{\"asset\":{\"version\":\"2.0\",\"generator\":\"twin4j\"},\"scene\":0,"
                + "\"scenes\":[{\"nodes\":[0]}],"
                + "\"nodes\":[{\"mesh\":0,\"translation\":[%s,%s,%s]}],"
                + "\"meshes\":[{\"primitives\":[{\"attributes\":{\"POSITION\":0},\"indices\":1,"
                + "\"mode\":4}]}],"
                + "\"accessors\":[{\"bufferView\":0,\"componentType\":5126,\"count\":%d,"
                + "\"type\":\"VEC3\",\"min\":[%s,%s,%s],\"max\":[%s,%s,%s]},"
                + "{\"bufferView\":1,\"componentType\":5125,\"count\":%d,\"type\":\"SCALAR\"}],"
                + "\"bufferViews\":[{\"buffer\":0,\"byteOffset\":0,\"byteLength\":%d,"
                + "\"target\":34962},{\"buffer\":0,\"byteOffset\":%d,\"byteLength\":%d,"
                + "\"target\":34963}],\"buffers\":[{\"byteLength\":%d}]}",
            num(o[0]),
            num(o[2]),
            num(-o[1]),
            n,
            num(min[0]),
            num(min[1]),
            num(min[2]),
            num(max[0]),
            num(max[1]),
            num(max[2]),
            triangles.length,
            positions,
            pad4(positions),
            indices,
            bin.capacity());
    byte[] jsonBytes = json.getBytes(StandardCharsets.UTF_8);
    int jsonLength = pad4(jsonBytes.length);
    int total = 12 + 8 + jsonLength + 8 + bin.capacity();
    atomically(
        target,
        out -> {
          ByteBuffer h = ByteBuffer.allocate(12 + 8).order(ByteOrder.LITTLE_ENDIAN);
          h.putInt(0x46546C67).putInt(2).putInt(total);
          h.putInt(jsonLength).putInt(0x4E4F534A);
          out.write(h.array());
          out.write(jsonBytes);
          for (int i = jsonBytes.length; i < jsonLength; i++) {
            out.write(' ');
          }
          ByteBuffer c = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
          c.putInt(bin.capacity()).putInt(0x004E4942);
          out.write(c.array());
          out.write(bin.array());
        });
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static int pad4(int n) {
    return (n + 3) & ~3;
  }
}
