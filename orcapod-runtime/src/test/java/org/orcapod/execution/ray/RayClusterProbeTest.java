package org.orcapod.execution.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ray.api.ObjectRef;
import io.ray.api.Ray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the cluster path from Java against a real head (not LOCAL mode): tasks run in worker JVMs,
 * Arrow IPC bytes travel both ways, and shows what the driver sees when a task throws and when its
 * worker process dies.
 */
@Tag("ray")
@Timeout(180)
class RayClusterProbeTest {

  @BeforeAll
  static void connect() {
    RayDriver.connect(RayTestSupport.clusterSettings());
  }

  @AfterAll
  static void disconnect() {
    RayDriver.shutdown();
  }

  @Test
  void taskRunsInAWorkerJvmThatIsNotTheDriver() {
    long worker = Ray.task(ProbeTasks::pid).remote().get();
    assertThat(worker).isPositive().isNotEqualTo(ProcessHandle.current().pid());
    assertThat(ProcessHandle.of(worker).flatMap(p -> p.info().command()))
        .hasValueSatisfying(command -> assertThat(command).endsWith("java"));
  }

  @Test
  void arrowIpcBatchComesBackFromTheWorker() {
    byte[] bytes = Ray.task(ProbeTasks::squares, 5).remote().get();
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = ArrowIpcBatches.decode(bytes, allocator)) {
      assertThat(root.getRowCount()).isEqualTo(5);
      IntVector x = (IntVector) root.getVector("x");
      BigIntVector square = (BigIntVector) root.getVector("square");
      assertThat(x.get(4)).isEqualTo(4);
      assertThat(square.get(3)).isEqualTo(9L);
      assertThat(((BigIntVector) root.getVector("pid")).get(0))
          .isNotEqualTo(ProcessHandle.current().pid());
    }
  }

  @Test
  void userExceptionArrivesAsRayTaskExceptionWithTheOriginalAsCause() {
    ObjectRef<Integer> ref = Ray.task(ProbeTasks::fail, "bad packet 7").remote();
    Throwable thrown = catchThrowable(ref::get);
    System.err.println("PROBE user exception as seen by the driver:");
    thrown.printStackTrace();
    assertThat(thrown).isInstanceOf(io.ray.api.exception.RayTaskException.class);
    assertThat(thrown).hasRootCauseInstanceOf(ProbeTasks.ProbeFailure.class);
  }

  @Test
  void killedWorkerSurfacesAsRayWorkerException(@TempDir Path dir) throws Exception {
    Path pidFile = dir.resolve("worker.pid");
    ObjectRef<Long> ref =
        Ray.task(ProbeTasks::reportPidThenSleep, pidFile.toString(), 60_000L).remote();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (!Files.exists(pidFile) && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    long worker = ProbeTasks.readPid(pidFile);
    assertThat(worker).isNotEqualTo(ProcessHandle.current().pid());
    ProcessHandle handle = ProcessHandle.of(worker).orElseThrow();
    assertThat(handle.destroyForcibly()).isTrue();
    Throwable thrown = catchThrowable(ref::get);
    System.err.println("PROBE killed worker as seen by the driver:");
    if (thrown != null) {
      thrown.printStackTrace();
    }
    assertThat(thrown).isInstanceOf(io.ray.api.exception.RayWorkerException.class);
  }
}
