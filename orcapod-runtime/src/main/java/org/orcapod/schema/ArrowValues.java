package org.orcapod.schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.BaseListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;
import org.orcapod.error.IncompatibleTypesException;

/**
 * Reads and writes single cells of Arrow vectors as the Java values of {@link TypeMapping}'s table
 * ({@code Long}, {@code Double}, {@code String}, {@code Boolean}, {@code byte[]}, {@link Path},
 * {@link LocalDate}, {@link BigDecimal}, {@code List}, {@code Map} for structs).
 *
 * <p>For row-at-a-time access (building small sources, iterating rows); bulk work stays on vectors.
 */
public final class ArrowValues {
  private ArrowValues() {}

  /**
   * The list cell {@code value} (as {@link #read} gives it) with every non-null item converted by
   * {@code item}; null for a null cell. Generated pods and pipelines read list columns of records
   * with it.
   */
  public static <T> @Nullable List<@Nullable T> listOf(
      @Nullable Object value, Function<Object, T> item) {
    if (value == null) {
      return null;
    }
    List<?> raw = (List<?>) value;
    List<@Nullable T> out = new ArrayList<>(raw.size());
    for (Object x : raw) {
      out.add(x == null ? null : item.apply(x));
    }
    return out;
  }

  /**
   * {@code values} with every non-null item converted by {@code item} into a cell value for {@link
   * #write}; null for null. Generated pods and pipelines write list columns of records with it.
   */
  public static <T> @Nullable List<@Nullable Object> valuesOf(
      @Nullable List<? extends @Nullable T> values, Function<T, Object> item) {
    if (values == null) {
      return null;
    }
    List<@Nullable Object> out = new ArrayList<>(values.size());
    for (T x : values) {
      out.add(x == null ? null : item.apply(x));
    }
    return out;
  }

  /** The value at {@code index} as a Java value, or null. */
  public static @Nullable Object read(FieldVector vector, int index) {
    if (vector.isNull(index)) {
      return null;
    }
    if (vector instanceof BaseIntVector v) {
      return v.getValueAsLong(index);
    }
    if (vector instanceof Float8Vector v) {
      return v.get(index);
    }
    if (vector instanceof Float4Vector v) {
      return (double) v.get(index);
    }
    if (vector instanceof LargeVarCharVector v) {
      return new String(v.get(index), StandardCharsets.UTF_8);
    }
    if (vector instanceof VarCharVector v) {
      return new String(v.get(index), StandardCharsets.UTF_8);
    }
    if (vector instanceof BitVector v) {
      return v.get(index) != 0;
    }
    if (vector instanceof LargeVarBinaryVector v) {
      return v.get(index);
    }
    if (vector instanceof VarBinaryVector v) {
      return v.get(index);
    }
    if (vector instanceof DateDayVector v) {
      return LocalDate.ofEpochDay(v.get(index));
    }
    if (vector instanceof DecimalVector v) {
      return v.getObject(index);
    }
    if (vector instanceof StructVector v) {
      if (TypeMapping.isPathStruct(v.getField())) {
        Object p = read(v.getChildrenFromFields().get(0), index);
        return p == null ? null : Path.of((String) p);
      }
      Map<String, @Nullable Object> m = new LinkedHashMap<>();
      for (FieldVector c : v.getChildrenFromFields()) {
        m.put(c.getName(), read(c, index));
      }
      return m;
    }
    if (vector instanceof BaseListVector v) {
      FieldVector data = listData(v);
      long start = listStart(v, index);
      long end = listStart(v, index + 1);
      List<@Nullable Object> out = new ArrayList<>();
      for (long i = start; i < end; i++) {
        out.add(read(data, Math.toIntExact(i)));
      }
      return out;
    }
    return vector.getObject(index);
  }

  private static FieldVector listData(BaseListVector v) {
    if (v instanceof LargeListVector l) {
      return l.getDataVector();
    }
    return ((ListVector) v).getDataVector();
  }

  private static long listStart(BaseListVector v, int index) {
    if (v instanceof LargeListVector l) {
      return l.getOffsetBuffer().getLong((long) index * LargeListVector.OFFSET_WIDTH);
    }
    return ((ListVector) v).getOffsetBuffer().getInt((long) index * ListVector.OFFSET_WIDTH);
  }

  /**
   * Writes {@code value} (a Java value of the vector's mapped type, or null) at {@code index},
   * growing the vector as needed. The caller sets the value count afterwards.
   *
   * @throws IncompatibleTypesException naming the column when the value does not fit
   */
  public static void write(FieldVector vector, int index, @Nullable Object value) {
    if (value instanceof Optional<?> o) {
      value = o.orElse(null);
    }
    if (value == null) {
      if (!vector.getField().isNullable()) {
        throw new IncompatibleTypesException(
            vector.getName(),
            "null in row " + index + " of a non-nullable column; make the column nullable");
      }
      if (vector instanceof StructVector s) {
        s.setNull(index);
      } else if (vector instanceof ListVector l) {
        l.setNull(index);
      } else if (vector instanceof LargeListVector l) {
        l.setNull(index);
      } else {
        setNull(vector, index);
      }
      return;
    }
    try {
      if (vector instanceof BaseIntVector v) {
        long number = ((Number) value).longValue();
        while (index >= vector.getValueCapacity()) {
          vector.reAlloc();
        }
        v.setWithPossibleTruncate(index, number);
      } else if (vector instanceof Float8Vector v) {
        v.setSafe(index, ((Number) value).doubleValue());
      } else if (vector instanceof Float4Vector v) {
        v.setSafe(index, ((Number) value).floatValue());
      } else if (vector instanceof LargeVarCharVector v) {
        v.setSafe(index, value.toString().getBytes(StandardCharsets.UTF_8));
      } else if (vector instanceof VarCharVector v) {
        v.setSafe(index, value.toString().getBytes(StandardCharsets.UTF_8));
      } else if (vector instanceof BitVector v) {
        v.setSafe(index, ((Boolean) value) ? 1 : 0);
      } else if (vector instanceof LargeVarBinaryVector v) {
        v.setSafe(index, (byte[]) value);
      } else if (vector instanceof VarBinaryVector v) {
        v.setSafe(index, (byte[]) value);
      } else if (vector instanceof DateDayVector v) {
        v.setSafe(index, Math.toIntExact(((LocalDate) value).toEpochDay()));
      } else if (vector instanceof DecimalVector v) {
        v.setSafe(index, ((BigDecimal) value).setScale(v.getScale(), RoundingMode.UNNECESSARY));
      } else if (vector instanceof StructVector v) {
        writeStruct(v, index, value);
      } else if (vector instanceof LargeListVector v) {
        List<?> items = (List<?>) asList(value);
        long start = v.startNewValue(index);
        FieldVector data = v.getDataVector();
        for (int i = 0; i < items.size(); i++) {
          write(data, Math.toIntExact(start + i), items.get(i));
        }
        v.endValue(index, items.size());
      } else if (vector instanceof ListVector v) {
        List<?> items = (List<?>) asList(value);
        int start = v.startNewValue(index);
        FieldVector data = v.getDataVector();
        for (int i = 0; i < items.size(); i++) {
          write(data, start + i, items.get(i));
        }
        v.endValue(index, items.size());
      } else {
        throw new IncompatibleTypesException(
            vector.getName(),
            "Arrow type " + vector.getField().getType() + " cannot be written from Java values");
      }
    } catch (ClassCastException | ArithmeticException e) {
      throw new IncompatibleTypesException(
          vector.getName(),
          "value "
              + value
              + " ("
              + value.getClass().getSimpleName()
              + ") in row "
              + index
              + " does not fit Arrow type "
              + vector.getField().getType()
              + "; convert it or declare the column's type to match");
    }
  }

  private static void setNull(FieldVector vector, int index) {
    while (index >= vector.getValueCapacity()) {
      vector.reAlloc();
    }
    vector.setNull(index);
  }

  private static Object asList(Object value) {
    if (value instanceof Map<?, ?> m) {
      List<Map<String, Object>> entries = new ArrayList<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        Map<String, Object> kv = new LinkedHashMap<>();
        kv.put("key", e.getKey());
        kv.put("value", e.getValue());
        entries.add(kv);
      }
      return entries;
    }
    return value;
  }

  private static void writeStruct(StructVector v, int index, Object value) {
    Field field = v.getField();
    while (index >= v.getValueCapacity()) {
      v.reAlloc();
    }
    v.setIndexDefined(index);
    if (TypeMapping.isPathStruct(field)) {
      write(v.getChildrenFromFields().get(0), index, value.toString());
      return;
    }
    for (FieldVector c : v.getChildrenFromFields()) {
      write(c, index, member(value, c.getName()));
    }
  }

  private static @Nullable Object member(Object value, String name) {
    if (value instanceof Map<?, ?> m) {
      return m.get(name);
    }
    if (value instanceof Record r) {
      try {
        for (var rc : r.getClass().getRecordComponents()) {
          if (rc.getName().equals(name)) {
            return rc.getAccessor().invoke(r);
          }
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read record component " + name, e);
      }
    }
    throw new ClassCastException(value.getClass().getName() + " is not a struct value");
  }
}
