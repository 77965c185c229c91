package org.orcapod.execution.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RayCallRunner} against the running cluster: the call runs in a worker JVM, its output is
 * captured there and recorded once on the driver, the user's exception type is re-thrown, and a
 * worker killed mid-call is survived through the retry.
 */
@Tag("ray")
@Timeout(240)
class RayCallRunnerClusterTest {

  @BeforeAll
  static void connect() {
    RayDriver.connect(RayTestSupport.clusterSettings());
  }

  @AfterAll
  static void disconnect() {
    RayDriver.shutdown();
  }

  @Test
  void runsInAWorkerAndRecordsItsStdoutAndLogs() throws Exception {
    List<CapturedOutput> recorded = new CopyOnWriteArrayList<>();
    Callable<Long> call =
        (Callable<Long> & Serializable)
            () -> {
              System.out.println("hello from the worker");
              Logger.getLogger("orcapod.user").info("a log line");
              return ProcessHandle.current().pid();
            };
    long worker =
        new RayCallRunner(RayTaskOptions.DEFAULT, WorkerCrashRetry.DEFAULT)
            .call("node n packet 0", call, recorded::add);
    assertThat(worker).isNotEqualTo(ProcessHandle.current().pid());
    assertThat(recorded).hasSize(1);
    CapturedOutput output = recorded.get(0);
    assertThat(output.success()).isTrue();
    assertThat(output.stdout()).isEqualTo("hello from the worker" + System.lineSeparator());
    assertThat(output.logs()).contains("INFO").contains("a log line");
    assertThat(output.traceback()).isNull();
  }

  @Test
  void rethrowsTheUsersExceptionTypeAndRecordsTheTraceback() {
    List<CapturedOutput> recorded = new CopyOnWriteArrayList<>();
    Callable<Integer> call =
        (Callable<Integer> & Serializable)
            () -> {
              System.out.print("about to fail");
              throw new ProbeTasks.ProbeFailure("packet 3 is bad");
            };
    Throwable thrown =
        catchThrowable(
            () ->
                new RayCallRunner(RayTaskOptions.DEFAULT, WorkerCrashRetry.DEFAULT)
                    .call("node n packet 3", call, recorded::add));
    assertThat(thrown).isExactlyInstanceOf(ProbeTasks.ProbeFailure.class);
    assertThat(thrown).hasMessage("packet 3 is bad");
    assertThat(recorded).hasSize(1);
    CapturedOutput output = recorded.get(0);
    assertThat(output.success()).isFalse();
    assertThat(output.stdout()).isEqualTo("about to fail");
    assertThat(output.traceback())
        .startsWith(ProbeTasks.ProbeFailure.class.getName() + ": packet 3 is bad")
        .contains("RayCallRunnerClusterTest");
  }

  @Test
  void survivesAWorkerKilledMidCall(@TempDir Path dir) throws Exception {
    String marker = dir.resolve("first-attempt").toString();
    String pidFile = dir.resolve("worker.pid").toString();
    Callable<Long> call =
        (Callable<Long> & Serializable)
            () -> {
              if (Files.notExists(Path.of(marker))) {
                Files.createFile(Path.of(marker));
                return ProbeTasks.reportPidThenSleep(pidFile, 120_000L);
              }
              return ProcessHandle.current().pid();
            };
    List<CapturedOutput> recorded = new CopyOnWriteArrayList<>();
    RayCallRunner runner = new RayCallRunner(RayTaskOptions.DEFAULT, new WorkerCrashRetry(3));
    CompletableFuture<Long> result =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return runner.call("node n packet 9", call, recorded::add);
              } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
              }
            });
    long killed = awaitPid(Path.of(pidFile));
    assertThat(ProcessHandle.of(killed).orElseThrow().destroyForcibly()).isTrue();
    long survivor = result.get(180, TimeUnit.SECONDS);
    assertThat(survivor).isNotEqualTo(killed).isNotEqualTo(ProcessHandle.current().pid());
    assertThat(recorded).singleElement().extracting(CapturedOutput::success).isEqualTo(true);
  }

  @Test
  void givesUpAfterTheLastAttemptCrashes(@TempDir Path dir) throws Exception {
    String pidFile = dir.resolve("worker.pid").toString();
    Callable<Long> call =
        (Callable<Long> & Serializable) () -> ProbeTasks.reportPidThenSleep(pidFile, 120_000L);
    RayCallRunner runner = new RayCallRunner(RayTaskOptions.DEFAULT, new WorkerCrashRetry(1));
    CompletableFuture<Long> result =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return runner.call("node n packet 10", call, output -> {});
              } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
              }
            });
    ProcessHandle.of(awaitPid(Path.of(pidFile))).orElseThrow().destroyForcibly();
    assertThatThrownBy(() -> result.get(180, TimeUnit.SECONDS))
        .hasCauseInstanceOf(WorkerCrashRetry.WorkerCrashedException.class)
        .hasMessageContaining("each of 1 attempts to run node n packet 10");
  }

  @Test
  void aCallableThatIsNotSerializableIsRejectedBeforeSubmission() {
    Callable<Integer> call = () -> 1;
    assertThatThrownBy(
            () ->
                new RayCallRunner(RayTaskOptions.DEFAULT, WorkerCrashRetry.DEFAULT)
                    .call("node n packet 1", call, output -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("node n packet 1")
        .hasMessageContaining("is not Serializable");
  }

  private static long awaitPid(Path pidFile) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (!Files.exists(pidFile)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the task never started: no " + pidFile);
      }
      Thread.sleep(50);
    }
    return ProbeTasks.readPid(pidFile);
  }
}
