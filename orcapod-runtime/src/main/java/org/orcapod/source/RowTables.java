package org.orcapod.source;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jspecify.annotations.Nullable;
import org.orcapod.error.IncompatibleTypesException;
import org.orcapod.error.UnsupportedTypeException;
import org.orcapod.schema.ArrowValues;
import org.orcapod.schema.TypeMapping;

/**
 * Builds Arrow tables from rows of Java values (maps or records), with an explicit schema or one
 * inferred from the values as Python orcapod infers it for {@code DictSource}: each column's type
 * from its non-null values, nullable exactly when some row holds null or lacks the key.
 */
public final class RowTables {
  private RowTables() {}

  /** A table of {@code rows} with the given fields; a key missing from a row is null. */
  public static VectorSchemaRoot fromMaps(
      List<Field> fields, List<? extends Map<String, ?>> rows, BufferAllocator allocator) {
    VectorSchemaRoot root =
        VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(fields), allocator);
    try {
      root.allocateNew();
      for (int r = 0; r < rows.size(); r++) {
        Map<String, ?> row = rows.get(r);
        for (FieldVector v : root.getFieldVectors()) {
          ArrowValues.write(v, r, row.get(v.getName()));
        }
      }
      root.setRowCount(rows.size());
      return root;
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }

  /** A table of {@code rows} with fields inferred from the values (see class comment). */
  public static VectorSchemaRoot fromMaps(
      List<? extends Map<String, ?>> rows, BufferAllocator allocator) {
    return fromMaps(inferFields(rows), rows, allocator);
  }

  /**
   * Fields inferred from the values: keys in first-seen order; Long/Integer → int64, Double/Float →
   * float64 (int64 and float64 mixed → float64), String → large_utf8, Boolean → bool, byte[] →
   * large_binary, Path → the Path struct, LocalDate, BigDecimal, List → large_list, records →
   * structs. A column that is null in every row is typed large_utf8, nullable.
   *
   * @throws IncompatibleTypesException naming a column whose values have incompatible types
   */
  public static List<Field> inferFields(List<? extends Map<String, ?>> rows) {
    Set<String> names = new LinkedHashSet<>();
    for (Map<String, ?> row : rows) {
      names.addAll(row.keySet());
    }
    List<Field> out = new ArrayList<>();
    for (String name : names) {
      Field type = null;
      boolean nullable = false;
      for (Map<String, ?> row : rows) {
        Object value = row.get(name);
        if (value instanceof Optional<?> o) {
          value = o.orElse(null);
        }
        if (value == null) {
          nullable = true;
          continue;
        }
        Field f = fieldOfValue(name, value);
        type = type == null ? f : unify(name, type, f);
      }
      if (type == null) {
        type = new Field(name, FieldType.nullable(ArrowType.LargeUtf8.INSTANCE), null);
      }
      out.add(new Field(name, new FieldType(nullable, type.getType(), null), type.getChildren()));
    }
    return out;
  }

  private static Field fieldOfValue(String name, Object value) {
    if (value instanceof List<?> list) {
      Field item = null;
      for (Object x : list) {
        if (x != null) {
          Field f = fieldOfValue("item", x);
          item = item == null ? f : unify(name, item, f);
        }
      }
      if (item == null) {
        item = new Field("item", FieldType.nullable(ArrowType.LargeUtf8.INSTANCE), null);
      }
      Field child =
          new Field("item", new FieldType(true, item.getType(), null), item.getChildren());
      return new Field(name, FieldType.notNullable(ArrowType.LargeList.INSTANCE), List.of(child));
    }
    if (value instanceof Record r) {
      List<Field> children = new ArrayList<>();
      for (RecordComponent rc : r.getClass().getRecordComponents()) {
        children.add(TypeMapping.arrowField(rc.getName(), rc.getGenericType(), true));
      }
      return new Field(name, FieldType.notNullable(ArrowType.Struct.INSTANCE), children);
    }
    if (value instanceof Map<?, ?>) {
      throw new UnsupportedTypeException(
          "column '" + name + "'",
          "Map",
          "Inferring a type from map values is not supported; pass an explicit schema.");
    }
    return TypeMapping.arrowField(name, value.getClass(), false);
  }

  private static Field unify(String column, Field a, Field b) {
    if (a.getType().equals(b.getType()) && a.getChildren().equals(b.getChildren())) {
      return a;
    }
    boolean aNum =
        a.getType() instanceof ArrowType.Int || a.getType() instanceof ArrowType.FloatingPoint;
    boolean bNum =
        b.getType() instanceof ArrowType.Int || b.getType() instanceof ArrowType.FloatingPoint;
    if (aNum && bNum) {
      return a.getType() instanceof ArrowType.FloatingPoint ? a : b;
    }
    throw new IncompatibleTypesException(
        column,
        "values of types "
            + a.getType()
            + " and "
            + b.getType()
            + " in one column; make the values one type or pass an explicit schema");
  }

  /** The fields of a record class's components (nullable per {@code @Nullable}/Optional). */
  public static List<Field> recordFields(Class<? extends Record> type) {
    List<Field> out = new ArrayList<>();
    for (RecordComponent rc : type.getRecordComponents()) {
      out.add(
          TypeMapping.arrowField(rc.getName(), rc.getGenericType(), TypeMapping.isNullable(rc)));
    }
    return out;
  }

  /** Records as maps of component name to value. */
  public static List<Map<String, @Nullable Object>> recordRows(List<? extends Record> records) {
    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    for (Record r : records) {
      Map<String, @Nullable Object> m = new LinkedHashMap<>();
      for (RecordComponent rc : r.getClass().getRecordComponents()) {
        try {
          rc.getAccessor().setAccessible(true);
          m.put(rc.getName(), rc.getAccessor().invoke(r));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(
              "cannot read component " + rc.getName() + " of " + r.getClass().getName(), e);
        }
      }
      rows.add(m);
    }
    return rows;
  }
}
