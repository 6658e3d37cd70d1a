// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AHN3 terrain TIN written as OBJ, PLY and GLB and read back by independent parsers here: every
 * vertex within a millimetre, every triangle, and the GLB's structure (header, chunks, accessors,
 * bounds) as the glTF 2.0 specification requires.
 */
class MeshFilesTest {

  private static final double MM = 1e-3;

  @TempDir Path dir;

  static double[] xyz;
  static int[] triangles;

  @BeforeAll
  static void terrain() throws Exception {
    double[][] g = TerrainTest.ground("ahn3_cropped_2.laz");
    DelaunayTriangulation tin = Terrain.simplify(g[0], g[1], g[2], 0.1).tin();
    xyz = tin.xyz();
    triangles = tin.triangles();
  }

  @Test
  void writeObj_readBack() throws Exception {
    Path f = dir.resolve("terrain.obj");
    MeshFiles.writeObj(xyz, triangles, f);
    List<String> lines = Files.readAllLines(f);
    Matcher m = Pattern.compile("origin (\\S+) (\\S+) (\\S+)").matcher(lines.get(0));
    assertTrue(m.find(), lines.get(0));
    double[] o = {
      Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))
    };
    List<double[]> v = new ArrayList<>();
    List<int[]> faces = new ArrayList<>();
    for (String line : lines) {
      String[] p = line.split(" ");
      if (p[0].equals("v")) {
        v.add(
            new double[] {
              Double.parseDouble(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[3])
            });
      } else if (p[0].equals("f")) {
        faces.add(
            new int[] {
              Integer.parseInt(p[1]) - 1, Integer.parseInt(p[2]) - 1, Integer.parseInt(p[3]) - 1
            });
      }
    }
    assertEquals(xyz.length / 3, v.size());
    for (int i = 0; i < v.size(); i++) {
      for (int k = 0; k < 3; k++) {
        assertEquals(xyz[3 * i + k], v.get(i)[k] + o[k], MM, "vertex " + i);
      }
    }
    assertEquals(triangles.length / 3, faces.size());
    for (int i = 0; i < faces.size(); i++) {
      assertArrayEquals(
          new int[] {triangles[3 * i], triangles[3 * i + 1], triangles[3 * i + 2]}, faces.get(i));
    }
  }

  @Test
  void writePly_readBack() throws Exception {
    Path f = dir.resolve("terrain.ply");
    MeshFiles.writePly(xyz, triangles, f);
    byte[] all = Files.readAllBytes(f);
    String text = new String(all, StandardCharsets.US_ASCII);
    int end = text.indexOf("end_header\n") + "end_header\n".length();
    String header = text.substring(0, end);
    assertTrue(header.startsWith("ply\nformat binary_little_endian 1.0\n"), header);
    Matcher o = Pattern.compile("comment origin (\\S+) (\\S+) (\\S+)").matcher(header);
    assertTrue(o.find());
    Matcher nv = Pattern.compile("element vertex (\\d+)").matcher(header);
    Matcher nf = Pattern.compile("element face (\\d+)").matcher(header);
    assertTrue(nv.find() && nf.find());
    int n = Integer.parseInt(nv.group(1));
    int faces = Integer.parseInt(nf.group(1));
    assertEquals(xyz.length / 3, n);
    assertEquals(triangles.length / 3, faces);
    ByteBuffer b = ByteBuffer.wrap(all, end, all.length - end).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 3; k++) {
        double origin = Double.parseDouble(o.group(k + 1));
        assertEquals(xyz[3 * i + k], b.getFloat() + origin, MM, "vertex " + i);
      }
    }
    for (int i = 0; i < faces; i++) {
      assertEquals(3, b.get());
      for (int k = 0; k < 3; k++) {
        assertEquals(triangles[3 * i + k], b.getInt(), "face " + i);
      }
    }
    assertEquals(0, b.remaining(), "nothing after the faces");
  }

  @Test
  void writeGlb_structureAndContent() throws Exception {
    Path f = dir.resolve("terrain.glb");
    MeshFiles.writeGlb(xyz, triangles, f);
    byte[] all = Files.readAllBytes(f);
    ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(0x46546C67, b.getInt(), "magic glTF");
    assertEquals(2, b.getInt(), "version");
    assertEquals(all.length, b.getInt(), "length");
    int jsonLength = b.getInt();
    assertEquals(0x4E4F534A, b.getInt(), "JSON chunk");
    assertEquals(0, jsonLength % 4);
    String json = new String(all, 20, jsonLength, StandardCharsets.UTF_8).trim();
    b.position(20 + jsonLength);
    int binLength = b.getInt();
    assertEquals(0x004E4942, b.getInt(), "BIN chunk");
    assertEquals(all.length, 20 + jsonLength + 8 + binLength);
    assertTrue(json.contains("\"count\":" + xyz.length / 3 + ","), json);
    assertTrue(json.contains("\"count\":" + triangles.length + ","), json);
    assertTrue(json.contains("\"byteLength\":" + binLength + "}"), json);
    Matcher t = Pattern.compile("\"translation\":\\[(\\S+?),(\\S+?),(\\S+?)\\]").matcher(json);
    assertTrue(t.find(), json);
    double tx = Double.parseDouble(t.group(1));
    double ty = Double.parseDouble(t.group(2));
    double tz = Double.parseDouble(t.group(3));
    int start = b.position();
    int n = xyz.length / 3;
    float[] min = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
    float[] max = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
    for (int i = 0; i < n; i++) {
      float px = b.getFloat();
      float py = b.getFloat();
      float pz = b.getFloat();
      min[0] = Math.min(min[0], px);
      min[1] = Math.min(min[1], py);
      min[2] = Math.min(min[2], pz);
      max[0] = Math.max(max[0], px);
      max[1] = Math.max(max[1], py);
      max[2] = Math.max(max[2], pz);
      // glTF y-up world (px + tx, py + ty, pz + tz) is CRS (x, z, -y)
      assertEquals(xyz[3 * i], px + tx, MM, "x of " + i);
      assertEquals(xyz[3 * i + 2], py + ty, MM, "z of " + i);
      assertEquals(xyz[3 * i + 1], -(pz + tz), MM, "y of " + i);
    }
    assertTrue(
        json.contains("\"min\":[" + num(min[0]) + "," + num(min[1]) + "," + num(min[2]) + "]"),
        json);
    b.position(start + ((12 * n + 3) & ~3));
    for (int i = 0; i < triangles.length; i++) {
      assertEquals(triangles[i], b.getInt(), "index " + i);
    }
  }

  private static String num(float v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
