package org.orcapod.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orcapod.operator.TestTables.longs;
import static org.orcapod.operator.TestTables.rowSet;
import static org.orcapod.operator.TestTables.rows;
import static org.orcapod.operator.TestTables.stream;
import static org.orcapod.operator.TestTables.strings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.orcapod.error.IncompatibleTypesException;
import org.orcapod.error.InvalidInputsException;
import org.orcapod.error.PacketColumnCollisionException;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.stream.ArrowTableStream;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamSchema;

class JoinTest extends OperatorTestBase {
  private static final ColumnConfig WITH_SYS = ColumnConfig.dataOnly().withSystemTags(true);

  ArrowTableStream a() {
    return stream(allocator, List.of("id"), longs("id", 1L, 2L, 3L), longs("age", 25L, 30L, 35L));
  }

  ArrowTableStream b() {
    return stream(allocator, List.of("id"), longs("id", 2L, 3L, 4L), longs("score", 85L, 90L, 95L));
  }

  /** A source-like stream: data plus its own system-tag columns. */
  ArrowTableStream src(String packet, String sourceId, long... ids) {
    Object[] idv = new Object[ids.length];
    Object[] pv = new Object[ids.length];
    Object[] sid = new Object[ids.length];
    Object[] rid = new Object[ids.length];
    for (int i = 0; i < ids.length; i++) {
      idv[i] = ids[i];
      pv[i] = ids[i] * 10;
      sid[i] = sourceId;
      rid[i] = "id=" + ids[i];
    }
    return stream(
        allocator,
        List.of("id"),
        longs("id", idv),
        longs(packet, pv),
        strings("_tag_source_id::aaaa", sid),
        strings("_tag_record_id::aaaa", rid));
  }

  @Test
  void innerJoinOnSharedTagKeepsMatchingRows() {
    try (ArrowTableStream a = a();
        ArrowTableStream b = b();
        OperatorStream j = new Join().process(ctx, a, b)) {
      assertThat(rowSet(j, allocator))
          .containsExactly("{age=30, id=2, score=85}", "{age=35, id=3, score=90}");
      assertThat(j.keys().tag()).containsExactly("id");
      assertThat(j.keys().packet()).containsExactlyInAnyOrder("age", "score");
    }
  }

  @Test
  void noMatchesGivesEmptyStream() {
    try (ArrowTableStream a = stream(allocator, List.of("id"), longs("id", 1L), longs("a", 10L));
        ArrowTableStream b = stream(allocator, List.of("id"), longs("id", 99L), longs("b", 2L));
        OperatorStream j = new Join().process(ctx, a, b)) {
      assertThat(j.rowCount()).isZero();
      assertThat(j.result().keys().packet()).containsExactlyInAnyOrder("a", "b");
    }
  }

  @Test
  void noSharedTagsGivesCartesianProduct() {
    try (ArrowTableStream a =
            stream(allocator, List.of("x"), longs("x", 1L, 2L), longs("a", 10L, 20L));
        ArrowTableStream b =
            stream(allocator, List.of("y"), strings("y", "p", "q", "r"), longs("b", 1L, 2L, 3L));
        OperatorStream j = new Join().process(ctx, a, b)) {
      assertThat(j.rowCount()).isEqualTo(6);
      assertThat(j.keys().tag()).containsExactlyInAnyOrder("x", "y");
      assertThat(rowSet(j, allocator)).contains("{a=10, b=3, x=1, y=r}", "{a=20, b=1, x=2, y=p}");
    }
  }

  @Test
  void threeWayJoinAndPartiallySharedTags() {
    try (ArrowTableStream s1 =
            stream(
                allocator,
                List.of("id", "g"),
                longs("id", 1L, 2L),
                strings("g", "a", "b"),
                longs("a", 10L, 20L));
        ArrowTableStream s2 =
            stream(allocator, List.of("id"), longs("id", 1L, 2L, 2L), longs("b", 30L, 40L, 41L));
        ArrowTableStream s3 =
            stream(allocator, List.of("g"), strings("g", "b", "c"), longs("c", 50L, 60L));
        OperatorStream j = new Join().process(ctx, s1, s2, s3)) {
      assertThat(rowSet(j, allocator))
          .containsExactly("{a=20, b=40, c=50, g=b, id=2}", "{a=20, b=41, c=50, g=b, id=2}");
    }
  }

  @Test
  void nullKeysMatchNothingAndStringAndIntKeysWork() {
    try (ArrowTableStream a =
            stream(allocator, List.of("k"), strings("k", "x", null, "yy"), longs("a", 1L, 2L, 3L));
        ArrowTableStream b =
            stream(
                allocator,
                List.of("k"),
                strings("k", null, "yy", "x", "x"),
                longs("b", 1L, 2L, 3L, 4L));
        OperatorStream j = new Join().process(ctx, a, b)) {
      assertThat(rowSet(j, allocator))
          .containsExactly("{a=1, b=3, k=x}", "{a=1, b=4, k=x}", "{a=3, b=2, k=yy}");
    }
  }

  @Test
  void int32AndInt64KeysOfSamePythonTypeJoinByValue() {
    try (ArrowTableStream a =
            stream(allocator, List.of("id"), TestTables.ints("id", 1, 2), longs("a", 1L, 2L));
        ArrowTableStream b = stream(allocator, List.of("id"), longs("id", 2L), longs("b", 9L));
        OperatorStream j = new Join().process(ctx, a, b)) {
      assertThat(rowSet(j, allocator)).containsExactly("{a=2, b=9, id=2}");
    }
  }

  @Test
  void overlappingPacketColumnsAreRejectedWithTheirNames() {
    try (ArrowTableStream a = a();
        ArrowTableStream b = stream(allocator, List.of("id"), longs("id", 2L), longs("age", 40L))) {
      assertThatThrownBy(() -> new Join().process(ctx, a, b))
          .isInstanceOf(PacketColumnCollisionException.class)
          .hasMessageContaining("[age]")
          .hasMessageContaining("MapPackets");
    }
  }

  @Test
  void incompatibleTagTypesAreRejectedNamingTheColumn() {
    try (ArrowTableStream a = a();
        ArrowTableStream b = stream(allocator, List.of("id"), strings("id", "2"), longs("b", 1L))) {
      assertThatThrownBy(() -> new Join().process(ctx, a, b))
          .isInstanceOf(IncompatibleTypesException.class)
          .hasMessageContaining("'id'")
          .hasMessageContaining("int | None")
          .hasMessageContaining("str | None");
    }
  }

  @Test
  void zeroInputsAreRejected() {
    assertThatThrownBy(() -> new Join().process(ctx, List.of()))
        .isInstanceOf(InvalidInputsException.class);
  }

  @Test
  void singleInputPassesThrough() {
    try (ArrowTableStream a = a();
        OperatorStream j = new Join().process(ctx, a)) {
      assertThat(j.result()).isSameAs(a);
      assertThat(j.outputSchema()).isEqualTo(a.outputSchema());
    }
  }

  @Test
  void systemTagsAreRenamedWithPipelineHashAndCanonicalPosition() {
    try (ArrowTableStream s1 = src("a", "srcA", 1L, 2L);
        ArrowTableStream s2 =
            stream(
                allocator,
                List.of("id"),
                longs("id", 2L, 1L),
                strings("b", "u", "v"),
                strings("_tag_source_id::bbbb", "srcB", "srcB"),
                strings("_tag_record_id::bbbb", "row_0", "row_1"));
        OperatorStream j = new Join().process(ctx, s1, s2)) {
      List<Stream> order = new Join().canonicalOrder(ctx, List.of(s1, s2));
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Stream s = order.get(i);
        String h = ctx.pipelineHash(s).toHex(12);
        for (String sys : ((ArrowTableStream) s).systemTagColumns()) {
          expected.add(sys + "::" + h + ":" + i);
        }
      }
      List<String> actualSys = new ArrayList<>(j.keys(WITH_SYS).tag());
      actualSys.remove("id");
      assertThat(actualSys).containsExactlyElementsOf(expected);
      assertThat(((ArrowTableStream) j.result()).systemTagColumns())
          .containsExactlyElementsOf(expected);
      // values travel with their rows
      for (Map<String, Object> row : rows(j, WITH_SYS, allocator)) {
        long id = (Long) row.get("id");
        String ridA =
            expected.stream().filter(n -> n.contains("record_id::aaaa")).findFirst().get();
        assertThat(row.get(ridA)).isEqualTo("id=" + id);
      }
    }
  }

  @Test
  void schemaPredictionEqualsTheComputedSchemaWithAndWithoutSystemTags() {
    try (ArrowTableStream s1 = src("a", "srcA", 1L, 2L, 3L);
        ArrowTableStream s2 = b();
        ArrowTableStream s3 = stream(allocator, List.of("k"), strings("k", "x"), longs("c", 1L));
        OperatorStream j = new Join().process(ctx, s1, s2, s3)) {
      Join join = new Join();
      for (boolean sys : new boolean[] {false, true}) {
        StreamSchema predicted = join.outputSchema(ctx, List.of(s3, s1, s2), sys);
        StreamSchema actual = j.result().outputSchema(ColumnConfig.dataOnly().withSystemTags(sys));
        assertThat(predicted).isEqualTo(actual);
        assertThat(j.outputSchema(ColumnConfig.dataOnly().withSystemTags(sys))).isEqualTo(actual);
      }
    }
  }

  @Test
  void collidingMetaColumnsAreRenamedWithThePosition() {
    try (VectorSchemaRoot t1 =
            TestTables.table(allocator, longs("id", 1L), longs("a", 1L), longs("__m", 7L));
        VectorSchemaRoot t2 =
            TestTables.table(allocator, longs("id", 1L), longs("b", 2L), longs("__m", 8L));
        ArrowTableStream s1 = ArrowTableStream.of(t1, List.of("id"), allocator);
        ArrowTableStream s2 = ArrowTableStream.of(t2, List.of("id"), allocator);
        OperatorStream j = new Join().process(ctx, s1, s2)) {
      assertThat(((ArrowTableStream) j.result()).metaColumns()).containsExactly("__m", "__m_1");
    }
  }
}
