// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the twin4j authors
package org.twin4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code twin} command: municipal digital twins from LiDAR and city models.
 *
 * @since 1.0
 */
@Command(
    name = "twin",
    mixinStandardHelpOptions = true,
    versionProvider = TwinCommand.Version.class,
    description = {
      "twin4j: LiDAR to an indexed 3D city model, CityGML and CityJSON, and the questions planners ask.",
      ""
    },
    subcommands = {
      InfoCommand.class,
      ConvertCommand.class,
      GroundCommand.class,
      DtmCommand.class,
      ReconstructCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {"", "Run 'twin help COMMAND' for the options of a command."})
public final class TwinCommand implements Runnable {

  /** Exit code for bad usage (unknown option, missing argument). */
  public static final int EXIT_USAGE = 2;

  /** Exit code for a failure while running (unreadable input, malformed file). */
  public static final int EXIT_FAILURE = 1;

  @Spec private CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces with errors.")
  private boolean verbose;

  /** Arrow reports its allocator choice at INFO on first use; the command keeps quiet about it. */
  private static final java.util.logging.Logger QUIET_ARROW =
      java.util.logging.Logger.getLogger("org.apache.arrow");

  /** Creates the command; picocli calls this. */
  public TwinCommand() {}

  /**
   * Runs the command.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    QUIET_ARROW.setLevel(java.util.logging.Level.WARNING);
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the command with given output streams, for tests and embedding.
   *
   * @param args the arguments
   * @param out standard output
   * @param err standard error
   * @return the exit code: 0 on success
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    TwinCommand root = new TwinCommand();
    CommandLine cl = new CommandLine(root);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          PrintWriter w = commandLine.getErr();
          w.println("twin " + commandLine.getCommandName() + ": error: " + message(e));
          if (root.verbose) {
            e.printStackTrace(w);
          }
          w.flush();
          return EXIT_FAILURE;
        });
    cl.setParameterExceptionHandler(
        (e, a) -> {
          PrintWriter w = e.getCommandLine().getErr();
          w.println("twin: " + e.getMessage());
          w.println("Run 'twin --help' for usage.");
          w.flush();
          return EXIT_USAGE;
        });
    return cl.execute(args);
  }

  /**
   * The message of an exception and of its causes, without class names unless there is no message.
   */
  static String message(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      String part = m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
      if (sb.indexOf(part) < 0) {
        if (sb.length() > 0) {
          sb.append(": ");
        }
        sb.append(part);
      }
    }
    return sb.toString();
  }

  /** Prints the usage when no subcommand is given. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version the build wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = TwinCommand.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "twin4j " + p.getProperty("version", "unknown"),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vm.name")
            + ")"
      };
    }
  }
}
