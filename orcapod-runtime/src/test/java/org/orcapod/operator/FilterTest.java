package org.orcapod.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orcapod.operator.TestTables.doubles;
import static org.orcapod.operator.TestTables.longs;
import static org.orcapod.operator.TestTables.rowSet;
import static org.orcapod.operator.TestTables.stream;
import static org.orcapod.operator.TestTables.strings;
import static org.orcapod.operator.predicate.Predicate.col;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orcapod.error.IncompatibleTypesException;
import org.orcapod.error.MissingColumnException;
import org.orcapod.operator.predicate.Predicate;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.stream.ArrowTableStream;
import org.orcapod.stream.Identity;

class FilterTest extends OperatorTestBase {
  ArrowTableStream s() {
    return stream(
        allocator,
        List.of("id"),
        longs("id", 1L, 2L, 3L, 4L),
        strings("name", "ann", "bob", null, "dee"),
        doubles("w", 1.5, null, 3.0, 4.5),
        strings("_tag_source_id::q", "q", "q", "r", "r"));
  }

  List<String> ids(Predicate p) {
    try (ArrowTableStream s = s();
        OperatorStream o = new Filter(p).process(ctx, s)) {
      return TestTables.rows(o, ColumnConfig.dataOnly(), allocator).stream()
          .map(r -> String.valueOf(r.get("id")))
          .toList();
    }
  }

  @Test
  void comparisonsOnEveryType() {
    assertThat(ids(col("id").ge(3))).containsExactly("3", "4");
    assertThat(ids(col("id").lt(2.5))).containsExactly("1", "2");
    assertThat(ids(col("name").eq("bob"))).containsExactly("2");
    assertThat(ids(col("name").gt("b"))).containsExactly("2", "4");
    assertThat(ids(col("w").le(3))).containsExactly("1", "3");
    assertThat(ids(col("_tag_source_id::q").eq("r"))).containsExactly("3", "4");
  }

  @Test
  void nullsAreUnknownAndDroppedUnderThreeValuedLogic() {
    assertThat(ids(col("name").ne("bob"))).containsExactly("1", "4");
    assertThat(ids(col("name").ne("bob").negate())).containsExactly("2");
    // unknown or true is true; unknown and false is false
    assertThat(ids(col("name").eq("x").or(col("id").eq(3)))).containsExactly("3");
    assertThat(ids(col("w").gt(0).or(col("id").eq(2)))).containsExactly("1", "2", "3", "4");
    assertThat(ids(col("name").in("ann", "dee", "zed"))).containsExactly("1", "4");
    assertThat(ids(Predicate.not(col("name").in("ann")))).containsExactly("2", "4");
  }

  @Test
  void constraintsAreEqualities() {
    try (ArrowTableStream s = s();
        OperatorStream o =
            new Filter(List.of(col("id").gt(1)), Map.of("_tag_source_id::q", "r"))
                .process(ctx, s)) {
      assertThat(rowSet(o, allocator))
          .containsExactly("{id=3, name=null, w=3.0}", "{id=4, name=dee, w=4.5}");
      for (boolean sys : new boolean[] {false, true}) {
        ColumnConfig c = ColumnConfig.dataOnly().withSystemTags(sys);
        assertThat(o.outputSchema(c)).isEqualTo(o.result().outputSchema(c));
      }
    }
  }

  @Test
  void canonicalFormIgnoresOperandOrderAndNesting() {
    Predicate p1 = col("a").eq(1).and(col("b").in("y", "x")).and(col("c").lt(2.0));
    Predicate p2 = col("c").lt(2.0).and(col("b").in("x", "y", "x").and(col("a").eq(1)));
    assertThat(p1.canonicalForm()).isEqualTo(p2.canonicalForm());
    assertThat(new Filter(p1).identityStructure()).isEqualTo(new Filter(p2).identityStructure());
    assertThat(new Filter(p1).identityStructure())
        .isEqualTo(
            Identity.tuple(
                "Filter",
                Identity.tuple(
                    "and",
                    List.of(
                        Identity.tuple("cmp", "a", "==", 1L),
                        Identity.tuple("in", "b", List.of("x", "y")),
                        Identity.tuple("cmp", "c", "<", 2.0)))));
    assertThat(p1.display()).isEqualTo("(a == 1 and b in [\"x\", \"y\"] and c < 2.0)");
    assertThat(new Filter(col("a").eq(1)).identityStructure())
        .isNotEqualTo(new Filter(col("a").eq(1L).negate()).identityStructure());
  }

  @Test
  void missingColumnAndLiteralOfWrongTypeAreTypedErrors() {
    try (ArrowTableStream s = s()) {
      assertThatThrownBy(() -> new Filter(col("nope").eq(1)).process(ctx, s))
          .isInstanceOf(MissingColumnException.class)
          .hasMessageContaining("'nope'")
          .hasMessageContaining("nope == 1");
      assertThatThrownBy(() -> new Filter(col("name").eq(1)).process(ctx, s))
          .isInstanceOf(IncompatibleTypesException.class)
          .hasMessageContaining("'name'")
          .hasMessageContaining("str | None");
      assertThatThrownBy(() -> new Filter(col("id").in(1, "two")).process(ctx, s))
          .isInstanceOf(IncompatibleTypesException.class)
          .hasMessageContaining("'id'");
    }
    assertThatThrownBy(() -> col("x").eq(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'x'");
  }
}
