package org.orcapod.execution.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ray.api.ObjectRef;
import io.ray.api.Ray;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ray's LOCAL mode (tasks on threads of this JVM; no head, no Python) with the wheel's runtime jar:
 * the same task code and exception shapes as on a cluster, for fast unit tests.
 */
@Tag("ray")
@Timeout(120)
class RayLocalModeTest {

  @BeforeAll
  static void connect() {
    RayTestSupport.requireRuntime();
    RayDriver.connect(RayDriverSettings.local());
  }

  @AfterAll
  static void disconnect() {
    RayDriver.shutdown();
  }

  @Test
  void tasksRunInsideTheDriverProcess() {
    assertThat(RayDriver.isConnected()).isTrue();
    assertThat(Ray.task(ProbeTasks::pid).remote().get()).isEqualTo(ProcessHandle.current().pid());
  }

  @Test
  void arrowBatchBytesPassThrough() {
    byte[] bytes = Ray.task(ProbeTasks::squares, 3).remote().get();
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = ArrowIpcBatches.decode(bytes, allocator)) {
      assertThat(root.getRowCount()).isEqualTo(3);
      assertThat(((BigIntVector) root.getVector("square")).get(2)).isEqualTo(4L);
    }
  }

  @Test
  void userExceptionArrivesWrappedLikeOnACluster() {
    ObjectRef<Integer> ref = Ray.task(ProbeTasks::fail, "local failure").remote();
    Throwable thrown = catchThrowable(ref::get);
    System.err.println("PROBE LOCAL mode user exception: " + thrown);
    assertThat(thrown).isInstanceOf(io.ray.api.exception.RayTaskException.class);
    assertThat(thrown).hasRootCauseInstanceOf(ProbeTasks.ProbeFailure.class);
  }

  @Test
  void rayExecutorInLocalModeCapturesAndRethrowsLikeOnACluster() throws Exception {
    java.util.List<java.util.Map<String, @org.jspecify.annotations.Nullable Object>> rows =
        new java.util.concurrent.CopyOnWriteArrayList<>();
    try (RayExecutor executor = RayExecutor.local()) {
      java.util.concurrent.Callable<Long> ok =
          (java.util.concurrent.Callable<Long> & java.io.Serializable)
              () -> {
                System.out.print("local mode");
                return ProcessHandle.current().pid();
              };
      assertThat(executor.executeCallable(ok, rows::add)).isEqualTo(ProcessHandle.current().pid());
      java.util.concurrent.Callable<Long> bad =
          (java.util.concurrent.Callable<Long> & java.io.Serializable)
              () -> {
                throw new ProbeTasks.ProbeFailure("local bad");
              };
      assertThat(catchThrowable(() -> executor.executeCallableAsync(bad, rows::add).join()))
          .hasCauseExactlyInstanceOf(ProbeTasks.ProbeFailure.class);
    }
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .containsEntry(org.orcapod.execution.PacketLogger.STDOUT, "local mode")
        .containsEntry(org.orcapod.execution.PacketLogger.SUCCESS, true);
    assertThat(rows.get(1)).containsEntry(org.orcapod.execution.PacketLogger.SUCCESS, false);
  }

  @Test
  void aSecondConnectionWithOtherSettingsIsRefused() {
    RayDriverSettings other =
        RayDriverSettings.cluster("127.0.0.1:1", java.util.List.of(), java.util.List.of());
    assertThat(catchThrowable(() -> RayDriver.connect(other)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("one connection per JVM");
  }
}
