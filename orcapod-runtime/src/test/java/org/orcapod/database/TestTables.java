package org.orcapod.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compare.VectorEqualsVisitor;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.complex.writer.BaseWriter.StructWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;
import org.jspecify.annotations.Nullable;

/** Arrow tables for database tests. */
public final class TestTables {
  private TestTables() {}

  /** Columns id (utf8), name (utf8), value (int64); {@code null} values become nulls. */
  public static VectorSchemaRoot simple(
      BufferAllocator allocator,
      List<String> ids,
      List<@Nullable String> names,
      List<Long> values) {
    VectorSchemaRoot root =
        VectorSchemaRoot.create(
            new Schema(
                List.of(
                    Field.nullable("id", ArrowType.Utf8.INSTANCE),
                    Field.nullable("name", ArrowType.Utf8.INSTANCE),
                    Field.nullable("value", new ArrowType.Int(64, true)))),
            allocator);
    root.allocateNew();
    VarCharVector id = (VarCharVector) root.getVector(0);
    VarCharVector name = (VarCharVector) root.getVector(1);
    BigIntVector value = (BigIntVector) root.getVector(2);
    for (int i = 0; i < ids.size(); i++) {
      id.setSafe(i, ids.get(i).getBytes(StandardCharsets.UTF_8));
      String n = names.get(i);
      if (n == null) {
        name.setNull(i);
      } else {
        name.setSafe(i, n.getBytes(StandardCharsets.UTF_8));
      }
      value.setSafe(i, values.get(i));
    }
    root.setRowCount(ids.size());
    return root;
  }

  /** One row: name (utf8), value (int64), without an id column. */
  public static VectorSchemaRoot single(BufferAllocator allocator, String name, long value) {
    VectorSchemaRoot root =
        VectorSchemaRoot.create(
            new Schema(
                List.of(
                    Field.nullable("name", ArrowType.Utf8.INSTANCE),
                    Field.nullable("value", new ArrowType.Int(64, true)))),
            allocator);
    root.allocateNew();
    ((VarCharVector) root.getVector(0)).setSafe(0, name.getBytes(StandardCharsets.UTF_8));
    ((BigIntVector) root.getVector(1)).setSafe(0, value);
    root.setRowCount(1);
    return root;
  }

  /** Rows of a result as id -> "name|value", from columns named idColumn, name, value. */
  public static Map<String, String> rows(@Nullable VectorSchemaRoot root, String idColumn) {
    Map<String, String> out = new TreeMap<>();
    if (root == null) {
      return out;
    }
    for (int i = 0; i < root.getRowCount(); i++) {
      Object id = root.getVector(idColumn).getObject(i);
      Object name = root.getVector("name").getObject(i);
      Object value = root.getVector("value").getObject(i);
      String previous = out.put(String.valueOf(id), name + "|" + value);
      assertThat(previous).as("record id %s appears twice", id).isNull();
    }
    return out;
  }

  /** Every type we hash, with an id column "id" and a null in every other column somewhere. */
  public static VectorSchemaRoot allTypes(BufferAllocator allocator) {
    Field structField =
        new Field(
            "s",
            FieldType.nullable(ArrowType.Struct.INSTANCE),
            List.of(
                Field.nullable("a", new ArrowType.Int(32, true)),
                Field.nullable("b", ArrowType.Utf8.INSTANCE)));
    Field listField =
        new Field(
            "l",
            FieldType.nullable(ArrowType.List.INSTANCE),
            List.of(Field.nullable("item", new ArrowType.Int(64, true))));
    Field listOfStruct =
        new Field(
            "ls",
            FieldType.nullable(ArrowType.List.INSTANCE),
            List.of(
                new Field(
                    "item",
                    FieldType.nullable(ArrowType.Struct.INSTANCE),
                    List.of(
                        Field.nullable(
                            "x", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                        Field.nullable("y", ArrowType.LargeUtf8.INSTANCE)))));
    Schema schema =
        new Schema(
            List.of(
                Field.notNullable("id", ArrowType.Utf8.INSTANCE),
                Field.nullable("i8", new ArrowType.Int(8, true)),
                Field.nullable("i16", new ArrowType.Int(16, true)),
                Field.nullable("i32", new ArrowType.Int(32, true)),
                Field.nullable("i64", new ArrowType.Int(64, true)),
                Field.nullable("u8", new ArrowType.Int(8, false)),
                Field.nullable("u16", new ArrowType.Int(16, false)),
                Field.nullable("u32", new ArrowType.Int(32, false)),
                Field.nullable("u64", new ArrowType.Int(64, false)),
                Field.nullable("f32", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
                Field.nullable("f64", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                Field.nullable("flag", ArrowType.Bool.INSTANCE),
                Field.nullable("text", ArrowType.Utf8.INSTANCE),
                Field.nullable("large_text", ArrowType.LargeUtf8.INSTANCE),
                Field.nullable("bin", ArrowType.Binary.INSTANCE),
                Field.nullable("large_bin", ArrowType.LargeBinary.INSTANCE),
                Field.nullable("fixed_bin", new ArrowType.FixedSizeBinary(4)),
                Field.nullable(
                    "day", new ArrowType.Date(org.apache.arrow.vector.types.DateUnit.DAY)),
                Field.nullable("dec", new ArrowType.Decimal(38, 10, 128)),
                Field.nullable("ts", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")),
                structField,
                listField,
                listOfStruct));
    VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
    root.allocateNew();
    int n = 6;
    for (int r = 0; r < n; r++) {
      ((VarCharVector) root.getVector("id"))
          .setSafe(r, ("row" + r).getBytes(StandardCharsets.UTF_8));
    }
    long[] ints = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 42};
    for (int r = 0; r < n; r++) {
      long v = ints[r];
      ((TinyIntVector) root.getVector("i8")).setSafe(r, (byte) v);
      ((SmallIntVector) root.getVector("i16")).setSafe(r, (short) v);
      ((IntVector) root.getVector("i32")).setSafe(r, (int) v);
      ((BigIntVector) root.getVector("i64")).setSafe(r, v);
      ((UInt1Vector) root.getVector("u8")).setSafe(r, (byte) v);
      ((UInt2Vector) root.getVector("u16")).setSafe(r, (char) v);
      ((UInt4Vector) root.getVector("u32")).setSafe(r, (int) v);
      ((UInt8Vector) root.getVector("u64")).setSafe(r, v);
    }
    float[] floats = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.MIN_VALUE, 1.1f};
    double[] doubles = {
      0.0, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 0.1 + 0.2
    };
    for (int r = 0; r < n; r++) {
      ((Float4Vector) root.getVector("f32")).setSafe(r, floats[r]);
      ((Float8Vector) root.getVector("f64")).setSafe(r, doubles[r]);
      ((BitVector) root.getVector("flag")).setSafe(r, r % 2);
    }
    String[] texts = {
      "", "héllo", "emoji \uD83D\uDE00", "tab\tnew\nline\\back\"quote'", "日本語", "x"
    };
    for (int r = 0; r < n; r++) {
      byte[] t = texts[r].getBytes(StandardCharsets.UTF_8);
      ((VarCharVector) root.getVector("text")).setSafe(r, t);
      ((LargeVarCharVector) root.getVector("large_text")).setSafe(r, t);
      byte[] b = {(byte) r, 0, (byte) 0xff, 0x5c};
      ((VarBinaryVector) root.getVector("bin")).setSafe(r, r == 0 ? new byte[0] : b);
      ((LargeVarBinaryVector) root.getVector("large_bin")).setSafe(r, b);
      ((FixedSizeBinaryVector) root.getVector("fixed_bin")).setSafe(r, b);
    }
    int[] days = {0, -1, 19000, -719162, 2932896, 1};
    String[] decimals = {
      "0", "-1.5", "1234567890123456789012345678.0123456789", "0.0000000001", "-9.9", "3"
    };
    long[] micros = {0, -1, 1_700_000_000_123_456L, Long.MIN_VALUE + 1, Long.MAX_VALUE, 5};
    for (int r = 0; r < n; r++) {
      ((DateDayVector) root.getVector("day")).setSafe(r, days[r]);
      ((DecimalVector) root.getVector("dec")).setSafe(r, new BigDecimal(decimals[r]).setScale(10));
      ((TimeStampMicroTZVector) root.getVector("ts")).setSafe(r, micros[r]);
    }
    StructVector s = (StructVector) root.getVector("s");
    StructWriter sw = s.getWriter();
    ListVector l = (ListVector) root.getVector("l");
    UnionListWriter lw = l.getWriter();
    ListVector ls = (ListVector) root.getVector("ls");
    UnionListWriter lsw = ls.getWriter();
    for (int r = 0; r < n; r++) {
      sw.setPosition(r);
      sw.start();
      sw.integer("a").writeInt(r * 10);
      if (r != 2) {
        byte[] bytes = ("b" + r).getBytes(StandardCharsets.UTF_8);
        try (org.apache.arrow.memory.ArrowBuf buf = allocator.buffer(bytes.length)) {
          buf.setBytes(0, bytes);
          sw.varChar("b").writeVarChar(0, bytes.length, buf);
        }
      }
      sw.end();
      lw.setPosition(r);
      lw.startList();
      for (int k = 0; k < r; k++) {
        lw.bigInt().writeBigInt(k * 1000L - 1);
      }
      lw.endList();
      lsw.setPosition(r);
      lsw.startList();
      for (int k = 0; k < r % 3; k++) {
        StructWriter item = lsw.struct();
        item.start();
        item.float8("x").writeFloat8(k == 0 ? -0.0 : k / 3.0);
        byte[] bytes = ("y" + k).getBytes(StandardCharsets.UTF_8);
        try (org.apache.arrow.memory.ArrowBuf buf = allocator.buffer(bytes.length)) {
          buf.setBytes(0, bytes);
          item.largeVarChar("y").writeLargeVarChar(0, bytes.length, buf);
        }
        item.end();
      }
      lsw.endList();
    }
    root.setRowCount(n);
    // Row 5 is null everywhere except the id; rows 0-4 have a null in one column each.
    for (FieldVector v : root.getFieldVectors()) {
      if (!v.getName().equals("id")) {
        nullOut(v, n - 1);
      }
    }
    s.setNull(3);
    l.setNull(4);
    nullOut(root.getVector("text"), 1);
    return root;
  }

  private static void nullOut(FieldVector v, int row) {
    if (v instanceof org.apache.arrow.vector.BaseFixedWidthVector f) {
      f.setNull(row);
    } else if (v instanceof org.apache.arrow.vector.BaseVariableWidthVector f) {
      f.setNull(row);
    } else if (v instanceof org.apache.arrow.vector.BaseLargeVariableWidthVector f) {
      f.setNull(row);
    } else if (v instanceof StructVector f) {
      f.setNull(row);
    } else if (v instanceof ListVector f) {
      f.setNull(row);
    } else {
      throw new IllegalArgumentException(v.getName());
    }
  }

  /** A one-row copy of row {@code row} of {@code source}. */
  public static VectorSchemaRoot slice(
      VectorSchemaRoot source, int row, BufferAllocator allocator) {
    VectorSchemaRoot out = VectorSchemaRoot.create(source.getSchema(), allocator);
    out.allocateNew();
    for (int c = 0; c < source.getFieldVectors().size(); c++) {
      TransferPair p = source.getVector(c).makeTransferPair(out.getVector(c));
      p.copyValueSafe(row, 0);
    }
    out.setRowCount(1);
    return out;
  }

  /** Asserts equal schemas (names and types) and bit-identical values, column by column. */
  public static void assertSameContent(
      VectorSchemaRoot expected, VectorSchemaRoot actual, int fromColumn) {
    assertThat(actual.getRowCount()).isEqualTo(expected.getRowCount());
    List<String> diffs = new ArrayList<>();
    assertThat(names(actual)).isEqualTo(names(expected));
    for (int c = fromColumn; c < expected.getFieldVectors().size(); c++) {
      FieldVector e = expected.getVector(c);
      FieldVector a = actual.getVector(c);
      if (!e.getField().getType().equals(a.getField().getType())
          || !VectorEqualsVisitor.vectorEquals(e, a)) {
        diffs.add(e.getName() + ": expected " + e + " but was " + a);
      }
    }
    assertThat(diffs).isEmpty();
  }

  private static List<String> names(VectorSchemaRoot root) {
    List<String> names = new ArrayList<>();
    root.getSchema().getFields().forEach(f -> names.add(f.getName()));
    return names;
  }
}
