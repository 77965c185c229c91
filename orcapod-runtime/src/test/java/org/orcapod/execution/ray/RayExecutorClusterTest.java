package org.orcapod.execution.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.orcapod.execution.ExecutorOptions;
import org.orcapod.execution.LocalExecutor;
import org.orcapod.execution.PacketLogger;

/** {@link RayExecutor} on the running cluster, beside the {@link LocalExecutor}. */
@Tag("ray")
@Timeout(300)
class RayExecutorClusterTest {

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
                        "code_search_path", settings.codeSearchPath(),
                        "batch_size", 8)));
    executor.start();
  }

  @AfterAll
  static void disconnect() {
    // Null when the cluster check skipped the class before connecting.
    if (executor != null) {
      executor.close();
    }
    RayDriver.shutdown();
  }

  /** A packet function: prints, and returns a value derived from its input and the worker pid. */
  static Callable<long[]> square(int x) {
    return (Callable<long[]> & Serializable)
        () -> {
          System.out.println("squaring " + x);
          if (x == 13) {
            throw new ProbeTasks.ProbeFailure("13 is unlucky");
          }
          return new long[] {(long) x * x, ProcessHandle.current().pid()};
        };
  }

  @Test
  void executeCallableRunsInAWorkerAndRecordsOnce() throws Exception {
    List<Map<String, @Nullable Object>> rows = new CopyOnWriteArrayList<>();
    long[] result = executor.executeCallable(square(7), rows::add);
    assertThat(result[0]).isEqualTo(49);
    assertThat(result[1]).isNotEqualTo(ProcessHandle.current().pid());
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0))
        .containsEntry(PacketLogger.STDOUT, "squaring 7" + System.lineSeparator())
        .containsEntry(PacketLogger.SUCCESS, true)
        .containsEntry(PacketLogger.TRACEBACK, null);
  }

  @Test
  void executeCallableRethrowsTheUserExceptionAfterRecordingItsTraceback() {
    List<Map<String, @Nullable Object>> rows = new CopyOnWriteArrayList<>();
    Throwable thrown = catchThrowable(() -> executor.executeCallable(square(13), rows::add));
    assertThat(thrown)
        .isExactlyInstanceOf(ProbeTasks.ProbeFailure.class)
        .hasMessage("13 is unlucky");
    assertThat(rows)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row).containsEntry(PacketLogger.SUCCESS, false);
              assertThat((String) row.get(PacketLogger.TRACEBACK)).contains("13 is unlucky");
              assertThat(row)
                  .containsEntry(PacketLogger.STDOUT, "squaring 13" + System.lineSeparator());
            });
  }

  @Test
  void asyncCallsAreBatchedAndGiveTheSameValuesAsTheLocalExecutor() throws Exception {
    Map<Integer, List<Map<String, @Nullable Object>>> rows = new ConcurrentHashMap<>();
    List<CompletableFuture<long[]>> futures = new ArrayList<>();
    for (int x = 0; x < 20; x++) {
      int packet = x;
      rows.put(packet, new CopyOnWriteArrayList<>());
      futures.add(executor.executeCallableAsync(square(packet), rows.get(packet)::add));
    }
    try (LocalExecutor local = new LocalExecutor()) {
      for (int x = 0; x < 20; x++) {
        CompletableFuture<long[]> future = futures.get(x);
        List<Map<String, @Nullable Object>> localRows = new ArrayList<>();
        if (x == 13) {
          Throwable onRay = catchThrowable(() -> future.get(120, TimeUnit.SECONDS));
          Throwable onLocal =
              catchThrowable(() -> local.executeCallable(square(13), localRows::add));
          assertThat(onRay).isInstanceOf(ExecutionException.class);
          assertThat(onRay.getCause())
              .isExactlyInstanceOf(onLocal.getClass())
              .hasMessage(onLocal.getMessage());
        } else {
          long[] onRay = future.get(120, TimeUnit.SECONDS);
          long[] onLocal = local.executeCallable(square(x), localRows::add);
          assertThat(onRay[0]).isEqualTo(onLocal[0]);
          assertThat(onRay[1]).isNotEqualTo(onLocal[1]);
        }
        assertThat(rows.get(x)).hasSize(1);
        assertThat(rows.get(x).get(0).get(PacketLogger.STDOUT))
            .isEqualTo(localRows.get(0).get(PacketLogger.STDOUT));
        assertThat(rows.get(x).get(0).get(PacketLogger.SUCCESS))
            .isEqualTo(localRows.get(0).get(PacketLogger.SUCCESS));
      }
    }
  }
}
