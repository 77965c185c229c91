package org.orcapod.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.orcapod.pipeline.Fixtures.add;
import static org.orcapod.pipeline.Fixtures.noisy;
import static org.orcapod.pipeline.Fixtures.pod;
import static org.orcapod.pipeline.Fixtures.slowAdd;
import static org.orcapod.pipeline.Fixtures.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.datagram.Packet;
import org.orcapod.datagram.Tag;
import org.orcapod.execution.ExecutorOptions;
import org.orcapod.execution.LocalExecutor;
import org.orcapod.function.ErrorPolicy;
import org.orcapod.function.FunctionPodStream;
import org.orcapod.function.JavaPacketFunction;
import org.orcapod.node.NodeExecutionListener;
import org.orcapod.node.OperatorNode;
import org.orcapod.observe.ExecutionObserver;
import org.orcapod.operator.Filter;
import org.orcapod.operator.MapPackets;
import org.orcapod.operator.OperatorContext;
import org.orcapod.operator.OperatorStream;
import org.orcapod.operator.predicate.Predicate;
import org.orcapod.schema.Schema;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;
import org.orcapod.source.TestContexts;
import org.orcapod.stream.Stream;

/**
 * The async orchestrator streams rows: nodes overlap, channels bound how far a producer runs ahead,
 * broadcast reaches every consumer, and fail-fast cancels promptly without leaking Arrow memory
 * (every test closes its {@link RootAllocator}, which throws on a leak).
 */
class AsyncStreamingTest {
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

  private FunctionPodStream fn(JavaPacketFunction f, Stream in) {
    return track(pod(f, ctx).process(allocator, in));
  }

  /** Counts computed packets per node and samples a lag between two nodes at each packet end. */
  static final class Progress implements ExecutionObserver {
    final Map<String, AtomicInteger> done = new ConcurrentHashMap<>();
    final Map<String, Long> firstEnd = new ConcurrentHashMap<>();
    final Map<String, Long> lastEnd = new ConcurrentHashMap<>();
    final String ahead;
    final String behind;
    final AtomicInteger maxLag = new AtomicInteger();
    volatile int behindWhenAheadEnded = -1;
    volatile Runnable onAheadEnd = () -> {};

    Progress(String ahead, String behind) {
      this.ahead = ahead;
      this.behind = behind;
    }

    int done(String label) {
      return done.computeIfAbsent(label, k -> new AtomicInteger()).get();
    }

    @Override
    public void onRunStart(String runId, String pipelineUri) {}

    @Override
    public void onRunEnd(String runId) {}

    @Override
    public NodeExecutionListener contextualize(
        String nodeHash, String nodeLabel, List<String> pipelinePath) {
      AtomicInteger mine = done.computeIfAbsent(nodeLabel, k -> new AtomicInteger());
      return new NodeExecutionListener() {
        @Override
        public void onPacketEnd(Tag tag, Packet in, @Nullable Packet out, boolean cached) {
          mine.incrementAndGet();
          long now = System.nanoTime();
          firstEnd.putIfAbsent(nodeLabel, now);
          lastEnd.put(nodeLabel, now);
          if (nodeLabel.equals(ahead)) {
            int lag = mine.get() - done(behind);
            maxLag.accumulateAndGet(lag, Math::max);
          }
        }

        @Override
        public void onNodeEnd(String label, String hash) {
          if (label.equals(ahead)) {
            behindWhenAheadEnded = done(behind);
            onAheadEnd.run();
          }
        }
      };
    }
  }

  /** source (n rows) -> fast -> slow: the fast node can only be a few batches ahead. */
  private Pipeline chain(int rows, long slowMillis) {
    DictSource src = track(source("x", rows, 0, ctx, allocator));
    FunctionPodStream fast = fn(add("fast", "x", "y", 1), src);
    FunctionPodStream slow = fn(slowAdd("slow", "y", "z", 1, slowMillis), fast);
    Pipeline p = track(Pipeline.builder("chain", db, allocator).build());
    p.add(slow);
    p.compile();
    return p;
  }

  @Test
  void aSlowConsumerHoldsItsProducerWithinTheChannelBound() {
    int rows = 60;
    Pipeline p = chain(rows, 3);
    Progress progress = new Progress("fast", "slow");
    RunResult r =
        p.run(
            RunOptions.defaults()
                .withOrchestrator(new AsyncPipelineOrchestrator(ErrorPolicy.CONTINUE, 1, 1))
                .withObserver(progress));
    assertThat(r.succeeded()).isTrue();
    assertThat(progress.done("fast")).isEqualTo(rows);
    assertThat(progress.done("slow")).isEqualTo(rows);
    // 'fast' is ahead of 'slow' by at most: the batch 'slow' computes, the one in the channel
    // (capacity 1), the one 'fast' is blocked sending, and the one it has just computed.
    assertThat(progress.maxLag.get()).isBetween(1, 4);
    // So 'fast' could only finish when 'slow' was nearly done.
    assertThat(progress.behindWhenAheadEnded).isGreaterThanOrEqualTo(rows - 4);
    // Rows stream: 'slow' finished its first packet long before 'fast' finished its last.
    assertThat(progress.firstEnd.get("slow")).isLessThan(progress.lastEnd.get("fast"));
    assertThat(Fixtures.sortedRows(p.stream("slow"))).hasSize(rows);
  }

  @Test
  void aLargeChannelLetsTheProducerRunAhead() {
    // The control for the test above: the bound comes from the channel, not from the workload.
    // 'slow' waits (up to 60 s) until 'fast' has ended; with room for every row, 'fast' ends.
    int rows = 60;
    CountDownLatch fastEnded = new CountDownLatch(1);
    JavaPacketFunction gated =
        JavaPacketFunction.ofLambda(
            "slow",
            "v1.0",
            Schema.of(List.of(Fixtures.int64("y"))),
            Schema.of(List.of(Fixtures.int64("z"))),
            m -> {
              try {
                fastEnded.await(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              Map<String, @Nullable Object> out = new HashMap<>();
              out.put("z", (Long) m.get("y") + 1);
              return out;
            });
    DictSource src = track(source("x", rows, 0, ctx, allocator));
    Pipeline p = track(Pipeline.builder("chain", db, allocator).build());
    p.add(fn(gated, fn(add("fast", "x", "y", 1), src)));
    p.compile();
    Progress progress = new Progress("fast", "slow");
    progress.onAheadEnd = fastEnded::countDown;
    long start = System.nanoTime();
    p.run(
        RunOptions.defaults()
            .withOrchestrator(new AsyncPipelineOrchestrator(ErrorPolicy.CONTINUE, 1000, 1))
            .withObserver(progress));
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(60));
    assertThat(progress.maxLag.get()).isEqualTo(rows);
    assertThat(progress.behindWhenAheadEnded).isZero();
  }

  @Test
  void broadcastDeliversEveryRowToEachConsumer() {
    int rows = 37;
    DictSource src = track(source("x", rows, 0, ctx, allocator));
    Pipeline p = track(Pipeline.builder("fan", db, allocator).build());
    p.add(fn(add("a", "x", "y", 1), src));
    p.add(fn(slowAdd("b", "x", "y", 2, 2), src));
    p.add(fn(add("c", "x", "y", 3), src));
    p.compile();
    Progress progress = new Progress("a", "b");
    RunResult r =
        p.run(
            RunOptions.defaults()
                .withOrchestrator(new AsyncPipelineOrchestrator(ErrorPolicy.CONTINUE, 1, 4))
                .withObserver(progress));
    assertThat(r.succeeded()).isTrue();
    for (String label : List.of("a", "b", "c")) {
      assertThat(progress.done(label)).as(label).isEqualTo(rows);
      List<Map<String, @Nullable Object>> out = Fixtures.sortedRows(p.stream(label));
      assertThat(out).as(label).hasSize(rows);
      assertThat(out.stream().map(m -> m.get("id")).distinct().count()).isEqualTo(rows);
    }
    // The shared source is held back by the slow consumer 'b', so 'a' stays near it.
    assertThat(progress.maxLag.get()).isLessThanOrEqualTo(4 * 4);
  }

  @Test
  void failFastCancelsEveryBranchPromptlyAndReleasesAllBatches() {
    int rows = 400;
    DictSource src = track(source("x", rows, 0, ctx, allocator));
    FunctionPodStream failing = fn(noisy("failing", "x", "y", v -> v == 50), src);
    FunctionPodStream after = fn(slowAdd("after", "y", "z", 1, 5), failing);
    FunctionPodStream branch = fn(slowAdd("branch", "x", "w", 1, 5), src);
    Pipeline p = track(Pipeline.builder("ff", db, allocator).build());
    p.add(after);
    p.add(branch);
    p.compile();
    Progress progress = new Progress("branch", "after");
    PipelineExecutionException e =
        catchThrowableOfType(
            () ->
                p.run(
                    RunOptions.defaults()
                        .withOrchestrator(
                            new AsyncPipelineOrchestrator(ErrorPolicy.FAIL_FAST, 2, 1))
                        .withObserver(progress)),
            PipelineExecutionException.class);
    assertThat(e).isNotNull();
    assertThat(e.nodeLabel()).isEqualTo("failing");
    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("bad 50");
    assertThat(e.result().failed()).containsOnlyKeys("failing");
    assertThat(e.result().skipped()).contains("after", "branch");
    // 400 rows at 5 ms would take 2 s per slow node; cancelled, each stopped after a few packets
    // (counts, not wall time, so a loaded machine does not make this flaky).
    assertThat(progress.done("branch")).isLessThan(rows / 4);
    assertThat(progress.done("after")).isLessThan(rows / 4);
    assertThat(p.functionNode("after").hasRun()).isFalse();
  }

  @Test
  void continueSkipsFailedPacketsWhileStreaming() {
    int rows = 30;
    DictSource src = track(source("x", rows, 0, ctx, allocator));
    FunctionPodStream failing = fn(noisy("failing", "x", "y", v -> v % 70 == 0), src);
    FunctionPodStream after = fn(add("after", "y", "z", 1), failing);
    Pipeline p = track(Pipeline.builder("cont", db, allocator).build());
    p.add(after);
    p.compile();
    RunResult r =
        p.run(
            RunOptions.defaults()
                .withOrchestrator(new AsyncPipelineOrchestrator(ErrorPolicy.CONTINUE, 1, 3)));
    assertThat(r.succeeded()).isTrue();
    // x = 10 * id; fails where x % 70 == 0: ids 0, 7, 14, 21, 28
    List<Map<String, @Nullable Object>> out = Fixtures.sortedRows(p.stream("after"));
    assertThat(out).hasSize(rows - 5);
    assertThat(out).noneMatch(m -> ((Long) m.get("id")) % 7 == 0);
  }

  @Test
  void rowLocalOperatorsStreamWhileJoinsWaitForTheirInputs() {
    int rows = 40;
    DictSource src = track(source("x", rows, 0, ctx, allocator));
    OperatorContext oc = new OperatorContext(ctx.semanticHasher(), allocator, ctx.arrowHasher());
    FunctionPodStream fast = fn(add("fast", "x", "y", 1), src);
    OperatorStream kept = track(new Filter(Predicate.col("y").ge(0L)).process(oc, fast));
    OperatorStream renamed = track(new MapPackets(Map.of("y", "u")).process(oc, kept));
    FunctionPodStream slow = fn(slowAdd("slow", "u", "z", 1, 3), renamed);
    Pipeline p = track(Pipeline.builder("ops", db, allocator).build());
    p.add(slow);
    p.compile();
    assertThat(((OperatorNode) p.node("Filter").node()).streamable()).isTrue();
    Progress progress = new Progress("fast", "slow");
    RunResult r =
        p.run(
            RunOptions.defaults()
                .withOrchestrator(new AsyncPipelineOrchestrator(ErrorPolicy.CONTINUE, 1, 1))
                .withObserver(progress));
    assertThat(r.succeeded()).isTrue();
    // Through two streaming operators 'fast' stays within a few rows of 'slow'; had the filter
    // waited for its whole input, 'fast' would have finished before 'slow' started.
    assertThat(progress.maxLag.get()).isBetween(1, 8);
    assertThat(progress.behindWhenAheadEnded).isGreaterThanOrEqualTo(rows - 8);
    assertThat(Fixtures.sortedRows(p.stream("slow"))).hasSize(rows);
    assertThat(Fixtures.sortedRows(p.stream("MapPackets"))).hasSize(rows);
  }

  @Test
  void batchesRunConcurrentlyOnAParallelExecutorWithTheSameRows() {
    int rows = 30;
    DictSource src = track(source("x", rows, 0, ctx, allocator));
    FunctionPodStream a = fn(slowAdd("a", "x", "y", 1, 2), src);
    FunctionPodStream b = fn(add("b", "y", "z", 1), a);
    Pipeline p = track(Pipeline.builder("par", db, allocator).build());
    p.add(b);
    p.compile();
    RunResult r =
        p.run(
            RunOptions.defaults()
                .withExecutor(new LocalExecutor())
                .withEngineOptions(ExecutorOptions.of(Map.of("parallelism", 2)))
                .withOrchestrator(new AsyncPipelineOrchestrator(ErrorPolicy.CONTINUE, 2, 4)));
    assertThat(r.succeeded()).isTrue();
    assertThat(p.executor("a").supportsConcurrentExecution()).isTrue();
    List<Map<String, @Nullable Object>> out = Fixtures.sortedRows(p.stream("b"));
    assertThat(out).hasSize(rows);
    for (Map<String, @Nullable Object> row : out) {
      assertThat(row.get("z")).isEqualTo(10 * (Long) row.get("id") + 2);
    }
  }
}
