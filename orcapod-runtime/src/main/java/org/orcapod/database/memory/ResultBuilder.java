package org.orcapod.database.memory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.InvalidRecordsException;

/**
 * Assembles a read's result in the caller's allocator: an optional {@code large_utf8} record-id
 * column named as the caller asked, then the stored data columns. Rows come either from {@link
 * RecordTable} chunks or are written straight into {@link #dataVector(int)} by a decoder.
 */
public final class ResultBuilder implements AutoCloseable {
  private final VectorSchemaRoot root;
  private final @Nullable LargeVarCharVector idVector;
  private final int offset;
  private final Map<VectorSchemaRoot, TransferPair[]> pairs = new IdentityHashMap<>();
  private int rowCount;
  private boolean built;

  public ResultBuilder(Schema data, @Nullable String idColumn, BufferAllocator allocator) {
    this(data, idColumn, allocator, 64);
  }

  /** As above, sizing the vectors for about {@code expectedRows} rows. */
  public ResultBuilder(
      Schema data, @Nullable String idColumn, BufferAllocator allocator, int expectedRows) {
    List<Field> fields = new ArrayList<>();
    if (idColumn != null) {
      for (Field f : data.getFields()) {
        if (f.getName().equals(idColumn)) {
          throw new InvalidRecordsException(
              "Record-id column name \"" + idColumn + "\" is also a data column; choose another");
        }
      }
      fields.add(new Field(idColumn, FieldType.notNullable(ArrowType.LargeUtf8.INSTANCE), null));
    }
    fields.addAll(data.getFields());
    root = VectorSchemaRoot.create(new Schema(fields), allocator);
    // Most reads are point lookups: start small (vectors grow as rows are appended).
    for (FieldVector v : root.getFieldVectors()) {
      v.setInitialCapacity(expectedRows);
    }
    root.allocateNew();
    idVector = idColumn == null ? null : (LargeVarCharVector) root.getVector(0);
    offset = idColumn == null ? 0 : 1;
  }

  /** Data column {@code i} of the result (without the id column). */
  public FieldVector dataVector(int i) {
    return root.getVector(i + offset);
  }

  /** Starts a new row with record id {@code id} and returns its index. */
  public int newRow(String id) {
    int row = rowCount++;
    if (idVector != null) {
      idVector.setSafe(row, id.getBytes(StandardCharsets.UTF_8));
    }
    return row;
  }

  /** Appends row {@code index} of {@code chunk} (same data schema). */
  public void append(String id, VectorSchemaRoot chunk, int index) {
    TransferPair[] p =
        pairs.computeIfAbsent(
            chunk,
            c -> {
              TransferPair[] made = new TransferPair[c.getFieldVectors().size()];
              for (int i = 0; i < made.length; i++) {
                made[i] = c.getVector(i).makeTransferPair(dataVector(i));
              }
              return made;
            });
    int row = newRow(id);
    for (TransferPair pair : p) {
      pair.copyValueSafe(index, row);
    }
  }

  public int rowCount() {
    return rowCount;
  }

  /** The result, owned by the caller, or {@code null} (and nothing held) when it has no rows. */
  public @Nullable VectorSchemaRoot build() {
    built = true;
    if (rowCount == 0) {
      root.close();
      return null;
    }
    root.setRowCount(rowCount);
    return root;
  }

  /** Releases the result unless {@link #build()} handed it over. */
  @Override
  public void close() {
    if (!built) {
      root.close();
    }
  }
}
