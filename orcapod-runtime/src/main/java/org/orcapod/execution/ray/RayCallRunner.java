package org.orcapod.execution.ray;

import io.ray.api.Ray;
import java.io.Serializable;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver side of one function call on Ray: sends the serializable callable to a worker, waits,
 * retries worker crashes, hands the captured output to {@code record}, and returns the value or
 * re-throws the function's own exception (the same type, unwrapped from Ray's).
 *
 * <p>This is the core of {@code RayExecutor.executeCallable}; it needs a connected {@link
 * RayDriver}.
 */
public final class RayCallRunner {

  private static final Logger LOG = LoggerFactory.getLogger(RayCallRunner.class);

  private final RayTaskOptions options;
  private final WorkerCrashRetry retry;

  /** A runner with these task options and crash-retry policy. */
  public RayCallRunner(RayTaskOptions options, WorkerCrashRetry retry) {
    this.options = Objects.requireNonNull(options, "options");
    this.retry = Objects.requireNonNull(retry, "retry");
  }

  /**
   * Runs {@code callable} in a Ray worker.
   *
   * @param what names the call in messages, for example the node label and packet
   * @param record receives the captured output exactly once, on success and on a function failure
   *     (not when every attempt crashed: nothing was captured then)
   * @throws Exception the function's exception, unwrapped from Ray's task exception
   * @throws IllegalArgumentException if the callable or what it captures is not Serializable
   * @throws WorkerCrashRetry.WorkerCrashedException if every attempt's worker died
   */
  public <T> T call(String what, Callable<T> callable, Consumer<CapturedOutput> record)
      throws Exception {
    if (!(callable instanceof Serializable)) {
      throw new IllegalArgumentException(
          what
              + ": the function "
              + callable.getClass().getName()
              + " is not Serializable, so it cannot be sent to a Ray worker. Use a static method"
              + " or a Serializable class (a lambda: (Callable<T> & Serializable) () -> ...).");
    }
    byte[] payload = JavaSerialization.toBytes(callable, what);
    byte[] resultBytes;
    try {
      resultBytes =
          retry.get(
              what,
              () -> options.applyTo(Ray.task(RayCallTask::call, payload).setName(what)).remote());
    } catch (WorkerCrashRetry.WorkerCrashedException crash) {
      throw crash;
    } catch (RuntimeException failure) {
      CapturedTaskException captured = RayFailures.captured(failure).orElse(null);
      if (captured == null) {
        throw failure; // not a function failure: Ray itself failed
      }
      recordQuietly(record, captured.output(), what);
      Throwable cause = captured.userException();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new RemoteFunctionException(
          captured.userExceptionClass(), captured.getMessage(), null, cause);
    }
    RayCallTask.Success success =
        (RayCallTask.Success) JavaSerialization.fromBytes(resultBytes, what + " result");
    recordQuietly(record, success.output(), what);
    @SuppressWarnings("unchecked") // the worker ran this very callable
    T value = (T) success.value();
    return value;
  }

  private static void recordQuietly(
      Consumer<CapturedOutput> record, CapturedOutput output, String what) {
    try {
      record.accept(output);
    } catch (RuntimeException e) {
      LOG.warn("recording the captured output of {} failed; the result stands", what, e);
    }
  }
}
