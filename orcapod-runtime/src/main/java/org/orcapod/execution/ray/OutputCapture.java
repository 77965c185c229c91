package org.orcapod.execution.ray;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.orcapod.execution.PacketLogger;
import org.orcapod.execution.capture.Capture;

/**
 * Runs a function in a Ray worker under the executors' shared {@link Capture} (per-thread stdout,
 * stderr, java.util.logging and SLF4J capture) and keeps what it captured as a {@link
 * CapturedOutput} that can travel back to the driver.
 */
public final class OutputCapture {

  private OutputCapture() {}

  /** The outcome of one captured call: the value or the failure, and the captured output. */
  public record Result<T>(@Nullable T value, @Nullable Throwable failure, CapturedOutput output) {}

  /**
   * Runs {@code callable} on this thread with its output captured. Never throws what the callable
   * throws: the failure is in the result, with its stack trace as the traceback.
   */
  public static <T> Result<T> call(Callable<T> callable) {
    AtomicReference<Map<String, @Nullable Object>> recorded = new AtomicReference<>(Map.of());
    PacketLogger collect = recorded::set;
    T value = null;
    Throwable failure = null;
    try {
      value = Capture.call(callable, collect);
    } catch (Throwable t) { // the user's failure of any kind is a result here, never lost
      failure = t;
    }
    Map<String, @Nullable Object> fields = recorded.get();
    CapturedOutput output =
        new CapturedOutput(
            text(fields, PacketLogger.STDOUT),
            text(fields, PacketLogger.STDERR),
            text(fields, PacketLogger.LOGS),
            failure == null ? null : stackTrace(failure, fields),
            failure == null);
    return new Result<>(value, failure, output);
  }

  private static String text(Map<String, @Nullable Object> fields, String name) {
    Object value = fields.get(name);
    return value == null ? "" : value.toString();
  }

  private static String stackTrace(Throwable failure, Map<String, @Nullable Object> fields) {
    Object captured = fields.get(PacketLogger.TRACEBACK);
    if (captured != null) {
      return captured.toString();
    }
    StringWriter text = new StringWriter();
    try (PrintWriter writer = new PrintWriter(text)) {
      failure.printStackTrace(writer);
    }
    return text.toString();
  }
}
