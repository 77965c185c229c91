package org.orcapod.hashing.arrow;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The canonical schema text of starfix 0.2.0: the JSON that arrow-rs's serde writes for each
 * field's data type, with keys sorted, field names sorted by code point, small variants widened
 * (utf8, binary and list to their large forms), dictionaries replaced by their value type, and the
 * whole rendered like Python's {@code json.dumps(..., separators=(",", ":"))}, which escapes every
 * character outside printable ASCII as {@code \\uXXXX}.
 */
final class StarfixSchemaJson {
  private StarfixSchemaJson() {}

  /** The canonical JSON of a schema: {@code {"name":{"data_type":…,"nullable":…},…}}. */
  static String schemaJson(Schema schema) {
    // Python builds a dict keyed by name: a later duplicate replaces the earlier one.
    TreeMap<String, Field> byName = new TreeMap<>(CodePointOrder.INSTANCE);
    for (Field f : schema.getFields()) {
      byName.put(f.getName(), f);
    }
    StringBuilder out = new StringBuilder(64 * byName.size() + 2);
    out.append('{');
    boolean first = true;
    for (var e : byName.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      appendString(out, e.getKey());
      out.append(":{\"data_type\":");
      appendType(out, e.getValue(), e.getKey(), e.getKey());
      out.append(",\"nullable\":").append(e.getValue().isNullable()).append('}');
    }
    return out.append('}').toString();
  }

  /** The canonical JSON of one field's data type (the name and nullability are not included). */
  static String typeJson(Field field) {
    StringBuilder out = new StringBuilder(64);
    appendType(out, field, field.getName(), field.getName());
    return out.toString();
  }

  /**
   * Appends the type of {@code field}. In Arrow Java a dictionary-encoded field already carries its
   * value type, which is what starfix serialises for dictionaries.
   */
  static void appendType(StringBuilder out, Field field, String column, String path) {
    ArrowType type = field.getType();
    switch (type.getTypeID()) {
      case Struct -> {
        out.append("{\"Struct\":[");
        List<Field> children = sortedByName(field.getChildren());
        for (int i = 0; i < children.size(); i++) {
          Field c = children.get(i);
          if (i > 0) {
            out.append(',');
          }
          out.append("{\"data_type\":");
          appendType(out, c, column, StarfixEngine.childPath(path, c.getName()));
          out.append(",\"name\":");
          appendString(out, c.getName());
          out.append(",\"nullable\":").append(c.isNullable()).append('}');
        }
        out.append("]}");
      }
      case List, LargeList -> {
        Field element = field.getChildren().get(0);
        out.append("{\"LargeList\":{\"data_type\":");
        appendType(out, element, column, path + StarfixEngine.DELIMITER);
        out.append(",\"nullable\":").append(element.isNullable()).append("}}");
      }
      case FixedSizeList -> {
        Field element = field.getChildren().get(0);
        out.append("{\"FixedSizeList\":[{\"data_type\":");
        appendType(out, element, column, path + StarfixEngine.DELIMITER);
        out.append(",\"nullable\":")
            .append(element.isNullable())
            .append("},")
            .append(((ArrowType.FixedSizeList) type).getListSize())
            .append("]}");
      }
      case Map -> {
        // starfix 0.2.0 writes only the key field, renamed "entries", and keys_sorted=false.
        Field key = field.getChildren().get(0).getChildren().get(0);
        out.append("{\"Map\":[{\"data_type\":");
        appendType(out, key, column, path + StarfixEngine.DELIMITER);
        out.append(",\"name\":\"entries\",\"nullable\":")
            .append(key.isNullable())
            .append("},false]}");
      }
      default -> appendPrimitive(out, type, column, path);
    }
  }

  private static void appendPrimitive(
      StringBuilder out, ArrowType type, String column, String path) {
    String simple = simpleName(type);
    if (simple != null) {
      out.append('"').append(simple).append('"');
      return;
    }
    switch (type.getTypeID()) {
      case Decimal -> {
        ArrowType.Decimal d = (ArrowType.Decimal) type;
        out.append("{\"Decimal")
            .append(d.getBitWidth())
            .append("\":[")
            .append(d.getPrecision())
            .append(',')
            .append(d.getScale())
            .append("]}");
      }
      case Time -> {
        ArrowType.Time t = (ArrowType.Time) type;
        if (t.getBitWidth() == 32) {
          out.append("{\"Time32\":\"")
              .append(t.getUnit() == TimeUnit.SECOND ? "Second" : "Millisecond")
              .append("\"}");
        } else {
          out.append("{\"Time64\":\"")
              .append(t.getUnit() == TimeUnit.MICROSECOND ? "Microsecond" : "Nanosecond")
              .append("\"}");
        }
      }
      case Timestamp -> {
        ArrowType.Timestamp t = (ArrowType.Timestamp) type;
        out.append("{\"Timestamp\":[\"").append(unitName(t.getUnit())).append("\",");
        if (t.getTimezone() == null) {
          out.append("null");
        } else {
          appendString(out, t.getTimezone());
        }
        out.append("]}");
      }
      case Duration ->
          out.append("{\"Duration\":\"")
              .append(unitName(((ArrowType.Duration) type).getUnit()))
              .append("\"}");
      case FixedSizeBinary ->
          out.append("{\"FixedSizeBinary\":")
              .append(((ArrowType.FixedSizeBinary) type).getByteWidth())
              .append('}');
      default ->
          throw new UnsupportedArrowTypeException(
              column, path, type, "starfix 0.2.0 cannot describe in its canonical schema");
    }
  }

  /** The bare serde name of the types without parameters, or null for the others. */
  static @Nullable String simpleName(ArrowType type) {
    return switch (type.getTypeID()) {
      case Bool -> "Boolean";
      case Int -> {
        ArrowType.Int i = (ArrowType.Int) type;
        yield (i.getIsSigned() ? "Int" : "UInt") + i.getBitWidth();
      }
      case FloatingPoint -> {
        FloatingPointPrecision p = ((ArrowType.FloatingPoint) type).getPrecision();
        yield switch (p) {
          case HALF -> "Float16";
          case SINGLE -> "Float32";
          case DOUBLE -> "Float64";
        };
      }
      case Date -> ((ArrowType.Date) type).getUnit() == DateUnit.DAY ? "Date32" : "Date64";
      case Utf8, LargeUtf8 -> "LargeUtf8";
      case Binary, LargeBinary -> "LargeBinary";
      default -> null;
    };
  }

  private static String unitName(TimeUnit unit) {
    return switch (unit) {
      case SECOND -> "Second";
      case MILLISECOND -> "Millisecond";
      case MICROSECOND -> "Microsecond";
      case NANOSECOND -> "Nanosecond";
    };
  }

  /** Children sorted by name in code point order; equal names keep their order (stable). */
  static List<Field> sortedByName(List<Field> fields) {
    List<Field> sorted = new ArrayList<>(fields);
    sorted.sort((a, b) -> CodePointOrder.INSTANCE.compare(a.getName(), b.getName()));
    return sorted;
  }

  /**
   * Appends a JSON string as Python's {@code json.dumps} does with {@code ensure_ascii=True}: the
   * short escapes for quote, backslash and \b \f \n \r \t, and {@code \\u} followed by four
   * lower-case hex digits for every other character outside 0x20–0x7E (a character above U+FFFF
   * becomes its two surrogates).
   */
  static void appendString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c >= 0x20 && c <= 0x7e) {
            out.append(c);
          } else {
            out.append("\\u");
            String hex = Integer.toHexString(c);
            for (int k = hex.length(); k < 4; k++) {
              out.append('0');
            }
            out.append(hex);
          }
        }
      }
    }
    out.append('"');
  }
}
