package org.orcapod.function;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.util.TransferPair;
import org.jspecify.annotations.Nullable;
import org.orcapod.hashing.ArrowHasher;
import org.orcapod.hashing.ContentHash;

/** Vector helpers of the per-packet path: gathers, string columns and per-row hashes. */
public final class Vectors {
  private Vectors() {}

  /** A nullable {@code large_utf8} column of {@code values} (null entries stay null). */
  public static LargeVarCharVector strings(
      String name, List<? extends @Nullable String> values, BufferAllocator allocator) {
    return strings(name, values, true, allocator);
  }

  /** A {@code large_utf8} column of {@code values} with the given nullability. */
  public static LargeVarCharVector strings(
      String name,
      List<? extends @Nullable String> values,
      boolean nullable,
      BufferAllocator allocator) {
    LargeVarCharVector v =
        new LargeVarCharVector(
            new Field(name, new FieldType(nullable, ArrowType.LargeUtf8.INSTANCE, null), null),
            allocator);
    v.allocateNew(values.size());
    for (int i = 0; i < values.size(); i++) {
      String s = values.get(i);
      if (s != null) {
        v.setSafe(i, s.getBytes(StandardCharsets.UTF_8));
      }
    }
    v.setValueCount(values.size());
    return v;
  }

  /** A nullable {@code bool} column. */
  public static BitVector booleans(String name, boolean[] values, BufferAllocator allocator) {
    BitVector v =
        new BitVector(
            new Field(name, FieldType.nullable(ArrowType.Bool.INSTANCE), null), allocator);
    v.allocateNew(values.length);
    for (int i = 0; i < values.length; i++) {
      v.set(i, values[i] ? 1 : 0);
    }
    v.setValueCount(values.length);
    return v;
  }

  /** The string at {@code row} of a utf8 or large_utf8 vector, or null. */
  public static @Nullable String string(FieldVector v, int row) {
    if (v.isNull(row)) {
      return null;
    }
    Object o = v.getObject(row);
    return o == null ? null : o.toString();
  }

  /**
   * A new table of the rows of {@code parts} in order (all of {@code parts.get(0)}'s schema), its
   * buffers from {@code allocator}; the parts stay the caller's.
   */
  public static VectorSchemaRoot concat(List<VectorSchemaRoot> parts, BufferAllocator allocator) {
    int total = 0;
    for (VectorSchemaRoot p : parts) {
      total += p.getRowCount();
    }
    int[] src = new int[total];
    int[] rows = new int[total];
    int k = 0;
    for (int i = 0; i < parts.size(); i++) {
      for (int r = 0; r < parts.get(i).getRowCount(); r++) {
        src[k] = i;
        rows[k] = r;
        k++;
      }
    }
    List<FieldVector> cols = new ArrayList<>();
    try {
      for (Field f : parts.get(0).getSchema().getFields()) {
        List<FieldVector> from = new ArrayList<>();
        for (VectorSchemaRoot p : parts) {
          from.add(p.getVector(f.getName()));
        }
        cols.add(gather(f, from, src, rows, allocator));
      }
    } catch (RuntimeException e) {
      cols.forEach(FieldVector::close);
      throw e;
    }
    VectorSchemaRoot r = new VectorSchemaRoot(cols);
    r.setRowCount(total);
    return r;
  }

  /**
   * A new vector of {@code field} whose row {@code i} is row {@code rows[i]} of the source named by
   * {@code sources[i]} ({@code null} source: a null cell). Sources must have the field's type.
   */
  public static FieldVector gather(
      Field field,
      List<? extends @Nullable FieldVector> sourceVectors,
      int[] sources,
      int[] rows,
      BufferAllocator allocator) {
    FieldVector out = field.createVector(allocator);
    try {
      out.setInitialCapacity(rows.length);
      out.allocateNew();
      for (int i = 0; i < rows.length; i++) {
        FieldVector src = sources[i] < 0 ? null : sourceVectors.get(sources[i]);
        if (src == null) {
          if (!out.getField().isNullable()) {
            throw new IllegalStateException("no value for non-nullable column " + field.getName());
          }
          out.setNull(i);
        } else if (src.getClass() == out.getClass()) {
          out.copyFromSafe(rows[i], i, src);
        } else {
          // e.g. a database handed back another width of the same logical type
          org.orcapod.schema.ArrowValues.write(
              out, i, org.orcapod.schema.ArrowValues.read(src, rows[i]));
        }
      }
      out.setValueCount(rows.length);
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /** A new vector holding rows {@code rows} of {@code source}, in that order. */
  public static FieldVector take(FieldVector source, int[] rows, BufferAllocator allocator) {
    int[] zeros = new int[rows.length];
    return gather(source.getField(), List.of(source), zeros, rows, allocator);
  }

  /**
   * The Arrow hash of each row of the named columns of {@code table}, each row hashed as a one-row
   * table (Python orcapod's per-packet {@code content_hash}).
   */
  public static String[] rowHashes(
      VectorSchemaRoot table,
      List<String> columns,
      List<? extends FieldVector> extra,
      ArrowHasher hasher,
      BufferAllocator allocator) {
    List<FieldVector> cols = new ArrayList<>();
    for (String c : columns) {
      cols.add(table.getVector(c));
    }
    cols.addAll(extra);
    int n = table.getRowCount();
    String[] out = new String[n];
    List<TransferPair> pairs = new ArrayList<>();
    for (FieldVector v : cols) {
      pairs.add(v.getTransferPair(v.getField(), allocator));
    }
    for (int r = 0; r < n; r++) {
      List<FieldVector> one = new ArrayList<>(cols.size());
      try {
        for (TransferPair tp : pairs) {
          tp.splitAndTransfer(r, 1);
          one.add((FieldVector) tp.getTo());
        }
        VectorSchemaRoot row = new VectorSchemaRoot(one);
        row.setRowCount(1);
        ContentHash h = hasher.hashTable(row);
        out[r] = h.toString();
      } finally {
        for (FieldVector v : one) {
          v.clear();
        }
      }
    }
    for (TransferPair tp : pairs) {
      tp.getTo().close();
    }
    return out;
  }
}
