package org.orcapod.pipeline.typed;

import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.orcapod.error.OrcapodException;

/**
 * Reads the rows of a table into records; generated per row record, without reflection.
 *
 * @param <R> the row record
 */
@FunctionalInterface
public interface RowReader<R> {
  /** The rows of {@code table} (which has the record's columns, and may have others), in order. */
  List<R> read(VectorSchemaRoot table);

  /**
   * The column {@code name} of {@code table} as a {@code type} vector.
   *
   * @param record the row record, named in the error
   * @throws OrcapodException {@code Orcapod/RowSchemaMismatch}, naming the record, the column, the
   *     expected vector class and what the table has instead
   */
  static <V extends FieldVector> V column(
      VectorSchemaRoot table, String record, String name, Class<V> type) {
    FieldVector vector = table.getVector(name);
    if (!type.isInstance(vector)) {
      throw new OrcapodException(
          "Orcapod/RowSchemaMismatch",
          "cannot read "
              + record
              + " rows: column '"
              + name
              + "' should be a "
              + type.getSimpleName()
              + ", but the table has "
              + (vector == null ? "no such column" : vector.getField().toString())
              + "; the node's schema no longer matches its declared record, regenerate the"
              + " pipeline");
    }
    return type.cast(vector);
  }
}
