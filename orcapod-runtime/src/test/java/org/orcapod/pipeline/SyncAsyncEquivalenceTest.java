package org.orcapod.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orcapod.pipeline.Fixtures.add;
import static org.orcapod.pipeline.Fixtures.pod;
import static org.orcapod.pipeline.Fixtures.source;
import static org.orcapod.pipeline.Fixtures.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.function.ErrorPolicy;
import org.orcapod.function.FunctionPodStream;
import org.orcapod.operator.Filter;
import org.orcapod.operator.Join;
import org.orcapod.operator.MapPackets;
import org.orcapod.operator.OperatorContext;
import org.orcapod.operator.OperatorStream;
import org.orcapod.operator.SelectPacketColumns;
import org.orcapod.operator.predicate.Predicate;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;
import org.orcapod.source.TestContexts;
import org.orcapod.stream.Stream;

/** The sync and async orchestrators give the same rows and hashes on every DAG shape. */
class SyncAsyncEquivalenceTest {
  private BufferAllocator allocator;
  private final SourceContext ctx = TestContexts.real();
  private final List<AutoCloseable> toClose = new ArrayList<>();

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

  private FunctionPodStream fn(org.orcapod.function.JavaPacketFunction f, Stream in) {
    return track(pod(f, ctx).process(allocator, in));
  }

  private OperatorStream join(Stream... in) {
    OperatorContext oc = new OperatorContext(ctx.semanticHasher(), allocator, ctx.arrowHasher());
    return track(new Join().process(oc, in));
  }

  /** The outputs of one DAG of {@code shape}, built fresh. */
  private List<Stream> dag(String shape) {
    DictSource src = track(source("x", 6, 0, ctx, allocator));
    return switch (shape) {
      case "linear" -> List.of(fn(add("c", "y", "z", 3), fn(add("b", "x", "y", 2), src)));
      case "diamond" -> {
        FunctionPodStream l = fn(add("left", "x", "y", 1), src);
        FunctionPodStream r = fn(add("right", "x", "z", 2), src);
        yield List.of(fn(sum("merge", "y", "z", "w"), join(l, r)));
      }
      case "fan-out" ->
          List.of(
              fn(add("f1", "x", "y", 1), src),
              fn(add("f2", "x", "y", 2), src),
              fn(add("f3", "x", "y", 3), src));
      case "multi-join" -> {
        DictSource s2 = track(source("u", 6, 7, ctx, allocator));
        DictSource s3 = track(source("v", 6, 9, ctx, allocator));
        FunctionPodStream a = fn(add("a", "x", "y", 1), src);
        FunctionPodStream b = fn(add("b", "u", "z", 1), s2);
        OperatorStream j = join(a, b, s3);
        yield List.of(fn(sum("yz", "y", "z", "w"), j), fn(add("vv", "v", "q", 1), j));
      }
      case "slow-fan-out" -> {
        // 20 rows, one fast branch and a slow chain: with capacity 1 and 1-row batches the source
        // is held back by the slow consumer (backpressure) while the fast one runs ahead.
        DictSource many = track(source("x", 20, 0, ctx, allocator));
        FunctionPodStream slow = fn(Fixtures.slowAdd("slow", "x", "y", 1, 3), many);
        yield List.of(fn(add("fast", "x", "y", 2), many), fn(add("tail", "y", "z", 1), slow));
      }
      case "row-operators" -> {
        // streaming operators between function nodes: filter, map, select; then a blocking join
        DictSource many = track(source("x", 25, 0, ctx, allocator));
        OperatorContext oc =
            new OperatorContext(ctx.semanticHasher(), allocator, ctx.arrowHasher());
        FunctionPodStream a = fn(add("a", "x", "y", 1), many);
        OperatorStream kept = track(new Filter(Predicate.col("y").gt(60L)).process(oc, a));
        OperatorStream renamed = track(new MapPackets(Map.of("y", "u")).process(oc, kept));
        FunctionPodStream b = fn(add("b", "u", "v", 1), renamed);
        // a streaming operator after a blocking one
        OperatorStream j = join(b, fn(add("c", "x", "w", 1), many));
        OperatorStream sel = track(new SelectPacketColumns(List.of("w")).process(oc, j));
        yield List.of(b, fn(add("d", "w", "t", 1), sel));
      }
      default -> throw new IllegalArgumentException(shape);
    };
  }

  private Map<String, Object> runWith(String shape, PipelineOrchestrator orchestrator) {
    ArrowDatabase db = track(InMemoryArrowDatabase.create(allocator));
    Pipeline p = track(Pipeline.builder("eq", db, allocator).build());
    dag(shape).forEach(p::add);
    p.compile();
    RunResult r = p.run(RunOptions.defaults().withOrchestrator(orchestrator));
    assertThat(r.succeeded()).isTrue();
    assertThat(r.completed()).hasSameSizeAs(p.labels());
    return Fixtures.snapshot(p);
  }

  @ParameterizedTest(name = "{0}, batches of {1}")
  @CsvSource({
    "linear, 64",
    "diamond, 64",
    "fan-out, 64",
    "multi-join, 64",
    "linear, 1",
    "diamond, 1",
    "fan-out, 2",
    "multi-join, 4",
    "slow-fan-out, 1",
    "row-operators, 64",
    "row-operators, 3"
  })
  void syncAndAsyncGiveTheSameRowsAndHashes(String shape, int batchSize) {
    Map<String, Object> sync = runWith(shape, new SyncPipelineOrchestrator());
    Map<String, Object> async =
        runWith(shape, new AsyncPipelineOrchestrator(ErrorPolicy.CONTINUE, 1, batchSize));
    assertThat(async).isEqualTo(sync);
    // Every non-source node produced rows.
    sync.forEach(
        (label, v) -> {
          if (!label.startsWith("@")) {
            assertThat(((List<?>) v).get(2).toString()).as(label).isNotEqualTo("[]");
          }
        });
  }
}
