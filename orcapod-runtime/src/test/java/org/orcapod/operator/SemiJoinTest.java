package org.orcapod.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orcapod.operator.TestTables.longs;
import static org.orcapod.operator.TestTables.rowSet;
import static org.orcapod.operator.TestTables.stream;
import static org.orcapod.operator.TestTables.strings;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.orcapod.error.IncompatibleTypesException;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.stream.ArrowTableStream;

class SemiJoinTest extends OperatorTestBase {
  ArrowTableStream a() {
    return stream(allocator, List.of("id"), longs("id", 1L, 2L, 3L), longs("age", 25L, 30L, 35L));
  }

  ArrowTableStream b() {
    return stream(
        allocator, List.of("id"), longs("id", 2L, 3L, 3L, 4L), longs("score", 1L, 2L, 3L, 4L));
  }

  @Test
  void keepsLeftRowsWithAMatchOnceAndLeftSchemaOnly() {
    try (ArrowTableStream a = a();
        ArrowTableStream b = b();
        OperatorStream s = new SemiJoin().process(ctx, a, b)) {
      assertThat(rowSet(s, allocator)).containsExactly("{age=30, id=2}", "{age=35, id=3}");
      assertThat(s.result().outputSchema()).isEqualTo(a.outputSchema());
      assertThat(s.outputSchema()).isEqualTo(a.outputSchema());
    }
  }

  @Test
  void isNotCommutative() {
    try (ArrowTableStream a = a();
        ArrowTableStream b = b();
        OperatorStream ab = new SemiJoin().process(ctx, a, b);
        OperatorStream ba = new SemiJoin().process(ctx, b, a)) {
      assertThat(ab.keys().packet()).containsExactly("age");
      assertThat(ba.keys().packet()).containsExactly("score");
      assertThat(ba.rowCount()).isEqualTo(3);
      assertThat(ab.contentHash()).isNotEqualTo(ba.contentHash());
    }
  }

  @Test
  void matchesOnSharedPacketColumnsToo() {
    try (ArrowTableStream a = a();
        ArrowTableStream c = stream(allocator, List.of("k"), strings("k", "x"), longs("age", 30L));
        OperatorStream s = new SemiJoin().process(ctx, a, c)) {
      assertThat(rowSet(s, allocator)).containsExactly("{age=30, id=2}");
    }
  }

  @Test
  void noSharedColumnReturnsLeftUnchanged() {
    try (ArrowTableStream a = a();
        ArrowTableStream c = stream(allocator, List.of("k"), strings("k"), longs("z"));
        OperatorStream s = new SemiJoin().process(ctx, a, c)) {
      assertThat(s.result()).isSameAs(a);
      assertThat(rowSet(s, allocator)).hasSize(3);
    }
  }

  @Test
  void keepsSystemTagsAndSourceInfoOfLeftRows() {
    try (ArrowTableStream a =
            stream(
                allocator,
                List.of("id"),
                longs("id", 1L, 2L),
                longs("age", 1L, 2L),
                strings("_tag_source_id::x", "s", "s"),
                strings("_source_age", "s::r1::age", "s::r2::age"));
        ArrowTableStream b = b();
        OperatorStream s = new SemiJoin().process(ctx, a, b)) {
      assertThat(rowSet(s, ColumnConfig.all().withContentHash(false), allocator))
          .containsExactly(
              "{_context_key=std:v0.1:default, _source_age=s::r2::age, _tag_source_id::x=s, age=2,"
                  + " id=2}");
    }
  }

  @Test
  void binaryOperatorRejectsOtherInputCounts() {
    try (ArrowTableStream a = a()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SemiJoin().process(ctx, a))
          .isInstanceOf(org.orcapod.error.InvalidInputsException.class)
          .hasMessageContaining("exactly two");
    }
  }

  @Test
  void sharedColumnOfDifferentTypeIsRejected() {
    try (ArrowTableStream a = a();
        ArrowTableStream c = stream(allocator, List.of("id"), strings("id", "2"), longs("z", 1L))) {
      assertThatThrownBy(() -> new SemiJoin().process(ctx, a, c))
          .isInstanceOf(IncompatibleTypesException.class)
          .hasMessageContaining("'id'");
    }
  }
}
