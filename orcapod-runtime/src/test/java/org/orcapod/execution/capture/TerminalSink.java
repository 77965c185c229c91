package org.orcapod.execution.capture;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Stands in for the terminal: replaces System.out and System.err with in-memory streams until
 * closed, so a test can check that output still reaches the original streams. Capture wraps
 * whatever the standard streams are when it runs, so these become the "original" streams.
 */
final class TerminalSink implements AutoCloseable {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PrintStream savedOut = System.out;
  private final PrintStream savedErr = System.err;

  TerminalSink() {
    System.setOut(new PrintStream(out, true, Charset.defaultCharset()));
    System.setErr(new PrintStream(err, true, Charset.defaultCharset()));
  }

  String out() {
    return out.toString(Charset.defaultCharset());
  }

  String err() {
    return err.toString(Charset.defaultCharset());
  }

  @Override
  public void close() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }
}
