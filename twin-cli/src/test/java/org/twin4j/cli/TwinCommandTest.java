// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TwinCommandTest {

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TwinCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void version_printsTheBuildVersion() {
    String[] r = run("--version");
    assertEquals("0", r[0]);
    assertTrue(r[1].startsWith("twin4j 1."), r[1]);
  }

  @Test
  void help_listsUsage() {
    String[] r = run("--help");
    assertEquals("0", r[0]);
    assertTrue(r[1].contains("Usage: twin"), r[1]);
  }

  @Test
  void unknownOption_isAUsageErrorWithoutStackTrace() {
    String[] r = run("--frobnicate");
    assertEquals(Integer.toString(TwinCommand.EXIT_USAGE), r[0]);
    assertTrue(r[2].contains("Unknown option: '--frobnicate'"), r[2]);
    assertTrue(!r[2].contains("at org."), r[2]);
  }

  @Test
  void message_joinsCausesOnce() {
    Exception e = new RuntimeException("reading x.gml", new IllegalStateException("line 3: bad"));
    assertEquals("reading x.gml: line 3: bad", TwinCommand.message(e));
  }
}
