package org.orcapod.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.orcapod.pipeline.Fixtures.add;
import static org.orcapod.pipeline.Fixtures.noisy;
import static org.orcapod.pipeline.Fixtures.pod;
import static org.orcapod.pipeline.Fixtures.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.datagram.Packet;
import org.orcapod.datagram.Tag;
import org.orcapod.function.ErrorPolicy;
import org.orcapod.function.FunctionPodStream;
import org.orcapod.node.NodeExecutionListener;
import org.orcapod.observe.ExecutionObserver;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;
import org.orcapod.source.TestContexts;

/** Error policies and run hooks, in both orchestrators. */
class OrchestratorTest {
  private BufferAllocator allocator;
  private ArrowDatabase db;
  private final SourceContext ctx = TestContexts.real();
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private volatile boolean armed;

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

  static Stream<Arguments> orchestrators() {
    Function<ErrorPolicy, PipelineOrchestrator> sync = SyncPipelineOrchestrator::new;
    Function<ErrorPolicy, PipelineOrchestrator> async = p -> new AsyncPipelineOrchestrator(p, 2);
    return Stream.of(Arguments.of("sync", sync), Arguments.of("async", async));
  }

  /** Records every hook as a string, in order, across threads. */
  static final class RecordingObserver implements ExecutionObserver {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onRunStart(String runId, String pipelineUri) {
      events.add("runStart " + pipelineUri);
    }

    @Override
    public void onRunEnd(String runId) {
      events.add("runEnd");
    }

    @Override
    public NodeExecutionListener contextualize(
        String nodeHash, String nodeLabel, List<String> pipelinePath) {
      events.add("contextualize " + nodeLabel);
      return new NodeExecutionListener() {
        @Override
        public void onNodeStart(String label, String hash) {
          events.add("nodeStart " + label);
        }

        @Override
        public void onNodeEnd(String label, String hash) {
          events.add("nodeEnd " + label);
        }

        @Override
        public void onPacketEnd(Tag tag, Packet in, @Nullable Packet out, boolean cached) {
          events.add("packetEnd " + nodeLabel + " " + tag.get("id") + " " + cached);
        }

        @Override
        public void onPacketCrash(Tag tag, Packet packet, Throwable error) {
          events.add("crash " + nodeLabel + " " + tag.get("id") + " " + error.getMessage());
        }
      };
    }
  }

  /** source (ids 0..4) -> flaky (fails on id 2) -> after; plus an independent branch. */
  private Pipeline flaky() {
    DictSource src = track(source("x", 5, 0, ctx, allocator));
    FunctionPodStream f =
        track(pod(noisy("flaky", "x", "y", v -> armed && v == 20), ctx).process(allocator, src));
    FunctionPodStream after = track(pod(add("after", "y", "z", 1), ctx).process(allocator, f));
    FunctionPodStream other = track(pod(add("other", "x", "w", 5), ctx).process(allocator, src));
    Pipeline p = track(Pipeline.builder("flaky", db, allocator).build());
    p.add(after);
    p.add(other);
    p.compile();
    // Building 'after' read the schema of 'flaky', which computes it (FunctionPodStream); the
    // failure is armed only now, so it happens inside the runs.
    armed = true;
    return p;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("orchestrators")
  void continueSkipsTheFailingPacketAndGoesOn(
      String name, Function<ErrorPolicy, PipelineOrchestrator> make) {
    Pipeline p = flaky();
    RecordingObserver obs = new RecordingObserver();
    RunResult r =
        p.run(
            RunOptions.defaults()
                .withOrchestrator(make.apply(ErrorPolicy.CONTINUE))
                .withObserver(obs));
    assertThat(r.succeeded()).isTrue();
    assertThat(r.completed()).containsExactlyInAnyOrder("DictSource", "flaky", "after", "other");
    assertThat(Fixtures.sortedRows(p.stream("flaky"))).hasSize(4);
    assertThat(Fixtures.sortedRows(p.stream("after")).toString())
        .isEqualTo("[{id=0, z=2}, {id=1, z=12}, {id=3, z=32}, {id=4, z=42}]");
    assertThat(p.stream("other").rowCount()).isEqualTo(5);
    assertThat(obs.events).contains("crash flaky 2 bad 20");
    assertThat(obs.events.get(0)).isEqualTo("runStart " + p.snapshotUri());
    assertThat(obs.events.get(obs.events.size() - 1)).isEqualTo("runEnd");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("orchestrators")
  void failFastStopsTheRunAndStillEndsIt(
      String name, Function<ErrorPolicy, PipelineOrchestrator> make) {
    Pipeline p = flaky();
    RecordingObserver obs = new RecordingObserver();
    PipelineExecutionException e =
        catchThrowableOfType(
            () ->
                p.run(
                    RunOptions.defaults()
                        .withOrchestrator(make.apply(ErrorPolicy.FAIL_FAST))
                        .withObserver(obs)),
            PipelineExecutionException.class);
    assertThat(e).isNotNull();
    assertThat(e.nodeLabel()).isEqualTo("flaky");
    assertThat(e.getMessage()).contains("[Orcapod/NodeFailed]").contains("flaky");
    // The user's exception, unchanged.
    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("bad 20");
    assertThat(e.result().failed()).containsOnlyKeys("flaky");
    assertThat(e.result().skipped()).contains("after");
    assertThat(e.result().completed()).doesNotContain("after");
    assertThat(p.functionNode("after").hasRun()).isFalse();
    assertThat(obs.events).contains("crash flaky 2 bad 20", "nodeEnd flaky");
    // No packet reached the node downstream of the failure. The sync orchestrator never starts it;
    // the async one starts every node at once, so it may have started and then been cancelled.
    assertThat(obs.events).noneMatch(s -> s.startsWith("packetEnd after"));
    if (name.equals("sync")) {
      assertThat(obs.events).noneMatch(s -> s.startsWith("nodeStart after"));
    }
    // onRunEnd fires although a node failed, and last.
    assertThat(obs.events.get(obs.events.size() - 1)).isEqualTo("runEnd");
    assertThat(obs.events.get(0)).startsWith("runStart ");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("orchestrators")
  void aNodeThatFailsAsAWholeSkipsItsDownstreamUnderContinue(
      String name, Function<ErrorPolicy, PipelineOrchestrator> make) {
    Pipeline p = flaky();
    RecordingObserver obs = new RecordingObserver();
    // A listener that breaks the node itself (not a packet): the node's run throws.
    ExecutionObserver breaking =
        new ExecutionObserver() {
          @Override
          public void onRunStart(String runId, String uri) {
            obs.onRunStart(runId, uri);
          }

          @Override
          public void onRunEnd(String runId) {
            obs.onRunEnd(runId);
          }

          @Override
          public NodeExecutionListener contextualize(String h, String label, List<String> path) {
            NodeExecutionListener inner = obs.contextualize(h, label, path);
            if (!label.equals("flaky")) {
              return inner;
            }
            return new NodeExecutionListener() {
              @Override
              public void onNodeStart(String l, String hash) {
                throw new IllegalStateException("node broke");
              }
            };
          }
        };
    RunResult r =
        p.run(
            RunOptions.defaults()
                .withOrchestrator(make.apply(ErrorPolicy.CONTINUE))
                .withObserver(breaking));
    assertThat(r.failed()).containsOnlyKeys("flaky");
    assertThat(r.failed().get("flaky")).hasMessage("node broke");
    assertThat(r.skipped()).containsExactly("after");
    assertThat(r.completed()).contains("other");
    assertThat(p.stream("other").rowCount()).isEqualTo(5);
    assertThat(obs.events.get(obs.events.size() - 1)).isEqualTo("runEnd");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("orchestrators")
  void everyNodeIsContextualisedOnceWithItsHooksBetweenRunStartAndEnd(
      String name, Function<ErrorPolicy, PipelineOrchestrator> make) {
    Pipeline p = flaky();
    RecordingObserver obs = new RecordingObserver();
    p.run(
        RunOptions.defaults().withOrchestrator(make.apply(ErrorPolicy.CONTINUE)).withObserver(obs));
    Map<String, Long> counts =
        obs.events.stream()
            .filter(s -> s.startsWith("contextualize "))
            .collect(
                java.util.stream.Collectors.groupingBy(
                    s -> s.substring(14), java.util.stream.Collectors.counting()));
    assertThat(counts).isEqualTo(Map.of("DictSource", 1L, "flaky", 1L, "after", 1L, "other", 1L));
    // A consumer ends after its producer; the sync orchestrator also starts it only then (the
    // async one starts all nodes at once and streams rows between them).
    assertThat(obs.events.indexOf("nodeEnd after"))
        .isGreaterThan(obs.events.indexOf("nodeEnd flaky"));
    if (name.equals("sync")) {
      assertThat(obs.events.indexOf("nodeStart after"))
          .isGreaterThan(obs.events.indexOf("nodeEnd flaky"));
    }
    // A second run serves everything from the databases: cached packet ends.
    RecordingObserver second = new RecordingObserver();
    p.run(
        RunOptions.defaults()
            .withOrchestrator(make.apply(ErrorPolicy.CONTINUE))
            .withObserver(second));
    assertThat(second.events).contains("packetEnd other 0 true", "packetEnd flaky 1 true");
    assertThat(second.events).contains("crash flaky 2 bad 20");
  }
}
