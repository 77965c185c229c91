package org.orcapod.execution.ray;

import java.util.Objects;

/**
 * Thrown by a Ray task whose function failed: it carries the function's captured output to the
 * driver, and the function's own exception as its cause. Ray wraps it in its {@code
 * RayTaskException}; {@link RayFailures#captured} finds it again on the driver, which records the
 * output and re-throws the cause.
 */
public final class CapturedTaskException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final CapturedOutput output;
  private final String userExceptionClass;

  /** Wraps the user's {@code failure} with what the call printed and logged. */
  public CapturedTaskException(Throwable failure, CapturedOutput output) {
    super(
        "packet function failed in a Ray worker with "
            + failure.getClass().getName()
            + ": "
            + failure.getMessage(),
        failure);
    this.output = Objects.requireNonNull(output, "output");
    this.userExceptionClass = failure.getClass().getName();
  }

  /** The output captured around the failed call, with its traceback. */
  public CapturedOutput output() {
    return output;
  }

  /**
   * The class name of the function's exception, also when its class or instance could not be
   * rebuilt on the driver.
   */
  public String userExceptionClass() {
    return userExceptionClass;
  }
}
