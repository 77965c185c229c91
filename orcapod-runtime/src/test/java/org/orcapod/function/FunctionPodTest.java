package org.orcapod.function;

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
import org.junit.jupiter.api.Test;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.RecordPath;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.datagram.TagPacket;
import org.orcapod.execution.LocalExecutor;
import org.orcapod.schema.ArrowValues;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.schema.Schema;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;
import org.orcapod.source.TestContexts;
import org.orcapod.stream.ArrowTableStream;
import org.orcapod.stream.StreamKeys;
import org.orcapod.stream.StreamSchema;

class FunctionPodTest {
  private final BufferAllocator allocator = new RootAllocator();
  private final SourceContext ctx = TestContexts.real();
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

  private static Field int64(String name) {
    return new Field(name, FieldType.notNullable(new ArrowType.Int(64, true)), null);
  }

  private JavaPacketFunction square() {
    return JavaPacketFunction.ofLambda(
        "square",
        "v0.1",
        Schema.of(List.of(int64("x"))),
        Schema.of(List.of(int64("sq"))),
        in -> {
          calls.incrementAndGet();
          long x = (Long) in.get("x");
          if (x < 0) {
            return null; // drop negative inputs
          }
          Map<String, @Nullable Object> out = new HashMap<>();
          out.put("sq", x * x);
          return out;
        });
  }

  private DictSource source(long... xs) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < xs.length; i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", (long) i);
      m.put("x", xs[i]);
      rows.add(m);
    }
    return track(DictSource.of(rows, List.of("id"), null, ctx, allocator));
  }

  @Test
  void tagsPassThroughAndPacketsAreReplacedLazily() {
    FunctionPod pod = new FunctionPod(square(), ctx);
    FunctionPodStream out = track(pod.process(allocator, source(3, -1, 5)));
    assertThat(calls.get()).isZero(); // computed on first read
    assertThat(out.keys().tag()).containsExactly("id");
    assertThat(out.keys().packet()).containsExactly("sq");
    Map<Long, Long> sq = new HashMap<>();
    for (TagPacket tp : out.rows()) {
      sq.put((Long) tp.tag().get("id"), (Long) tp.packet().get("sq"));
      assertThat(tp.packet().sourceInfo().get("sq"))
          .startsWith(pod.uri().joined() + "::")
          .endsWith("::sq");
    }
    assertThat(sq).containsExactlyInAnyOrderEntriesOf(Map.of(0L, 9L, 2L, 25L));
    assertThat(calls.get()).isEqualTo(3);
    assertThat(out.rowCount()).isEqualTo(2);
    assertThat(calls.get()).isEqualTo(3);
  }

  @Test
  void readingTheSchemaNeverRunsTheFunctionAndAgreesWithTheComputedRows() {
    FunctionPod pod = new FunctionPod(square(), ctx);
    FunctionPodStream out = track(pod.process(allocator, source(3, 4)));
    ColumnConfig withSystemTags = ColumnConfig.dataOnly().withSystemTags(true);
    StreamSchema predicted = out.outputSchema();
    StreamSchema predictedSys = out.outputSchema(withSystemTags);
    StreamKeys predictedKeys = out.keys(withSystemTags);
    assertThat(calls.get()).isZero();
    assertThat(predictedSys.tag().names()).hasSizeGreaterThan(1); // id + the source's system tags

    ArrowTableStream computed = out.result();
    assertThat(calls.get()).isEqualTo(2);
    assertThat(predicted).isEqualTo(computed.outputSchema());
    assertThat(predictedSys).isEqualTo(computed.outputSchema(withSystemTags));
    assertThat(predictedKeys).isEqualTo(computed.keys(withSystemTags));
  }

  @Test
  void theCachedPodMarksComputedAndCachedResultsAndStoresPythonsResultLayout() {
    try (ArrowDatabase db = InMemoryArrowDatabase.create(allocator);
        LocalExecutor local = new LocalExecutor()) {
      JavaPacketFunction f = square();
      f.setExecutor(local);
      CachedFunctionPod pod = new CachedFunctionPod(f, ctx, db.at("_result"));
      try (FunctionPodStream first = pod.process(allocator, source(2, 3))) {
        for (TagPacket tp : first.rows()) {
          assertThat(tp.packet().meta()).containsEntry(ResultColumns.COMPUTED, true);
        }
      }
      try (FunctionPodStream second = pod.process(allocator, source(3, 2, 4))) {
        Map<Long, Boolean> computed = new HashMap<>();
        for (TagPacket tp : second.rows()) {
          computed.put(
              (Long) tp.packet().get("sq"),
              (Boolean) tp.packet().meta().get(ResultColumns.COMPUTED));
        }
        assertThat(computed)
            .containsExactlyInAnyOrderEntriesOf(Map.of(9L, false, 4L, false, 16L, true));
      }
      assertThat(calls.get()).isEqualTo(3);
      RecordPath path = RecordPath.of("_result").resolve(new RecordPath(pod.uri().components()));
      try (VectorSchemaRoot rows = db.getAllRecords(path, null, allocator)) {
        List<String> names = new ArrayList<>();
        rows.getSchema().getFields().forEach(field -> names.add(field.getName()));
        assertThat(names)
            .containsExactly(
                "__input_packet_hash",
                "__pf_var_function_name",
                "__pf_var_function_signature_hash",
                "__pf_var_function_content_hash",
                "__pf_var_git_hash",
                "__pf_exec_executor_type",
                "__pf_exec_executor_info",
                "__pf_exec_java_version",
                "__pf_exec_extra_info",
                "sq",
                "_context_key",
                "_source_sq",
                "__pod_ts");
        assertThat(rows.getRowCount()).isEqualTo(3);
        assertThat(ArrowValues.read(rows.getVector("__pf_exec_executor_type"), 0))
            .isEqualTo(LocalExecutor.TYPE_ID);
        assertThat(ArrowValues.read(rows.getVector("__pf_var_function_content_hash"), 0))
            .isEqualTo(f.bytecodeFingerprint());
        assertThat((String) ArrowValues.read(rows.getVector("__input_packet_hash"), 0))
            .startsWith("arrow_v0.1:");
      }
    }
  }

  @Test
  void theInputSchemaIsCheckedBeforeAnythingRuns() {
    List<Map<String, Object>> rows = List.of(Map.of("id", 1L, "y", 2L));
    DictSource wrong = track(DictSource.of(rows, List.of("id"), null, ctx, allocator));
    FunctionPod pod = new FunctionPod(square(), ctx);
    assertThatThrownBy(() -> pod.process(allocator, wrong))
        .isInstanceOf(InputSchemaMismatchException.class)
        .hasMessageContaining("'square'")
        .hasMessageContaining("'x'")
        .hasMessageContaining("no such column");
    assertThat(calls.get()).isZero();
  }

  @Test
  void severalInputsAreJoinedOnTheirTagsFirst() {
    List<Map<String, Object>> weights =
        List.of(Map.of("id", 0L, "w", 1.5), Map.of("id", 2L, "w", 2.5), Map.of("id", 9L, "w", 0.0));
    DictSource other = track(DictSource.of(weights, List.of("id"), null, ctx, allocator));
    FunctionPod pod = new FunctionPod(square(), ctx);
    try (FunctionPodStream out = pod.process(allocator, source(3, 4, 5), other)) {
      Map<Long, Long> sq = new HashMap<>();
      for (TagPacket tp : out.rows()) {
        sq.put((Long) tp.tag().get("id"), (Long) tp.packet().get("sq"));
      }
      assertThat(sq).containsExactlyInAnyOrderEntriesOf(Map.of(0L, 9L, 2L, 25L));
      out.input().close();
    }
    FunctionPod second = new FunctionPod(square(), ctx, (inputs, c, a) -> inputs.get(1));
    try (FunctionPodStream out = second.process(allocator, source(1), source(7))) {
      assertThat(out.rows().get(0).packet().get("sq")).isEqualTo(49L);
    }
  }
}
