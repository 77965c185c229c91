package org.orcapod.operator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.TransferPair;
import org.orcapod.error.MissingColumnException;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.stream.ArrowTableStream;
import org.orcapod.stream.Stream;

/** Column-level table manipulation shared by the operators; no per-row work. */
final class Tables {
  /** Data, system-tag and source-info columns: what most operators work on, as in Python. */
  static final ColumnConfig SOURCE_AND_SYSTEM_TAGS =
      ColumnConfig.dataOnly().withSource(true).withSystemTags(true);

  /** As {@link #SOURCE_AND_SYSTEM_TAGS} plus meta columns (Join keeps them). */
  static final ColumnConfig SOURCE_SYSTEM_TAGS_AND_META = SOURCE_AND_SYSTEM_TAGS.withMeta(true);

  private Tables() {}

  /** The columns of {@code stream} under {@code config}, as vectors owned by the caller. */
  static List<FieldVector> columns(Stream stream, ColumnConfig config, BufferAllocator allocator) {
    VectorSchemaRoot root = stream.asTable(config, allocator);
    // The vectors outlive the root: take them out without closing them.
    return new ArrayList<>(root.getFieldVectors());
  }

  /** A vector sharing {@code v}'s buffers under another name (zero copy). */
  static FieldVector renamed(FieldVector v, String name, BufferAllocator allocator) {
    TransferPair tp = v.getTransferPair(name, allocator);
    tp.transfer();
    return (FieldVector) tp.getTo();
  }

  /** Renames the vectors in place of the list by {@code mapping} (unmapped names kept). */
  static void rename(List<FieldVector> vectors, Map<String, String> mapping, BufferAllocator a) {
    for (int i = 0; i < vectors.size(); i++) {
      FieldVector v = vectors.get(i);
      String to = mapping.get(v.getName());
      if (to != null && !to.equals(v.getName())) {
        vectors.set(i, renamed(v, to, a));
        v.close();
      }
    }
  }

  /** Removes and closes the vectors whose names are in {@code names}. */
  static void drop(List<FieldVector> vectors, Collection<String> names) {
    vectors.removeIf(
        v -> {
          if (names.contains(v.getName())) {
            v.close();
            return true;
          }
          return false;
        });
  }

  /** The names of the vectors, in order. */
  static List<String> names(List<FieldVector> vectors) {
    List<String> out = new ArrayList<>(vectors.size());
    for (FieldVector v : vectors) {
      out.add(v.getName());
    }
    return out;
  }

  /** The vector named {@code name}; throws a {@link MissingColumnException} when absent. */
  static FieldVector find(List<FieldVector> vectors, String name) {
    for (FieldVector v : vectors) {
      if (v.getName().equals(name)) {
        return v;
      }
    }
    throw new MissingColumnException("column", name, names(vectors));
  }

  /**
   * A new stream over {@code vectors} (all {@code rows} long) with {@code tagColumns}; takes
   * ownership of the vectors (they are closed here, the stream keeps its own references).
   */
  static ArrowTableStream stream(
      OperatorContext context, List<FieldVector> vectors, int rows, List<String> tagColumns) {
    try (VectorSchemaRoot root = new VectorSchemaRoot(vectors)) {
      root.setRowCount(rows);
      return ArrowTableStream.builder(root, context.allocator())
          .tagColumns(tagColumns)
          .arrowHasher(context.arrowHasher())
          .build();
    }
  }

  /** Closes all vectors, for error paths. */
  static void closeAll(List<FieldVector> vectors) {
    for (FieldVector v : vectors) {
      v.close();
    }
  }
}
