package org.orcapod.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orcapod.pipeline.Fixtures.noisy;
import static org.orcapod.pipeline.Fixtures.pod;
import static org.orcapod.pipeline.Fixtures.source;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.execution.logs.LogColumns;
import org.orcapod.function.ErrorPolicy;
import org.orcapod.function.FunctionPodStream;
import org.orcapod.function.JavaPacketFunction;
import org.orcapod.observe.LoggingObserver;
import org.orcapod.observe.StatusObserver;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;
import org.orcapod.source.TestContexts;

/** The log and status tables the default observers write, for success, failure and cache hits. */
class ObservabilityTest {
  private BufferAllocator allocator;
  private ArrowDatabase db;
  private final SourceContext ctx = TestContexts.real();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
    db = InMemoryArrowDatabase.create(allocator);
  }

  @AfterEach
  void tearDown() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
    db.close();
    allocator.close();
  }

  private <T extends AutoCloseable> T track(T c) {
    toClose.add(c);
    return c;
  }

  private Pipeline noisyPipeline() {
    DictSource src = track(source("x", 4, 0, ctx, allocator));
    FunctionPodStream f =
        track(pod(noisy("noisy", "x", "y", v -> v == 20), ctx).process(allocator, src));
    Pipeline p = track(Pipeline.builder("obs", db, allocator).build());
    p.add(f);
    p.compile();
    return p;
  }

  /** Rows as maps of column to value (strings and booleans), sorted by the given column. */
  private static List<Map<String, @Nullable Object>> rows(
      @Nullable VectorSchemaRoot root, String... sortBy) {
    List<Map<String, @Nullable Object>> out = new ArrayList<>();
    if (root == null) {
      return out;
    }
    try (root) {
      for (int i = 0; i < root.getRowCount(); i++) {
        Map<String, @Nullable Object> r = new TreeMap<>();
        for (FieldVector v : root.getFieldVectors()) {
          Object o = v.getObject(i);
          r.put(v.getName(), o == null || o instanceof Boolean ? o : o.toString());
        }
        out.add(r);
      }
    }
    Comparator<Map<String, @Nullable Object>> c = Comparator.comparing(m -> "");
    for (String s : sortBy) {
      c = c.thenComparing(m -> String.valueOf(m.get(s)));
    }
    out.sort(c);
    return out;
  }

  private List<Map<String, @Nullable Object>> logs(Pipeline p, String label) {
    return rows(
        p.logDatabase()
            .getAllRecords(
                LoggingObserver.logPath(p.node(label).storagePath()), LogColumns.LOG_ID, allocator),
        LogColumns.RUN_ID,
        "id");
  }

  private List<Map<String, @Nullable Object>> status(Pipeline p, String label) {
    return rows(
        p.statusDatabase()
            .getAllRecords(
                StatusObserver.statusPath(p.node(label).storagePath()),
                StatusObserver.ID,
                allocator),
        StatusObserver.ID);
  }

  @Test
  void logAndStatusTablesHoldSuccessFailureAndCacheHits() {
    Pipeline p = noisyPipeline();
    RunResult first = p.run();
    assertThat(first.succeeded()).isTrue();
    String hash = p.node("noisy").contentHash();

    List<Map<String, @Nullable Object>> logs = logs(p, "noisy");
    assertThat(logs).hasSize(4);
    assertThat(logs.get(0).keySet())
        .containsExactlyInAnyOrder(
            LogColumns.LOG_ID,
            LogColumns.RUN_ID,
            LogColumns.NODE_LABEL,
            LogColumns.NODE_HASH,
            LogColumns.TIMESTAMP,
            LogColumns.STDOUT,
            LogColumns.STDERR,
            LogColumns.LOGS,
            LogColumns.TRACEBACK,
            LogColumns.SUCCESS,
            "id");
    for (Map<String, @Nullable Object> row : logs) {
      String id = (String) row.get("id");
      long x = 10L * Long.parseLong(id);
      assertThat(row.get(LogColumns.RUN_ID)).isEqualTo(first.runId());
      assertThat(row.get(LogColumns.NODE_LABEL)).isEqualTo("noisy");
      assertThat(row.get(LogColumns.NODE_HASH)).isEqualTo(hash);
      assertThat(row.get(LogColumns.STDOUT)).isEqualTo("hello " + x + "\n");
      assertThat((String) row.get(LogColumns.STDERR)).contains("warn " + x);
      assertThat(row.get(LogColumns.LOG_ID).toString()).matches("[0-9a-f-]{36}");
      boolean bad = x == 20;
      assertThat(row.get(LogColumns.SUCCESS)).isEqualTo(!bad);
      if (bad) {
        assertThat((String) row.get(LogColumns.TRACEBACK))
            .contains("java.lang.IllegalStateException: bad 20")
            .contains("\tat ");
      } else {
        assertThat(row.get(LogColumns.TRACEBACK)).isNull();
      }
    }

    List<Map<String, @Nullable Object>> status = status(p, "noisy");
    assertThat(states(status, first.runId()))
        .isEqualTo(
            Map.of(
                "0", List.of("RUNNING", "SUCCESS"),
                "1", List.of("RUNNING", "SUCCESS"),
                "2", List.of("RUNNING", "FAILED"),
                "3", List.of("RUNNING", "SUCCESS")));
    Map<String, @Nullable Object> failed =
        status.stream().filter(r -> "FAILED".equals(r.get(StatusObserver.STATE))).findFirst().get();
    assertThat(failed.get(StatusObserver.ERROR_SUMMARY))
        .isEqualTo("java.lang.IllegalStateException: bad 20");
    assertThat(failed.get(StatusObserver.PIPELINE_URI)).isEqualTo(p.snapshotUri());
    assertThat(failed.keySet()).containsAll(StatusObserver.FIXED).contains("id");

    // Second run: the three results are cache hits (no log rows); the failure runs again.
    RunResult second = p.run();
    List<Map<String, @Nullable Object>> logs2 = logs(p, "noisy");
    List<Map<String, @Nullable Object>> secondRows =
        logs2.stream().filter(r -> second.runId().equals(r.get(LogColumns.RUN_ID))).toList();
    assertThat(logs2).hasSize(5);
    assertThat(secondRows).hasSize(1);
    assertThat(secondRows.get(0).get("id")).isEqualTo("2");
    assertThat(secondRows.get(0).get(LogColumns.SUCCESS)).isEqualTo(false);
    assertThat(states(status(p, "noisy"), second.runId()))
        .isEqualTo(
            Map.of(
                "0", List.of("RUNNING", "CACHED"),
                "1", List.of("RUNNING", "CACHED"),
                "2", List.of("RUNNING", "FAILED"),
                "3", List.of("RUNNING", "CACHED")));
  }

  /** Per tag id, the states of one run in event order (ids are time-ordered UUIDv7). */
  private static Map<String, List<String>> states(
      List<Map<String, @Nullable Object>> status, String runId) {
    Map<String, List<String>> out = new TreeMap<>();
    for (Map<String, @Nullable Object> r : status) {
      if (runId.equals(r.get(StatusObserver.RUN_ID))) {
        out.computeIfAbsent((String) r.get("id"), k -> new ArrayList<>())
            .add((String) r.get(StatusObserver.STATE));
      }
    }
    return out;
  }

  @Test
  void aLoggerPassedToAFunctionWithoutExecutorWarnsThatCaptureWillNotOccur() {
    Pipeline p = noisyPipeline();
    p.setExecutor("noisy", null);
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      p.run();
    } finally {
      System.setErr(original);
    }
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("no executor is set; capture will not occur")
        .contains("noisy");
    // Nothing was captured, so no log row was written; status rows still were.
    assertThat(logs(p, "noisy")).isEmpty();
    assertThat(status(p, "noisy")).hasSize(8);
  }

  /**
   * Rows are written as events happen: while packet 3 of 6 blocks, the status and log tables
   * already hold packets 0-2 (SUCCESS and a log row each) and packet 3's RUNNING row.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sync", "async"})
  void statusAndLogRowsAppearWhilePacketsRun(String orchestrator) throws Exception {
    CountDownLatch blocked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    JavaPacketFunction gate =
        JavaPacketFunction.ofLambda(
            "gate",
            "v1.0",
            org.orcapod.schema.Schema.of(List.of(Fixtures.int64("x"))),
            org.orcapod.schema.Schema.of(List.of(Fixtures.int64("y"))),
            m -> {
              long v = (Long) m.get("x");
              System.out.println("gate " + v);
              if (v == 30) {
                blocked.countDown();
                try {
                  if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException(e);
                }
              }
              Map<String, @Nullable Object> r = new HashMap<>();
              r.put("y", v + 1);
              return r;
            });
    DictSource src = track(source("x", 6, 0, ctx, allocator));
    FunctionPodStream f = track(pod(gate, ctx).process(allocator, src));
    Pipeline p = track(Pipeline.builder("live", db, allocator).build());
    p.add(f);
    p.compile();
    PipelineOrchestrator o =
        orchestrator.equals("sync")
            ? new SyncPipelineOrchestrator()
            : new AsyncPipelineOrchestrator(ErrorPolicy.CONTINUE, 2, 2);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread runner =
        new Thread(
            () -> {
              try {
                p.run(RunOptions.defaults().withOrchestrator(o));
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    runner.start();
    try {
      assertThat(blocked.await(30, TimeUnit.SECONDS)).isTrue();
      Map<String, List<String>> seen = Map.of();
      List<Map<String, @Nullable Object>> logs = List.of();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        List<Map<String, @Nullable Object>> status = status(p, "gate");
        seen = new TreeMap<>();
        for (Map<String, @Nullable Object> r : status) {
          seen.computeIfAbsent((String) r.get("id"), k -> new ArrayList<>())
              .add((String) r.get(StatusObserver.STATE));
        }
        logs = logs(p, "gate");
        if (seen.size() >= 4 && logs.size() >= 3) {
          break;
        }
        Thread.sleep(20);
      }
      // Packet 3 is still blocked: the node has not ended, yet its finished packets are stored.
      assertThat(runner.isAlive()).isTrue();
      assertThat(seen)
          .containsEntry("0", List.of("RUNNING", "SUCCESS"))
          .containsEntry("1", List.of("RUNNING", "SUCCESS"))
          .containsEntry("2", List.of("RUNNING", "SUCCESS"))
          .containsEntry("3", List.of("RUNNING"))
          .doesNotContainKeys("4", "5");
      assertThat(logs).extracting(r -> r.get("id")).containsExactly("0", "1", "2");
      assertThat(logs.get(2).get(LogColumns.STDOUT)).isEqualTo("gate 20\n");
    } finally {
      release.countDown();
      runner.join(TimeUnit.SECONDS.toMillis(60));
    }
    assertThat(failure.get()).isNull();
    assertThat(status(p, "gate")).hasSize(12);
    assertThat(logs(p, "gate")).hasSize(6);
  }
}
