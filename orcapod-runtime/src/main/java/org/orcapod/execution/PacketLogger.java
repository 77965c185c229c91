package org.orcapod.execution;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Receives what one packet execution recorded and persists it; created per packet by the observer
 * and injected down to the executor.
 *
 * <p>The fields are arbitrary and named, so each executor type records what it can: the local
 * executor records {@link #STDOUT}, {@link #STDERR}, {@link #LOGS}, {@link #TRACEBACK} and {@link
 * #SUCCESS}; another executor may add its own. Names are unprefixed (the log row adds {@code __});
 * values are {@code String}, {@code Boolean}, numbers or {@code null}, and the map iterates in the
 * order the executor recorded them.
 *
 * <p>Implementations should not throw; executors log and swallow a failure to record, so a broken
 * log sink never changes a packet's result.
 */
@FunctionalInterface
public interface PacketLogger {

  /** Field name: text the function wrote to {@code System.out}. */
  String STDOUT = "stdout";

  /** Field name: text the function wrote to {@code System.err}. */
  String STDERR = "stderr";

  /** Field name: log lines the function emitted (SLF4J, java.util.logging), joined by newlines. */
  String LOGS = "logs";

  /** Field name: the stack trace of the failure, or {@code null} on success. */
  String TRACEBACK = "traceback";

  /** Field name: {@code true} if the function returned normally. */
  String SUCCESS = "success";

  /** Persists one execution's fields. */
  void record(Map<String, @Nullable Object> fields);

  /** The logger that discards everything; pass it instead of {@code null}. */
  static PacketLogger noOp() {
    return NoOpPacketLogger.INSTANCE;
  }
}

/** The single no-op logger, an enum so that identity checks against it are safe. */
enum NoOpPacketLogger implements PacketLogger {
  INSTANCE;

  @Override
  public void record(Map<String, @Nullable Object> fields) {}

  @Override
  public String toString() {
    return "PacketLogger.noOp()";
  }
}
