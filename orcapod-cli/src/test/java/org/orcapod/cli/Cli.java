package org.orcapod.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command in-process with string writers; never exits the JVM. */
final class Cli {
  /** What one invocation printed and returned. */
  record Result(int code, String out, String err) {}

  private Cli() {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      code = OrcapodCli.execute(o, e, args);
    }
    return new Result(code, out.toString(), err.toString());
  }
}
