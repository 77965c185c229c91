package org.orcapod.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orcapod.operator.TestTables.longs;
import static org.orcapod.operator.TestTables.rowSet;
import static org.orcapod.operator.TestTables.rows;
import static org.orcapod.operator.TestTables.stream;
import static org.orcapod.operator.TestTables.strings;

import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;
import org.orcapod.error.IncompatibleTypesException;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.stream.ArrowTableStream;
import org.orcapod.stream.StreamSchema;

class MergeJoinTest extends OperatorTestBase {
  private static final ColumnConfig WITH_SYS = ColumnConfig.dataOnly().withSystemTags(true);

  ArrowTableStream src(String sourceId, long... vals) {
    Object[] ids = new Object[vals.length];
    Object[] v = new Object[vals.length];
    Object[] sid = new Object[vals.length];
    Object[] rid = new Object[vals.length];
    Object[] source = new Object[vals.length];
    for (int i = 0; i < vals.length; i++) {
      ids[i] = (long) i;
      v[i] = vals[i];
      sid[i] = sourceId;
      rid[i] = "row_" + i;
      source[i] = sourceId + "::row_" + i + "::age";
    }
    return stream(
        allocator,
        List.of("id"),
        longs("id", ids),
        longs("age", v),
        strings("_tag_source_id::s", sid),
        strings("_tag_record_id::s", rid),
        strings("_source_age", source));
  }

  @Test
  void collidingPacketColumnsBecomeSortedListsWithSourcesReordered() {
    try (ArrowTableStream l = src("L", 5L, 1L);
        ArrowTableStream r = src("R", 3L, 9L);
        OperatorStream m = new MergeJoin().process(ctx, l, r)) {
      List<Map<String, Object>> out = rows(m, ColumnConfig.dataOnly().withSource(true), allocator);
      assertThat(out).hasSize(2);
      assertThat(out.get(0))
          .containsEntry("age", List.of(3L, 5L))
          .containsEntry("_source_age", List.of("R::row_0::age", "L::row_0::age"));
      assertThat(out.get(1))
          .containsEntry("age", List.of(1L, 9L))
          .containsEntry("_source_age", List.of("L::row_1::age", "R::row_1::age"));
      assertThat(m.result().outputSchema().packet().field("age").getType())
          .isEqualTo(ArrowType.List.INSTANCE);
      assertThat(m.result().outputSchema().packet().field("age").isNullable()).isFalse();
    }
  }

  @Test
  void nonCollidingColumnsPassThroughUnchanged() {
    try (ArrowTableStream l =
            stream(
                allocator,
                List.of("id"),
                longs("id", 1L, 2L),
                longs("shared", 10L, 20L),
                longs("only_left", 1L, 2L));
        ArrowTableStream r =
            stream(
                allocator,
                List.of("id"),
                longs("id", 1L, 2L),
                longs("shared", 30L, 4L),
                longs("only_right", 3L, 4L));
        OperatorStream m = new MergeJoin().process(ctx, l, r)) {
      assertThat(rowSet(m, allocator))
          .containsExactly(
              "{id=1, only_left=1, only_right=3, shared=[10, 30]}",
              "{id=2, only_left=2, only_right=4, shared=[4, 20]}");
      assertThat(m.result().outputSchema().packet().field("only_left").getType())
          .isEqualTo(new ArrowType.Int(64, true));
    }
  }

  @Test
  void collidingColumnsOfDifferentTypesAreRejected() {
    try (ArrowTableStream l = stream(allocator, List.of("id"), longs("id", 1L), longs("x", 1L));
        ArrowTableStream r = stream(allocator, List.of("id"), longs("id", 1L), strings("x", "1"))) {
      assertThatThrownBy(() -> new MergeJoin().process(ctx, l, r))
          .isInstanceOf(IncompatibleTypesException.class)
          .hasMessageContaining("'x'")
          .hasMessageContaining("MapPackets");
    }
  }

  @Test
  void predictionEqualsComputedSchema() {
    try (ArrowTableStream l = src("L", 5L, 1L);
        ArrowTableStream r =
            stream(
                allocator,
                List.of("id", "k"),
                longs("id", 0L),
                strings("k", "z"),
                longs("age", 3L),
                longs("extra", 1L),
                strings("_tag_source_id::t", "T"));
        OperatorStream m = new MergeJoin().process(ctx, l, r)) {
      for (boolean sys : new boolean[] {false, true}) {
        StreamSchema actual = m.result().outputSchema(ColumnConfig.dataOnly().withSystemTags(sys));
        assertThat(m.outputSchema(ColumnConfig.dataOnly().withSystemTags(sys))).isEqualTo(actual);
      }
      assertThat(m.keys().packet()).containsExactly("age", "extra");
    }
  }

  @Test
  void samePipelineHashInputsGetSortedSystemTagValuesSoOrderDoesNotMatter() {
    try (ArrowTableStream l = src("zzz", 5L, 1L);
        ArrowTableStream r = src("aaa", 3L, 9L);
        OperatorStream lr = new MergeJoin().process(ctx, l, r);
        OperatorStream rl = new MergeJoin().process(ctx, r, l)) {
      assertThat(ctx.pipelineHash(l)).isEqualTo(ctx.pipelineHash(r));
      assertThat(rowSet(lr, WITH_SYS, allocator)).isEqualTo(rowSet(rl, WITH_SYS, allocator));
      String h = ctx.pipelineHash(l).toHex(12);
      for (Map<String, Object> row : rows(lr, WITH_SYS, allocator)) {
        assertThat(row.get("_tag_source_id::s::" + h + ":0")).isEqualTo("aaa");
        assertThat(row.get("_tag_source_id::s::" + h + ":1")).isEqualTo("zzz");
      }
      assertThat(lr.contentHash()).isEqualTo(rl.contentHash());
      assertThat(lr.pipelineHash()).isEqualTo(rl.pipelineHash());
    }
  }
}
