package org.orcapod.database.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;
import org.jspecify.annotations.Nullable;

/**
 * The rows stored under one record path, held in Arrow: immutable chunks copied from the callers'
 * roots plus an index from record id to the chunk row that currently holds it. Replacing an id only
 * moves the index entry, so a chunk is never modified after it is written. Not thread-safe.
 */
public final class RecordTable implements AutoCloseable {
  /** Where a record id's row lives, and whether it was added with skip-duplicates. */
  public record Row(VectorSchemaRoot chunk, int index, boolean skipExisting) {}

  private final Schema schema;
  private final BufferAllocator allocator;
  private final List<VectorSchemaRoot> chunks = new ArrayList<>();
  private final LinkedHashMap<String, Row> rows = new LinkedHashMap<>();

  /**
   * Hash indexes of text columns, built on first {@link #idsWhere} and kept up to date by writes:
   * value to the ids whose row held it when written. Entries may be stale after an id is replaced,
   * so every hit is checked against the id's current row.
   */
  private final Map<String, Map<String, List<String>>> indexes = new HashMap<>();

  public RecordTable(Schema schema, BufferAllocator allocator) {
    this.schema = schema;
    this.allocator = allocator;
  }

  public Schema schema() {
    return schema;
  }

  public int size() {
    return rows.size();
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  public @Nullable Row row(String id) {
    return rows.get(id);
  }

  /** Record ids in the order they were first added. */
  public Set<String> ids() {
    return rows.keySet();
  }

  public Map<String, Row> rows() {
    return rows;
  }

  /**
   * Copies the rows of {@code ids} (each present in {@code in.rows()}) into a new chunk and points
   * those ids at it, replacing earlier rows of the same ids.
   */
  public void put(IncomingRecords in, List<String> ids, boolean skipExisting) {
    if (ids.isEmpty()) {
      return;
    }
    VectorSchemaRoot chunk = VectorSchemaRoot.create(schema, allocator);
    try {
      chunk.allocateNew();
      List<FieldVector> targets = chunk.getFieldVectors();
      TransferPair[] pairs = new TransferPair[targets.size()];
      for (int c = 0; c < pairs.length; c++) {
        pairs[c] = in.vectors().get(c).makeTransferPair(targets.get(c));
      }
      int r = 0;
      for (String id : ids) {
        int source = in.rows().get(id);
        for (TransferPair pair : pairs) {
          pair.copyValueSafe(source, r);
        }
        r++;
      }
      chunk.setRowCount(r);
    } catch (RuntimeException e) {
      chunk.close();
      throw e;
    }
    chunks.add(chunk);
    int r = 0;
    for (String id : ids) {
      Row row = new Row(chunk, r++, skipExisting);
      rows.remove(id);
      rows.put(id, row);
      indexRow(id, row);
    }
  }

  /**
   * The ids whose current row holds one of {@code values} in the text column {@code column}, in no
   * particular order; touches only the matching rows once the column's index exists.
   */
  public Set<String> idsWhere(String column, Set<String> values) {
    int col = columnIndex(column);
    Map<String, List<String>> index = indexes.get(column);
    if (index == null) {
      index = new HashMap<>();
      for (Map.Entry<String, Row> e : rows.entrySet()) {
        add(index, col, e.getKey(), e.getValue());
      }
      indexes.put(column, index);
    }
    Set<String> out = new LinkedHashSet<>();
    for (String value : values) {
      List<String> ids = index.get(value);
      if (ids == null) {
        continue;
      }
      for (String id : ids) {
        Row row = rows.get(id);
        if (row != null && value.equals(cell(row, col))) {
          out.add(id);
        }
      }
    }
    return out;
  }

  private int columnIndex(String column) {
    List<Field> fields = schema.getFields();
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).getName().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException("No column " + column + " in " + schema);
  }

  private static @Nullable String cell(Row row, int col) {
    Object v = row.chunk().getVector(col).getObject(row.index());
    return v == null ? null : v.toString();
  }

  private static void add(Map<String, List<String>> index, int col, String id, Row row) {
    String value = cell(row, col);
    if (value != null) {
      index.computeIfAbsent(value, k -> new ArrayList<>(1)).add(id);
    }
  }

  private void indexRow(String id, Row row) {
    for (Map.Entry<String, Map<String, List<String>>> e : indexes.entrySet()) {
      add(e.getValue(), columnIndex(e.getKey()), id, row);
    }
  }

  /**
   * Moves every row of {@code other} (same schema) into this table, keeping an existing row when
   * the incoming one was added with skip-duplicates; {@code other} is left empty.
   */
  public void absorb(RecordTable other) {
    chunks.addAll(other.chunks);
    for (Map.Entry<String, Row> e : other.rows.entrySet()) {
      Row row = e.getValue();
      if (row.skipExisting() && rows.containsKey(e.getKey())) {
        continue;
      }
      Row kept = new Row(row.chunk(), row.index(), false);
      rows.remove(e.getKey());
      rows.put(e.getKey(), kept);
      indexRow(e.getKey(), kept);
    }
    other.chunks.clear();
    other.rows.clear();
    other.indexes.clear();
  }

  /** Releases every chunk. */
  @Override
  public void close() {
    for (VectorSchemaRoot chunk : chunks) {
      chunk.close();
    }
    chunks.clear();
    rows.clear();
    indexes.clear();
  }
}
