package org.orcapod.operator.predicate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.BaseRepeatedValueVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.orcapod.error.IncompatibleTypesException;
import org.orcapod.schema.TypeMapping;

/**
 * Evaluates a {@link Predicate} over Arrow vectors, a column at a time, with three-valued logic.
 */
public final class PredicateEvaluator {
  /** Row result: false. */
  public static final byte FALSE = 0;

  /** Row result: true. */
  public static final byte TRUE = 1;

  /** Row result: unknown (a null was compared). */
  public static final byte UNKNOWN = 2;

  private PredicateEvaluator() {}

  /**
   * The indices of the rows for which {@code predicate} is true, ascending.
   *
   * @param columns the vector of a column name (throws a typed exception for unknown names)
   */
  public static int[] selectedRows(
      Predicate predicate, Function<String, FieldVector> columns, int rows) {
    byte[] r = evaluate(predicate, columns, rows);
    int n = 0;
    for (byte b : r) {
      if (b == TRUE) {
        n++;
      }
    }
    int[] out = new int[n];
    int k = 0;
    for (int i = 0; i < rows; i++) {
      if (r[i] == TRUE) {
        out[k++] = i;
      }
    }
    return out;
  }

  /** The truth value of {@code predicate} for each of the first {@code rows} rows. */
  public static byte[] evaluate(
      Predicate predicate, Function<String, FieldVector> columns, int rows) {
    if (predicate instanceof Predicate.Compare c) {
      return compare(c, columns.apply(c.column()), rows);
    }
    if (predicate instanceof Predicate.In in) {
      return in(in, columns.apply(in.column()), rows);
    }
    if (predicate instanceof Predicate.IsNull n) {
      return isNull(columns.apply(n.column()), rows, n.negated());
    }
    if (predicate instanceof Predicate.And a) {
      return combine(a.operands(), columns, rows, true);
    }
    if (predicate instanceof Predicate.Or o) {
      return combine(o.operands(), columns, rows, false);
    }
    return negate(evaluate(((Predicate.Not) predicate).operand(), columns, rows));
  }

  /**
   * Checks, from the schema alone, that every literal of {@code predicate} can be compared with its
   * column: numbers with integer or floating-point columns, strings with string columns, booleans
   * with boolean columns.
   *
   * @param fields the Arrow field of a column name (throws a typed exception for unknown names)
   * @throws IncompatibleTypesException naming the first column whose literal does not fit
   */
  public static void checkTypes(Predicate predicate, Function<String, Field> fields) {
    if (predicate instanceof Predicate.Compare c) {
      checkLiteral(c.column(), fields.apply(c.column()), c.literal(), c.display());
    } else if (predicate instanceof Predicate.In in) {
      Field f = fields.apply(in.column());
      for (Object v : in.values()) {
        checkLiteral(in.column(), f, v, in.display());
      }
    } else if (predicate instanceof Predicate.IsNull n) {
      // Any column type can be null-tested; only its presence is checked.
      fields.apply(n.column());
    } else if (predicate instanceof Predicate.And a) {
      a.operands().forEach(p -> checkTypes(p, fields));
    } else if (predicate instanceof Predicate.Or o) {
      o.operands().forEach(p -> checkTypes(p, fields));
    } else {
      checkTypes(((Predicate.Not) predicate).operand(), fields);
    }
  }

  private static void checkLiteral(String column, Field f, Object literal, String where) {
    ArrowType.ArrowTypeID id = f.getType().getTypeID();
    boolean ok =
        switch (id) {
          case Int, FloatingPoint -> literal instanceof Number;
          case Utf8, LargeUtf8 -> literal instanceof String;
          case Bool -> literal instanceof Boolean;
          case Date ->
              ((ArrowType.Date) f.getType()).getUnit() == DateUnit.DAY
                  && literal instanceof String s
                  && isoDate(s).isPresent();
          case Decimal ->
              ((ArrowType.Decimal) f.getType()).getBitWidth() == 128 && literal instanceof Number;
          case Struct -> TypeMapping.isPathStruct(f) && literal instanceof String;
          default -> false;
        };
    if (!ok) {
      throw new IncompatibleTypesException(
          column,
          "the filter condition `"
              + where
              + "` compares a column of type "
              + TypeMapping.pythonType(f).displayName()
              + " with a "
              + literal.getClass().getSimpleName()
              + " literal; use a literal of the column's type (long/double for numbers and"
              + " decimals, String for strings and paths, an ISO date String such as"
              + " \"2024-05-01\" for dates, boolean for bools)");
    }
  }

  private static byte[] negate(byte[] r) {
    for (int i = 0; i < r.length; i++) {
      if (r[i] != UNKNOWN) {
        r[i] = (byte) (1 - r[i]);
      }
    }
    return r;
  }

  /** Kleene and/or: the dominant value wins, else unknown if any operand is unknown. */
  private static byte[] combine(
      List<Predicate> ops, Function<String, FieldVector> columns, int rows, boolean isAnd) {
    byte identity = isAnd ? TRUE : FALSE;
    byte dominant = isAnd ? FALSE : TRUE;
    byte[] acc = new byte[rows];
    Arrays.fill(acc, identity);
    for (Predicate p : ops) {
      byte[] r = evaluate(p, columns, rows);
      for (int i = 0; i < rows; i++) {
        if (acc[i] == dominant) {
          continue;
        }
        if (r[i] == dominant) {
          acc[i] = dominant;
        } else if (r[i] == UNKNOWN) {
          acc[i] = UNKNOWN;
        }
      }
    }
    return acc;
  }

  private static byte[] compare(Predicate.Compare c, FieldVector v, int rows) {
    byte[] out = new byte[rows];
    Object lit = c.literal();
    Predicate.Op op = c.op();
    if (v instanceof BaseIntVector iv && lit instanceof Long l) {
      long x = l;
      for (int i = 0; i < rows; i++) {
        out[i] = v.isNull(i) ? UNKNOWN : bool(test(op, Long.compare(iv.getValueAsLong(i), x)));
      }
    } else if ((v instanceof BaseIntVector || v instanceof FloatingPointVector)
        && lit instanceof Number num) {
      double x = num.doubleValue();
      for (int i = 0; i < rows; i++) {
        if (v.isNull(i)) {
          out[i] = UNKNOWN;
          continue;
        }
        double d =
            v instanceof BaseIntVector iv
                ? (double) iv.getValueAsLong(i)
                : ((FloatingPointVector) v).getValueAsDouble(i);
        // NaN compares false with everything except !=, as in IEEE 754.
        out[i] =
            Double.isNaN(d) || Double.isNaN(x)
                ? bool(op == Predicate.Op.NE)
                : bool(test(op, Double.compare(d == 0.0 ? 0.0 : d, x == 0.0 ? 0.0 : x)));
      }
    } else if (isString(v) && lit instanceof String s) {
      byte[] x = s.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < rows; i++) {
        out[i] = v.isNull(i) ? UNKNOWN : bool(test(op, Arrays.compareUnsigned(bytes(v, i), x)));
      }
    } else if (v instanceof DateDayVector dv && lit instanceof String s && isoDate(s).isPresent()) {
      // An ISO date string against a date32 column: compared as days since the epoch.
      int x = (int) isoDate(s).get().toEpochDay();
      for (int i = 0; i < rows; i++) {
        out[i] = v.isNull(i) ? UNKNOWN : bool(test(op, Integer.compare(dv.get(i), x)));
      }
    } else if (v instanceof DecimalVector dv && lit instanceof Number num) {
      compareDecimal(dv, num, op, rows, out);
    } else if (v instanceof StructVector sv
        && TypeMapping.isPathStruct(v.getField())
        && lit instanceof String s) {
      // orcapod's Path struct: its path string, null when the struct or the string is null.
      FieldVector path = sv.getChildrenFromFields().get(0);
      byte[] x = s.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < rows; i++) {
        out[i] =
            sv.isNull(i) || path.isNull(i)
                ? UNKNOWN
                : bool(test(op, Arrays.compareUnsigned(bytes(path, i), x)));
      }
    } else if (v instanceof BitVector bv && lit instanceof Boolean b) {
      int x = b ? 1 : 0;
      for (int i = 0; i < rows; i++) {
        out[i] = v.isNull(i) ? UNKNOWN : bool(test(op, Integer.compare(bv.get(i), x)));
      }
    } else {
      throw mismatch(c.column(), v, lit, c.display());
    }
    return out;
  }

  /**
   * A decimal128 column against a number: the literal is brought to the column's scale once, and
   * each cell's 128-bit unscaled value is compared with it straight from the data buffer.
   */
  private static void compareDecimal(
      DecimalVector v, Number num, Predicate.Op op, int rows, byte[] out) {
    BigDecimal literal;
    Integer constant = null; // the comparison of every cell with the literal, when it is fixed
    if (num instanceof Double d && Double.isNaN(d)) {
      for (int i = 0; i < rows; i++) {
        out[i] = v.isNull(i) ? UNKNOWN : bool(op == Predicate.Op.NE);
      }
      return;
    } else if (num instanceof Double d && Double.isInfinite(d)) {
      literal = BigDecimal.ZERO;
      constant = d > 0 ? -1 : 1;
    } else if (num instanceof Double d) {
      literal = BigDecimal.valueOf(d); // the shortest decimal that reads back as d, e.g. 101.3
    } else {
      literal = BigDecimal.valueOf(num.longValue());
    }
    BigDecimal floor = literal.setScale(v.getScale(), RoundingMode.FLOOR);
    // Not exact: the literal lies strictly between floor and the next value of the column's scale.
    boolean exact = floor.compareTo(literal) == 0;
    BigInteger unscaled = floor.unscaledValue();
    if (constant == null && unscaled.bitLength() > 127) {
      constant = unscaled.signum() > 0 ? -1 : 1;
    }
    long hi = unscaled.shiftRight(64).longValue();
    long lo = unscaled.longValue();
    ArrowBuf data = v.getDataBuffer();
    for (int i = 0; i < rows; i++) {
      if (v.isNull(i)) {
        out[i] = UNKNOWN;
        continue;
      }
      int cmp;
      if (constant != null) {
        cmp = constant;
      } else {
        long at = (long) i * DecimalVector.TYPE_WIDTH;
        long cellLo = data.getLong(at);
        long cellHi = data.getLong(at + 8);
        cmp = cellHi != hi ? Long.compare(cellHi, hi) : Long.compareUnsigned(cellLo, lo);
        if (!exact) {
          cmp = cmp <= 0 ? -1 : 1;
        }
      }
      out[i] = bool(test(op, cmp));
    }
  }

  /** {@code text} as an ISO date ({@code 2024-05-01}), or empty when it is not one. */
  private static Optional<LocalDate> isoDate(String text) {
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static byte[] in(Predicate.In in, FieldVector v, int rows) {
    byte[] out = new byte[rows];
    if (in.values().isEmpty()) {
      for (int i = 0; i < rows; i++) {
        out[i] = v.isNull(i) ? UNKNOWN : FALSE;
      }
      return out;
    }
    Arrays.fill(out, FALSE);
    for (Object value : in.values()) {
      byte[] eq = compare(new Predicate.Compare(in.column(), Predicate.Op.EQ, value), v, rows);
      for (int i = 0; i < rows; i++) {
        if (eq[i] == TRUE || eq[i] == UNKNOWN) {
          out[i] = eq[i] == TRUE || out[i] == TRUE ? TRUE : UNKNOWN;
        }
      }
    }
    return out;
  }

  /**
   * {@code is null} (or {@code is not null} when {@code negated}) from the column's validity: no
   * nulls or all nulls fill the result at once; otherwise the validity bitmap is read a byte (eight
   * rows) at a time. Vectors without a validity bitmap of their own (unions, the null type) ask the
   * vector per row.
   */
  private static byte[] isNull(FieldVector v, int rows, boolean negated) {
    byte[] out = new byte[rows];
    byte whenNull = negated ? FALSE : TRUE;
    byte whenValid = negated ? TRUE : FALSE;
    int nulls = v.getNullCount();
    if (nulls == 0 && !(v instanceof NullVector)) {
      Arrays.fill(out, whenValid);
      return out;
    }
    if (v instanceof NullVector || (nulls == v.getValueCount() && rows <= nulls)) {
      Arrays.fill(out, whenNull);
      return out;
    }
    if (!hasValidityBitmap(v)) {
      for (int i = 0; i < rows; i++) {
        out[i] = v.isNull(i) ? whenNull : whenValid;
      }
      return out;
    }
    ArrowBuf validity = v.getValidityBuffer();
    for (int start = 0; start < rows; start += 8) {
      int bits = validity.getByte(start >> 3) & 0xFF;
      int end = Math.min(rows, start + 8);
      for (int i = start; i < end; i++) {
        out[i] = (bits & (1 << (i - start))) != 0 ? whenValid : whenNull;
      }
    }
    return out;
  }

  private static boolean hasValidityBitmap(FieldVector v) {
    return v instanceof BaseFixedWidthVector
        || v instanceof BaseVariableWidthVector
        || v instanceof BaseLargeVariableWidthVector
        || v instanceof BaseRepeatedValueVector
        || v instanceof LargeListVector
        || v instanceof StructVector;
  }

  private static boolean isString(FieldVector v) {
    return v instanceof VarCharVector || v instanceof LargeVarCharVector;
  }

  private static byte[] bytes(FieldVector v, int i) {
    if (v instanceof BaseLargeVariableWidthVector lv) {
      return lv.get(i);
    }
    return ((BaseVariableWidthVector) v).get(i);
  }

  private static boolean test(Predicate.Op op, int cmp) {
    return switch (op) {
      case EQ -> cmp == 0;
      case NE -> cmp != 0;
      case LT -> cmp < 0;
      case LE -> cmp <= 0;
      case GT -> cmp > 0;
      case GE -> cmp >= 0;
    };
  }

  private static byte bool(boolean b) {
    return b ? TRUE : FALSE;
  }

  private static IncompatibleTypesException mismatch(
      String column, FieldVector v, Object literal, String where) {
    return new IncompatibleTypesException(
        column,
        "the filter condition `"
            + where
            + "` compares a column of type "
            + TypeMapping.pythonType(v.getField()).displayName()
            + " with a "
            + literal.getClass().getSimpleName()
            + " literal; use a literal of the column's type (long/double for numbers and"
            + " decimals, String for strings and paths, an ISO date String such as"
            + " \"2024-05-01\" for dates, boolean for bools)");
  }
}
