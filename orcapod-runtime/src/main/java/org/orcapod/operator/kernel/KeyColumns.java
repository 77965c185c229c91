package org.orcapod.operator.kernel;

import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.compare.Range;
import org.apache.arrow.vector.compare.RangeEqualsVisitor;

/**
 * Row hashes and row equality over a list of key columns, computed a column at a time.
 *
 * <p>Integers of any width compare by value, floating-point numbers by value ({@code -0.0 == 0.0}),
 * strings and binaries by bytes whatever their offset width; other types must have the same Arrow
 * type on both sides and compare with Arrow's range-equality visitor. A null key never equals
 * anything, as in an SQL (and Polars) inner join.
 */
public final class KeyColumns {
  private KeyColumns() {}

  /** Whether a column of this vector class can be compared with one of {@code other}'s class. */
  public static boolean comparable(FieldVector a, FieldVector b) {
    Kind ka = kind(a);
    Kind kb = kind(b);
    if (ka != kb) {
      return false;
    }
    return ka != Kind.OTHER || a.getField().getType().equals(b.getField().getType());
  }

  /**
   * The hash of each of the first {@code rows} rows over {@code keys}; {@code nullKey[i]} is set
   * for rows with a null in some key column.
   */
  public static long[] hashRows(List<FieldVector> keys, int rows, boolean[] nullKey) {
    long[] h = new long[rows];
    for (FieldVector k : keys) {
      hashColumn(k, rows, h, nullKey);
    }
    for (int i = 0; i < rows; i++) {
      h[i] = mix(h[i]);
    }
    return h;
  }

  private enum Kind {
    INT,
    FLOAT,
    BYTES,
    BOOL,
    OTHER
  }

  private static Kind kind(FieldVector v) {
    if (v instanceof BaseIntVector) {
      return Kind.INT;
    }
    if (v instanceof FloatingPointVector) {
      return Kind.FLOAT;
    }
    if (v instanceof BaseVariableWidthVector || v instanceof BaseLargeVariableWidthVector) {
      return Kind.BYTES;
    }
    if (v instanceof BitVector) {
      return Kind.BOOL;
    }
    return Kind.OTHER;
  }

  private static void hashColumn(FieldVector v, int rows, long[] h, boolean[] nullKey) {
    boolean mayHaveNulls = v.getNullCount() > 0;
    switch (kind(v)) {
      case INT -> {
        BaseIntVector iv = (BaseIntVector) v;
        for (int i = 0; i < rows; i++) {
          if (!mayHaveNulls || !v.isNull(i)) {
            h[i] = h[i] * 31 + iv.getValueAsLong(i);
          }
        }
      }
      case FLOAT -> {
        FloatingPointVector fv = (FloatingPointVector) v;
        for (int i = 0; i < rows; i++) {
          if (!mayHaveNulls || !v.isNull(i)) {
            double d = fv.getValueAsDouble(i);
            h[i] = h[i] * 31 + Double.doubleToLongBits(d == 0.0 ? 0.0 : d);
          }
        }
      }
      case BYTES -> {
        for (int i = 0; i < rows; i++) {
          if (!mayHaveNulls || !v.isNull(i)) {
            h[i] = h[i] * 31 + hashBytes(v, i);
          }
        }
      }
      case BOOL -> {
        BitVector bv = (BitVector) v;
        for (int i = 0; i < rows; i++) {
          if (!mayHaveNulls || !v.isNull(i)) {
            h[i] = h[i] * 31 + bv.get(i);
          }
        }
      }
      case OTHER -> {
        for (int i = 0; i < rows; i++) {
          if (!mayHaveNulls || !v.isNull(i)) {
            h[i] = h[i] * 31 + v.hashCode(i);
          }
        }
      }
    }
    if (mayHaveNulls) {
      for (int i = 0; i < rows; i++) {
        if (v.isNull(i)) {
          nullKey[i] = true;
        }
      }
    }
  }

  private static long hashBytes(FieldVector v, int i) {
    long start;
    long end;
    if (v instanceof BaseLargeVariableWidthVector lv) {
      start = lv.getOffsetBuffer().getLong((long) i * 8);
      end = lv.getOffsetBuffer().getLong((long) (i + 1) * 8);
    } else {
      BaseVariableWidthVector sv = (BaseVariableWidthVector) v;
      start = sv.getStartOffset(i);
      end = sv.getStartOffset(i + 1);
    }
    ArrowBuf data = v.getDataBuffer();
    long hash = 1125899906842597L;
    long p = start;
    for (; p + 8 <= end; p += 8) {
      hash = hash * 0x100000001B3L + data.getLong(p);
    }
    for (; p < end; p++) {
      hash = hash * 31 + data.getByte(p);
    }
    return hash + (end - start);
  }

  /** A 64-bit finaliser (from SplitMix64) so that nearby keys spread over the buckets. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Compares row {@code a} of one side's key columns with row {@code b} of the other's. */
  public interface RowEquals {
    /** Whether the key of left row {@code a} equals the key of right row {@code b}. */
    boolean test(int a, int b);
  }

  /**
   * Row equality between key columns {@code left} and {@code right} (pairwise comparable, as
   * checked by {@link #comparable}); both rows are assumed non-null.
   */
  public static RowEquals equality(List<FieldVector> left, List<FieldVector> right) {
    int n = left.size();
    RowEquals[] parts = new RowEquals[n];
    for (int k = 0; k < n; k++) {
      parts[k] = columnEquality(left.get(k), right.get(k));
    }
    if (n == 1) {
      return parts[0];
    }
    return (a, b) -> {
      for (RowEquals p : parts) {
        if (!p.test(a, b)) {
          return false;
        }
      }
      return true;
    };
  }

  private static RowEquals columnEquality(FieldVector l, FieldVector r) {
    switch (kind(l)) {
      case INT -> {
        BaseIntVector li = (BaseIntVector) l;
        BaseIntVector ri = (BaseIntVector) r;
        return (a, b) -> li.getValueAsLong(a) == ri.getValueAsLong(b);
      }
      case FLOAT -> {
        FloatingPointVector lf = (FloatingPointVector) l;
        FloatingPointVector rf = (FloatingPointVector) r;
        return (a, b) -> lf.getValueAsDouble(a) == rf.getValueAsDouble(b);
      }
      case BYTES -> {
        return (a, b) -> bytesEqual(l, a, r, b);
      }
      case BOOL -> {
        BitVector lb = (BitVector) l;
        BitVector rb = (BitVector) r;
        return (a, b) -> lb.get(a) == rb.get(b);
      }
      default -> {
        RangeEqualsVisitor visitor = new RangeEqualsVisitor(l, r);
        return (a, b) -> visitor.rangeEquals(new Range(a, b, 1));
      }
    }
  }

  private static long start(FieldVector v, int i) {
    if (v instanceof BaseLargeVariableWidthVector lv) {
      return lv.getOffsetBuffer().getLong((long) i * 8);
    }
    return ((BaseVariableWidthVector) v).getStartOffset(i);
  }

  private static boolean bytesEqual(FieldVector l, int a, FieldVector r, int b) {
    long ls = start(l, a);
    long le = start(l, a + 1);
    long rs = start(r, b);
    long re = start(r, b + 1);
    long len = le - ls;
    if (len != re - rs) {
      return false;
    }
    ArrowBuf lb = l.getDataBuffer();
    ArrowBuf rb = r.getDataBuffer();
    long i = 0;
    for (; i + 8 <= len; i += 8) {
      if (lb.getLong(ls + i) != rb.getLong(rs + i)) {
        return false;
      }
    }
    for (; i < len; i++) {
      if (lb.getByte(ls + i) != rb.getByte(rs + i)) {
        return false;
      }
    }
    return true;
  }
}
