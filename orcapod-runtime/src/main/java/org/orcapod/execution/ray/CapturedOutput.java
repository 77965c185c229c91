package org.orcapod.execution.ray;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one function call printed and logged in a worker, and whether it returned normally; it
 * travels back to the driver with the result or inside a {@link CapturedTaskException}.
 *
 * @param stdout text written to {@code System.out} by the calling thread
 * @param stderr text written to {@code System.err} by the calling thread
 * @param logs {@code java.util.logging} records of the calling thread, one formatted line each
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
    fields.put("stdout", stdout);
    fields.put("stderr", stderr);
    fields.put("logs", logs);
    fields.put("traceback", traceback);
    fields.put("success", success);
    return fields;
  }
}
