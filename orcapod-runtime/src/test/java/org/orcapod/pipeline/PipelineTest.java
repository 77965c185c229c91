package org.orcapod.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orcapod.pipeline.Fixtures.add;
import static org.orcapod.pipeline.Fixtures.pod;
import static org.orcapod.pipeline.Fixtures.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.execution.ExecutorOptions;
import org.orcapod.execution.JavaFunctionExecutor;
import org.orcapod.execution.LocalExecutor;
import org.orcapod.execution.PacketLogger;
import org.orcapod.function.FunctionPodStream;
import org.orcapod.function.JavaPacketFunction;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;
import org.orcapod.source.TestContexts;

/** Compile, executors, labels and run options, as the README's flows describe them. */
class PipelineTest {
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
    allocator.close(); // throws on a leak
  }

  private <T extends AutoCloseable> T track(T c) {
    toClose.add(c);
    return c;
  }

  /** source -> a (y = x + 1) -> b (z = y + 2). */
  private Pipeline linear(String name, JavaPacketFunction a, JavaPacketFunction b) {
    DictSource src = track(source("x", 5, 0, ctx, allocator));
    FunctionPodStream sa = track(pod(a, ctx).process(allocator, src));
    FunctionPodStream sb = track(pod(b, ctx).process(allocator, sa));
    Pipeline p = track(Pipeline.builder(name, db, allocator).build());
    p.add(sb);
    return p;
  }

  private Pipeline linear(String name) {
    return linear(name, add("a", "x", "y", 1), add("b", "y", "z", 2));
  }

  @Test
  void compileWrapsEveryElementAndAssignsALocalExecutor() {
    JavaPacketFunction a = add("a", "x", "y", 1);
    JavaPacketFunction b = add("b", "y", "z", 2);
    Pipeline p = linear("p", a, b);
    assertThat(a.executor()).isNull();
    assertThat(p.isCompiled()).isFalse();
    p.compile();
    assertThat(p.labels()).containsExactly("DictSource", "a", "b");
    assertThat(p.node("DictSource").kind()).isEqualTo(NodeKind.SOURCE);
    assertThat(p.node("b").upstream()).containsExactly("a");
    assertThat(p.executor("a")).isInstanceOf(LocalExecutor.class);
    assertThat(p.executor("b")).isInstanceOf(LocalExecutor.class);
    assertThat(p.executor("a")).isNotSameAs(p.executor("b"));
    // Storage is scoped under the pipeline's name.
    assertThat(p.pipelineDatabase().basePath().components()).containsExactly("p");
    assertThat(p.resultDatabase().basePath().components()).containsExactly("p", "_result");
    assertThat(p.logDatabase().basePath().components()).containsExactly("p", "_log");
    assertThat(p.statusDatabase().basePath().components()).containsExactly("p", "_status");
    assertThat(p.node("a").storagePath()).isEqualTo(p.functionNode("a").nodePath().components());

    RunResult r = p.run();
    assertThat(r.succeeded()).isTrue();
    assertThat(r.completed()).containsExactly("DictSource", "a", "b");
    assertThat(Fixtures.sortedRows(p.stream("b")).toString())
        .isEqualTo("[{id=0, z=3}, {id=1, z=13}, {id=2, z=23}, {id=3, z=33}, {id=4, z=43}]");
  }

  @Test
  void compileIsExplicitUnlessAutoCompileIsSet() {
    Pipeline p = linear("p");
    assertThatThrownBy(p::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[Orcapod/NotCompiled]")
        .hasMessageContaining("compile()");
    DictSource src = track(source("x", 3, 0, ctx, allocator));
    Pipeline auto = track(Pipeline.builder("q", db, allocator).autoCompile(true).build());
    auto.add(track(pod(add("a", "x", "y", 1), ctx).process(allocator, src)));
    assertThat(auto.run().succeeded()).isTrue();
    assertThat(auto.isCompiled()).isTrue();
    assertThat(auto.stream("a").rowCount()).isEqualTo(3);
  }

  @Test
  void unknownLabelsAndLateAddsAreClearErrors() {
    Pipeline p = linear("p");
    p.compile();
    assertThatThrownBy(() -> p.node("nope"))
        .hasMessageContaining("[Orcapod/UnknownNode]")
        .hasMessageContaining("nope")
        .hasMessageContaining("[DictSource, a, b]");
    assertThatThrownBy(() -> p.functionNode("DictSource"))
        .hasMessageContaining("[Orcapod/NotAFunctionNode]");
    DictSource src = track(source("x", 1, 0, ctx, allocator));
    assertThatThrownBy(() -> p.add(src)).hasMessageContaining("[Orcapod/AlreadyCompiled]");
  }

  @Test
  void collidingLabelsBecomeNumberedInContentHashOrder() {
    DictSource s1 = track(source("x", 3, 0, ctx, allocator));
    DictSource s2 = track(source("x", 3, 5, ctx, allocator));
    FunctionPodStream f1 = track(pod(add("inc", "x", "y", 1), ctx).process(allocator, s1));
    FunctionPodStream f2 = track(pod(add("inc", "x", "y", 1), ctx).process(allocator, s2));
    Pipeline p = track(Pipeline.builder("p", db, allocator).build());
    p.add(f1);
    p.add("custom", f2);
    p.compile();
    assertThat(p.labels()).contains("inc", "custom", "DictSource_1", "DictSource_2");
    String h1 = p.node("DictSource_1").contentHash();
    String h2 = p.node("DictSource_2").contentHash();
    assertThat(h1).isLessThan(h2);
    // Without the custom label the two function nodes collide too.
    Pipeline q = track(Pipeline.builder("q", db, allocator).build());
    q.add(f1);
    q.add(f2);
    q.compile();
    assertThat(q.labels()).contains("inc_1", "inc_2");
    assertThat(q.node("inc_1").contentHash()).isLessThan(q.node("inc_2").contentHash());
    assertThat(q.functionNode("inc_1").label()).isEqualTo("inc_1");
  }

  @Test
  void labelsOfStreamsThatAreTheSameNodeAllFindIt() {
    DictSource s = track(source("x", 3, 0, ctx, allocator));
    FunctionPodStream first = track(pod(add("inc", "x", "y", 1), ctx).process(allocator, s));
    FunctionPodStream second = track(pod(add("inc", "x", "y", 1), ctx).process(allocator, s));
    Pipeline p = track(Pipeline.builder("p", db, allocator).build());
    p.add("first", first);
    p.add("second", second);
    p.compile();
    // One computation, one node: the later label names it, the earlier one is an alias.
    assertThat(p.labels()).containsExactly("DictSource", "second");
    assertThat(p.node("first")).isSameAs(p.node("second"));
    assertThat(p.run().succeeded()).isTrue();
    assertThat(p.stream("first").rowCount()).isEqualTo(3);
    // A label that a node carries itself is never taken as an alias of another node.
    assertThatThrownBy(() -> p.node("inc")).hasMessageContaining("[Orcapod/UnknownNode]");
  }

  @Test
  void runWithAnExecutorSetsANewInstanceOnEveryFunctionNode() throws Exception {
    Pipeline p = linear("p");
    p.compile();
    LocalExecutor base = track(new LocalExecutor(1));
    p.run(
        RunOptions.defaults()
            .withExecutor(base)
            .withEngineOptions(ExecutorOptions.of(Map.of("parallelism", 2, "num_cpus", 4))));
    for (String label : List.of("a", "b")) {
      JavaFunctionExecutor e = p.executor(label);
      assertThat(e).isInstanceOf(LocalExecutor.class).isNotSameAs(base);
      assertThat(((LocalExecutor) e).parallelism()).isEqualTo(2);
    }
    assertThat(p.executor("a")).isNotSameAs(p.executor("b"));
    assertThat(p.stream("b").rowCount()).isEqualTo(5);
    // A second run replaces them again and closes the ones it replaced.
    JavaFunctionExecutor first = p.executor("a");
    p.run(base);
    assertThat(p.executor("a")).isNotSameAs(first);
    assertThatThrownBy(() -> first.executeCallable(() -> 1, PacketLogger.noOp()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(base.executeCallable(() -> 1, PacketLogger.noOp())).isEqualTo(1);
  }

  /** Delegates to a LocalExecutor and counts calls. */
  private static final class CountingExecutor implements JavaFunctionExecutor {
    final LocalExecutor inner = new LocalExecutor();
    final AtomicInteger calls;

    CountingExecutor(AtomicInteger calls) {
      this.calls = calls;
    }

    @Override
    public String executorTypeId() {
      return "counting.v0";
    }

    @Override
    public java.util.Set<String> supportedFunctionTypeIds() {
      return java.util.Set.of(JAVA_FUNCTION_TYPE_ID);
    }

    @Override
    public <T> T executeCallable(Callable<T> callable, PacketLogger logger) throws Exception {
      calls.incrementAndGet();
      return inner.executeCallable(callable, logger);
    }

    @Override
    public <T> CompletableFuture<T> executeCallableAsync(
        Callable<T> callable, PacketLogger logger) {
      calls.incrementAndGet();
      return inner.executeCallableAsync(callable, logger);
    }

    @Override
    public CountingExecutor withOptions(ExecutorOptions options) {
      return new CountingExecutor(calls);
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  @Test
  void aPerNodeOverrideWinsOverTheRunExecutor() {
    Pipeline p = linear("p");
    p.compile();
    AtomicInteger overrideCalls = new AtomicInteger();
    AtomicInteger runCalls = new AtomicInteger();
    CountingExecutor override = track(new CountingExecutor(overrideCalls));
    p.setExecutor("b", override);
    CountingExecutor base = track(new CountingExecutor(runCalls));
    p.run(base);
    assertThat(p.executor("b")).isSameAs(override);
    assertThat(p.executor("a")).isInstanceOf(CountingExecutor.class).isNotSameAs(base);
    assertThat(overrideCalls.get()).isEqualTo(5); // node b's five packets
    assertThat(runCalls.get()).isEqualTo(5); // node a's five packets
  }

  @Test
  void theSnapshotUriIsTheNameAndSixteenHexDigitsOfTheTopology() {
    Pipeline p = linear("p");
    p.compile();
    String uri = p.snapshotUri();
    assertThat(uri).matches("p@[0-9a-f]{16}");
    // Same structure and data, other pipeline object: same uri.
    Pipeline same = linear("p");
    same.compile();
    assertThat(same.snapshotUri()).isEqualTo(uri);
    // The documented construction, from the node hashes: N lines in topological order, then edges.
    String s = p.node("DictSource").contentHash();
    String a = p.node("a").contentHash();
    String b = p.node("b").contentHash();
    List<String> edges = new ArrayList<>(List.of("E:" + s + "->" + a, "E:" + a + "->" + b));
    java.util.Collections.sort(edges);
    String canonical = "N:" + s + "\nN:" + a + "\nN:" + b + "\n" + String.join("\n", edges);
    assertThat(uri).isEqualTo("p@" + sha256Hex(canonical).substring(0, 16));
    // Another topology: another hash.
    Pipeline other = linear("p", add("a", "x", "y", 1), add("c", "y", "z", 2));
    other.compile();
    assertThat(other.snapshotUri()).isNotEqualTo(uri);
  }

  private static String sha256Hex(String s) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aSecondRunServesResultsFromTheDatabase() {
    AtomicInteger calls = new AtomicInteger();
    JavaPacketFunction a =
        JavaPacketFunction.ofLambda(
            "a",
            "v1.0",
            org.orcapod.schema.Schema.of(List.of(Fixtures.int64("x"))),
            org.orcapod.schema.Schema.of(List.of(Fixtures.int64("y"))),
            m -> {
              calls.incrementAndGet();
              Map<String, Object> r = new java.util.HashMap<>();
              r.put("y", (Long) m.get("x") + 1);
              return r;
            });
    Pipeline p = linear("p", a, add("b", "y", "z", 2));
    p.compile();
    // Building the DAG already computed 'a' once: FunctionPodStream.outputSchema() computes.
    calls.set(0);
    p.run();
    assertThat(calls.get()).isEqualTo(5);
    p.run();
    assertThat(calls.get()).isEqualTo(5);
  }
}
