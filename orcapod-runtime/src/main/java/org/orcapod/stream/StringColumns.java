package org.orcapod.stream;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Builders of non-null large_utf8 columns written straight into Arrow buffers (exact sizes, one
 * pass, no per-row objects): the system-tag, source-info and context columns of every source.
 */
public final class StringColumns {
  private static final long W = LargeVarCharVector.OFFSET_WIDTH;

  private StringColumns() {}

  /** A column repeating {@code value} {@code rows} times. */
  public static LargeVarCharVector constant(
      String name, String value, int rows, BufferAllocator allocator) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    LargeVarCharVector out = create(name, (long) bytes.length * rows, rows, allocator);
    ArrowBuf data = out.getDataBuffer();
    ArrowBuf offsets = out.getOffsetBuffer();
    long pos = 0;
    offsets.setLong(0, 0);
    for (int i = 0; i < rows; i++) {
      data.setBytes(pos, bytes);
      pos += bytes.length;
      offsets.setLong((i + 1) * W, pos);
    }
    return finish(out, rows);
  }

  /**
   * A column whose row {@code i} is {@code prefix + middle[i] + suffix}; {@code middle} must have
   * no nulls.
   */
  public static LargeVarCharVector concat(
      String name, byte[] prefix, LargeVarCharVector middle, byte[] suffix, BufferAllocator a) {
    int rows = middle.getValueCount();
    ArrowBuf midData = middle.getDataBuffer();
    ArrowBuf midOffsets = middle.getOffsetBuffer();
    long midBytes = rows == 0 ? 0 : midOffsets.getLong(rows * W) - midOffsets.getLong(0);
    LargeVarCharVector out =
        create(name, midBytes + (long) (prefix.length + suffix.length) * rows, rows, a);
    ArrowBuf data = out.getDataBuffer();
    ArrowBuf offsets = out.getOffsetBuffer();
    long pos = 0;
    offsets.setLong(0, 0);
    long start = rows == 0 ? 0 : midOffsets.getLong(0);
    for (int i = 0; i < rows; i++) {
      long end = midOffsets.getLong((i + 1) * W);
      data.setBytes(pos, prefix);
      pos += prefix.length;
      data.setBytes(pos, midData, start, end - start);
      pos += end - start;
      data.setBytes(pos, suffix);
      pos += suffix.length;
      offsets.setLong((i + 1) * W, pos);
      start = end;
    }
    return finish(out, rows);
  }

  private static LargeVarCharVector create(
      String name, long dataBytes, int rows, BufferAllocator allocator) {
    LargeVarCharVector out =
        new LargeVarCharVector(
            new Field(name, FieldType.notNullable(ArrowType.LargeUtf8.INSTANCE), null), allocator);
    out.allocateNew(Math.max(dataBytes, 1), Math.max(rows, 1));
    return out;
  }

  private static LargeVarCharVector finish(LargeVarCharVector out, int rows) {
    if (rows > 0) {
      out.getValidityBuffer().setOne(0L, (long) ((rows + 7) / 8));
    }
    out.setLastSet(rows - 1);
    out.setValueCount(rows);
    return out;
  }
}
