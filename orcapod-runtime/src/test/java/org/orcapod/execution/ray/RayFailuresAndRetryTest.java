package org.orcapod.execution.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ray.api.ObjectRef;
import io.ray.api.exception.RayTaskException;
import io.ray.api.exception.RayWorkerException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Classification and retry logic, driven by the exception types the probe tests observed. */
class RayFailuresAndRetryTest {

  private static final CapturedOutput FAILED_OUTPUT =
      new CapturedOutput("out", "", "", "java.lang.ArithmeticException: / by zero", false);

  @Test
  void aFunctionFailureIsFoundInsideRaysTaskExceptionAndIsNoCrash() {
    ArithmeticException user = new ArithmeticException("/ by zero");
    RayTaskException fromRay =
        new RayTaskException(
            7, "127.0.0.1", "Error executing task", new CapturedTaskException(user, FAILED_OUTPUT));
    assertThat(RayFailures.isWorkerCrash(fromRay)).isFalse();
    assertThat(RayFailures.captured(fromRay))
        .hasValueSatisfying(
            c -> {
              assertThat(c.output()).isEqualTo(FAILED_OUTPUT);
              assertThat(c.userExceptionClass()).isEqualTo("java.lang.ArithmeticException");
            });
    // The user's exception travels as bytes (Ray's FST serializer cannot rebuild records), so
    // the driver gets an equal copy of the same type.
    assertThat(RayFailures.userCause(fromRay))
        .isExactlyInstanceOf(ArithmeticException.class)
        .hasMessage("/ by zero");
  }

  @Test
  void aNonSerializableUserExceptionArrivesAsRemoteFunctionExceptionWithItsTraceback() {
    CapturedTaskException captured =
        new CapturedTaskException(new Unserializable("no way back"), FAILED_OUTPUT);
    assertThat(captured.userException())
        .isExactlyInstanceOf(RemoteFunctionException.class)
        .hasMessageContaining(Unserializable.class.getName())
        .hasMessageContaining("no way back")
        .hasMessageContaining("remote traceback: java.lang.ArithmeticException");
    assertThat(captured.output()).isEqualTo(FAILED_OUTPUT);
  }

  /** An exception with a field that Java serialization refuses. */
  static final class Unserializable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("unused")
    private final Object notSerializable = new Object();

    Unserializable(String message) {
      super(message);
    }
  }

  @Test
  void aPlainTaskFailureUnwrapsToTheFirstNonRayCause() {
    IllegalStateException user = new IllegalStateException("x");
    RayTaskException fromRay = new RayTaskException(7, "h", "m", user);
    assertThat(RayFailures.captured(fromRay)).isEmpty();
    assertThat(RayFailures.userCause(fromRay)).isSameAs(user);
    RayTaskException bare = new RayTaskException("no cause");
    assertThat(RayFailures.userCause(bare)).isSameAs(bare);
  }

  @Test
  void workerDeathIsACrash() {
    assertThat(RayFailures.isWorkerCrash(new RayWorkerException("died"))).isTrue();
    assertThat(RayFailures.isWorkerCrash(new IllegalStateException())).isFalse();
  }

  @Test
  void crashesAreRetriedUntilASubmissionReturns() {
    Deque<ObjectRef<String>> outcomes =
        new ArrayDeque<>(List.of(crash(), crash(), returning("done")));
    int[] submissions = {0};
    Supplier<ObjectRef<String>> submit =
        () -> {
          submissions[0]++;
          return outcomes.pop();
        };
    assertThat(new WorkerCrashRetry(3).get("task t", submit)).isEqualTo("done");
    assertThat(submissions[0]).isEqualTo(3);
  }

  @Test
  void crashesBeyondTheLimitFailWithEveryAttemptKept() {
    int[] submissions = {0};
    Supplier<ObjectRef<String>> submit =
        () -> {
          submissions[0]++;
          return crash();
        };
    assertThatThrownBy(() -> new WorkerCrashRetry(2).get("node n packet 4", submit))
        .isInstanceOf(WorkerCrashRetry.WorkerCrashedException.class)
        .hasMessageContaining("each of 2 attempts to run node n packet 4")
        .cause()
        .isInstanceOf(RayWorkerException.class)
        .satisfies(c -> assertThat(c.getSuppressed()).hasSize(1));
    assertThat(submissions[0]).isEqualTo(2);
  }

  @Test
  void aFunctionFailureIsNeverRetried() {
    int[] submissions = {0};
    RayTaskException failure = new RayTaskException(1, "h", "m", new ArithmeticException());
    Supplier<ObjectRef<String>> submit =
        () -> {
          submissions[0]++;
          return new Outcome<>(
              () -> {
                throw failure;
              });
        };
    assertThatThrownBy(() -> WorkerCrashRetry.DEFAULT.get("t", submit)).isSameAs(failure);
    assertThat(submissions[0]).isEqualTo(1);
  }

  @Test
  void theRetryLimitMustAllowOneAttempt() {
    assertThatThrownBy(() -> new WorkerCrashRetry(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  private static ObjectRef<String> crash() {
    return new Outcome<>(
        () -> {
          throw new RayWorkerException("The worker died unexpectedly while executing this task.");
        });
  }

  private static ObjectRef<String> returning(String value) {
    return new Outcome<>(() -> value);
  }

  /** A task outcome as ObjectRef.get() delivers it. */
  private record Outcome<T>(Supplier<T> outcome) implements ObjectRef<T> {
    @Override
    public T get() {
      return outcome.get();
    }

    @Override
    public T get(long timeoutMs) {
      return outcome.get();
    }
  }
}
