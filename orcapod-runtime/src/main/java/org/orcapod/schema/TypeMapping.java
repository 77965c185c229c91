package org.orcapod.schema;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.orcapod.error.UnsupportedTypeException;

/**
 * The three-way mapping between Java types, Arrow types and the Python types Python orcapod puts
 * into schema hashes (see {@code docs/types.md} for the table).
 *
 * <p>Arrow is the source of truth: a column's Arrow field decides its Python type token exactly as
 * Python orcapod's {@code UniversalTypeConverter.arrow_type_to_python_type} does, including its
 * fallback to {@code typing.Any} for Arrow types it has no Python mapping for (dates, decimals,
 * timestamps).
 */
public final class TypeMapping {
  /** Default precision of a {@link BigDecimal} column when only the Java type is known. */
  public static final int DEFAULT_DECIMAL_PRECISION = 38;

  /** Default scale of a {@link BigDecimal} column when only the Java type is known. */
  public static final int DEFAULT_DECIMAL_SCALE = 18;

  /** The Arrow type of orcapod's Path semantic type: {@code struct<path: large_utf8>}. */
  public static final String PATH_FIELD = "path";

  private static final String STRUCT_MODULE = "orcapod.semantic_types.universal_converter";

  private TypeMapping() {}

  // ---------------------------------------------------------------- Arrow -> Python

  /**
   * The Python type of an Arrow field as Python orcapod derives it for schemas: the field's type,
   * then {@code | None} when the field is nullable (except for {@code Any}).
   */
  public static PythonType pythonType(Field field) {
    return pythonTypeOf(field).orNone(field.isNullable());
  }

  /** The Python type of an Arrow field's type, ignoring the field's own nullability. */
  public static PythonType pythonTypeOf(Field field) {
    ArrowType type = field.getType();
    switch (type.getTypeID()) {
      case Int:
        return PythonType.INT;
      case FloatingPoint:
        return PythonType.FLOAT;
      case Utf8:
      case LargeUtf8:
      case Utf8View:
        return PythonType.STR;
      case Bool:
        return PythonType.BOOL;
      case Binary:
      case LargeBinary:
      case BinaryView:
        return PythonType.BYTES;
      case Struct:
        return structType(field);
      case List:
      case LargeList:
      case FixedSizeList:
        return listType(field);
      default:
        return PythonType.ANY;
    }
  }

  /** Whether {@code field} is orcapod's Path semantic struct {@code struct<path: string>}. */
  public static boolean isPathStruct(Field field) {
    if (!(field.getType() instanceof ArrowType.Struct) || field.getChildren().size() != 1) {
      return false;
    }
    Field child = field.getChildren().get(0);
    return child.getName().equals(PATH_FIELD)
        && (child.getType() instanceof ArrowType.LargeUtf8
            || child.getType() instanceof ArrowType.Utf8);
  }

  private static PythonType structType(Field field) {
    if (isPathStruct(field)) {
      return PythonType.PATH;
    }
    List<Field> children = field.getChildren();
    boolean tuple = !children.isEmpty();
    for (int i = 0; i < children.size() && tuple; i++) {
      tuple = children.get(i).getName().equals("f" + i);
    }
    if (tuple) {
      List<PythonType> args = new ArrayList<>();
      for (Field c : children) {
        args.add(pythonTypeOf(c));
      }
      return new PythonType.Generic(PythonType.TUPLE, args);
    }
    return new PythonType.Named(STRUCT_MODULE, structClassName(children));
  }

  /**
   * The name Python orcapod gives the TypedDict it generates for an unregistered struct, e.g.
   * {@code Struct_x_int_y_str}; structs of more than two fields get an MD5-based name as there.
   */
  static String structClassName(List<Field> children) {
    TreeMap<String, String> sorted = new TreeMap<>();
    for (Field c : children) {
      String name = pythonTypeOf(c).pythonName();
      if (name.startsWith("typing.")) {
        name = name.substring(7);
      }
      sorted.put(c.getName(), name);
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      parts.add(e.getKey() + "_" + e.getValue());
    }
    String base;
    if (parts.size() <= 2) {
      base = "Struct_" + String.join("_", parts);
    } else {
      String sig = md5Hex(String.join("_", parts)).substring(0, 8);
      List<String> names = new ArrayList<>(sorted.keySet());
      base =
          names.size() <= 3
              ? "Struct_" + String.join("_", names) + "_" + sig
              : "Struct_" + names.size() + "fields_" + sig;
    }
    return base.replace("[", "_").replace("]", "_").replace(",", "_").replace(" ", "");
  }

  private static String md5Hex(String s) {
    try {
      // A naming convention of the reference (not a content hash): same bytes, same name.
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md5.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
  }

  private static PythonType listType(Field field) {
    Field element = field.getChildren().get(0);
    if (element.getType() instanceof ArrowType.Struct) {
      Field key = null;
      Field value = null;
      for (Field c : element.getChildren()) {
        if (c.getName().equals("key")) {
          key = c;
        } else if (c.getName().equals("value")) {
          value = c;
        }
      }
      if (key != null && value != null && element.getChildren().size() == 2) {
        return new PythonType.Generic(
            PythonType.DICT, List.of(pythonTypeOf(key), pythonTypeOf(value)));
      }
    }
    return new PythonType.Generic(PythonType.LIST, List.of(pythonTypeOf(element)));
  }

  // ---------------------------------------------------------------- Java -> Arrow

  /**
   * The Arrow field for a Java value type: {@code long}/{@code int} → int64, {@code double}/{@code
   * float} → float64, {@link String} → large_utf8, {@code boolean} → bool, {@code byte[]} →
   * large_binary, {@link Path} → {@code struct<path: large_utf8>}, {@link LocalDate} → date32,
   * {@link BigDecimal} → decimal128(38, 18), {@code List<T>} → large_list, {@code Map<K, V>} →
   * large_list of {@code struct<key, value>}, records → structs, {@code Optional<T>} → nullable T.
   *
   * @param name the field name
   * @param type the Java type (a {@link Class} or a {@link ParameterizedType})
   * @param nullable whether the field may hold nulls ({@code Optional} forces true)
   * @throws UnsupportedTypeException naming the field when the type has no mapping
   */
  public static Field arrowField(String name, Type type, boolean nullable) {
    if (type instanceof ParameterizedType p) {
      Type raw = p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (raw == Optional.class) {
        return arrowField(name, args[0], true);
      }
      if (raw instanceof Class<?> c && List.class.isAssignableFrom(c)) {
        Field item = arrowField("item", args[0], true);
        return new Field(
            name, new FieldType(nullable, ArrowType.LargeList.INSTANCE, null), List.of(item));
      }
      if (raw instanceof Class<?> c && Map.class.isAssignableFrom(c)) {
        Field key = arrowField("key", args[0], false);
        Field value = arrowField("value", args[1], true);
        Field entry =
            new Field(
                "item", new FieldType(true, ArrowType.Struct.INSTANCE, null), List.of(key, value));
        return new Field(
            name, new FieldType(nullable, ArrowType.LargeList.INSTANCE, null), List.of(entry));
      }
      throw new UnsupportedTypeException(
          "field '" + name + "'", type.getTypeName(), "Use List<T>, Map<K, V> or Optional<T>.");
    }
    if (!(type instanceof Class<?> c)) {
      throw new UnsupportedTypeException(
          "field '" + name + "'",
          type.getTypeName(),
          "Use a concrete class, List<T>, Map<K, V> or Optional<T>.");
    }
    ArrowType arrow = scalarArrowType(c);
    if (arrow != null) {
      return new Field(name, new FieldType(nullable && !c.isPrimitive(), arrow, null), null);
    }
    if (Path.class.isAssignableFrom(c)) {
      return pathField(name, nullable);
    }
    if (c.isRecord()) {
      List<Field> children = new ArrayList<>();
      for (RecordComponent rc : c.getRecordComponents()) {
        children.add(arrowField(rc.getName(), rc.getGenericType(), isNullable(rc)));
      }
      return new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null), children);
    }
    throw new UnsupportedTypeException(
        "field '" + name + "'",
        c.getName(),
        "Supported: long, int, double, float, boolean, String, byte[], Path, LocalDate,"
            + " BigDecimal, List<T>, Map<K, V>, Optional<T> and records of these.");
  }

  /** The Arrow field of the Path semantic type, {@code struct<path: large_utf8>}. */
  public static Field pathField(String name, boolean nullable) {
    Field child = new Field(PATH_FIELD, FieldType.nullable(ArrowType.LargeUtf8.INSTANCE), null);
    return new Field(
        name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null), List.of(child));
  }

  private static ArrowType scalarArrowType(Class<?> c) {
    if (c == long.class
        || c == Long.class
        || c == int.class
        || c == Integer.class
        || c == short.class
        || c == Short.class
        || c == byte.class
        || c == Byte.class) {
      return new ArrowType.Int(64, true);
    }
    if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
      return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    }
    if (c == String.class) {
      return ArrowType.LargeUtf8.INSTANCE;
    }
    if (c == boolean.class || c == Boolean.class) {
      return ArrowType.Bool.INSTANCE;
    }
    if (c == byte[].class) {
      return ArrowType.LargeBinary.INSTANCE;
    }
    if (c == LocalDate.class) {
      return new ArrowType.Date(DateUnit.DAY);
    }
    if (c == BigDecimal.class) {
      return new ArrowType.Decimal(DEFAULT_DECIMAL_PRECISION, DEFAULT_DECIMAL_SCALE, 128);
    }
    return null;
  }

  /**
   * Whether a record component may be null: its type is {@code Optional}, or it carries a
   * {@code @Nullable} type-use or declaration annotation (any package). Primitives never are.
   */
  public static boolean isNullable(RecordComponent rc) {
    if (rc.getType().isPrimitive()) {
      return false;
    }
    if (rc.getType() == Optional.class) {
      return true;
    }
    return hasNullable(rc) || hasNullable(rc.getAnnotatedType());
  }

  private static boolean hasNullable(AnnotatedElement e) {
    for (var a : e.getAnnotations()) {
      if (a.annotationType().getSimpleName().equals("Nullable")) {
        return true;
      }
    }
    return false;
  }

  /** Whether an annotated type (e.g. a type argument) carries {@code @Nullable}. */
  static boolean hasNullable(AnnotatedType t) {
    for (var a : t.getAnnotations()) {
      if (a.annotationType().getSimpleName().equals("Nullable")) {
        return true;
      }
    }
    return false;
  }
}
