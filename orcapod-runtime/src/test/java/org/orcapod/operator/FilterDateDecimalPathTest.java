package org.orcapod.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orcapod.operator.predicate.Predicate.col;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.orcapod.error.IncompatibleTypesException;
import org.orcapod.operator.predicate.Predicate;
import org.orcapod.operator.predicate.PredicateEvaluator;
import org.orcapod.schema.ArrowValues;
import org.orcapod.schema.TypeMapping;

/**
 * Comparisons the DSL accepts on {@code LocalDate} (ISO date strings), {@code BigDecimal} (numbers)
 * and {@code Path} (strings) columns, with nulls under three-valued logic.
 */
class FilterDateDecimalPathTest extends OperatorTestBase {
  private static final List<@Nullable Object> DATES =
      Arrays.asList(
          LocalDate.of(2024, 5, 1), null, LocalDate.of(2024, 4, 30), LocalDate.of(2025, 1, 1));
  private static final List<@Nullable Object> AMOUNTS =
      Arrays.asList(
          new BigDecimal("101.3"),
          new BigDecimal("-0.000000000000000001"),
          null,
          new BigDecimal("12345678901234567890.5"));
  private static final List<@Nullable Object> PATHS =
      Arrays.asList(Path.of("a/x.csv"), Path.of("b/y.csv"), null, Path.of("a/x.csv"));

  private List<Integer> rows(Predicate p) {
    List<Field> fields =
        List.of(
            new Field(
                "day",
                FieldType.nullable(new ArrowType.Date(org.apache.arrow.vector.types.DateUnit.DAY)),
                null),
            new Field("amount", FieldType.nullable(new ArrowType.Decimal(38, 18, 128)), null),
            TypeMapping.pathField("file", true));
    try (VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator)) {
      root.allocateNew();
      for (int i = 0; i < 4; i++) {
        ArrowValues.write(root.getVector("day"), i, DATES.get(i));
        ArrowValues.write(root.getVector("amount"), i, AMOUNTS.get(i));
        ArrowValues.write(root.getVector("file"), i, PATHS.get(i));
      }
      root.setRowCount(4);
      Map<String, FieldVector> byName =
          Map.of(
              "day", root.getVector("day"),
              "amount", root.getVector("amount"),
              "file", root.getVector("file"));
      PredicateEvaluator.checkTypes(p, n -> byName.get(n).getField());
      List<Integer> out = new ArrayList<>();
      for (int i : PredicateEvaluator.selectedRows(p, byName::get, 4)) {
        out.add(i);
      }
      return out;
    }
  }

  @Test
  void datesCompareWithIsoDateStrings() {
    assertThat(rows(col("day").eq("2024-05-01"))).containsExactly(0);
    assertThat(rows(col("day").ge("2024-05-01"))).containsExactly(0, 3);
    assertThat(rows(col("day").lt("2024-05-01"))).containsExactly(2);
    assertThat(rows(col("day").ne("2024-05-01"))).containsExactly(2, 3);
    assertThat(rows(col("day").in("2024-04-30", "2025-01-01"))).containsExactly(2, 3);
    // The null date is unknown in a comparison and in its negation.
    assertThat(rows(col("day").lt("2024-05-01").negate())).containsExactly(0, 3);
    assertThat(rows(col("day").isNull())).containsExactly(1);
  }

  @Test
  void decimalsCompareExactlyWithNumbers() {
    assertThat(rows(col("amount").eq(101.3))).containsExactly(0);
    assertThat(rows(col("amount").gt(101.3))).containsExactly(3);
    assertThat(rows(col("amount").ge(101.3))).containsExactly(0, 3);
    assertThat(rows(col("amount").lt(0))).containsExactly(1);
    assertThat(rows(col("amount").ge(0L))).containsExactly(0, 3);
    // Beyond a long: the double 1.2345678901234567E19 reads as 12345678901234567000, below the
    // cell 12345678901234567890.5 (exact decimal comparison, not via double).
    assertThat(rows(col("amount").gt(1.2345678901234567e19))).containsExactly(3);
    assertThat(rows(col("amount").lt(1.3e19))).containsExactly(0, 1, 3);
    // A literal finer than the column's scale (18) lies between two column values.
    assertThat(rows(col("amount").gt(-0.0000000000000000005))).containsExactly(0, 3);
    assertThat(rows(col("amount").lt(-0.0000000000000000005))).containsExactly(1);
    assertThat(rows(col("amount").eq(-0.0000000000000000005))).isEmpty();
    assertThat(rows(col("amount").lt(Double.POSITIVE_INFINITY))).containsExactly(0, 1, 3);
    assertThat(rows(col("amount").gt(Double.NEGATIVE_INFINITY))).containsExactly(0, 1, 3);
    assertThat(rows(col("amount").gt(1e300))).isEmpty();
    assertThat(rows(col("amount").ne(Double.NaN))).containsExactly(0, 1, 3);
    assertThat(rows(col("amount").eq(Double.NaN))).isEmpty();
    assertThat(rows(col("amount").in(101.3, 7L))).containsExactly(0);
    assertThat(rows(col("amount").gt(0).negate())).containsExactly(1);
  }

  @Test
  void pathsCompareWithStrings() {
    assertThat(rows(col("file").eq("a/x.csv"))).containsExactly(0, 3);
    assertThat(rows(col("file").ne("a/x.csv"))).containsExactly(1);
    assertThat(rows(col("file").in("b/y.csv", "c"))).containsExactly(1);
    assertThat(rows(col("file").isNotNull())).containsExactly(0, 1, 3);
  }

  @Test
  void literalsOfTheWrongKindAreTypedErrors() {
    assertThatThrownBy(() -> rows(col("day").eq("May 1st")))
        .isInstanceOf(IncompatibleTypesException.class)
        .hasMessageContaining("'day'")
        .hasMessageContaining("ISO date");
    assertThatThrownBy(() -> rows(col("day").eq(20240501L)))
        .isInstanceOf(IncompatibleTypesException.class);
    assertThatThrownBy(() -> rows(col("amount").eq("101.3")))
        .isInstanceOf(IncompatibleTypesException.class)
        .hasMessageContaining("'amount'");
    assertThatThrownBy(() -> rows(col("file").eq(true)))
        .isInstanceOf(IncompatibleTypesException.class)
        .hasMessageContaining("'file'");
  }
}
