package org.orcapod.operator.kernel;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/** Copies the rows of vectors named by an index array into new vectors. */
public final class Gather {
  private Gather() {}

  /**
   * New vectors in {@code target}, one per column, whose row {@code i} is row {@code rows[i]} of
   * the input column; the caller owns (and closes) them.
   */
  public static List<FieldVector> rows(
      List<FieldVector> columns, int[] rows, BufferAllocator target) {
    List<FieldVector> out = new ArrayList<>(columns.size());
    try {
      for (FieldVector c : columns) {
        out.add(column(c, c.getField(), rows, target));
      }
    } catch (RuntimeException e) {
      out.forEach(FieldVector::close);
      throw e;
    }
    return out;
  }

  /**
   * A new vector with field {@code field} (the input's type, possibly another name or nullability)
   * holding rows {@code rows} of {@code column}.
   */
  public static FieldVector column(
      FieldVector column, Field field, int[] rows, BufferAllocator target) {
    FieldVector out = field.createVector(target);
    try {
      int n = rows.length;
      if (column instanceof BaseFixedWidthVector src
          && !(column instanceof BitVector)
          && out instanceof BaseFixedWidthVector dst) {
        fixedWidth(src, dst, rows);
      } else {
        out.setInitialCapacity(n);
        out.allocateNew();
        for (int i = 0; i < n; i++) {
          out.copyFromSafe(rows[i], i, column);
        }
      }
      out.setValueCount(n);
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /** Fixed-width columns: copy value bytes and validity bits by buffer index. */
  private static void fixedWidth(BaseFixedWidthVector src, BaseFixedWidthVector dst, int[] rows) {
    int n = rows.length;
    int width = src.getTypeWidth();
    dst.allocateNew(Math.max(n, 1));
    ArrowBuf from = src.getDataBuffer();
    ArrowBuf to = dst.getDataBuffer();
    ArrowBuf validity = dst.getValidityBuffer();
    if (width == 8) {
      for (int i = 0; i < n; i++) {
        to.setLong(8L * i, from.getLong(8L * rows[i]));
      }
    } else if (width == 4) {
      for (int i = 0; i < n; i++) {
        to.setInt(4L * i, from.getInt(4L * rows[i]));
      }
    } else {
      for (int i = 0; i < n; i++) {
        to.setBytes((long) width * i, from, (long) width * rows[i], width);
      }
    }
    if (src.getNullCount() == 0) {
      validity.setOne(0L, (long) ((n + 7) / 8));
    } else {
      for (int i = 0; i < n; i++) {
        if (!src.isNull(rows[i])) {
          BitVectorHelper.setBit(validity, i);
        }
      }
    }
  }
}
