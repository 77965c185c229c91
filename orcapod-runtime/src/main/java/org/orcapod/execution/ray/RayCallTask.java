package org.orcapod.execution.ray;

import java.io.Serializable;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * The Ray task body that runs one serialized {@link Callable} in a worker JVM with its output
 * captured. It is a static method because Ray Java tasks are static method references.
 */
public final class RayCallTask {

  private RayCallTask() {}

  /** A successful call's value with what it printed and logged. */
  record Success(@Nullable Object value, CapturedOutput output) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * One call's outcome inside a batch: its value, or the failure (which carries the user's
   * exception), and what it printed and logged.
   */
  record Outcome(
      @Nullable Object value, @Nullable CapturedTaskException failure, CapturedOutput output)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Runs several serialized callables one after another in this worker, each under its own capture,
   * so that one Ray task amortises its scheduling cost over a batch of packets. A failing callable
   * does not stop the others: its failure is an outcome.
   *
   * @param serializedCallables Java serialization of a {@code List<byte[]>}, one serialized
   *     callable each
   * @return Java serialization of a {@code List<Outcome>} in the same order
   */
  public static byte[] callBatch(byte[] serializedCallables) {
    java.util.List<?> payloads =
        (java.util.List<?>) JavaSerialization.fromBytes(serializedCallables, "a packet batch");
    java.util.ArrayList<Outcome> outcomes = new java.util.ArrayList<>(payloads.size());
    for (Object payload : payloads) {
      Callable<?> callable =
          (Callable<?>) JavaSerialization.fromBytes((byte[]) payload, "the packet function");
      OutputCapture.Result<?> result = OutputCapture.call(callable);
      Throwable failure = result.failure();
      outcomes.add(
          failure == null
              ? new Outcome(result.value(), null, result.output())
              : new Outcome(
                  null, new CapturedTaskException(failure, result.output()), result.output()));
    }
    return JavaSerialization.toBytes(outcomes, "the batch's results");
  }

  /**
   * Deserializes the callable, runs it under {@link OutputCapture}, and returns the serialized
   * {@link Success}.
   *
   * @throws CapturedTaskException if the callable threw, with its exception as the cause
   */
  public static byte[] call(byte[] serializedCallable) {
    Callable<?> callable =
        (Callable<?>) JavaSerialization.fromBytes(serializedCallable, "the packet function");
    OutputCapture.Result<?> result = OutputCapture.call(callable);
    Throwable failure = result.failure();
    if (failure != null) {
      throw new CapturedTaskException(failure, result.output());
    }
    return JavaSerialization.toBytes(
        new Success(result.value(), result.output()), "the packet function's result");
  }
}
