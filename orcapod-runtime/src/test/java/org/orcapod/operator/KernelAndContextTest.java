package org.orcapod.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orcapod.operator.TestTables.longs;
import static org.orcapod.operator.TestTables.stream;
import static org.orcapod.operator.TestTables.strings;

import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.orcapod.hashing.arrow.StarfixArrowHasher;
import org.orcapod.operator.kernel.HashJoin;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.stream.ArrowTableStream;

class KernelAndContextTest extends OperatorTestBase {
  @Test
  void hashJoinOnTwoKeysWithDuplicatesListsMatchesInLeftThenRightOrder() {
    try (VectorSchemaRoot l =
            TestTables.table(
                allocator, longs("a", 1L, 2L, 1L, null), strings("b", "x", "y", "x", "x"));
        VectorSchemaRoot r =
            TestTables.table(
                allocator,
                longs("a", 1L, 1L, 2L, 1L, null),
                strings("b", "x", "z", "y", "x", "x"))) {
      List<FieldVector> lk = l.getFieldVectors();
      List<FieldVector> rk = r.getFieldVectors();
      HashJoin.Matches m = HashJoin.inner(lk, 4, rk, 5);
      assertThat(m.left()).containsExactly(0, 0, 1, 2, 2);
      assertThat(m.right()).containsExactly(0, 3, 2, 0, 3);
      assertThat(HashJoin.semi(lk, 4, rk, 5)).containsExactly(0, 1, 2);
      HashJoin.Matches none = HashJoin.inner(List.of(), 2, List.of(), 3);
      assertThat(none.size()).isEqualTo(6);
    }
  }

  @Test
  void outputStreamsCarryTheContextsArrowHasherForContentHashColumns() {
    OperatorContext withArrow =
        new OperatorContext(new TestTables.StructuralHasher(), allocator, new StarfixArrowHasher());
    try (ArrowTableStream a =
            stream(allocator, List.of("id"), longs("id", 1L, 2L), longs("x", 5L, 6L));
        ArrowTableStream b =
            stream(allocator, List.of("id"), longs("id", 2L, 1L), longs("y", 7L, 8L));
        OperatorStream j = new Join().process(withArrow, a, b);
        VectorSchemaRoot t = j.asTable(ColumnConfig.dataOnly().withContentHash(true), allocator)) {
      assertThat(t.getVector("_content_hash").getObject(0).toString()).startsWith("arrow_v0.1:");
      assertThat(t.getVector("_content_hash").getObject(0))
          .isNotEqualTo(t.getVector("_content_hash").getObject(1));
    }
  }
}
