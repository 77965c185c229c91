package org.orcapod.database.memory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.InvalidRecordsException;

/** Compares an Arrow cell with a Java value, for lookups by column value. */
public final class CellValues {
  private CellValues() {}

  /**
   * Whether row {@code row} of {@code v} equals {@code expected} ({@code null} matches null cells;
   * floats compare numerically, so NaN matches nothing).
   *
   * @throws InvalidRecordsException if the column's type cannot be compared with that value
   */
  public static boolean matches(FieldVector v, int row, @Nullable Object expected) {
    if (expected == null) {
      return v.isNull(row);
    }
    if (v.isNull(row)) {
      return false;
    }
    if (v instanceof UInt8Vector u && expected instanceof Number n) {
      return UInt8Vector.getNoOverflow(u.getDataBuffer(), row).equals(integral(v, n));
    }
    if (v instanceof BaseIntVector i && expected instanceof Number n) {
      return BigInteger.valueOf(i.getValueAsLong(row)).equals(integral(v, n));
    }
    if (v instanceof Float8Vector f && expected instanceof Number n) {
      return f.get(row) == n.doubleValue();
    }
    if (v instanceof Float4Vector f && expected instanceof Number n) {
      return f.get(row) == n.doubleValue();
    }
    if (v instanceof BitVector b && expected instanceof Boolean e) {
      return (b.get(row) != 0) == e;
    }
    if (v instanceof VarCharVector s && expected instanceof CharSequence e) {
      return new String(s.get(row), StandardCharsets.UTF_8).equals(e.toString());
    }
    if (v instanceof LargeVarCharVector s && expected instanceof CharSequence e) {
      return new String(s.get(row), StandardCharsets.UTF_8).equals(e.toString());
    }
    if (expected instanceof byte[] e) {
      if (v instanceof VarBinaryVector b) {
        return Arrays.equals(b.get(row), e);
      }
      if (v instanceof LargeVarBinaryVector b) {
        return Arrays.equals(b.get(row), e);
      }
      if (v instanceof FixedSizeBinaryVector b) {
        return Arrays.equals(b.get(row), e);
      }
    }
    if (v instanceof DateDayVector d && expected instanceof LocalDate e) {
      return d.get(row) == e.toEpochDay();
    }
    if (v instanceof DecimalVector d && expected instanceof BigDecimal e) {
      return d.getObject(row).compareTo(e) == 0;
    }
    if (v instanceof Decimal256Vector d && expected instanceof BigDecimal e) {
      return d.getObject(row).compareTo(e) == 0;
    }
    throw new InvalidRecordsException(
        "Column \""
            + v.getName()
            + "\" of type "
            + v.getField().getType()
            + " cannot be compared with a "
            + expected.getClass().getSimpleName()
            + "; compare integers with Number, floats with Number, utf8 with String, binary with"
            + " byte[], dates with LocalDate, decimals with BigDecimal, bool with Boolean");
  }

  private static BigInteger integral(FieldVector v, Number n) {
    if (n instanceof BigInteger b) {
      return b;
    }
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return BigInteger.valueOf(n.longValue());
    }
    throw new InvalidRecordsException(
        "Column \""
            + v.getName()
            + "\" holds integers; compare it with a Long, Integer, Short, Byte or BigInteger, not"
            + " a "
            + n.getClass().getSimpleName());
  }
}
