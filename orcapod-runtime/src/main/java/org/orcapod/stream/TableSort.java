package org.orcapod.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.VariableWidthFieldVector;
import org.jspecify.annotations.Nullable;

/**
 * Sorting of tables by key columns, ascending with nulls last as Arrow's {@code sort_by} (which
 * Python orcapod uses for {@code sort_by_tags}); strings and binaries compare byte-wise.
 */
final class TableSort {
  private TableSort() {}

  /** A comparator of two rows of one column. */
  private interface RowComparator {
    int compare(int a, int b);
  }

  /**
   * The stable ascending order of rows by {@code keys}, or null when a key column has a type that
   * cannot be ordered (Python orcapod then leaves the table unsorted too).
   */
  static int @Nullable [] order(List<FieldVector> keys, int rows) {
    List<RowComparator> cmps = new ArrayList<>();
    for (FieldVector k : keys) {
      RowComparator c = comparator(k);
      if (c == null) {
        return null;
      }
      cmps.add(c);
    }
    Integer[] idx = new Integer[rows];
    for (int i = 0; i < rows; i++) {
      idx[i] = i;
    }
    Arrays.sort(
        idx,
        (a, b) -> {
          for (RowComparator c : cmps) {
            int r = c.compare(a, b);
            if (r != 0) {
              return r;
            }
          }
          return 0;
        });
    int[] out = new int[rows];
    for (int i = 0; i < rows; i++) {
      out[i] = idx[i];
    }
    return out;
  }

  private static @Nullable RowComparator comparator(FieldVector v) {
    RowComparator values;
    if (v instanceof BaseIntVector iv) {
      values = (a, b) -> Long.compare(iv.getValueAsLong(a), iv.getValueAsLong(b));
    } else if (v instanceof FloatingPointVector fv) {
      values =
          (a, b) -> {
            double x = fv.getValueAsDouble(a);
            double y = fv.getValueAsDouble(b);
            boolean xn = Double.isNaN(x);
            boolean yn = Double.isNaN(y);
            if (xn || yn) {
              return Boolean.compare(xn, yn);
            }
            return Double.compare(x == 0.0 ? 0.0 : x, y == 0.0 ? 0.0 : y);
          };
    } else if (v instanceof BitVector bv) {
      values = (a, b) -> Integer.compare(bv.get(a), bv.get(b));
    } else if (v instanceof DateDayVector dv) {
      values = (a, b) -> Integer.compare(dv.get(a), dv.get(b));
    } else if (v instanceof DecimalVector dv) {
      values = (a, b) -> dv.getObject(a).compareTo(dv.getObject(b));
    } else if (v instanceof VariableWidthFieldVector sv) {
      values = (a, b) -> Arrays.compareUnsigned(sv.get(a), sv.get(b));
    } else {
      return null;
    }
    return (a, b) -> {
      boolean an = v.isNull(a);
      boolean bn = v.isNull(b);
      if (an || bn) {
        return Boolean.compare(an, bn);
      }
      return values.compare(a, b);
    };
  }

  /** New vectors in {@code target} holding the rows of {@code columns} in {@code order}. */
  static List<FieldVector> permute(List<FieldVector> columns, int[] order, BufferAllocator target) {
    List<FieldVector> out = new ArrayList<>();
    try {
      for (FieldVector c : columns) {
        FieldVector n = c.getField().createVector(target);
        out.add(n);
        n.setInitialCapacity(order.length);
        n.allocateNew();
        for (int i = 0; i < order.length; i++) {
          n.copyFromSafe(order[i], i, c);
        }
        n.setValueCount(order.length);
      }
    } catch (RuntimeException e) {
      out.forEach(FieldVector::close);
      throw e;
    }
    return out;
  }
}
