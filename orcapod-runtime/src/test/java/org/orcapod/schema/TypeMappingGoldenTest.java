package org.orcapod.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;

/**
 * The Python type of every Arrow type in golden/model/python-types.json (produced by Python
 * orcapod's type converter, see the file's produced_by) equals {@link TypeMapping}'s.
 */
public class TypeMappingGoldenTest {
  public static JsonNode golden() throws IOException {
    try (InputStream in =
        TypeMappingGoldenTest.class.getResourceAsStream("/golden/model/python-types.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  /** Parses the small type notation of the golden file, e.g. {@code struct<x:int64,y:utf8>}. */
  public static Field parse(String name, String spec, boolean nullable) {
    FieldType nullableType;
    if (spec.startsWith("struct<")) {
      List<Field> children = new ArrayList<>();
      for (String part : splitTop(spec.substring(7, spec.length() - 1))) {
        int colon = part.indexOf(':');
        children.add(parse(part.substring(0, colon), part.substring(colon + 1), true));
      }
      return new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null), children);
    }
    if (spec.startsWith("large_list<") || spec.startsWith("list<")) {
      boolean large = spec.startsWith("large_");
      String inner = spec.substring(spec.indexOf('<') + 1, spec.length() - 1);
      return new Field(
          name,
          new FieldType(
              nullable, large ? ArrowType.LargeList.INSTANCE : ArrowType.List.INSTANCE, null),
          List.of(parse("item", inner, true)));
    }
    ArrowType t =
        switch (spec) {
          case "int64" -> new ArrowType.Int(64, true);
          case "int32" -> new ArrowType.Int(32, true);
          case "uint8" -> new ArrowType.Int(8, false);
          case "float64" -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
          case "float32" -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
          case "large_utf8" -> ArrowType.LargeUtf8.INSTANCE;
          case "utf8" -> ArrowType.Utf8.INSTANCE;
          case "bool" -> ArrowType.Bool.INSTANCE;
          case "large_binary" -> ArrowType.LargeBinary.INSTANCE;
          case "binary" -> ArrowType.Binary.INSTANCE;
          case "date32" -> new ArrowType.Date(DateUnit.DAY);
          case "decimal128(10,2)" -> new ArrowType.Decimal(10, 2, 128);
          default -> throw new IllegalArgumentException(spec);
        };
    nullableType = new FieldType(nullable, t, null);
    return new Field(name, nullableType, null);
  }

  private static List<String> splitTop(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  /** Python renders classes as module.qualname in the golden file, other types with str(). */
  private static String pythonRendering(PythonType t) {
    if (t instanceof PythonType.Named n) {
      return n.module() + "." + n.qualname();
    }
    if (t instanceof PythonType.Union u) {
      List<String> parts = new ArrayList<>();
      for (PythonType a : u.args()) {
        parts.add(
            a instanceof PythonType.Named n && !n.module().equals("builtins")
                ? n.module() + "." + n.qualname()
                : a.displayName());
      }
      return String.join(" | ", parts);
    }
    return t.displayName();
  }

  @Test
  void everyGoldenArrowTypeMapsToPythonsType() throws IOException {
    JsonNode types = golden().get("types");
    assertThat(types.size()).isGreaterThan(30);
    for (JsonNode row : types) {
      Field f = parse("c", row.get("arrow").asText(), row.get("nullable").asBoolean());
      assertThat(pythonRendering(TypeMapping.pythonType(f)))
          .as("Python type of %s nullable=%s", row.get("arrow"), row.get("nullable"))
          .isEqualTo(row.get("python").asText());
    }
  }
}
