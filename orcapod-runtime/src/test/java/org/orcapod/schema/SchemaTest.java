package org.orcapod.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;
import org.orcapod.error.DuplicateColumnException;
import org.orcapod.error.IncompatibleTypesException;
import org.orcapod.error.MissingColumnException;

class SchemaTest {
  static Field f(String name, ArrowType t, boolean nullable) {
    return new Field(name, new FieldType(nullable, t, null), null);
  }

  static final ArrowType I64 = new ArrowType.Int(64, true);
  static final ArrowType F64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
  static final ArrowType STR = ArrowType.LargeUtf8.INSTANCE;

  final Schema abc =
      Schema.of(List.of(f("a", I64, false), f("b", STR, true), f("c", F64, false)), Set.of("c"));

  @Test
  void nullabilityAndOptionalityAreExplicit() {
    assertThat(abc.isNullable("b")).isTrue();
    assertThat(abc.isNullable("a")).isFalse();
    assertThat(abc.isRequired("a")).isTrue();
    assertThat(abc.isRequired("c")).isFalse();
    assertThat(abc.pythonType("b").displayName()).isEqualTo("str | None");
    assertThat(abc.toString()).isEqualTo("Schema{a: int, b: str | None, c: float (optional)}");
  }

  @Test
  void selectDropRenameKeepOptionality() {
    assertThat(abc.select(List.of("c", "a")).names()).containsExactly("c", "a");
    assertThat(abc.select(List.of("c")).optionalFields()).containsExactly("c");
    assertThat(abc.drop(List.of("c", "zz")).optionalFields()).isEmpty();
    assertThat(abc.rename(Map.of("c", "d")).optionalFields()).containsExactly("d");
    assertThatThrownBy(() -> abc.select(List.of("x")))
        .isInstanceOf(MissingColumnException.class)
        .hasMessageContaining("'x'");
  }

  @Test
  void mergeRejectsConflictingTypesAndDuplicatesAreRejected() {
    Schema other = Schema.of(List.of(f("a", STR, false), f("d", I64, false)));
    assertThatThrownBy(() -> abc.merge(other))
        .isInstanceOf(IncompatibleTypesException.class)
        .hasMessageContaining("column 'a'")
        .hasMessageContaining("int")
        .hasMessageContaining("str");
    assertThat(abc.merge(Schema.of(List.of(f("a", new ArrowType.Int(32, true), false)))).size())
        .isEqualTo(3);
    assertThatThrownBy(() -> abc.rename(Map.of("a", "b")))
        .isInstanceOf(DuplicateColumnException.class)
        .hasMessageContaining("'b'");
  }

  @Property(tries = 50)
  void selectOfSelectIsSelectOfIntersectionAndDropOfDropIsDropOfUnion(
      @ForAll @Size(max = 3) Set<String> first, @ForAll @Size(max = 3) Set<String> second) {
    Schema s =
        Schema.of(
            List.of(f("a", I64, false), f("b", STR, true), f("c", F64, false), f("d", I64, true)));
    List<String> x = s.names().stream().filter(n -> first.contains(n) || n.equals("a")).toList();
    List<String> y = x.stream().filter(n -> second.contains(n) || n.equals("a")).toList();
    assertThat(s.select(x).select(y)).isEqualTo(s.select(y));
    java.util.Set<String> union = new java.util.HashSet<>(first);
    union.addAll(second);
    assertThat(s.drop(List.copyOf(first)).drop(List.copyOf(second)))
        .isEqualTo(s.drop(List.copyOf(union)));
  }
}
