package org.orcapod.execution.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class LogRowBuilderTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-04T05:06:07.123456Z"), ZoneOffset.UTC);
  private static final LogContext CONTEXT = new LogContext("run-1", "square", "sha256:abcd");

  private static LogRowBuilder builder() {
    AtomicInteger ids = new AtomicInteger();
    return new LogRowBuilder(CLOCK, () -> "log-" + ids.incrementAndGet());
  }

  private static Map<String, @Nullable Object> fields(
      String stdout, String stderr, String logs, @Nullable String traceback, boolean success) {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    fields.put("stdout", stdout);
    fields.put("stderr", stderr);
    fields.put("logs", logs);
    fields.put("traceback", traceback);
    fields.put("success", success);
    return fields;
  }

  private static Map<String, Object> tags(Object... keyValues) {
    Map<String, Object> tags = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      tags.put((String) keyValues[i], keyValues[i + 1]);
    }
    return tags;
  }

  @Test
  void rowsHaveContextThenFieldsThenTagsWithPythonTypes() {
    LogRowBuilder rows = builder();
    String id1 =
        rows.addRow(CONTEXT, tags("idx", 0, "key", "a"), fields("out", "", "INFO:x:y", null, true));
    String id2 =
        rows.addRow(CONTEXT, tags("idx", 1, "key", "b"), fields("", "err", "", "Trace...", false));

    assertThat(id1).isEqualTo("log-1");
    assertThat(id2).isEqualTo("log-2");
    List<String> names = new ArrayList<>();
    for (Field field : rows.schema().getFields()) {
      names.add(field.getName());
      assertThat(field.getType())
          .as(field.getName())
          .isEqualTo(
              field.getName().equals("__success")
                  ? ArrowType.Bool.INSTANCE
                  : ArrowType.LargeUtf8.INSTANCE);
    }
    assertThat(names)
        .containsExactly(
            "__log_id",
            "__run_id",
            "__node_label",
            "__node_hash",
            "__timestamp",
            "__stdout",
            "__stderr",
            "__logs",
            "__traceback",
            "__success",
            "idx",
            "key");

    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = rows.build(allocator)) {
      assertThat(root.getRowCount()).isEqualTo(2);
      assertThat(text(root, "__log_id")).containsExactly("log-1", "log-2");
      assertThat(text(root, "__run_id")).containsExactly("run-1", "run-1");
      assertThat(text(root, "__node_label")).containsExactly("square", "square");
      assertThat(text(root, "__node_hash")).containsExactly("sha256:abcd", "sha256:abcd");
      assertThat(text(root, "__timestamp"))
          .containsExactly("2026-03-04T05:06:07.123456+00:00", "2026-03-04T05:06:07.123456+00:00");
      assertThat(text(root, "__stdout")).containsExactly("out", "");
      assertThat(text(root, "__stderr")).containsExactly("", "err");
      assertThat(text(root, "__logs")).containsExactly("INFO:x:y", "");
      assertThat(text(root, "__traceback")).containsExactly(null, "Trace...");
      BitVector success = (BitVector) root.getVector("__success");
      assertThat(success.get(0)).isEqualTo(1);
      assertThat(success.get(1)).isEqualTo(0);
      assertThat(text(root, "idx")).containsExactly("0", "1");
      assertThat(text(root, "key")).containsExactly("a", "b");
    }
  }

  @Test
  void otherRecordedFieldsArePrefixedAndMissingValuesAreNull() {
    LogRowBuilder rows = builder();
    Map<String, Object> ray = new LinkedHashMap<>();
    ray.put("success", true);
    ray.put("worker_id", "w-7");
    ray.put("retried", false);
    ray.put("attempts", 2);
    rows.addRow(CONTEXT, tags("idx", 0), ray);
    rows.addRow(CONTEXT, tags("idx", 1, "extra", "e"), Map.of("success", false, "attempts", "n/a"));

    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = rows.build(allocator)) {
      assertThat(root.getSchema().findField("__worker_id").getType())
          .isEqualTo(ArrowType.LargeUtf8.INSTANCE);
      assertThat(root.getSchema().findField("__retried").getType())
          .isEqualTo(ArrowType.Bool.INSTANCE);
      assertThat(text(root, "__worker_id")).containsExactly("w-7", null);
      assertThat(text(root, "__attempts")).containsExactly("2", "n/a");
      assertThat(((BitVector) root.getVector("__retried")).isNull(1)).isTrue();
      assertThat(text(root, "extra")).containsExactly(null, "e");
    }
  }

  @Test
  void aFieldSeenAsBooleanAndAsTextBecomesText() {
    LogRowBuilder rows = builder();
    rows.addRow(CONTEXT, Map.of(), Map.of("flag", true));
    rows.addRow(CONTEXT, Map.of(), Map.of("flag", "maybe"));

    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = rows.build(allocator)) {
      assertThat(text(root, "__flag")).containsExactly("true", "maybe");
    }
  }

  @Test
  void collisionsAreRejectedNamingTheColumnAndLeaveTheBuilderUnchanged() {
    LogRowBuilder rows = builder();

    assertThatThrownBy(() -> rows.addRow(CONTEXT, tags("__stdout", "x"), Map.of()))
        .isInstanceOf(LogColumnCollisionException.class)
        .hasMessageContaining("[Orcapod/LogColumnCollision]")
        .hasMessageContaining("'__stdout'");
    assertThatThrownBy(() -> rows.addRow(CONTEXT, Map.of(), Map.of("run_id", "r")))
        .isInstanceOf(LogColumnCollisionException.class)
        .hasMessageContaining("'__run_id'")
        .extracting(e -> ((LogColumnCollisionException) e).column())
        .isEqualTo("__run_id");
    assertThatThrownBy(() -> rows.addRow(CONTEXT, Map.of(), Map.of("", "r")))
        .isInstanceOf(LogColumnCollisionException.class)
        .hasMessageContaining("empty name");
    assertThatThrownBy(() -> rows.addRow(CONTEXT, Map.of(), Map.of("success", "yes")))
        .isInstanceOf(LogColumnCollisionException.class)
        .hasMessageContaining("Boolean");
    assertThat(rows.rowCount()).isZero();
    assertThat(rows.schema().getFields()).hasSize(5);
  }

  @Test
  void defaultIdsAreTimeOrderedUuidV7() {
    LogRowBuilder rows = new LogRowBuilder(CLOCK, null);
    UUID first = UUID.fromString(rows.addRow(CONTEXT, Map.of(), Map.of()));
    UUID second = UUID.fromString(rows.addRow(CONTEXT, Map.of(), Map.of()));

    assertThat(first.version()).isEqualTo(7);
    assertThat(first.variant()).isEqualTo(2);
    assertThat(first).isNotEqualTo(second);
    assertThat(first.getMostSignificantBits() >>> 16).isEqualTo(CLOCK.millis());
  }

  @Test
  void clearForgetsRowsAndColumns() {
    LogRowBuilder rows = builder();
    rows.addRow(CONTEXT, tags("idx", 0), Map.of("success", true));
    rows.clear();

    assertThat(rows.rowCount()).isZero();
    assertThat(rows.schema().getFields()).hasSize(5);
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = rows.build(allocator)) {
      assertThat(root.getRowCount()).isZero();
    }
  }

  private static List<@Nullable String> text(VectorSchemaRoot root, String column) {
    LargeVarCharVector vector = (LargeVarCharVector) root.getVector(column);
    List<@Nullable String> values = new ArrayList<>();
    for (int i = 0; i < vector.getValueCount(); i++) {
      values.add(
          vector.isNull(i)
              ? null
              : new String(vector.get(i), java.nio.charset.StandardCharsets.UTF_8));
    }
    return values;
  }
}
