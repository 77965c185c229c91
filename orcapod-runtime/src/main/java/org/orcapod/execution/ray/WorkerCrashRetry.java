package org.orcapod.execution.ray;

import io.ray.api.ObjectRef;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits a Ray task again when its worker process dies, up to {@code maxAttempts} submissions in
 * all; a failure of the function itself is never retried. Ray Java tasks have no automatic retries,
 * and a packet function must be deterministic for its result to be cached, so running it again
 * after a crash is safe.
 *
 * @param maxAttempts submissions in all, at least 1 (1 means no retry)
 */
public record WorkerCrashRetry(int maxAttempts) {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerCrashRetry.class);

  /** Three submissions: a crash is retried twice. */
  public static final WorkerCrashRetry DEFAULT = new WorkerCrashRetry(3);

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if {@code maxAttempts < 1}
   */
  public WorkerCrashRetry {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(
          "maxAttempts must be at least 1 (1 = no retry), got " + maxAttempts);
    }
  }

  /**
   * Submits with {@code submit} and waits for the result, submitting again after a worker crash.
   *
   * @param what names the task in log messages and in the final exception
   * @throws RuntimeException the function's failure as Ray reports it (a {@code RayTaskException}),
   *     or the last crash when every attempt crashed, with the earlier ones suppressed
   */
  public <T> T get(String what, Supplier<ObjectRef<T>> submit) {
    RuntimeException first = null;
    for (int attempt = 1; ; attempt++) {
      try {
        return submit.get().get();
      } catch (RuntimeException e) {
        if (!RayFailures.isWorkerCrash(e)) {
          throw e;
        }
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
        if (attempt >= maxAttempts) {
          throw new WorkerCrashedException(what, attempt, first);
        }
        LOG.warn(
            "Ray worker died while running {} (attempt {} of {}); submitting it again: {}",
            what,
            attempt,
            maxAttempts,
            e.toString());
      }
    }
  }

  /** Every attempt of a task ended with its worker process dying. */
  public static final class WorkerCrashedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WorkerCrashedException(String what, int attempts, Throwable cause) {
      super(
          "Ray worker died in each of "
              + attempts
              + " attempts to run "
              + what
              + " (killed, out of memory, or its node was lost); see the raylet and"
              + " java-worker logs in the cluster's session folder, or raise the retry limit",
          cause);
    }
  }
}
