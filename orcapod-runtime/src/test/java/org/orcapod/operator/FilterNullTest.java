package org.orcapod.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orcapod.operator.TestTables.bools;
import static org.orcapod.operator.TestTables.doubles;
import static org.orcapod.operator.TestTables.longs;
import static org.orcapod.operator.TestTables.stream;
import static org.orcapod.operator.TestTables.strings;
import static org.orcapod.operator.predicate.Predicate.col;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.junit.jupiter.api.Test;
import org.orcapod.context.DataContext;
import org.orcapod.error.MissingColumnException;
import org.orcapod.hashing.SemanticHasher;
import org.orcapod.operator.predicate.Predicate;
import org.orcapod.operator.predicate.PredicateEvaluator;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.stream.ArrowTableStream;
import org.orcapod.stream.Identity;

/** {@code is null} / {@code is not null}: evaluation on every column type, logic and identity. */
class FilterNullTest extends OperatorTestBase {
  ArrowTableStream s() {
    return stream(
        allocator,
        List.of("id"),
        longs("id", 1L, 2L, 3L, 4L, 5L),
        longs("n", 10L, null, 30L, null, 50L),
        doubles("w", null, 2.5, Double.NaN, null, 5.5),
        strings("note", "a", null, "", "d", null),
        bools("ok", true, false, null, null, true));
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
  void nullTestsOnLongDoubleStringAndBooleanColumns() {
    assertThat(ids(col("n").isNull())).containsExactly("2", "4");
    assertThat(ids(col("n").isNotNull())).containsExactly("1", "3", "5");
    // NaN is a value, not a null; the empty string is not null either.
    assertThat(ids(col("w").isNull())).containsExactly("1", "4");
    assertThat(ids(col("w").isNotNull())).containsExactly("2", "3", "5");
    assertThat(ids(col("note").isNull())).containsExactly("2", "5");
    assertThat(ids(col("note").isNotNull())).containsExactly("1", "3", "4");
    assertThat(ids(col("ok").isNull())).containsExactly("3", "4");
    assertThat(ids(col("ok").isNotNull())).containsExactly("1", "2", "5");
    // A column without nulls.
    assertThat(ids(col("id").isNull())).isEmpty();
    assertThat(ids(col("id").isNotNull())).containsExactly("1", "2", "3", "4", "5");
  }

  @Test
  void nullTestsCombineWithAndOrNotUnderThreeValuedLogic() {
    assertThat(ids(col("n").isNotNull().and(col("note").isNotNull()))).containsExactly("1", "3");
    assertThat(ids(col("n").isNull().or(col("w").isNull()))).containsExactly("1", "2", "4");
    assertThat(ids(Predicate.not(col("note").isNull()))).containsExactly("1", "3", "4");
    assertThat(ids(col("n").isNotNull().negate())).containsExactly("2", "4");
    // "n > 20 or n is null": unknown (null n) or true is true.
    assertThat(ids(col("n").gt(20).or(col("n").isNull()))).containsExactly("2", "3", "4", "5");
    // A comparison with a null cell is unknown, and not unknown is still unknown: neither keeps
    // the null rows.
    assertThat(ids(col("n").gt(20))).containsExactly("3", "5");
    assertThat(ids(col("n").gt(20).negate())).containsExactly("1");
    // Guarding a negated comparison with a null test makes the nulls explicit.
    assertThat(ids(col("n").gt(20).negate().or(col("n").isNull()))).containsExactly("1", "2", "4");
    // not (ok = true and note is not null): ids 3 and 4 have a null ok, so unknown and true is
    // unknown, and its negation too (dropped); id 1 is true (negated: false); 2 and 5 are false.
    assertThat(ids(Predicate.not(col("ok").eq(true).and(col("note").isNotNull()))))
        .containsExactly("2", "5");
  }

  @Test
  void evaluationReadsTheValidityOfEveryVectorKind() {
    int rows = 19; // more than two bytes of validity bitmap
    try (BigIntVector longs = new BigIntVector("l", allocator);
        Float8Vector doubles = new Float8Vector("d", allocator);
        VarCharVector strings = new VarCharVector("s", allocator);
        BitVector bits = new BitVector("b", allocator);
        DateDayVector dates = new DateDayVector("date", allocator);
        ListVector lists = ListVector.empty("list", allocator);
        NullVector nulls = new NullVector("z", rows)) {
      longs.allocateNew(rows);
      doubles.allocateNew(rows);
      strings.allocateNew(rows);
      bits.allocateNew(rows);
      dates.allocateNew(rows);
      UnionListWriter writer = lists.getWriter();
      List<Integer> expectedNull = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        boolean isNull = i % 3 == 1 || i == 8 || i == 17;
        if (isNull) {
          expectedNull.add(i);
          longs.setNull(i);
          doubles.setNull(i);
          strings.setNull(i);
          bits.setNull(i);
          dates.setNull(i);
          writer.setPosition(i);
          writer.writeNull();
        } else {
          longs.set(i, i);
          doubles.set(i, i / 2.0);
          strings.setSafe(i, ("v" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
          bits.set(i, i % 2);
          dates.set(i, (int) LocalDate.of(2024, 5, 1).plusDays(i).toEpochDay());
          writer.setPosition(i);
          writer.startList();
          writer.bigInt().writeBigInt(i);
          writer.endList();
        }
      }
      for (FieldVector v : List.<FieldVector>of(longs, doubles, strings, bits, dates)) {
        v.setValueCount(rows);
      }
      lists.setValueCount(rows);
      List<Integer> expectedValid = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        if (!expectedNull.contains(i)) {
          expectedValid.add(i);
        }
      }
      Map<String, FieldVector> byName =
          Map.of(
              "l", longs, "d", doubles, "s", strings, "b", bits, "date", dates, "list", lists, "z",
              nulls);
      for (String name : List.of("l", "d", "s", "b", "date", "list")) {
        assertThat(selected(col(name).isNull(), byName, rows))
            .as("%s is null", name)
            .containsExactlyElementsOf(expectedNull);
        assertThat(selected(col(name).isNotNull(), byName, rows))
            .as("%s is not null", name)
            .containsExactlyElementsOf(expectedValid);
      }
      // Fewer rows than the vector holds: only those are evaluated.
      assertThat(selected(col("date").isNull(), byName, 5)).containsExactly(1, 4);
      // The null type: every cell is null.
      assertThat(selected(col("z").isNull(), byName, rows)).hasSize(rows);
      assertThat(selected(col("z").isNotNull(), byName, rows)).isEmpty();
      // The results are never unknown.
      for (byte b : PredicateEvaluator.evaluate(col("date").isNull(), byName::get, rows)) {
        assertThat(b).isIn(PredicateEvaluator.TRUE, PredicateEvaluator.FALSE);
      }
    }
  }

  private static List<Integer> selected(Predicate p, Map<String, FieldVector> columns, int rows) {
    List<Integer> out = new ArrayList<>();
    for (int i : PredicateEvaluator.selectedRows(p, columns::get, rows)) {
      out.add(i);
    }
    return out;
  }

  @Test
  void aNullTestOfAMissingColumnIsATypedError() {
    try (ArrowTableStream s = s()) {
      assertThatThrownBy(() -> new Filter(col("nope").isNull()).process(ctx, s))
          .isInstanceOf(MissingColumnException.class)
          .hasMessageContaining("'nope'");
    }
    assertThatThrownBy(() -> col("").isNull()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void identityOfNullTests() {
    SemanticHasher hasher = DataContext.defaultContext().semanticHasher();
    assertThat(col("note").isNull().canonicalForm()).isEqualTo(Identity.tuple("is_null", "note"));
    assertThat(col("note").isNotNull().canonicalForm())
        .isEqualTo(Identity.tuple("is_not_null", "note"));
    assertThat(col("note").isNotNull().display()).isEqualTo("note is not null");
    // Equivalent spellings: not (x is null) is x is not null; operand order and nesting.
    List<Predicate> same =
        List.of(
            col("note").isNotNull(),
            Predicate.not(col("note").isNull()),
            col("note").isNull().negate(),
            col("note").isNotNull().negate().negate());
    for (Predicate p : same) {
      assertThat(hash(hasher, p)).as(p.display()).isEqualTo(hash(hasher, same.get(0)));
    }
    assertThat(hash(hasher, col("n").isNull().and(col("note").isNotNull())))
        .isEqualTo(hash(hasher, Predicate.not(col("note").isNull()).and(col("n").isNull())));
    // Different predicates: different hashes.
    List<Predicate> different =
        List.of(
            col("note").isNull(),
            col("note").isNotNull(),
            col("n").isNull(),
            col("n").isNotNull(),
            Predicate.not(col("note").eq("a")),
            col("note").eq("a"),
            col("note").isNull().and(col("n").isNull()),
            col("note").isNull().or(col("n").isNull()));
    assertThat(different.stream().map(p -> hash(hasher, p)).distinct()).hasSize(different.size());
  }

  private static String hash(SemanticHasher hasher, Predicate p) {
    return hasher.hash(new Filter(p).identityStructure()).toString();
  }
}
