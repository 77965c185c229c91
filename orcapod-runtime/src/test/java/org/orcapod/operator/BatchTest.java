package org.orcapod.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orcapod.operator.TestTables.longs;
import static org.orcapod.operator.TestTables.rows;
import static org.orcapod.operator.TestTables.stream;
import static org.orcapod.operator.TestTables.strings;

import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;
import org.orcapod.error.InvalidInputsException;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.schema.PythonType;
import org.orcapod.schema.TypeMapping;
import org.orcapod.stream.ArrowTableStream;

class BatchTest extends OperatorTestBase {
  ArrowTableStream five() {
    return stream(
        allocator,
        List.of("g"),
        strings("g", "a", "a", "b", "b", "c"),
        longs("v", 1L, 2L, 3L, 4L, 5L),
        strings("_tag_source_id::s", "s", "s", "s", "s", "s"),
        strings("_source_v", "s::0::v", "s::1::v", "s::2::v", "s::3::v", "s::4::v"));
  }

  @Test
  void defaultBatchPutsAllRowsIntoOneListRow() {
    try (ArrowTableStream s = five();
        OperatorStream b = new Batch().process(ctx, s)) {
      List<Map<String, Object>> out =
          rows(b, ColumnConfig.dataOnly().withSystemTags(true).withSource(true), allocator);
      assertThat(out).hasSize(1);
      assertThat(out.get(0))
          .containsEntry("g", List.of("a", "a", "b", "b", "c"))
          .containsEntry("v", List.of(1L, 2L, 3L, 4L, 5L))
          .containsEntry("_tag_source_id::s", List.of("s", "s", "s", "s", "s"))
          .containsEntry(
              "_source_v", List.of("s::0::v", "s::1::v", "s::2::v", "s::3::v", "s::4::v"));
    }
  }

  @Test
  void batchSizeSplitsAndKeepsOrDropsThePartialBatch() {
    try (ArrowTableStream s = five();
        OperatorStream keep = new Batch(2, false).process(ctx, s);
        OperatorStream drop = new Batch(2, true).process(ctx, s)) {
      assertThat(rows(keep, ColumnConfig.dataOnly(), allocator))
          .extracting(r -> r.get("v"))
          .containsExactly(List.of(1L, 2L), List.of(3L, 4L), List.of(5L));
      assertThat(rows(drop, ColumnConfig.dataOnly(), allocator))
          .extracting(r -> r.get("v"))
          .containsExactly(List.of(1L, 2L), List.of(3L, 4L));
    }
  }

  @Test
  void typesBecomeNonNullableListsAndPredictionMatches() {
    try (ArrowTableStream s = five();
        OperatorStream b = new Batch(2, false).process(ctx, s)) {
      for (boolean sys : new boolean[] {false, true}) {
        ColumnConfig c = ColumnConfig.dataOnly().withSystemTags(sys);
        assertThat(b.outputSchema(c)).isEqualTo(b.result().outputSchema(c));
      }
      Field v = b.outputSchema().packet().require("v");
      assertThat(v.getType()).isEqualTo(ArrowType.List.INSTANCE);
      assertThat(v.isNullable()).isFalse();
      // As Python's computed table (list<int64> not null): list[int]. Python's *prediction* says
      // list[int | None] for a nullable input; ours agrees with the table instead
      // (docs/operators.md).
      assertThat(TypeMapping.pythonType(v))
          .isEqualTo(new PythonType.Generic(PythonType.LIST, List.of(PythonType.INT)));
    }
  }

  @Test
  void emptyInputGivesNoBatches() {
    try (ArrowTableStream s = stream(allocator, List.of("g"), strings("g"), longs("v"));
        OperatorStream b = new Batch().process(ctx, s)) {
      assertThat(b.rowCount()).isZero();
    }
  }

  @Test
  void negativeBatchSizeIsRejected() {
    assertThatThrownBy(() -> new Batch(-1, false))
        .isInstanceOf(InvalidInputsException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void unaryOperatorRejectsTwoInputs() {
    try (ArrowTableStream s = five();
        ArrowTableStream t = five()) {
      assertThatThrownBy(() -> new Batch().process(ctx, s, t))
          .isInstanceOf(InvalidInputsException.class)
          .hasMessageContaining("exactly one");
    }
  }
}
