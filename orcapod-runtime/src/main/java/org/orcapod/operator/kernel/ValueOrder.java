package org.orcapod.operator.kernel;

import java.util.Arrays;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.ValueVector;

/**
 * Ascending order of single values in two vectors of the same kind, as Python's {@code sorted}
 * orders them: numbers by value, strings by code point (UTF-8 bytes), booleans false first; nulls
 * first. Other types fall back to the string form of Arrow's Java object.
 */
public final class ValueOrder {
  private ValueOrder() {}

  /** Compares value {@code i} of {@code a} with value {@code j} of {@code b}. */
  public static int compare(FieldVector a, int i, FieldVector b, int j) {
    boolean an = a.isNull(i);
    boolean bn = b.isNull(j);
    if (an || bn) {
      return Boolean.compare(!an, !bn);
    }
    if (a instanceof BaseIntVector x && b instanceof BaseIntVector y) {
      return Long.compare(x.getValueAsLong(i), y.getValueAsLong(j));
    }
    if (a instanceof FloatingPointVector x && b instanceof FloatingPointVector y) {
      return Double.compare(x.getValueAsDouble(i), y.getValueAsDouble(j));
    }
    if (a instanceof BitVector x && b instanceof BitVector y) {
      return Integer.compare(x.get(i), y.get(j));
    }
    byte[] ab = bytes(a, i);
    byte[] bb = bytes(b, j);
    if (ab != null && bb != null) {
      return Arrays.compareUnsigned(ab, bb);
    }
    return String.valueOf(a.getObject(i)).compareTo(String.valueOf(b.getObject(j)));
  }

  private static byte @org.jspecify.annotations.Nullable [] bytes(ValueVector v, int i) {
    if (v instanceof BaseVariableWidthVector s) {
      return s.get(i);
    }
    if (v instanceof BaseLargeVariableWidthVector s) {
      return s.get(i);
    }
    return null;
  }
}
