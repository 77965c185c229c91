package org.orcapod.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.datagram.Packet;
import org.orcapod.datagram.Tag;
import org.orcapod.datagram.TagPacket;
import org.orcapod.function.ErrorPolicy;
import org.orcapod.function.FunctionPod;
import org.orcapod.function.JavaPacketFunction;
import org.orcapod.function.ResultColumns;
import org.orcapod.schema.ArrowValues;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.schema.Schema;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;
import org.orcapod.source.TestContexts;
import org.orcapod.stream.Stream;

/**
 * The caching behaviour of function nodes (orcapod's test-objective caching spec and the two
 * defects of the reference), run against every database; each test uses a fresh database and checks
 * that no Arrow memory leaks.
 */
public abstract class FunctionNodeContractTest {
  protected BufferAllocator allocator;
  protected ArrowDatabase db;
  protected final SourceContext ctx = TestContexts.real();
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();

  /** A new, empty database. */
  protected abstract ArrowDatabase open(BufferAllocator allocator) throws Exception;

  /** Runs after the database is closed. */
  protected void cleanUp() throws Exception {}

  @BeforeEach
  void setUp() throws Exception {
    allocator = new RootAllocator();
    db = open(allocator);
  }

  @AfterEach
  void tearDown() throws Exception {
    try {
      for (int i = toClose.size() - 1; i >= 0; i--) {
        toClose.get(i).close();
      }
      db.close();
      allocator.close(); // throws on a leak
    } finally {
      cleanUp();
    }
  }

  private <T extends AutoCloseable> T track(T c) {
    toClose.add(c);
    return c;
  }

  private static Field int64(String name) {
    return new Field(name, FieldType.notNullable(new ArrowType.Int(64, true)), null);
  }

  /** {@code y = x + 1}, counting calls. */
  private JavaPacketFunction addOne() {
    return JavaPacketFunction.ofLambda(
        "add_one",
        "v1.0",
        Schema.of(List.of(int64("x"))),
        Schema.of(List.of(int64("y"))),
        in -> {
          calls.incrementAndGet();
          Map<String, @Nullable Object> out = new HashMap<>();
          out.put("y", (Long) in.get("x") + 1);
          return out;
        });
  }

  /** A source of rows {@code id -> x} with tag {@code id}. */
  private DictSource source(long[][] idAndX) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (long[] r : idAndX) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r[0]);
      m.put("x", r[1]);
      rows.add(m);
    }
    return track(DictSource.of(rows, List.of("id"), null, ctx, allocator));
  }

  private static long[][] range(int from, int to) {
    long[][] out = new long[to - from][];
    for (int i = from; i < to; i++) {
      out[i - from] = new long[] {i, 10L * i};
    }
    return out;
  }

  private FunctionNode node(Stream input) {
    return node(input, NodeExecutionListener.NO_OP, ErrorPolicy.CONTINUE);
  }

  private FunctionNode node(Stream input, NodeExecutionListener l, ErrorPolicy policy) {
    return track(
        FunctionNode.builder(new FunctionPod(addOne(), ctx), input, allocator)
            .pipelineDatabase(db.at("pipe"))
            .listener(l)
            .errorPolicy(policy)
            .build());
  }

  /** Tag id -> output y, asserting each tag appears once. */
  private static Map<Long, Long> yById(Stream s) {
    Map<Long, Long> out = new HashMap<>();
    for (TagPacket tp : s.rows()) {
      Long id = (Long) tp.tag().get("id");
      assertThat(out.put(id, (Long) tp.packet().get("y"))).as("tag %s twice", id).isNull();
    }
    return out;
  }

  private int pipelineRecordCount(FunctionNode n) {
    try (VectorSchemaRoot r = db.at("pipe").getAllRecords(n.nodePath(), null, allocator)) {
      return r == null ? 0 : r.getRowCount();
    }
  }

  private int resultRowCount(FunctionNode n) {
    try (VectorSchemaRoot r = n.resultCache().allRecords(allocator)) {
      return r == null ? 0 : r.getRowCount();
    }
  }

  @Test
  void aMissComputesAndStores() {
    FunctionNode n = node(source(range(0, 3)));
    RunReport report = n.run();
    assertThat(calls.get()).isEqualTo(3);
    assertThat(report).isEqualTo(new RunReport(3, 0, 0, 0, 0));
    assertThat(yById(n)).containsExactlyInAnyOrderEntriesOf(Map.of(0L, 1L, 1L, 11L, 2L, 21L));
    assertThat(resultRowCount(n)).isEqualTo(3);
    assertThat(pipelineRecordCount(n)).isEqualTo(3);
    for (TagPacket tp : n.rows()) {
      assertThat(tp.packet().meta()).containsEntry(ResultColumns.COMPUTED, true);
    }
  }

  @Test
  void aHitReturnsWithoutCallingTheFunctionAndAFreshNodeRecomputesNothing() {
    node(source(range(0, 3))).run();
    calls.set(0);
    FunctionNode fresh = node(source(range(0, 3)));
    RunReport report = fresh.run();
    assertThat(calls.get()).isZero();
    assertThat(report.computed()).isZero();
    assertThat(report.cached()).isEqualTo(3);
    assertThat(yById(fresh)).containsExactlyInAnyOrderEntriesOf(Map.of(0L, 1L, 1L, 11L, 2L, 21L));
    assertThat(pipelineRecordCount(fresh)).isEqualTo(3);
    for (TagPacket tp : fresh.rows()) {
      assertThat(tp.packet().meta()).containsEntry(ResultColumns.COMPUTED, false);
    }
  }

  @Test
  void overlappingInputsComputeOnlyNovelPackets() {
    node(source(range(0, 3))).run();
    assertThat(calls.get()).isEqualTo(3);
    calls.set(0);
    FunctionNode wider = node(source(range(0, 5)));
    RunReport report = wider.run();
    assertThat(calls.get()).isEqualTo(2);
    assertThat(report.computed()).isEqualTo(2);
    assertThat(report.cached()).isEqualTo(3);
    assertThat(yById(wider)).hasSize(5).containsEntry(3L, 31L).containsEntry(4L, 41L);
    assertThat(resultRowCount(wider)).isEqualTo(5);
  }

  @Test
  void theSamePacketUnderANewTagReusesTheResultAndAddsAPipelineRecord() {
    FunctionNode first = node(source(new long[][] {{0, 10}}));
    first.run();
    calls.set(0);
    FunctionNode renamed = node(source(new long[][] {{7, 10}}));
    renamed.run();
    assertThat(calls.get()).isZero();
    assertThat(yById(renamed)).containsExactly(Map.entry(7L, 11L));
    assertThat(resultRowCount(renamed)).isEqualTo(1);
    // Same pipeline structure, so both nodes share one record table: two records now.
    assertThat(renamed.nodePath()).isEqualTo(first.nodePath());
    assertThat(pipelineRecordCount(renamed)).isEqualTo(2);
    try (VectorSchemaRoot all = renamed.getAllRecords(ColumnConfig.all(), allocator)) {
      assertThat(all.getRowCount()).isEqualTo(1);
      assertThat(ArrowValues.read(all.getVector(ResultColumns.COMPUTED), 0)).isEqualTo(false);
    }
  }

  @Test
  void theSamePacketTwiceInOneRunIsComputedOnce() {
    FunctionNode n = node(source(new long[][] {{0, 10}, {1, 10}, {2, 20}}));
    RunReport report = n.run();
    assertThat(calls.get()).isEqualTo(2);
    assertThat(report).isEqualTo(new RunReport(2, 1, 0, 0, 0));
    assertThat(yById(n)).containsExactlyInAnyOrderEntriesOf(Map.of(0L, 11L, 1L, 11L, 2L, 21L));
  }

  @Test
  void readingANodeNeverComputes() {
    FunctionNode n = node(source(range(0, 3)));
    FunctionNode early = node(source(range(0, 3)));
    assertThat(n.rowCount()).isZero();
    assertThat(n.rows()).isEmpty();
    assertThat(early.rows()).isEmpty();
    assertThat(calls.get()).isZero();
    n.run();
    // a node read while empty looks again: it now serves what the other node stored
    assertThat(early.rowCount()).isEqualTo(3);
    FunctionNode reader = node(source(range(0, 3)));
    assertThat(yById(reader)).containsExactlyInAnyOrderEntriesOf(Map.of(0L, 1L, 1L, 11L, 2L, 21L));
    assertThat(calls.get()).isEqualTo(3);
    assertThat(reader.hasRun()).isFalse();
  }

  @Test
  void pipelineRecordsCarryEachRowsOwnSourceInfo() {
    // Python orcapod repeats the first row's _source_* values on every record.
    DictSource src = source(range(0, 4));
    FunctionNode n = node(src);
    n.run();
    Map<Long, String> expected = new HashMap<>();
    for (TagPacket tp : src.rows()) {
      expected.put((Long) tp.tag().get("id"), tp.packet().sourceInfo().get("x"));
    }
    assertThat(new java.util.HashSet<>(expected.values())).hasSize(4);
    try (VectorSchemaRoot r = db.at("pipe").getAllRecords(n.nodePath(), null, allocator)) {
      assertThat(r.getRowCount()).isEqualTo(4);
      for (int i = 0; i < 4; i++) {
        Long id = (Long) ArrowValues.read(r.getVector("id"), i);
        assertThat(ArrowValues.read(r.getVector("_source_x"), i)).isEqualTo(expected.get(id));
      }
    }
  }

  @Test
  void everyTagIsPairedWithTheOutputOfItsOwnInputWhateverMixOfCachedAndNewRows() {
    // Python orcapod misaligns cached batches downstream of cached results.
    node(source(new long[][] {{1, 10}, {3, 30}})).run();
    FunctionNode mixed = node(source(range(0, 6)));
    RunReport report = mixed.run();
    assertThat(report.cached()).isEqualTo(2);
    assertThat(report.computed()).isEqualTo(4);
    Map<Long, Long> y = yById(mixed);
    assertThat(y).hasSize(6);
    y.forEach((id, value) -> assertThat(value).isEqualTo(10 * id + 1));
    // and downstream: a second function over the mixed node's output, itself partly cached
    JavaPacketFunction times2 =
        JavaPacketFunction.ofLambda(
            "times_two",
            "v0.1",
            Schema.of(List.of(int64("y"))),
            Schema.of(List.of(int64("z"))),
            in -> {
              Map<String, @Nullable Object> out = new HashMap<>();
              out.put("z", (Long) in.get("y") * 2);
              return out;
            });
    FunctionNode down =
        track(
            FunctionNode.builder(new FunctionPod(times2, ctx), mixed, allocator)
                .pipelineDatabase(db.at("pipe"))
                .build());
    down.run();
    FunctionNode down2 =
        track(
            FunctionNode.builder(new FunctionPod(times2, ctx), mixed, allocator)
                .pipelineDatabase(db.at("pipe"))
                .build());
    RunReport again = down2.run();
    assertThat(again.cached()).isEqualTo(6);
    for (FunctionNode d : List.of(down, down2)) {
      assertThat(d.rows()).hasSize(6);
      for (TagPacket tp : d.rows()) {
        long id = (Long) tp.tag().get("id");
        assertThat(tp.packet().get("z")).isEqualTo(2 * (10 * id + 1));
      }
    }
  }

  @Test
  void aDerivedSourceServesTheStoredRecords() {
    FunctionNode n = node(source(range(0, 3)));
    n.run();
    try (DerivedSource s = n.asSource()) {
      assertThat(yById(s)).containsExactlyInAnyOrderEntriesOf(Map.of(0L, 1L, 1L, 11L, 2L, 21L));
      assertThat(s.sourceId()).startsWith(n.nodePath().key() + ":");
    }
  }

  @Test
  void contentHashScopeGivesEachInputItsOwnTable() {
    FunctionNode a =
        track(
            FunctionNode.builder(new FunctionPod(addOne(), ctx), source(range(0, 2)), allocator)
                .pipelineDatabase(db.at("pipe"))
                .tableScope(TableScope.CONTENT_HASH)
                .build());
    FunctionNode b =
        track(
            FunctionNode.builder(new FunctionPod(addOne(), ctx), source(range(0, 3)), allocator)
                .pipelineDatabase(db.at("pipe"))
                .tableScope(TableScope.CONTENT_HASH)
                .build());
    a.run();
    b.run();
    assertThat(a.nodePath()).isNotEqualTo(b.nodePath());
    assertThat(a.nodePath().components().get(5)).startsWith("instance:");
    assertThat(pipelineRecordCount(a)).isEqualTo(2);
    assertThat(pipelineRecordCount(b)).isEqualTo(3);
    assertThat(calls.get()).isEqualTo(3);
  }

  @Test
  void listenerSeesCachedAndComputedPacketsAndContinuePolicySkipsFailures() {
    node(source(range(0, 2))).run();
    List<String> events = new ArrayList<>();
    NodeExecutionListener l =
        new NodeExecutionListener() {
          @Override
          public void onNodeStart(String label, String hash) {
            events.add("start " + label);
          }

          @Override
          public void onPacketEnd(Tag tag, Packet in, @Nullable Packet out, boolean cached) {
            events.add("end " + tag.get("id") + (cached ? " cached" : " computed"));
          }

          @Override
          public void onPacketCrash(Tag tag, Packet packet, Throwable error) {
            events.add("crash " + tag.get("id") + " " + error.getMessage());
          }

          @Override
          public void onNodeEnd(String label, String hash) {
            events.add("end " + label);
          }
        };
    FunctionNode n =
        track(
            FunctionNode.builder(
                    new FunctionPod(failingOn(30L), ctx), source(range(0, 4)), allocator)
                .pipelineDatabase(db.at("pipe"))
                .listener(l)
                .build());
    RunReport report = n.run();
    // both lambdas live in this class, so their fingerprints (of the class file) are equal
    assertThat(report).isEqualTo(new RunReport(1, 2, 0, 1, 0));
    assertThat(events)
        .containsExactly(
            "start add_one",
            "end 0 cached",
            "end 1 cached",
            "end 2 computed",
            "crash 3 boom 30",
            "end add_one");
    assertThat(yById(n)).containsOnlyKeys(0L, 1L, 2L);
  }

  @Test
  void failFastStoresWhatWasComputedThenRethrows() {
    FunctionNode n =
        track(
            FunctionNode.builder(
                    new FunctionPod(failingOn(20L), ctx), source(range(0, 4)), allocator)
                .pipelineDatabase(db.at("pipe"))
                .errorPolicy(ErrorPolicy.FAIL_FAST)
                .build());
    assertThatThrownBy(n::run).isInstanceOf(IllegalStateException.class).hasMessage("boom 20");
    assertThat(resultRowCount(n)).isEqualTo(2);
    assertThat(pipelineRecordCount(n)).isEqualTo(2);
  }

  @Test
  void aChangedFunctionBodyWithoutAVersionBumpIsReported() {
    node(source(range(0, 3))).run();
    // same name, version and schemas, but a body declared in another class
    FunctionNode changed =
        track(
            FunctionNode.builder(
                    new FunctionPod(OtherBody.addOne(), ctx), source(range(0, 3)), allocator)
                .pipelineDatabase(db.at("pipe"))
                .build());
    RunReport report = changed.run();
    assertThat(report.computed()).isZero();
    assertThat(report.staleFingerprints()).isEqualTo(3);
  }

  @Test
  void theInputSchemaIsValidatedBeforeAnythingRuns() {
    List<Map<String, Object>> rows = List.of(Map.of("id", 1L, "x", "text"));
    DictSource wrong = track(DictSource.of(rows, List.of("id"), null, ctx, allocator));
    assertThatThrownBy(() -> node(wrong))
        .hasMessageContaining("[Orcapod/InputSchemaMismatch]")
        .hasMessageContaining("'add_one'")
        .hasMessageContaining("'x'")
        .hasMessageContaining("int")
        .hasMessageContaining("str");
    assertThat(calls.get()).isZero();
  }

  private OperatorNode operatorNode(Stream output, CacheMode mode) {
    return track(
        new OperatorNode(
            output,
            List.of("Join", "00ff"),
            ctx,
            allocator,
            db.at("pipe"),
            mode,
            TableScope.PIPELINE_HASH,
            "join"));
  }

  @Test
  void replayReadsTheLoggedRowsWithoutComputing() {
    CountingStream logged = new CountingStream(source(range(0, 3)));
    OperatorNode log = operatorNode(logged, CacheMode.LOG);
    assertThat(log.rows()).isEmpty(); // reading before run() computes nothing
    assertThat(logged.computations.get()).isZero();
    log.run();
    assertThat(logged.computations.get()).isEqualTo(1);
    try (VectorSchemaRoot stored = db.at("pipe").getAllRecords(log.nodePath(), "rid", allocator)) {
      assertThat(stored.getRowCount()).isEqualTo(3);
      assertThat(stored.getSchema().findField(ResultColumns.NODE_CONTENT_HASH)).isNotNull();
      assertThat(stored.getSchema().findField("_source_x")).isNotNull();
    }

    CountingStream again = new CountingStream(source(range(0, 3)));
    OperatorNode replay = operatorNode(again, CacheMode.REPLAY);
    replay.run();
    assertThat(again.computations.get()).isZero();
    Map<Long, Object> x = new HashMap<>();
    for (TagPacket tp : replay.rows()) {
      x.put((Long) tp.tag().get("id"), tp.packet().get("x"));
    }
    assertThat(x).containsExactlyInAnyOrderEntriesOf(Map.of(0L, 0L, 1L, 10L, 2L, 20L));
    assertThat(again.computations.get()).isZero();
  }

  @Test
  void offComputesAndWritesNothingAndLogTwiceStoresRowsOnce() {
    CountingStream out = new CountingStream(source(range(0, 2)));
    OperatorNode off = operatorNode(out, CacheMode.OFF);
    off.run();
    assertThat(off.rowCount()).isEqualTo(2);
    assertThat(out.computations.get()).isEqualTo(1);
    try (VectorSchemaRoot stored = db.at("pipe").getAllRecords(off.nodePath(), null, allocator)) {
      assertThat(stored).isNull();
    }
    operatorNode(new CountingStream(source(range(0, 2))), CacheMode.LOG).run();
    operatorNode(new CountingStream(source(range(0, 2))), CacheMode.LOG).run();
    try (VectorSchemaRoot stored = db.at("pipe").getAllRecords(off.nodePath(), null, allocator)) {
      assertThat(stored.getRowCount()).isEqualTo(2);
    }
  }

  @Test
  void aCachedSourceKeepsTheUnionOfEveryRowItEverServed() {
    List<Map<String, Object>> first =
        List.of(Map.of("id", 0L, "x", 0L), Map.of("id", 1L, "x", 10L));
    // the same first rows (same positional record ids, so the same provenance) and one new row
    List<Map<String, Object>> later =
        List.of(Map.of("id", 0L, "x", 0L), Map.of("id", 1L, "x", 10L), Map.of("id", 2L, "x", 20L));
    // an explicit source id makes the content identity (and so the cache path) data-independent
    DictSource a = track(DictSource.of(first, List.of("id"), "readings", ctx, allocator));
    DictSource b = track(DictSource.of(later, List.of("id"), "readings", ctx, allocator));
    CachedSource ca = track(new CachedSource(a, db, List.of("pipe"), ctx, allocator));
    assertThat(ca.rowCount()).isEqualTo(2);
    CachedSource cb = track(new CachedSource(b, db, List.of("pipe"), ctx, allocator));
    assertThat(cb.cachePath()).isEqualTo(ca.cachePath());
    assertThat(cb.cachePath().components().get(2)).startsWith("node:");
    Map<Long, Object> x = new HashMap<>();
    for (TagPacket tp : cb.rows()) {
      assertThat(x.put((Long) tp.tag().get("id"), tp.packet().get("x"))).isNull();
    }
    assertThat(x).containsExactlyInAnyOrderEntriesOf(Map.of(0L, 0L, 1L, 10L, 2L, 20L));
    assertThat(cb.identityStructure()).isEqualTo(b.identityStructure());
  }

  @Test
  void aConcurrentExecutorComputesEveryNovelPacketOnceAndKeepsRowsAligned() {
    node(source(new long[][] {{1, 10}})).run();
    calls.set(0);
    Map<String, Object> logged = new java.util.concurrent.ConcurrentHashMap<>();
    NodeExecutionListener l =
        new NodeExecutionListener() {
          @Override
          public org.orcapod.execution.PacketLogger createPacketLogger(
              Tag tag, Packet packet, List<String> path) {
            return fields -> logged.put(String.valueOf(tag.get("id")), fields.get("success"));
          }
        };
    try (org.orcapod.execution.LocalExecutor pool = new org.orcapod.execution.LocalExecutor(2)) {
      FunctionNode n = node(source(range(0, 8)), l, ErrorPolicy.CONTINUE);
      n.setExecutor(pool);
      assertThat(n.executor()).isSameAs(pool);
      RunReport report = n.run();
      assertThat(report.computed()).isEqualTo(7);
      assertThat(report.cached()).isEqualTo(1);
      assertThat(calls.get()).isEqualTo(7);
      Map<Long, Long> y = yById(n);
      assertThat(y).hasSize(8);
      y.forEach((id, value) -> assertThat(value).isEqualTo(10 * id + 1));
      assertThat(logged).hasSize(7).doesNotContainKey("1").containsEntry("0", true);
    }
  }

  /** add_one that throws for one input value (same identity as addOne()). */
  private JavaPacketFunction failingOn(long bad) {
    return JavaPacketFunction.ofLambda(
        "add_one",
        "v1.0",
        Schema.of(List.of(int64("x"))),
        Schema.of(List.of(int64("y"))),
        in -> {
          long x = (Long) in.get("x");
          if (x == bad) {
            throw new IllegalStateException("boom " + x);
          }
          Map<String, @Nullable Object> out = new HashMap<>();
          out.put("y", x + 1);
          return out;
        });
  }
}
