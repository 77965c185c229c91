package org.orcapod.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class LocalExecutorTest {

  /** Keeps every record, in arrival order. */
  private static final class Records implements PacketLogger {
    final List<Map<String, @Nullable Object>> all = new CopyOnWriteArrayList<>();

    @Override
    public void record(Map<String, @Nullable Object> fields) {
      all.add(fields);
    }
  }

  @Test
  void identityAndCompatibility() {
    LocalExecutor executor = new LocalExecutor();

    assertThat(executor.executorTypeId()).isEqualTo("local.v0");
    assertThat(executor.executorInfo()).containsExactly(Map.entry("executor_type", "local.v0"));
    assertThat(executor.supports(JavaFunctionExecutor.JAVA_FUNCTION_TYPE_ID)).isTrue();
    assertThat(executor.supports("python.function.v0")).isFalse();
    assertThat(executor.supportsConcurrentExecution()).isFalse();
    assertThat(new LocalExecutor(2).supportsConcurrentExecution()).isTrue();
    assertThatThrownBy(() -> executor.requireSupports("python.function.v0", "node 'square'"))
        .isInstanceOf(IncompatibleExecutorException.class)
        .hasMessageContaining("[Orcapod/IncompatibleExecutor]")
        .hasMessageContaining("'local.v0'")
        .hasMessageContaining("node 'square'")
        .hasMessageContaining("python.function.v0")
        .hasMessageContaining("[java.function.v0]");
  }

  @Test
  void withOptionsAlwaysReturnsANewInstance() {
    LocalExecutor base = new LocalExecutor();

    LocalExecutor same = base.withOptions(ExecutorOptions.empty());
    LocalExecutor two = base.withOptions(ExecutorOptions.empty().with("parallelism", 2));
    LocalExecutor fromJson = base.withOptions(ExecutorOptions.of(Map.of("parallelism", 3L)));
    LocalExecutor ignoresOthers =
        two.withOptions(ExecutorOptions.of(Map.of("num_cpus", 4, "image", "x")));

    assertThat(same).isNotSameAs(base);
    assertThat(same.parallelism()).isEqualTo(1);
    assertThat(two.parallelism()).isEqualTo(2);
    assertThat(fromJson.parallelism()).isEqualTo(3);
    assertThat(ignoresOthers).isNotSameAs(two);
    assertThat(ignoresOthers.parallelism()).isEqualTo(2);
  }

  @Test
  void badParallelismIsRejectedNamingTheOption() {
    assertThatThrownBy(
            () -> new LocalExecutor().withOptions(ExecutorOptions.of(Map.of("parallelism", "2"))))
        .isInstanceOf(InvalidExecutorOptionException.class)
        .hasMessageContaining("[Orcapod/InvalidExecutorOption]")
        .hasMessageContaining("'parallelism'")
        .hasMessageContaining("\"2\" (String)");
    assertThatThrownBy(
            () -> new LocalExecutor().withOptions(ExecutorOptions.of(Map.of("parallelism", 0))))
        .isInstanceOf(InvalidExecutorOptionException.class)
        .hasMessageContaining("an integer >= 1");
    assertThatThrownBy(() -> new LocalExecutor(-1))
        .isInstanceOf(InvalidExecutorOptionException.class)
        .extracting(e -> ((InvalidExecutorOptionException) e).option())
        .isEqualTo("parallelism");
  }

  @Test
  void executeCallableCapturesAndReturnsTheResult() throws Exception {
    Records records = new Records();
    try (LocalExecutor executor = new LocalExecutor()) {
      String result =
          executor.executeCallable(
              () -> {
                System.out.print("computing");
                return "done";
              },
              records);

      assertThat(result).isEqualTo("done");
      assertThat(records.all).hasSize(1);
      assertThat(records.all.get(0))
          .containsEntry(PacketLogger.STDOUT, "computing")
          .containsEntry(PacketLogger.SUCCESS, true)
          .containsEntry(PacketLogger.TRACEBACK, null);
    }
  }

  @Test
  void executeCallableRethrowsTheUsersCheckedExceptionUnchanged() {
    IOException failure = new IOException("bad input file");
    Records records = new Records();
    try (LocalExecutor executor = new LocalExecutor()) {
      assertThatThrownBy(
              () ->
                  executor.executeCallable(
                      () -> {
                        throw failure;
                      },
                      records))
          .isSameAs(failure);
    }
    assertThat(records.all).hasSize(1);
    assertThat(records.all.get(0)).containsEntry(PacketLogger.SUCCESS, false);
    assertThat((String) records.all.get(0).get(PacketLogger.TRACEBACK))
        .startsWith("java.io.IOException: bad input file");
  }

  @Test
  void asyncFailureCompletesTheFutureWithTheSameException() throws Exception {
    IOException failure = new IOException("async failure");
    for (int parallelism : new int[] {1, 2}) {
      Records records = new Records();
      try (LocalExecutor executor = new LocalExecutor(parallelism)) {
        CompletableFuture<Object> future =
            executor.executeCallableAsync(
                () -> {
                  throw failure;
                },
                records);

        Throwable seen = future.handle((value, error) -> error).get(30, TimeUnit.SECONDS);
        assertThat(seen).isSameAs(failure);
        assertThatThrownBy(future::get)
            .isInstanceOf(ExecutionException.class)
            .hasCauseReference(failure);
        assertThat(records.all)
            .singleElement()
            .satisfies(r -> assertThat(r).containsEntry(PacketLogger.SUCCESS, false));
      }
    }
  }

  @Test
  void parallelismOneRunsAsyncPacketsOnTheCallersThread() throws Exception {
    try (LocalExecutor executor = new LocalExecutor()) {
      CompletableFuture<Thread> future =
          executor.executeCallableAsync(Thread::currentThread, PacketLogger.noOp());

      assertThat(future).isDone();
      assertThat(future.get()).isSameAs(Thread.currentThread());
    }
  }

  @Test
  void twoThreadsRunPacketsConcurrently() throws Exception {
    // Each packet waits until both have started: this only completes if they overlap.
    CountDownLatch bothRunning = new CountDownLatch(2);
    Records records = new Records();
    try (LocalExecutor executor = new LocalExecutor(2)) {
      List<CompletableFuture<String>> futures =
          List.of(
              executor.executeCallableAsync(() -> meet(bothRunning), records),
              executor.executeCallableAsync(() -> meet(bothRunning), records));

      String first = futures.get(0).get(30, TimeUnit.SECONDS);
      String second = futures.get(1).get(30, TimeUnit.SECONDS);

      assertThat(first).isNotEqualTo(second).startsWith("orcapod-local-");
      assertThat(second).startsWith("orcapod-local-");
      assertThat(records.all).hasSize(2);
    }
  }

  private static String meet(CountDownLatch latch) throws InterruptedException {
    latch.countDown();
    if (!latch.await(20, TimeUnit.SECONDS)) {
      throw new AssertionError("the other packet never ran at the same time");
    }
    return Thread.currentThread().getName();
  }

  @Test
  void closedExecutorsRejectWorkAndCloseIsIdempotent() {
    LocalExecutor executor = new LocalExecutor(2);
    executor.start();
    executor.close();
    executor.close();

    assertThatThrownBy(() -> executor.executeCallable(() -> 1, PacketLogger.noOp()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[Orcapod/ExecutorClosed]");
    assertThatThrownBy(() -> executor.executeCallableAsync(() -> 1, PacketLogger.noOp()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(executor.withOptions(ExecutorOptions.empty()).parallelism()).isEqualTo(2);
  }

  @Test
  void theNoOpLoggerRecordsNothingAndResultsStillFlow() throws Exception {
    try (LocalExecutor executor = new LocalExecutor()) {
      assertThat(executor.executeCallable(() -> 5, PacketLogger.noOp())).isEqualTo(5);
    }
    assertThat(PacketLogger.noOp()).isSameAs(PacketLogger.noOp());
  }
}
