package org.orcapod.pipeline.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.error.PacketColumnCollisionException;
import org.orcapod.function.FunctionPod;
import org.orcapod.function.JavaPacketFunction;
import org.orcapod.graph.ColumnType;
import org.orcapod.graph.DiagnosticKind;
import org.orcapod.graph.Message;
import org.orcapod.graph.Messages;
import org.orcapod.operator.Batch;
import org.orcapod.operator.DropPacketColumns;
import org.orcapod.operator.Filter;
import org.orcapod.operator.Join;
import org.orcapod.operator.MapTags;
import org.orcapod.operator.MergeJoin;
import org.orcapod.operator.OperatorContext;
import org.orcapod.operator.SelectTagColumns;
import org.orcapod.operator.SemiJoin;
import org.orcapod.operator.predicate.Predicate;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.pipeline.RunResult;
import org.orcapod.schema.Schema;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;
import org.orcapod.source.TestContexts;
import org.orcapod.stream.Stream;

/**
 * Pipelines built through the runtime API are checked at {@link Pipeline#compile()} by the
 * annotation processor's validators: each mistake the per-call checks of the runtime let through is
 * one {@link PipelineValidationException} whose diagnostics carry the processor's id and exactly
 * the text of {@link Messages} (the catalogue the processor reports from), and nothing is created
 * or written. What the runtime legitimately allows beyond the DSL still compiles.
 */
class RuntimeValidationTest {
  /** A decimal column named like the date: Python types both as Any. */
  private static final Field DECIMAL =
      new Field("day", FieldType.notNullable(new ArrowType.Decimal(38, 18, 128)), null);

  private static final Field DATE =
      new Field("day", FieldType.notNullable(new ArrowType.Date(DateUnit.DAY)), null);

  private BufferAllocator allocator;
  private ArrowDatabase db;
  private OperatorContext ops;
  private final SourceContext ctx = TestContexts.real();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
    db = InMemoryArrowDatabase.create(allocator);
    ops = new OperatorContext(ctx.semanticHasher(), allocator, ctx.arrowHasher());
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

  private static Field field(String name, ArrowType type) {
    return new Field(name, FieldType.notNullable(type), null);
  }

  private static Field int64(String name) {
    return field(name, new ArrowType.Int(64, true));
  }

  private static Field bool(String name) {
    return field(name, ArrowType.Bool.INSTANCE);
  }

  /** A source with these columns (the first {@code tags} are tags) and no rows. */
  private DictSource source(List<Field> fields, List<String> tags) {
    return track(DictSource.of(fields, List.of(), tags, null, ctx, allocator));
  }

  /** A source with one row of these values. */
  private DictSource source(List<Field> fields, List<String> tags, Object... values) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      row.put(fields.get(i).getName(), values[i]);
    }
    return track(DictSource.of(fields, List.of(row), tags, null, ctx, allocator));
  }

  /** A function {@code name} from {@code inputs} to {@code outputs} that returns null cells. */
  private static JavaPacketFunction function(String name, List<Field> inputs, List<Field> outputs) {
    return JavaPacketFunction.ofLambda(
        name,
        "v1.0",
        Schema.of(inputs),
        Schema.of(outputs),
        m -> {
          Map<String, @Nullable Object> r = new HashMap<>();
          outputs.forEach(f -> r.put(f.getName(), m.values().iterator().next()));
          return r;
        });
  }

  private Pipeline pipeline(String name, ArrowDatabase database, Stream... outputs) {
    Pipeline p = track(Pipeline.builder(name, database, allocator).build());
    for (Stream s : outputs) {
      p.add(s);
    }
    return p;
  }

  /** Compiles {@code p}, expecting exactly {@code expected} (in order) and no compiled state. */
  private PipelineValidationException assertInvalid(Pipeline p, Message... expected) {
    PipelineValidationException e =
        catchThrowableOfType(PipelineValidationException.class, p::compile);
    assertThat(e).as("compile() should fail validation").isNotNull();
    assertThat(e.id()).isEqualTo("Orcapod/InvalidPipeline");
    assertThat(e.diagnostics().stream().map(d -> d.message()).toList()).containsExactly(expected);
    for (Message m : expected) {
      assertThat(e.getMessage()).contains(m.kind().tag() + " " + m.text());
    }
    assertThat(p.isCompiled()).isFalse();
    return e;
  }

  // ------------------------------------------------------------------ diagnostics

  @Test
  void aParameterOfAnotherColumnTypeIsATypeMismatch() {
    // Python types both columns as Any, so the pod's own check lets the decimal in.
    DictSource days = source(List.of(int64("id"), DECIMAL), List.of("id"));
    JavaPacketFunction next =
        function(
            "nextDay", List.of(DATE), List.of(field("next", new ArrowType.Date(DateUnit.DAY))));
    Pipeline p = pipeline("dates", db, track(new FunctionPod(next, ctx).process(allocator, days)));

    PipelineValidationException e =
        assertInvalid(
            p,
            Messages.typeMismatch(
                "Parameter 'day' of function nextDay",
                ColumnType.of("LocalDate"),
                "packet column 'day' of the input of node 'nextDay'",
                ColumnType.of("BigDecimal")));
    assertThat(e.kinds()).containsExactly(DiagnosticKind.TYPE_MISMATCH);
    assertThat(e.diagnostics().get(0).anchor().node()).isEqualTo("nextDay");
    assertThat(e.getMessage())
        .isEqualTo(
            "[Orcapod/InvalidPipeline] pipeline 'dates' is not valid (1 problem); compile()"
                + " created and wrote nothing:\n"
                + "  node 'nextDay': [Orcapod/TypeMismatch] Parameter 'day' of function nextDay"
                + " is LocalDate (non-null), but packet column 'day' of the input of node"
                + " 'nextDay' is BigDecimal (non-null). Declare it as"
                + " BigDecimal, or convert the value in a packet function.");
  }

  @Test
  void aJoinOnATagOfTwoTypesIsIncompatibleTagTypes() {
    // Python's union_schemas lets bool meet int; the join kernel cannot match them.
    DictSource flags = source(List.of(bool("flag"), int64("a")), List.of("flag"), true, 1L);
    DictSource counts = source(List.of(int64("flag"), int64("b")), List.of("flag"), 1L, 2L);
    Pipeline p = pipeline("tags", db);
    p.label("flags", flags);
    p.label("counts", counts);
    p.add("joined", track(new Join().process(ops, flags, counts)));

    assertInvalid(
        p,
        Messages.incompatibleTagTypes(
            "joined", "flag", "flags", ColumnType.of("boolean"), "counts", ColumnType.of("long")));
  }

  @Test
  void aSemiJoinOnAColumnOfTwoTypesIsIncompatibleTagTypes() {
    DictSource flags = source(List.of(bool("flag"), int64("a")), List.of("flag"), true, 1L);
    DictSource counts = source(List.of(int64("flag"), int64("b")), List.of("flag"), 1L, 2L);
    Pipeline p = pipeline("semi", db);
    p.label("flags", flags);
    p.label("counts", counts);
    p.add("kept", track(new SemiJoin().process(ops, flags, counts)));

    assertInvalid(
        p,
        Messages.incompatibleTagTypes(
            "kept", "flag", "flags", ColumnType.of("boolean"), "counts", ColumnType.of("long")));
  }

  @Test
  void aMergeJoinOfTwoColumnTypesIsATypeMismatch() {
    DictSource dates = source(List.of(int64("id"), DATE), List.of("id"));
    DictSource decimals = source(List.of(int64("id"), DECIMAL), List.of("id"));
    Pipeline p = pipeline("merge", db);
    p.label("dates", dates);
    p.label("decimals", decimals);
    p.add("merged", track(new MergeJoin().process(ops, dates, decimals)));

    assertInvalid(
        p,
        Messages.typeMismatch(
            "Packet column 'day' of 'decimals'",
            ColumnType.of("BigDecimal"),
            "the same column of 'dates', merged with it into one list,",
            ColumnType.of("LocalDate")));
  }

  @Test
  void aColumnThatWouldBeTagAndPacketIsAPacketColumnCollision() {
    DictSource left = source(List.of(int64("id"), int64("k"), int64("x")), List.of("id", "k"));
    DictSource right = source(List.of(int64("k"), int64("id")), List.of("k"));
    Pipeline p = pipeline("roles", db);
    p.label("left", left);
    p.label("right", right);
    p.add("joined", track(new Join().process(ops, left, right)));

    assertInvalid(p, Messages.tagPacketCollision("joined", "id", "left", "right"));
  }

  @Test
  void aCollisionIsReportedOnceEvenBeforeAnOpaqueNode() {
    DictSource left = source(List.of(int64("id"), int64("k"), int64("x")), List.of("id", "k"));
    DictSource right = source(List.of(int64("k"), int64("id")), List.of("k"));
    Pipeline p = pipeline("roles", db);
    p.label("left", left);
    p.label("right", right);
    Stream joined = p.label("joined", track(new Join().process(ops, left, right)));
    p.add("kept", track(new Filter(Predicate.col("x").gt(0)).process(ops, joined)));

    assertInvalid(p, Messages.tagPacketCollision("joined", "id", "left", "right"));
  }

  @Test
  void aFunctionOutputNamedLikeATagIsAPacketColumnCollision() {
    DictSource xs = source(List.of(int64("id"), int64("x")), List.of("id"), 1L, 2L);
    JavaPacketFunction f = function("relabel", List.of(int64("x")), List.of(int64("id")));
    Pipeline p = pipeline("outputs", db);
    p.label("xs", xs);
    p.add(track(new FunctionPod(f, ctx).process(allocator, xs)));

    assertInvalid(p, Messages.tagPacketCollision("relabel", "id", "xs", "xs"));
  }

  @Test
  void everyProblemIsListedInOneException() {
    DictSource flags = source(List.of(bool("flag"), int64("a")), List.of("flag"), true, 1L);
    DictSource counts = source(List.of(int64("flag"), int64("b")), List.of("flag"), 1L, 2L);
    DictSource days = source(List.of(int64("id"), DECIMAL), List.of("id"));
    JavaPacketFunction next =
        function(
            "nextDay", List.of(DATE), List.of(field("next", new ArrowType.Date(DateUnit.DAY))));
    Pipeline p = pipeline("many", db);
    p.label("flags", flags);
    p.label("counts", counts);
    p.add("joined", track(new Join().process(ops, flags, counts)));
    p.add(track(new FunctionPod(next, ctx).process(allocator, days)));

    PipelineValidationException e =
        catchThrowableOfType(PipelineValidationException.class, p::compile);
    assertThat(e.kinds())
        .containsExactlyInAnyOrder(
            DiagnosticKind.INCOMPATIBLE_TAG_TYPES, DiagnosticKind.TYPE_MISMATCH);
    assertThat(e.getMessage())
        .startsWith(
            "[Orcapod/InvalidPipeline] pipeline 'many' is not valid (2 problems); compile()"
                + " created and wrote nothing:\n")
        .contains("\n  node 'joined': [Orcapod/IncompatibleTagTypes] Node 'joined' joins on tag")
        .contains("\n  node 'nextDay': [Orcapod/TypeMismatch] Parameter 'day' of function nextDay");
  }

  // ------------------------------------------------------------------ nothing is written

  @Test
  void aPipelineThatFailsValidationTouchesNoDatabase() {
    List<String> calls = new ArrayList<>();
    ArrowDatabase recorded = recording(db, calls);
    DictSource days = source(List.of(int64("id"), DECIMAL), List.of("id"));
    JavaPacketFunction next =
        function(
            "nextDay", List.of(DATE), List.of(field("next", new ArrowType.Date(DateUnit.DAY))));
    Pipeline bad =
        pipeline("bad", recorded, track(new FunctionPod(next, ctx).process(allocator, days)));

    assertThatThrownBy(bad::compile).isInstanceOf(PipelineValidationException.class);
    assertThat(calls).isEmpty();
    assertThatThrownBy(bad::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[Orcapod/NotCompiled]");
    assertThat(calls).isEmpty();

    // The same recorder sees a valid pipeline create its tables and write its rows.
    DictSource xs = source(List.of(int64("id"), int64("x")), List.of("id"), 1L, 2L);
    JavaPacketFunction copy = function("copy", List.of(int64("x")), List.of(int64("y")));
    Pipeline good =
        pipeline("good", recorded, track(new FunctionPod(copy, ctx).process(allocator, xs)));
    good.compile();
    RunResult r = good.run();
    assertThat(r.succeeded()).isTrue();
    assertThat(calls).contains("at").anyMatch(c -> c.startsWith("addRecord"));
  }

  /** {@code db}, recording the name of every method called on it or on a database it returns. */
  private static ArrowDatabase recording(ArrowDatabase db, List<String> calls) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return method.invoke(db, args);
          }
          if (!method.getName().equals("close")) {
            calls.add(method.getName());
          }
          try {
            Object result = method.invoke(db, args == null ? new Object[0] : args);
            return result instanceof ArrowDatabase child && method.getName().equals("at")
                ? recording(child, calls)
                : result;
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return (ArrowDatabase)
        Proxy.newProxyInstance(
            ArrowDatabase.class.getClassLoader(), new Class<?>[] {ArrowDatabase.class}, handler);
  }

  // ------------------------------------------------------------------ what the runtime allows

  @Test
  void whatTheRuntimeAllowsBeyondTheDslStillCompilesAndRuns() {
    DictSource xs =
        source(List.of(int64("id"), int64("x"), int64("extra")), List.of("id"), 1L, 3L, 4L);
    DictSource sites = source(List.of(int64("site"), int64("s")), List.of("site"), 7L, 8L);
    // A function that ignores a packet column (the DSL asks for @Drop first).
    JavaPacketFunction copy = function("copy", List.of(int64("x")), List.of(int64("y")));
    Stream copied = track(new FunctionPod(copy, ctx).process(allocator, xs));
    // A cartesian join (the DSL asks for allowCartesian = true).
    Stream product = track(new Join().process(ops, copied, sites));
    // Non-strict selects, drops and renames of absent columns are ignored, as at run time.
    Stream selected =
        track(new SelectTagColumns(List.of("id", "site", "absent"), false).process(ops, product));
    Stream dropped = track(new DropPacketColumns(List.of("absent"), false).process(ops, selected));
    Stream renamed = track(new MapTags(Map.of("absent", "other")).process(ops, dropped));
    Stream filtered =
        track(new Filter(Predicate.col("y").gt(2.5)).process(ops, renamed)); // long vs 2.5
    Stream single = track(new Join().process(ops, filtered));
    Stream batched = track(new Batch(0, false).process(ops, single));
    Pipeline p = pipeline("lenient", db, batched);

    p.compile();
    assertThat(p.isCompiled()).isTrue();
    assertThat(p.run().succeeded()).isTrue();
    assertThat(p.stream(p.labels().get(p.labels().size() - 1)).rowCount()).isEqualTo(1);
  }

  @Test
  void perCallChecksStillFailAtTheCallThatMadeTheMistake() {
    // Operators and pods check their inputs when applied, before any pipeline exists; those checks
    // keep their own typed exceptions (and ids), so compile() only sees what they let through.
    DictSource left = source(List.of(int64("id"), int64("x")), List.of("id"));
    DictSource right = source(List.of(int64("id"), int64("x")), List.of("id"));
    assertThatThrownBy(() -> new Join().process(ops, left, right))
        .isInstanceOf(PacketColumnCollisionException.class);
  }

  // ------------------------------------------------------------------ type names

  @Test
  void arrowTypesMapToTheDslColumnTypeNames() {
    assertThat(name(new ArrowType.Int(32, true))).isEqualTo("long");
    assertThat(name(new ArrowType.Int(64, true))).isEqualTo("long");
    assertThat(
            name(
                new ArrowType.FloatingPoint(
                    org.apache.arrow.vector.types.FloatingPointPrecision.SINGLE)))
        .isEqualTo("double");
    assertThat(name(ArrowType.LargeUtf8.INSTANCE)).isEqualTo("String");
    assertThat(name(ArrowType.Utf8.INSTANCE)).isEqualTo("String");
    assertThat(name(ArrowType.Bool.INSTANCE)).isEqualTo("boolean");
    assertThat(name(ArrowType.LargeBinary.INSTANCE)).isEqualTo("byte[]");
    assertThat(name(new ArrowType.Date(DateUnit.DAY))).isEqualTo("LocalDate");
    assertThat(name(new ArrowType.Decimal(38, 18, 128))).isEqualTo("BigDecimal");
    assertThat(
            RuntimeGraphBuilder.typeName(org.orcapod.schema.TypeMapping.pathField("file", false)))
        .isEqualTo("Path");
    Field longs =
        new Field(
            "xs",
            FieldType.notNullable(ArrowType.LargeList.INSTANCE),
            List.of(new Field("item", FieldType.nullable(new ArrowType.Int(64, true)), null)));
    assertThat(RuntimeGraphBuilder.typeName(longs)).isEqualTo("List<Long>");
    Field point =
        new Field(
            "p",
            FieldType.nullable(ArrowType.Struct.INSTANCE),
            List.of(int64("x"), new Field("y", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));
    assertThat(RuntimeGraphBuilder.columnType(point))
        .isEqualTo(ColumnType.nullableOf("struct<x: long, y: String>"));
    assertThat(Arrays.asList(RuntimeGraphBuilder.columnType(int64("n"))))
        .containsExactly(ColumnType.of("long"));
  }

  private static String name(ArrowType type) {
    return RuntimeGraphBuilder.typeName(field("c", type));
  }
}
