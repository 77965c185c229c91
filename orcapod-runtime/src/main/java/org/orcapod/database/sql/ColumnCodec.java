package org.orcapod.database.sql;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.DatabaseAccessException;

/**
 * How one Arrow column is stored in one SQL column, losslessly. Scalars get typed SQL columns a
 * reader in any language understands; nested and rarer types are stored as an Arrow IPC stream of a
 * one-row batch holding just that cell, null cells included (read in Python with {@code
 * pyarrow.ipc.open_stream(blob).read_all().column(0)[0]}). The exact Arrow type of every column is
 * kept in the catalog, so decoding never guesses.
 */
public final class ColumnCodec {

  /** The storage classes. */
  public enum Kind {
    BOOL,
    /** Signed integers up to 64 bits and unsigned ones up to 32 bits. */
    INT,
    UINT64,
    FLOAT32,
    FLOAT64,
    TEXT,
    BINARY,
    DATE_DAY,
    DECIMAL,
    /** Timestamps, date64, times and durations: their raw integer. */
    RAW_INT,
    /** Everything else, nested types included. */
    ARROW_IPC
  }

  private static final HexFormat HEX = HexFormat.of();

  private final Field field;
  private final Kind kind;
  private final SqlDialect dialect;

  public ColumnCodec(Field field, SqlDialect dialect) {
    this.field = field;
    this.dialect = dialect;
    this.kind = kindOf(field.getType());
  }

  public Field field() {
    return field;
  }

  public Kind kind() {
    return kind;
  }

  static Kind kindOf(ArrowType type) {
    return switch (type.getTypeID()) {
      case Bool -> Kind.BOOL;
      case Int -> {
        ArrowType.Int i = (ArrowType.Int) type;
        yield !i.getIsSigned() && i.getBitWidth() == 64 ? Kind.UINT64 : Kind.INT;
      }
      case FloatingPoint ->
          switch (((ArrowType.FloatingPoint) type).getPrecision()) {
            case SINGLE -> Kind.FLOAT32;
            case DOUBLE -> Kind.FLOAT64;
            case HALF -> Kind.ARROW_IPC;
          };
      case Utf8, LargeUtf8 -> Kind.TEXT;
      case Binary, LargeBinary, FixedSizeBinary -> Kind.BINARY;
      case Date -> ((ArrowType.Date) type).getUnit() == DateUnit.DAY ? Kind.DATE_DAY : Kind.RAW_INT;
      case Decimal -> Kind.DECIMAL;
      case Timestamp, Time, Duration -> Kind.RAW_INT;
      default -> Kind.ARROW_IPC;
    };
  }

  /** The SQL column type. */
  public String sqlType() {
    boolean pg = dialect == SqlDialect.POSTGRES;
    return switch (kind) {
      case BOOL -> "BOOLEAN";
      case INT -> {
        if (!pg) {
          yield "INTEGER";
        }
        ArrowType.Int i = (ArrowType.Int) field.getType();
        int bits = i.getIsSigned() ? i.getBitWidth() : i.getBitWidth() * 2;
        yield bits <= 16 ? "SMALLINT" : bits <= 32 ? "INTEGER" : "BIGINT";
      }
      case UINT64 -> pg ? "NUMERIC(20,0)" : "TEXT";
      case FLOAT32 -> "REAL";
      case FLOAT64 -> pg ? "DOUBLE PRECISION" : "REAL";
      case TEXT -> "TEXT";
      case BINARY, ARROW_IPC -> pg ? "BYTEA" : "BLOB";
      case DATE_DAY -> pg ? "DATE" : "TEXT";
      case DECIMAL -> {
        ArrowType.Decimal d = (ArrowType.Decimal) field.getType();
        yield pg ? "NUMERIC(" + d.getPrecision() + "," + d.getScale() + ")" : "TEXT";
      }
      case RAW_INT -> pg ? "BIGINT" : "INTEGER";
    };
  }

  // ---------------------------------------------------------------- writing (SQLite binds)

  /** Binds row {@code row} of {@code v} as parameter {@code index}. */
  public void bind(PreparedStatement ps, int index, FieldVector v, int row, BufferAllocator alloc)
      throws SQLException {
    if (v.isNull(row) && kind != Kind.ARROW_IPC) {
      ps.setNull(index, java.sql.Types.NULL);
      return;
    }
    switch (kind) {
      case BOOL -> ps.setBoolean(index, ((BitVector) v).get(row) != 0);
      case INT -> ps.setLong(index, ((BaseIntVector) v).getValueAsLong(row));
      case UINT64 -> ps.setString(index, unsigned((UInt8Vector) v, row));
      case FLOAT32 -> {
        float f = ((Float4Vector) v).get(row);
        if (Float.isNaN(f) || Float.floatToRawIntBits(f) == 0x80000000) {
          ps.setString(index, "f32:" + Integer.toHexString(Float.floatToRawIntBits(f)));
        } else {
          ps.setDouble(index, f);
        }
      }
      case FLOAT64 -> {
        double d = ((Float8Vector) v).get(row);
        if (Double.isNaN(d) || Double.doubleToRawLongBits(d) == Long.MIN_VALUE) {
          ps.setString(index, "f64:" + Long.toHexString(Double.doubleToRawLongBits(d)));
        } else {
          ps.setDouble(index, d);
        }
      }
      case TEXT -> ps.setString(index, text(v, row));
      case BINARY -> ps.setBytes(index, binary(v, row));
      case DATE_DAY ->
          ps.setString(index, LocalDate.ofEpochDay(((DateDayVector) v).get(row)).toString());
      case DECIMAL -> ps.setString(index, decimal(v, row).toPlainString());
      case RAW_INT -> ps.setLong(index, rawInt(v, row));
      case ARROW_IPC -> ps.setBytes(index, ipc(v, row, alloc));
    }
  }

  /** Appends row {@code row} of {@code v} in PostgreSQL's COPY text format. */
  public void appendCopyText(StringBuilder out, FieldVector v, int row, BufferAllocator alloc) {
    if (v.isNull(row) && kind != Kind.ARROW_IPC) {
      out.append("\\N");
      return;
    }
    switch (kind) {
      case BOOL -> out.append(((BitVector) v).get(row) != 0 ? 't' : 'f');
      case INT -> out.append(((BaseIntVector) v).getValueAsLong(row));
      case UINT64 -> out.append(unsigned((UInt8Vector) v, row));
      case FLOAT32 -> out.append(((Float4Vector) v).get(row));
      case FLOAT64 -> out.append(((Float8Vector) v).get(row));
      case TEXT -> {
        String s = text(v, row);
        if (s.indexOf('\0') >= 0) {
          throw new DatabaseAccessException(
              "Column \""
                  + field.getName()
                  + "\" holds a string with a NUL character, which PostgreSQL text cannot store;"
                  + " store it as binary or use the embedded database");
        }
        escapeCopy(out, s);
      }
      case BINARY -> out.append("\\\\x").append(HEX.formatHex(binary(v, row)));
      case DATE_DAY -> out.append(LocalDate.ofEpochDay(((DateDayVector) v).get(row)));
      case DECIMAL -> out.append(decimal(v, row).toPlainString());
      case RAW_INT -> out.append(rawInt(v, row));
      case ARROW_IPC -> out.append("\\\\x").append(HEX.formatHex(ipc(v, row, alloc)));
    }
  }

  private static void escapeCopy(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
  }

  private static String unsigned(UInt8Vector v, int row) {
    return Long.toUnsignedString(v.get(row));
  }

  private static String text(FieldVector v, int row) {
    byte[] b = v instanceof VarCharVector s ? s.get(row) : ((LargeVarCharVector) v).get(row);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static byte[] binary(FieldVector v, int row) {
    if (v instanceof VarBinaryVector b) {
      return b.get(row);
    }
    if (v instanceof LargeVarBinaryVector b) {
      return b.get(row);
    }
    return ((FixedSizeBinaryVector) v).get(row);
  }

  private static BigDecimal decimal(FieldVector v, int row) {
    return v instanceof DecimalVector d ? d.getObject(row) : ((Decimal256Vector) v).getObject(row);
  }

  private static long rawInt(FieldVector v, int row) {
    BaseFixedWidthVector f = (BaseFixedWidthVector) v;
    return f.getTypeWidth() == 8
        ? f.getDataBuffer().getLong((long) row * 8)
        : f.getDataBuffer().getInt((long) row * 4);
  }

  private byte[] ipc(FieldVector v, int row, BufferAllocator alloc) {
    try (VectorSchemaRoot one = VectorSchemaRoot.create(new Schema(List.of(field)), alloc)) {
      one.allocateNew();
      TransferPair pair = v.makeTransferPair(one.getVector(0));
      pair.copyValueSafe(row, 0);
      one.setRowCount(1);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ArrowStreamWriter w = new ArrowStreamWriter(one, null, Channels.newChannel(bytes))) {
        w.start();
        w.writeBatch();
        w.end();
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new DatabaseAccessException("Cannot encode column \"" + field.getName() + "\"", e);
    }
  }

  // ---------------------------------------------------------------- reading

  /** Reads column {@code index} of the current row into row {@code row} of {@code v}. */
  public void read(ResultSet rs, int index, FieldVector v, int row, BufferAllocator alloc)
      throws SQLException {
    switch (kind) {
      case BOOL -> {
        boolean b = rs.getBoolean(index);
        if (rs.wasNull()) {
          setNull(v, row);
        } else {
          ((BitVector) v).setSafe(row, b ? 1 : 0);
        }
      }
      case INT, RAW_INT -> {
        long x = rs.getLong(index);
        if (rs.wasNull()) {
          setNull(v, row);
        } else {
          setLong(v, row, x);
        }
      }
      case UINT64 -> {
        String s = rs.getString(index);
        if (s == null) {
          setNull(v, row);
        } else {
          ((UInt8Vector) v).setSafe(row, new BigInteger(s).longValue());
        }
      }
      case FLOAT32, FLOAT64 -> {
        Object o = rs.getObject(index);
        if (o == null) {
          setNull(v, row);
        } else if (kind == Kind.FLOAT32) {
          float f =
              o instanceof String s
                  ? Float.intBitsToFloat(Integer.parseUnsignedInt(s.substring(4), 16))
                  : ((Number) o).floatValue();
          ((Float4Vector) v).setSafe(row, f);
        } else {
          double d =
              o instanceof String s
                  ? Double.longBitsToDouble(Long.parseUnsignedLong(s.substring(4), 16))
                  : ((Number) o).doubleValue();
          ((Float8Vector) v).setSafe(row, d);
        }
      }
      case TEXT -> {
        String s = rs.getString(index);
        if (s == null) {
          setNull(v, row);
        } else if (v instanceof VarCharVector t) {
          t.setSafe(row, s.getBytes(StandardCharsets.UTF_8));
        } else {
          ((LargeVarCharVector) v).setSafe(row, s.getBytes(StandardCharsets.UTF_8));
        }
      }
      case BINARY -> {
        byte[] b = rs.getBytes(index);
        if (b == null) {
          setNull(v, row);
        } else if (v instanceof VarBinaryVector t) {
          t.setSafe(row, b);
        } else if (v instanceof LargeVarBinaryVector t) {
          t.setSafe(row, b);
        } else {
          ((FixedSizeBinaryVector) v).setSafe(row, b);
        }
      }
      case DATE_DAY -> {
        LocalDate d =
            dialect == SqlDialect.POSTGRES
                ? rs.getObject(index, LocalDate.class)
                : parseDate(rs.getString(index));
        if (d == null) {
          setNull(v, row);
        } else {
          ((DateDayVector) v).setSafe(row, (int) d.toEpochDay());
        }
      }
      case DECIMAL -> {
        String s = rs.getString(index);
        if (s == null) {
          setNull(v, row);
        } else {
          int scale = ((ArrowType.Decimal) field.getType()).getScale();
          BigDecimal d = new BigDecimal(s).setScale(scale);
          if (v instanceof DecimalVector t) {
            t.setSafe(row, d);
          } else {
            ((Decimal256Vector) v).setSafe(row, d);
          }
        }
      }
      case ARROW_IPC -> {
        byte[] b = rs.getBytes(index);
        if (b == null) {
          throw new DatabaseAccessException(
              "Stored cell of column \"" + field.getName() + "\" is SQL NULL; expected Arrow IPC");
        }
        readIpc(b, v, row, alloc);
      }
    }
  }

  private static @Nullable LocalDate parseDate(@Nullable String s) {
    return s == null ? null : LocalDate.parse(s);
  }

  private void readIpc(byte[] bytes, FieldVector v, int row, BufferAllocator alloc) {
    try (ArrowStreamReader r = new ArrowStreamReader(new ByteArrayInputStream(bytes), alloc)) {
      if (!r.loadNextBatch() || r.getVectorSchemaRoot().getRowCount() != 1) {
        throw new DatabaseAccessException(
            "Stored cell of column \"" + field.getName() + "\" is not a one-row Arrow batch");
      }
      FieldVector source = r.getVectorSchemaRoot().getVector(0);
      source.makeTransferPair(v).copyValueSafe(0, row);
    } catch (IOException e) {
      throw new DatabaseAccessException(
          "Stored cell of column \"" + field.getName() + "\" is not valid Arrow IPC", e);
    }
  }

  private static void setLong(FieldVector v, int row, long x) {
    if (v instanceof BigIntVector t) {
      t.setSafe(row, x);
    } else if (v instanceof IntVector t) {
      t.setSafe(row, (int) x);
    } else if (v instanceof SmallIntVector t) {
      t.setSafe(row, (short) x);
    } else if (v instanceof TinyIntVector t) {
      t.setSafe(row, (byte) x);
    } else if (v instanceof UInt1Vector t) {
      t.setSafe(row, (int) x);
    } else if (v instanceof UInt2Vector t) {
      t.setSafe(row, (int) x);
    } else if (v instanceof UInt4Vector t) {
      t.setSafe(row, (int) x);
    } else if (v instanceof TimeStampVector t) {
      t.setSafe(row, x);
    } else if (v instanceof DateMilliVector t) {
      t.setSafe(row, x);
    } else if (v instanceof DurationVector t) {
      t.setSafe(row, x);
    } else if (v instanceof TimeMicroVector t) {
      t.setSafe(row, x);
    } else if (v instanceof TimeNanoVector t) {
      t.setSafe(row, x);
    } else if (v instanceof TimeSecVector t) {
      t.setSafe(row, (int) x);
    } else if (v instanceof TimeMilliVector t) {
      t.setSafe(row, (int) x);
    } else {
      throw new IllegalStateException("No integer setter for " + v.getField());
    }
  }

  private static void setNull(FieldVector v, int row) {
    if (v instanceof BaseFixedWidthVector f) {
      f.setNull(row);
    } else if (v instanceof org.apache.arrow.vector.BaseVariableWidthVector f) {
      f.setNull(row);
    } else if (v instanceof org.apache.arrow.vector.BaseLargeVariableWidthVector f) {
      f.setNull(row);
    } else {
      throw new IllegalStateException("No null setter for " + v.getField());
    }
  }
}
