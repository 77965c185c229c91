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
