package org.orcapod.execution.capture;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.jspecify.annotations.Nullable;

/**
 * A handler on the java.util.logging root logger that adds each record published by a thread inside
 * a capture scope to that scope's log lines, and ignores every other record (the root's other
 * handlers still print it).
 */
final class RoutingJulHandler extends Handler {
  private final Formatter messages = new SimpleFormatter();

  RoutingJulHandler() {
    setLevel(Level.ALL);
  }

  @Override
  public void publish(LogRecord record) {
    @Nullable CaptureScope scope = ThreadCapture.current().capturingScope();
    if (scope == null || record == null) {
      return;
    }
    scope.addLogLine(
        LogLines.format(
            record.getLevel().getName(),
            record.getLoggerName(),
            messages.formatMessage(record),
            record.getThrown()));
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
