package org.orcapod.execution.ray;

import io.ray.api.exception.RayActorException;
import io.ray.api.exception.RayTaskException;
import io.ray.api.exception.RayWorkerException;
import io.ray.api.exception.UnreconstructableException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Classifies what the driver gets from {@code ObjectRef.get()} when a task did not return: the
 * user's function failed (never retried; its exception is re-thrown), or the worker process died or
 * its result was lost (retried a bounded number of times).
 *
 * <p>Observed with Ray 2.58 (see {@code RayClusterProbeTest}): a function that throws reaches the
 * driver as {@link RayTaskException} whose cause chain holds the original exception; a worker
 * killed mid-task as {@link RayWorkerException}, and Ray Java does not retry the task by itself.
 */
public final class RayFailures {

  private RayFailures() {}

  /**
   * The {@link CapturedTaskException} in {@code thrown}'s cause chain, if the failure came from a
   * function run through {@link RayCallTask}.
   */
  public static Optional<CapturedTaskException> captured(Throwable thrown) {
    for (Throwable t : chain(thrown)) {
      if (t instanceof CapturedTaskException captured) {
        return Optional.of(captured);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code thrown} means the task's process went away (killed, out of memory, node lost)
   * rather than that the function threw: such a task can be submitted again.
   */
  public static boolean isWorkerCrash(Throwable thrown) {
    if (thrown instanceof RayTaskException) {
      return false;
    }
    return thrown instanceof RayWorkerException
        || thrown instanceof RayActorException
        || thrown instanceof UnreconstructableException;
  }

  /**
   * The user exception of a task failure: the one a {@link CapturedTaskException} carries,
   * otherwise the first cause below Ray's own exceptions, otherwise {@code thrown} itself.
   */
  public static Throwable userCause(Throwable thrown) {
    Optional<CapturedTaskException> captured = captured(thrown);
    if (captured.isPresent()) {
      return captured.get().userException();
    }
    for (Throwable t : chain(thrown)) {
      if (!(t instanceof io.ray.api.exception.RayException)) {
        return t;
      }
    }
    return thrown;
  }

  // The cause chain, stopping at a cycle.
  private static Iterable<Throwable> chain(Throwable thrown) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    java.util.List<Throwable> list = new java.util.ArrayList<>();
    @Nullable Throwable t = thrown;
    while (t != null && seen.put(t, Boolean.TRUE) == null) {
      list.add(t);
      t = t.getCause();
    }
    return list;
  }
}
