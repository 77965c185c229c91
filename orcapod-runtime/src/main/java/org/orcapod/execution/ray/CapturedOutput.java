package org.orcapod.execution.ray;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.orcapod.execution.PacketLogger;

/**
 * What one function call printed and logged in a worker, and whether it returned normally; it
 * travels back to the driver with the result or inside a {@link CapturedTaskException}.
 *
 * @param stdout text written to {@code System.out} by the calling thread
 * @param stderr text written to {@code System.err} by the calling thread
 * @param logs log records (java.util.logging, and SLF4J when the capturing provider is in use) of
 *     the calling thread, one line each
 * @param traceback the failure's stack trace, {@code null} on success
 * @param success whether the call returned normally
 */
public record CapturedOutput(
    String stdout, String stderr, String logs, @Nullable String traceback, boolean success)
    implements Serializable {

  /**
   * The fields for the packet logger, under the names the executors share ({@code stdout}, {@code
   * stderr}, {@code logs}, {@code traceback}, {@code success}), in that order.
   */
  public Map<String, @Nullable Object> asLogFields() {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    fields.put(PacketLogger.STDOUT, stdout);
    fields.put(PacketLogger.STDERR, stderr);
    fields.put(PacketLogger.LOGS, logs);
    fields.put(PacketLogger.TRACEBACK, traceback);
    fields.put(PacketLogger.SUCCESS, success);
    return fields;
  }
}
