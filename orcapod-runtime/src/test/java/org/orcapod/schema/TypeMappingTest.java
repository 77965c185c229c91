package org.orcapod.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.orcapod.error.UnsupportedTypeException;

class TypeMappingTest {
  record Point(long x, String y) {}

  record Sample(
      long id,
      double score,
      String name,
      boolean ok,
      byte[] blob,
      Path file,
      LocalDate day,
      BigDecimal amount,
      List<Long> counts,
      Point where,
      @Nullable String note,
      Optional<Long> maybe) {}

  @Test
  void recordComponentsMapToArrowAndPythonTypes() {
    List<Field> fields = org.orcapod.source.RowTables.recordFields(Sample.class);
    Schema schema = Schema.of(fields);
    assertThat(schema.require("id").getType()).isEqualTo(new ArrowType.Int(64, true));
    assertThat(schema.require("blob").getType()).isEqualTo(ArrowType.LargeBinary.INSTANCE);
    assertThat(schema.require("name").getType()).isEqualTo(ArrowType.LargeUtf8.INSTANCE);
    assertThat(TypeMapping.isPathStruct(schema.require("file"))).isTrue();
    assertThat(schema.require("amount").getType()).isEqualTo(new ArrowType.Decimal(38, 18, 128));
    assertThat(schema.pythonTypes().values().stream().map(PythonType::displayName).toList())
        .containsExactly(
            "int",
            "float",
            "str",
            "bool",
            "bytes",
            "pathlib.Path",
            "typing.Any",
            "typing.Any",
            "list[int]",
            "orcapod.semantic_types.universal_converter.Struct_x_int_y_str",
            "str | None",
            "int | None");
    assertThat(schema.isNullable("note")).isTrue();
    assertThat(schema.isNullable("maybe")).isTrue();
    assertThat(schema.isNullable("name")).isFalse();
    assertThat(schema.isNullable("id")).isFalse();
  }

  @Test
  void mapsBecomeListsOfKeyValueStructsAsPythonDicts() throws NoSuchFieldException {
    record Holder(Map<String, Long> m) {}
    Field f = org.orcapod.source.RowTables.recordFields(Holder.class).get(0);
    assertThat(TypeMapping.pythonType(f).displayName()).isEqualTo("dict[str, int]");
  }

  @Test
  void unsupportedJavaTypeNamesTheField() {
    assertThatThrownBy(() -> TypeMapping.arrowField("when", java.time.Instant.class, false))
        .isInstanceOf(UnsupportedTypeException.class)
        .hasMessageContaining("field 'when'")
        .hasMessageContaining("java.time.Instant");
  }
}
