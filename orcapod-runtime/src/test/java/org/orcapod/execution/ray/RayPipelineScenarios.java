package org.orcapod.execution.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.datagram.TagPacket;
import org.orcapod.execution.ExecutorOptions;
import org.orcapod.execution.LocalExecutor;
import org.orcapod.execution.logs.LogColumns;
import org.orcapod.function.ErrorPolicy;
import org.orcapod.function.FunctionPod;
import org.orcapod.function.FunctionPodStream;
import org.orcapod.function.PacketFunction;
import org.orcapod.observe.LoggingObserver;
import org.orcapod.pipeline.AsyncPipelineOrchestrator;
import org.orcapod.pipeline.NodeKind;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.pipeline.PipelineExecutionException;
import org.orcapod.pipeline.PipelineNode;
import org.orcapod.pipeline.PipelineOrchestrator;
import org.orcapod.pipeline.RunOptions;
import org.orcapod.pipeline.RunResult;
import org.orcapod.pipeline.SyncPipelineOrchestrator;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;
import org.orcapod.source.TestContexts;

/**
 * Pipelines whose function nodes run on {@link RayExecutor}, compared with the same pipeline on
 * {@link LocalExecutor}: a chain {@code x → add_one (static method) → times_two (generated-style
 * pod) → minus_three (Serializable lambda)}. Subclasses supply the executor (cluster or LOCAL mode)
 * and say whether the functions run in another process.
 */
abstract class RayPipelineScenarios {

  private static final Pattern PID = Pattern.compile("pid (\\d+)");

  private BufferAllocator allocator;
  private final SourceContext ctx = TestContexts.real();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  /** The connected executor under test; the subclass owns and closes it. */
  abstract RayExecutor ray();

  /** Whether functions run in another process than the test (false in LOCAL mode). */
  abstract boolean remote();

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void tearDown() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
    allocator.close();
  }

  private <T extends AutoCloseable> T track(T c) {
    toClose.add(c);
    return c;
  }

  /** A fresh pipeline over {@code x = values}, on its own in-memory database. */
  private Pipeline chain(long... values) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", (long) i);
      r.put("x", values[i]);
      rows.add(r);
    }
    DictSource src = track(DictSource.of(rows, List.of("id"), null, ctx, allocator));
    FunctionPodStream a = track(pod(RemoteTestFunctions.addOneFunction()).process(allocator, src));
    FunctionPodStream b = track(pod(new RemoteTestFunctions.TimesTwoPod()).process(allocator, a));
    FunctionPodStream c = track(pod(RemoteTestFunctions.minusThree()).process(allocator, b));
    ArrowDatabase db = track(InMemoryArrowDatabase.create(allocator));
    Pipeline p = track(Pipeline.builder("ray_chain", db, allocator).build());
    p.add(c);
    p.compile();
    return p;
  }

  private FunctionPod pod(PacketFunction f) {
    return new FunctionPod(f, ctx);
  }

  private static final long[] VALUES = {0, 1, 2, 3, 4, 5, 6, 8, 9, 10};

  /** Every function node's label mapped to its hashes and sorted rows, and the snapshot uri. */
  private static Map<String, Object> snapshot(Pipeline p) {
    Map<String, Object> out = new TreeMap<>();
    for (PipelineNode n : p.graph().nodes()) {
      if (n.kind() == NodeKind.SOURCE) {
        continue;
      }
      List<String> rows = new ArrayList<>();
      for (TagPacket tp : n.node().rows()) {
        Map<String, @Nullable Object> r = new TreeMap<>();
        r.putAll(tp.tag().data());
        r.putAll(tp.packet().data());
        rows.add(r.toString());
      }
      rows.sort(Comparator.naturalOrder());
      out.put(n.label(), List.of(n.contentHash(), n.pipelineHash(), rows));
    }
    out.put("@uri", p.snapshotUri());
    return out;
  }

  private Map<String, Object> local(PipelineOrchestrator orchestrator) {
    Pipeline p = chain(VALUES);
    RunResult r =
        p.run(
            RunOptions.defaults().withExecutor(new LocalExecutor()).withOrchestrator(orchestrator));
    assertThat(r.succeeded()).isTrue();
    return snapshot(p);
  }

  /** The log rows of node {@code label}, each as column → value. */
  private List<Map<String, @Nullable Object>> logs(Pipeline p, String label) {
    List<Map<String, @Nullable Object>> out = new ArrayList<>();
    try (VectorSchemaRoot root =
        p.logDatabase()
            .getAllRecords(
                LoggingObserver.logPath(p.node(label).storagePath()),
                LogColumns.LOG_ID,
                allocator)) {
      assertThat(root).as("log table of " + label).isNotNull();
      for (int i = 0; i < root.getRowCount(); i++) {
        Map<String, @Nullable Object> r = new TreeMap<>();
        for (FieldVector v : root.getFieldVectors()) {
          Object o = v.getObject(i);
          r.put(v.getName(), o == null || o instanceof Boolean ? o : o.toString());
        }
        out.add(r);
      }
    }
    out.sort(Comparator.comparing(r -> String.valueOf(r.get("id"))));
    return out;
  }

  /** The process ids printed into the stdout of node {@code label}'s log rows. */
  private List<Long> pids(Pipeline p, String label) {
    List<Long> pids = new ArrayList<>();
    for (Map<String, @Nullable Object> row : logs(p, label)) {
      Matcher m = PID.matcher(String.valueOf(row.get(LogColumns.STDOUT)));
      assertThat(m.find()).as("a pid in " + row).isTrue();
      pids.add(Long.parseLong(m.group(1)));
    }
    return pids;
  }

  private void assertRanRemotely(Pipeline p, String label) {
    List<Long> pids = pids(p, label);
    assertThat(pids).isNotEmpty();
    long driver = ProcessHandle.current().pid();
    if (remote()) {
      assertThat(pids).as(label + " ran in Ray workers").doesNotContain(driver);
    } else {
      assertThat(pids).as(label + " ran in LOCAL mode").containsOnly(driver);
    }
  }

  private void sameRowsAndHashesAsLocal(PipelineOrchestrator sync, PipelineOrchestrator other) {
    Map<String, Object> expected = local(sync);
    Pipeline p = chain(VALUES);
    RunResult r =
        p.run(
            RunOptions.defaults()
                .withExecutor(ray())
                .withEngineOptions(ExecutorOptions.of(Map.of("batch_size", 3)))
                .withOrchestrator(other));
    assertThat(r.succeeded()).isTrue();
    assertThat(snapshot(p)).isEqualTo(expected);
    for (String label : List.of("add_one", "times_two", "minus_three")) {
      assertThat(p.executor(label)).as(label).isInstanceOf(RayExecutor.class);
      assertThat(((RayExecutor) p.executor(label)).batchSize()).isEqualTo(3);
    }
    assertRanRemotely(p, "add_one");
    assertRanRemotely(p, "times_two");
    assertRanRemotely(p, "minus_three");
    assertThat(logs(p, "minus_three")).hasSize(VALUES.length);
  }

  @Test
  void syncRunOnRayGivesTheRowsAndHashesOfTheLocalRun() {
    sameRowsAndHashesAsLocal(new SyncPipelineOrchestrator(), new SyncPipelineOrchestrator());
  }

  @Test
  void asyncRunOnRayGivesTheRowsAndHashesOfTheLocalRun() {
    sameRowsAndHashesAsLocal(
        new SyncPipelineOrchestrator(), new AsyncPipelineOrchestrator(ErrorPolicy.CONTINUE, 2));
  }

  @Test
  void aPerNodeOverrideRunsOneNodeOnRayAndTheOthersLocally() {
    Map<String, Object> expected = local(new SyncPipelineOrchestrator());
    Pipeline p = chain(VALUES);
    RayExecutor forNode = ray().withOptions(ExecutorOptions.of(Map.of("batch_size", 4)));
    track(forNode);
    p.setExecutor("times_two", forNode);
    RunResult r = p.run();
    assertThat(r.succeeded()).isTrue();
    assertThat(snapshot(p)).isEqualTo(expected);
    assertThat(p.executor("times_two")).isSameAs(forNode);
    assertThat(p.executor("add_one")).isInstanceOf(LocalExecutor.class);
    assertRanRemotely(p, "times_two");
    assertThat(pids(p, "add_one")).containsOnly(ProcessHandle.current().pid());
  }

  @Test
  void theLogTableHoldsAWorkersStdoutAndAFailuresTraceback() {
    Pipeline p = chain(1, RemoteTestFunctions.UNLUCKY, 5);
    RayExecutor configured = track(ray().withOptions(ExecutorOptions.of(Map.of("batch_size", 2))));
    RunResult r = p.run(RunOptions.defaults().withExecutor(configured));
    assertThat(r.succeeded()).isTrue(); // CONTINUE: the failed packet is skipped
    for (String label : List.of("add_one", "times_two", "minus_three")) {
      assertThat(((RayExecutor) p.executor(label)).batchSize()).as(label).isEqualTo(2);
    }
    List<Map<String, @Nullable Object>> logs = logs(p, "add_one");
    assertThat(logs).hasSize(3);
    Map<String, @Nullable Object> ok = logs.get(0);
    Map<String, @Nullable Object> failed = logs.get(1);
    assertThat(ok.get("id")).isEqualTo("0");
    assertThat(ok.get(LogColumns.SUCCESS)).isEqualTo(true);
    assertThat((String) ok.get(LogColumns.STDOUT)).startsWith("add_one 1 pid ");
    assertThat(ok.get(LogColumns.LOGS)).isEqualTo("INFO:user.add_one:adding to 1");
    assertThat(ok.get(LogColumns.TRACEBACK)).isNull();
    assertThat(failed.get("id")).isEqualTo("1");
    assertThat(failed.get(LogColumns.SUCCESS)).isEqualTo(false);
    assertThat((String) failed.get(LogColumns.STDOUT)).startsWith("add_one 13 pid ");
    assertThat((String) failed.get(LogColumns.TRACEBACK))
        .contains(ProbeTasks.ProbeFailure.class.getName() + ": unlucky 13")
        .contains("at org.orcapod.execution.ray.RemoteTestFunctions.addOne");
    assertRanRemotely(p, "add_one");
    // The failed packet produced no row downstream.
    assertThat(logs(p, "times_two")).hasSize(2);
  }

  @Test
  void failFastRethrowsTheUsersExceptionType() {
    Pipeline p = chain(1, RemoteTestFunctions.UNLUCKY);
    Throwable thrown =
        catchThrowable(
            () ->
                p.run(
                    RunOptions.defaults()
                        .withExecutor(ray())
                        .withOrchestrator(new SyncPipelineOrchestrator(ErrorPolicy.FAIL_FAST))));
    assertThat(thrown).isInstanceOf(PipelineExecutionException.class);
    assertThat(thrown.getCause())
        .isInstanceOf(ProbeTasks.ProbeFailure.class)
        .hasMessage("unlucky 13");
  }
}
