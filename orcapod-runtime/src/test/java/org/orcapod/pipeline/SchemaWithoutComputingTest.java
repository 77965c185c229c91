package org.orcapod.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orcapod.pipeline.Fixtures.int64;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.execution.logs.LogColumns;
import org.orcapod.function.FunctionPod;
import org.orcapod.function.FunctionPodStream;
import org.orcapod.function.JavaPacketFunction;
import org.orcapod.observe.LoggingObserver;
import org.orcapod.operator.Batch;
import org.orcapod.operator.DropPacketColumns;
import org.orcapod.operator.DropTagColumns;
import org.orcapod.operator.Filter;
import org.orcapod.operator.Join;
import org.orcapod.operator.MapPackets;
import org.orcapod.operator.MapTags;
import org.orcapod.operator.MergeJoin;
import org.orcapod.operator.Operator;
import org.orcapod.operator.OperatorContext;
import org.orcapod.operator.OperatorStream;
import org.orcapod.operator.SelectPacketColumns;
import org.orcapod.operator.SelectTagColumns;
import org.orcapod.operator.SemiJoin;
import org.orcapod.operator.predicate.Predicate;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.schema.Schema;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;
import org.orcapod.source.TestContexts;
import org.orcapod.stream.StreamKeys;
import org.orcapod.stream.StreamSchema;

/**
 * Defining a DAG never runs a function: operators validate their inputs by asking function pod
 * streams (and operator streams) for keys and schemas under every column configuration, and those
 * are predicted, not computed; the prediction is the computed table's schema.
 */
class SchemaWithoutComputingTest {
  private final BufferAllocator allocator = new RootAllocator();
  private final SourceContext ctx = TestContexts.real();
  private final OperatorContext oc =
      new OperatorContext(ctx.semanticHasher(), allocator, ctx.arrowHasher());
  private final AtomicInteger calls = new AtomicInteger();
  private final List<AutoCloseable> toClose = new ArrayList<>();

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

  /** Every column configuration that selects a different set of columns. */
  static List<ColumnConfig> configs() {
    ColumnConfig d = ColumnConfig.dataOnly();
    return List.of(
        d,
        d.withSystemTags(true),
        d.withSource(true),
        d.withSource(true).withSystemTags(true),
        d.withContext(true),
        d.withMeta(true),
        d.withMetaColumns(Set.of("computed")),
        d.withContentHash(true),
        d.withContentHashColumn("h").withSystemTags(true),
        d.withSortByTags(true),
        ColumnConfig.all());
  }

  /** {@code in -> (y = in * in, z = in + 1)}, counting calls, throwing on {@code failOn}. */
  private JavaPacketFunction fn(String name, String in, long failOn) {
    return JavaPacketFunction.ofLambda(
        name,
        "v1.0",
        Schema.of(List.of(int64(in))),
        Schema.of(List.of(int64("y"), int64("z"))),
        m -> {
          calls.incrementAndGet();
          long v = (Long) m.get(in);
          System.out.println("squaring " + v);
          if (v == failOn) {
            throw new IllegalStateException("bad " + v);
          }
          Map<String, @Nullable Object> r = new HashMap<>();
          r.put("y", v * v);
          r.put("z", v + 1);
          return r;
        });
  }

  /** Rows {@code id = i, g = i % 2, <column> = i + 1} for i in [0, 3). */
  private DictSource source(String column) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (long i = 0; i < 3; i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", i);
      r.put("g", i % 2);
      r.put(column, i + 1);
      rows.add(r);
    }
    return track(DictSource.of(rows, List.of("id", "g"), null, ctx, allocator));
  }

  private FunctionPodStream podOver(String name, String column, long failOn) {
    return track(new FunctionPod(fn(name, column, failOn), ctx).process(allocator, source(column)));
  }

  /** One operator case: a name and how to apply it to the pod streams {@code a} and {@code b}. */
  private record Case(String name, Operator operator, boolean binary, boolean renameB) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    return List.of(
        new Case("Filter", new Filter(Predicate.col("y").gt(1L)), false, false),
        new Case("Filter(always)", new Filter(List.of(), Map.of()), false, false),
        new Case("Join", new Join(), true, true),
        new Case("SemiJoin", new SemiJoin(), true, true),
        new Case("MergeJoin", new MergeJoin(), true, false),
        new Case("Batch", new Batch(2, false), false, false),
        new Case("MapPackets", new MapPackets(Map.of("y", "y2")), false, false),
        new Case("MapTags", new MapTags(Map.of("g", "grp")), false, false),
        new Case("SelectTagColumns", new SelectTagColumns(List.of("id")), false, false),
        new Case("DropTagColumns", new DropTagColumns(List.of("g")), false, false),
        new Case("SelectPacketColumns", new SelectPacketColumns(List.of("y")), false, false),
        new Case("DropPacketColumns", new DropPacketColumns(List.of("z")), false, false));
  }

  static Stream<Arguments> casesAndFailure() {
    return cases().stream().flatMap(c -> Stream.of(Arguments.of(c, -1L), Arguments.of(c, 2L)));
  }

  /** Applies the case to fresh pod streams whose functions count calls and fail on {@code fail}. */
  private OperatorStream apply(Case c, long fail) {
    FunctionPodStream a = podOver("a", "x", fail);
    if (!c.binary()) {
      return track(c.operator().process(oc, a));
    }
    FunctionPodStream b = podOver("b", "w", fail);
    if (c.renameB()) {
      OperatorStream renamed = track(new MapPackets(Map.of("y", "v", "z", "u")).process(oc, b));
      return track(c.operator().process(oc, a, renamed));
    }
    return track(c.operator().process(oc, a, b));
  }

  @ParameterizedTest(name = "{0}, failing on {1}")
  @MethodSource("casesAndFailure")
  void definingComputesNothing(Case c, long fail) {
    OperatorStream out = apply(c, fail);
    assertThat(calls.get()).isZero();
    for (ColumnConfig config : configs()) {
      out.keys(config);
      out.outputSchema(config);
    }
    assertThat(calls.get()).isZero();
    try (ArrowDatabase db = InMemoryArrowDatabase.create(allocator);
        Pipeline p = Pipeline.builder("p", db, allocator).build()) {
      p.add(out);
      p.compile();
      assertThat(calls.get()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theOperatorsPredictionIsTheComputedSchema(Case c) {
    OperatorStream out = apply(c, -1L);
    Map<ColumnConfig, StreamSchema> predicted = new LinkedHashMap<>();
    Map<ColumnConfig, StreamKeys> predictedKeys = new LinkedHashMap<>();
    for (ColumnConfig config : configs()) {
      predicted.put(config, out.outputSchema(config));
      predictedKeys.put(config, out.keys(config));
    }
    assertThat(calls.get()).isZero();
    assertMatchesComputed(out, out.result(), predicted, predictedKeys);
    assertThat(calls.get()).isPositive();
  }

  @Test
  void theFunctionPodStreamsPredictionIsTheComputedSchema() {
    FunctionPodStream a = podOver("a", "x", -1L);
    Map<ColumnConfig, StreamSchema> predicted = new LinkedHashMap<>();
    Map<ColumnConfig, StreamKeys> predictedKeys = new LinkedHashMap<>();
    for (ColumnConfig config : configs()) {
      predicted.put(config, a.outputSchema(config));
      predictedKeys.put(config, a.keys(config));
    }
    assertThat(calls.get()).isZero();
    // as Python orcapod: one source-info column per output column, none for the input's
    assertThat(predictedKeys.get(ColumnConfig.dataOnly().withSource(true)).packet())
        .containsExactly("y", "z", "_source_y", "_source_z");
    assertMatchesComputed(a, a.result(), predicted, predictedKeys);
    assertThat(calls.get()).isEqualTo(3);
  }

  @Test
  void aChainPodOperatorPodPredictsItsSchemaWithoutComputing() {
    FunctionPodStream a = podOver("a", "x", -1L);
    OperatorStream filtered = track(new Filter(Predicate.col("y").gt(1L)).process(oc, a));
    OperatorStream renamed = track(new MapPackets(Map.of("y", "q")).process(oc, filtered));
    FunctionPodStream d =
        track(new FunctionPod(fn("d", "q", -1L), ctx).process(allocator, renamed));
    Map<ColumnConfig, StreamSchema> predicted = new LinkedHashMap<>();
    Map<ColumnConfig, StreamKeys> predictedKeys = new LinkedHashMap<>();
    for (ColumnConfig config : configs()) {
      predicted.put(config, d.outputSchema(config));
      predictedKeys.put(config, d.keys(config));
    }
    assertThat(calls.get()).isZero();
    assertMatchesComputed(d, d.result(), predicted, predictedKeys);
    assertThat(calls.get()).isEqualTo(3 + 2); // a on three rows, d on the two kept
  }

  /**
   * The predicted schemas and keys equal the computed stream's, the lazy stream now answers the
   * same, and each table has exactly the predicted columns.
   */
  private void assertMatchesComputed(
      org.orcapod.stream.Stream lazy,
      org.orcapod.stream.Stream computed,
      Map<ColumnConfig, StreamSchema> predicted,
      Map<ColumnConfig, StreamKeys> predictedKeys) {
    for (ColumnConfig config : configs()) {
      assertThat(predicted.get(config)).as("%s", config).isEqualTo(computed.outputSchema(config));
      assertThat(predictedKeys.get(config)).as("%s", config).isEqualTo(computed.keys(config));
      assertThat(lazy.outputSchema(config)).as("%s", config).isEqualTo(predicted.get(config));
      Map<String, Field> expected = new TreeMap<>();
      predicted.get(config).tag().fields().forEach(f -> expected.put(f.getName(), f));
      predicted.get(config).packet().fields().forEach(f -> expected.put(f.getName(), f));
      try (VectorSchemaRoot table = lazy.asTable(config, allocator)) {
        Map<String, Field> actual = new TreeMap<>();
        for (FieldVector v : table.getFieldVectors()) {
          actual.put(v.getName(), v.getField());
        }
        assertThat(actual).as("%s", config).isEqualTo(expected);
      }
    }
  }

  @Test
  void sourcePodFilterRunsAndItsFailingPacketIsCapturedInTheLogTable() {
    FunctionPodStream a = podOver("square", "x", 2L);
    OperatorStream kept = track(new Filter(Predicate.col("y").gt(1L)).process(oc, a));
    try (ArrowDatabase db = InMemoryArrowDatabase.create(allocator);
        Pipeline p = Pipeline.builder("cli", db, allocator).build()) {
      p.add(kept);
      p.compile();
      assertThat(calls.get()).isZero();
      RunResult run = p.run();
      assertThat(calls.get()).isEqualTo(3);
      assertThat(run.failed()).isEmpty();
      List<String> failures = new ArrayList<>();
      List<String> successes = new ArrayList<>();
      try (VectorSchemaRoot logs =
          p.logDatabase()
              .getAllRecords(
                  LoggingObserver.logPath(p.node("square").storagePath()),
                  LogColumns.LOG_ID,
                  allocator)) {
        assertThat(logs).isNotNull();
        for (int i = 0; i < logs.getRowCount(); i++) {
          Object ok = logs.getVector(LogColumns.SUCCESS).getObject(i);
          Object out = logs.getVector(LogColumns.STDOUT).getObject(i);
          if (Boolean.TRUE.equals(ok)) {
            successes.add(String.valueOf(out));
          } else {
            failures.add(String.valueOf(logs.getVector(LogColumns.TRACEBACK).getObject(i)));
            assertThat(String.valueOf(out)).isEqualTo("squaring 2\n");
          }
        }
      }
      assertThat(successes).containsExactlyInAnyOrder("squaring 1\n", "squaring 3\n");
      assertThat(failures).singleElement().asString().contains("IllegalStateException: bad 2");
    }
  }
}
