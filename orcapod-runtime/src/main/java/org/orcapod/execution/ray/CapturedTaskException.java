package org.orcapod.execution.ray;

import java.io.Serializable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by a Ray task whose function failed: it carries the function's captured output and the
 * function's own exception to the driver, where {@link RayFailures#captured} finds it inside Ray's
 * {@code RayTaskException}, the output is recorded and the user's exception is re-thrown.
 *
 * <p>Ray serializes exceptions with its FST-based serializer, which cannot rebuild records or many
 * user types; so the output and the user's exception travel inside as Java-serialized bytes, read
 * back on the driver by {@link #output()} and {@link #userException()}. A user exception that is
 * not serializable arrives as a {@link RemoteFunctionException} with its class name and traceback.
 */
public final class CapturedTaskException extends RuntimeException {

  private static final long serialVersionUID = 2L;

  private final byte[] payload;
  private final String userExceptionClass;

  private record Payload(CapturedOutput output, @Nullable Throwable failure)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Wraps the user's {@code failure} with what the call printed and logged. */
  public CapturedTaskException(Throwable failure, CapturedOutput output) {
    super(
        "packet function failed in a Ray worker with "
            + failure.getClass().getName()
            + ": "
            + failure.getMessage());
    this.userExceptionClass = failure.getClass().getName();
    this.payload = serializePayload(failure, Objects.requireNonNull(output, "output"));
  }

  private static byte[] serializePayload(Throwable failure, CapturedOutput output) {
    try {
      return JavaSerialization.toBytes(new Payload(output, failure), "the function's exception");
    } catch (RuntimeException notSerializable) {
      return JavaSerialization.toBytes(new Payload(output, null), "the captured output");
    }
  }

  private Payload payload() {
    return (Payload) JavaSerialization.fromBytes(payload, "a failed Ray task's captured output");
  }

  /** The output captured around the failed call, with its traceback. */
  public CapturedOutput output() {
    return payload().output();
  }

  /**
   * The function's exception as it was thrown in the worker, or a {@link RemoteFunctionException}
   * naming its class when it could not be serialized there or rebuilt here.
   */
  public Throwable userException() {
    Throwable failure;
    CapturedOutput output;
    try {
      Payload read = payload();
      failure = read.failure();
      output = read.output();
    } catch (RuntimeException unreadable) {
      return new RemoteFunctionException(userExceptionClass, getMessage(), null, unreadable);
    }
    return failure != null
        ? failure
        : new RemoteFunctionException(userExceptionClass, getMessage(), output.traceback(), null);
  }

  /** The class name of the function's exception, known even when it cannot be rebuilt. */
  public String userExceptionClass() {
    return userExceptionClass;
  }
}
