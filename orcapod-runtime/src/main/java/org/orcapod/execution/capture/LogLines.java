package org.orcapod.execution.capture;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.jspecify.annotations.Nullable;

/** Formats captured log events and stack traces; one format for every logging API. */
final class LogLines {
  private LogLines() {}

  /**
   * {@code LEVEL:logger:message}, the layout of Python orcapod's captured log lines, followed by
   * the stack trace of {@code thrown} on the next lines.
   */
  static String format(
      String level,
      @Nullable String loggerName,
      @Nullable String message,
      @Nullable Throwable thrown) {
    String name = loggerName == null || loggerName.isEmpty() ? "root" : loggerName;
    String line = level + ":" + name + ":" + message;
    return thrown == null ? line : line + "\n" + stripTrailingNewline(stackTrace(thrown));
  }

  /** The stack trace as {@link Throwable#printStackTrace()} prints it, causes included. */
  static String stackTrace(Throwable thrown) {
    StringWriter text = new StringWriter();
    try (PrintWriter writer = new PrintWriter(text)) {
      thrown.printStackTrace(writer);
    }
    return text.toString();
  }

  private static String stripTrailingNewline(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(0, end);
  }
}
