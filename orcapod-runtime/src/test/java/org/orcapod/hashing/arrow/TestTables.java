package org.orcapod.hashing.arrow;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jspecify.annotations.Nullable;

/** Builds small Arrow tables from Java values for tests (tests may box; the hasher never does). */
final class TestTables {
  private TestTables() {}

  /** The column kinds the property tests generate. */
  enum Kind {
    INT32,
    INT64,
    FLOAT64,
    UTF8,
    LARGE_UTF8,
    BINARY,
    LARGE_BINARY,
    BOOL,
    LIST_INT32,
    STRUCT_INT32_UTF8
  }

  /** A column: name, kind, nullability flag and values ({@code null} = a null row). */
  record Column(String name, Kind kind, boolean nullable, List<@Nullable Object> values) {}

  static VectorSchemaRoot root(FieldVector... vectors) {
    return new VectorSchemaRoot(List.of(vectors));
  }

  /** Rows {@code [from, to)} of {@code columns} as one batch, columns in the given order. */
  static VectorSchemaRoot batch(BufferAllocator a, List<Column> columns, int from, int to) {
    List<FieldVector> vectors = new ArrayList<>();
    for (Column c : columns) {
      vectors.add(vector(a, c, from, to));
    }
    VectorSchemaRoot root = new VectorSchemaRoot(vectors);
    root.setRowCount(to - from);
    return root;
  }

  static FieldVector vector(BufferAllocator a, Column c, int from, int to) {
    List<@Nullable Object> v = c.values().subList(from, to);
    int n = v.size();
    FieldType leaf = new FieldType(c.nullable(), arrowType(c.kind()), null);
    switch (c.kind()) {
      case INT32 -> {
        IntVector out = new IntVector(new Field(c.name(), leaf, null), a);
        out.allocateNew(n);
        for (int i = 0; i < n; i++) {
          if (v.get(i) == null) {
            out.setNull(i);
          } else {
            out.set(i, ((Number) v.get(i)).intValue());
          }
        }
        out.setValueCount(n);
        return out;
      }
      case INT64 -> {
        BigIntVector out = new BigIntVector(new Field(c.name(), leaf, null), a);
        out.allocateNew(n);
        for (int i = 0; i < n; i++) {
          if (v.get(i) == null) {
            out.setNull(i);
          } else {
            out.set(i, ((Number) v.get(i)).longValue());
          }
        }
        out.setValueCount(n);
        return out;
      }
      case FLOAT64 -> {
        Float8Vector out = new Float8Vector(new Field(c.name(), leaf, null), a);
        out.allocateNew(n);
        for (int i = 0; i < n; i++) {
          if (v.get(i) == null) {
            out.setNull(i);
          } else {
            out.set(i, ((Number) v.get(i)).doubleValue());
          }
        }
        out.setValueCount(n);
        return out;
      }
      case BOOL -> {
        BitVector out = new BitVector(new Field(c.name(), leaf, null), a);
        out.allocateNew(n);
        for (int i = 0; i < n; i++) {
          if (v.get(i) == null) {
            out.setNull(i);
          } else {
            out.set(i, (Boolean) v.get(i) ? 1 : 0);
          }
        }
        out.setValueCount(n);
        return out;
      }
      case UTF8, LARGE_UTF8, BINARY, LARGE_BINARY -> {
        FieldVector out =
            switch (c.kind()) {
              case UTF8 -> new VarCharVector(new Field(c.name(), leaf, null), a);
              case LARGE_UTF8 -> new LargeVarCharVector(new Field(c.name(), leaf, null), a);
              case BINARY -> new VarBinaryVector(new Field(c.name(), leaf, null), a);
              default -> new LargeVarBinaryVector(new Field(c.name(), leaf, null), a);
            };
        out.allocateNew();
        for (int i = 0; i < n; i++) {
          Object x = v.get(i);
          byte[] bytes =
              x == null
                  ? null
                  : x instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) x;
          setBytes(out, i, bytes);
        }
        out.setValueCount(n);
        return out;
      }
      case LIST_INT32 -> {
        ListVector out =
            new ListVector(
                c.name(), a, new FieldType(c.nullable(), ArrowType.List.INSTANCE, null), null);
        out.addOrGetVector(FieldType.nullable(new ArrowType.Int(32, true)));
        IntVector values = (IntVector) out.getDataVector();
        out.allocateNew();
        int k = 0;
        for (int i = 0; i < n; i++) {
          if (v.get(i) == null) {
            out.setNull(i);
            continue;
          }
          @SuppressWarnings("unchecked")
          List<@Nullable Integer> items = (List<@Nullable Integer>) v.get(i);
          out.startNewValue(i);
          for (Integer item : items) {
            if (item == null) {
              values.setNull(k);
            } else {
              values.setSafe(k, item);
            }
            k++;
          }
          out.endValue(i, items.size());
        }
        values.setValueCount(k);
        out.setValueCount(n);
        return out;
      }
      case STRUCT_INT32_UTF8 -> {
        StructVector out =
            new StructVector(
                c.name(), a, new FieldType(c.nullable(), ArrowType.Struct.INSTANCE, null), null);
        IntVector ints =
            out.addOrGet("a", FieldType.nullable(new ArrowType.Int(32, true)), IntVector.class);
        VarCharVector strings =
            out.addOrGet("b", FieldType.nullable(ArrowType.Utf8.INSTANCE), VarCharVector.class);
        out.allocateNew();
        for (int i = 0; i < n; i++) {
          Object[] row = (Object[]) v.get(i);
          if (row == null) {
            out.setNull(i);
            ints.setNull(i);
            strings.setNull(i);
            continue;
          }
          out.setIndexDefined(i);
          if (row[0] == null) {
            ints.setNull(i);
          } else {
            ints.setSafe(i, (Integer) row[0]);
          }
          if (row[1] == null) {
            strings.setNull(i);
          } else {
            strings.setSafe(i, ((String) row[1]).getBytes(StandardCharsets.UTF_8));
          }
        }
        ints.setValueCount(n);
        strings.setValueCount(n);
        out.setValueCount(n);
        return out;
      }
      default -> throw new IllegalArgumentException(c.kind().toString());
    }
  }

  private static void setBytes(FieldVector out, int i, byte @Nullable [] bytes) {
    if (out instanceof VarCharVector s) {
      if (bytes == null) {
        s.setNull(i);
      } else {
        s.setSafe(i, bytes);
      }
    } else if (out instanceof LargeVarCharVector s) {
      if (bytes == null) {
        s.setNull(i);
      } else {
        s.setSafe(i, bytes);
      }
    } else if (out instanceof VarBinaryVector s) {
      if (bytes == null) {
        s.setNull(i);
      } else {
        s.setSafe(i, bytes);
      }
    } else if (out instanceof LargeVarBinaryVector s) {
      if (bytes == null) {
        s.setNull(i);
      } else {
        s.setSafe(i, bytes);
      }
    }
  }

  static ArrowType arrowType(Kind kind) {
    return switch (kind) {
      case INT32 -> new ArrowType.Int(32, true);
      case INT64 -> new ArrowType.Int(64, true);
      case FLOAT64 -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case UTF8 -> ArrowType.Utf8.INSTANCE;
      case LARGE_UTF8 -> ArrowType.LargeUtf8.INSTANCE;
      case BINARY -> ArrowType.Binary.INSTANCE;
      case LARGE_BINARY -> ArrowType.LargeBinary.INSTANCE;
      case BOOL -> ArrowType.Bool.INSTANCE;
      case LIST_INT32 -> ArrowType.List.INSTANCE;
      case STRUCT_INT32_UTF8 -> ArrowType.Struct.INSTANCE;
    };
  }
}
