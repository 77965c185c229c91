package org.orcapod.execution.ray;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.orcapod.execution.ExecutorOptions;
import org.orcapod.execution.PacketLogger;
import org.orcapod.execution.RemoteFunction;
import org.orcapod.function.JavaPacketFunction;
import org.orcapod.schema.Schema;

/** Packet batches on the running Ray cluster, including a worker killed mid-batch. */
@Tag("ray")
@Timeout(600)
class RayPacketBatchClusterTest extends RayPacketBatchScenarios {

  private static RayExecutor executor;

  @BeforeAll
  static void connect() {
    RayDriverSettings settings = RayTestSupport.clusterSettings();
    executor =
        RayExecutor.connect(settings.address())
            .withOptions(
                ExecutorOptions.of(
                    Map.of(
                        "worker_jvm_options", settings.workerJvmOptions(),
                        "code_search_path", settings.codeSearchPath())));
    executor.start();
  }

  @AfterAll
  static void disconnect() {
    if (executor != null) {
      executor.close();
    }
    RayDriver.shutdown();
  }

  @Override
  RayExecutor ray() {
    return executor;
  }

  /**
   * {@code pid = the worker's pid}; on the first call for {@code x == 2} it writes its pid to
   * {@code pidFile} and sleeps, so the test can kill the worker mid-batch.
   */
  private static JavaPacketFunction sleepyPid(String marker, String pidFile) {
    return JavaPacketFunction.ofLambda(
        "sleepy_pid",
        "v1.0",
        Schema.of(List.of(RemoteTestFunctions.int64("x"))),
        Schema.of(List.of(RemoteTestFunctions.int64("pid"))),
        (JavaPacketFunction.Body & Serializable)
            m -> {
              if ((Long) m.get("x") == 2 && Files.notExists(Path.of(marker))) {
                Files.createFile(Path.of(marker));
                ProbeTasks.reportPidThenSleep(pidFile, 120_000L);
              }
              Map<String, @Nullable Object> r = new HashMap<>();
              r.put("pid", ProcessHandle.current().pid());
              return r;
            });
  }

  @Test
  void aBatchSurvivesItsWorkerKilledMidTask(@TempDir Path dir) throws Exception {
    String marker = dir.resolve("first-attempt").toString();
    Path pidFile = dir.resolve("worker.pid");
    RemoteFunction f = sleepyPid(marker, pidFile.toString()).remoteFunction().orElseThrow();
    List<List<Map<String, @Nullable Object>>> records = new ArrayList<>();
    List<PacketLogger> loggers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      List<Map<String, @Nullable Object>> mine = new CopyOnWriteArrayList<>();
      records.add(mine);
      loggers.add(mine::add);
    }
    RayExecutor batched = ray().withOptions(ExecutorOptions.of(Map.of("batch_size", 4)));
    try (batched;
        var rows = packets("x", 1, 2, 3, 4)) {
      List<CompletableFuture<@Nullable Map<String, @Nullable Object>>> futures =
          batched.executeBatchAsync(f, rows, loggers);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
      while (!Files.exists(pidFile)) {
        assertThat(Instant.now()).as("the task started").isBefore(deadline);
        Thread.sleep(100);
      }
      long killed = Long.parseLong(Files.readString(pidFile).strip());
      assertThat(ProcessHandle.of(killed).orElseThrow().destroyForcibly()).isTrue();
      for (CompletableFuture<@Nullable Map<String, @Nullable Object>> future : futures) {
        assertThat(await(future)).isNotEqualTo(killed).isNotEqualTo(ProcessHandle.current().pid());
      }
    }
    // The crashed attempt recorded nothing; the retry recorded each packet once.
    for (List<Map<String, @Nullable Object>> mine : records) {
      assertThat(mine).singleElement().extracting(r -> r.get(PacketLogger.SUCCESS)).isEqualTo(true);
    }
  }
}
