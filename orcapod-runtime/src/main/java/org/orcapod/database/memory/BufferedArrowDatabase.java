package org.orcapod.database.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType.ArrowTypeID;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.DatabaseAccessException;
import org.orcapod.database.DuplicateRecordException;
import org.orcapod.database.InvalidRecordPathException;
import org.orcapod.database.InvalidRecordsException;
import org.orcapod.database.RecordPath;

/**
 * The part of every {@link ArrowDatabase} that does not depend on where records are stored:
 * validation, path scoping, the pending batch held in Arrow, and merging pending rows into reads. A
 * {@link Store} supplies committed rows and writes a flushed batch atomically.
 *
 * <p>All views of one database share a {@link Shared} state guarded by one lock.
 */
public abstract class BufferedArrowDatabase implements ArrowDatabase {

  /** Committed storage behind a database; called with the database lock held. */
  public interface Store extends AutoCloseable {
    /** The data columns stored under {@code path}, or {@code null} if nothing is stored there. */
    @Nullable Schema schema(RecordPath path);

    /**
     * Appends to {@code out} the stored rows of {@code path} whose id is in {@code ids} (all rows
     * when {@code ids} is null) and not rejected by {@code skip}; returns the ids appended.
     */
    Set<String> read(
        RecordPath path,
        Schema schema,
        @Nullable Collection<String> ids,
        Predicate<String> skip,
        ResultBuilder out);

    /**
     * Appends to {@code out} the stored rows of {@code path} whose text column {@code column} (of
     * {@code schema}) holds one of {@code values} and whose id is not rejected by {@code skip};
     * returns the ids appended.
     */
    Set<String> readWhere(
        RecordPath path,
        Schema schema,
        String column,
        Set<String> values,
        Predicate<String> skip,
        ResultBuilder out);

    /** The ids of {@code ids} that are stored under {@code path}. */
    Set<String> storedIds(RecordPath path, Collection<String> ids);

    /**
     * Writes every pending table atomically: all or nothing. Rows added with skip-duplicates keep
     * an existing stored row; other rows replace it. Tables may be emptied by the store.
     */
    void write(Map<RecordPath, RecordTable> pending);

    /** Every path with a table in storage. */
    Set<RecordPath> paths();

    /**
     * Checks, when rows are first added under a path with nothing stored yet, that this store can
     * hold their columns; throws {@link InvalidRecordsException} naming the column otherwise.
     */
    default void checkColumns(RecordPath path, Schema schema) {}

    @Override
    void close();
  }

  /** State shared by a database and all its views. */
  protected static final class Shared {
    final ReentrantLock lock = new ReentrantLock();
    final BufferAllocator allocator;
    final Store store;
    final Map<RecordPath, RecordTable> pending = new LinkedHashMap<>();
    boolean closed;

    /** Creates the state; {@code store} is built on the database's own child allocator. */
    public Shared(
        BufferAllocator parent,
        String name,
        java.util.function.Function<BufferAllocator, Store> store) {
      this.allocator = parent.newChildAllocator(name, 0, Long.MAX_VALUE);
      try {
        this.store = store.apply(allocator);
      } catch (RuntimeException e) {
        allocator.close();
        throw e;
      }
    }

    /** The allocator holding pending (and, in memory, stored) rows. */
    public BufferAllocator allocator() {
      return allocator;
    }
  }

  private final Shared shared;
  private final RecordPath basePath;
  private final boolean owner;

  protected BufferedArrowDatabase(Shared shared, RecordPath basePath, boolean owner) {
    this.shared = shared;
    this.basePath = basePath;
    this.owner = owner;
  }

  /** A view of the same shared state under another base path. */
  protected abstract ArrowDatabase view(Shared shared, RecordPath basePath);

  @Override
  public RecordPath basePath() {
    return basePath;
  }

  @Override
  public ArrowDatabase at(String... components) {
    RecordPath more;
    try {
      more = RecordPath.of(components);
    } catch (InvalidRecordPathException e) {
      throw new InvalidRecordPathException(e.path(), "in at(...): " + e.getMessage());
    }
    return view(shared, basePath.resolve(more));
  }

  private RecordPath full(RecordPath recordPath) {
    if (recordPath.isEmpty()) {
      throw new InvalidRecordPathException(
          "", "a record path needs at least one component, e.g. RecordPath.of(\"results\")");
    }
    return basePath.resolve(recordPath);
  }

  @Override
  public void addRecord(
      RecordPath recordPath, String recordId, VectorSchemaRoot record, boolean skipDuplicates) {
    RecordPath path = full(recordPath);
    add(IncomingRecords.withId(path, record, recordId), skipDuplicates);
  }

  @Override
  public void addRecords(
      RecordPath recordPath,
      VectorSchemaRoot records,
      String recordIdColumn,
      boolean skipDuplicates) {
    RecordPath path = full(recordPath);
    add(IncomingRecords.of(path, records, recordIdColumn), skipDuplicates);
  }

  private void add(IncomingRecords in, boolean skipDuplicates) {
    if (in.rows().isEmpty()) {
      return;
    }
    lock();
    try {
      RecordTable table = shared.pending.get(in.path());
      Schema stored = table != null ? table.schema() : shared.store.schema(in.path());
      if (stored != null) {
        in.requireSchema(stored);
      }
      List<String> ids = new ArrayList<>(in.rows().size());
      List<String> conflicts = new ArrayList<>();
      for (String id : in.rows().keySet()) {
        if (table != null && table.row(id) != null) {
          conflicts.add(id);
        } else {
          ids.add(id);
        }
      }
      if (!conflicts.isEmpty() && !skipDuplicates) {
        throw new DuplicateRecordException(
            "Records for "
                + in.path()
                + ": ids "
                + conflicts.subList(0, Math.min(5, conflicts.size()))
                + (conflicts.size() > 5 ? " and " + (conflicts.size() - 5) + " more" : "")
                + " are already pending; flush first or pass skipDuplicates=true to drop them");
      }
      if (ids.isEmpty()) {
        return;
      }
      if (table == null) {
        if (stored == null) {
          shared.store.checkColumns(in.path(), in.schema());
        }
        table = new RecordTable(stored != null ? stored : in.schema(), shared.allocator);
        shared.pending.put(in.path(), table);
      }
      table.put(in, ids, skipDuplicates);
    } finally {
      shared.lock.unlock();
    }
  }

  @Override
  public @Nullable VectorSchemaRoot getRecordById(
      RecordPath recordPath,
      String recordId,
      @Nullable String recordIdColumn,
      BufferAllocator allocator) {
    return read(full(recordPath), List.of(recordId), recordIdColumn, allocator);
  }

  @Override
  public @Nullable VectorSchemaRoot getRecordsByIds(
      RecordPath recordPath,
      Collection<String> recordIds,
      @Nullable String recordIdColumn,
      BufferAllocator allocator) {
    RecordPath path = full(recordPath);
    if (recordIds.isEmpty()) {
      return null;
    }
    return read(path, new LinkedHashSet<>(recordIds), recordIdColumn, allocator);
  }

  @Override
  public @Nullable VectorSchemaRoot getAllRecords(
      RecordPath recordPath, @Nullable String recordIdColumn, BufferAllocator allocator) {
    return read(full(recordPath), null, recordIdColumn, allocator);
  }

  @Override
  public @Nullable VectorSchemaRoot getRecordsWithColumnValue(
      RecordPath recordPath,
      Map<String, ? extends @Nullable Object> columnValues,
      @Nullable String recordIdColumn,
      BufferAllocator allocator) {
    RecordPath path = full(recordPath);
    String idName = recordIdColumn != null ? recordIdColumn : RECORD_ID_COLUMN;
    try (VectorSchemaRoot all = read(path, null, idName, allocator)) {
      if (all == null) {
        return null;
      }
      Schema data = dataSchema(all, 1);
      List<FieldVector> columns = new ArrayList<>();
      List<@Nullable Object> values = new ArrayList<>();
      for (Map.Entry<String, ? extends @Nullable Object> e : columnValues.entrySet()) {
        FieldVector v = null;
        for (int c = 1; c < all.getFieldVectors().size(); c++) {
          if (all.getVector(c).getName().equals(e.getKey())) {
            v = all.getVector(c);
          }
        }
        if (v == null) {
          throw new InvalidRecordsException(
              "No column \""
                  + e.getKey()
                  + "\" under "
                  + path
                  + "; columns are "
                  + IncomingRecords.describe(data));
        }
        columns.add(v);
        values.add(e.getValue());
      }
      FieldVector ids = all.getVector(0);
      try (ResultBuilder out = new ResultBuilder(data, recordIdColumn, allocator)) {
        VectorSchemaRoot source = dataOnly(all);
        for (int row = 0; row < all.getRowCount(); row++) {
          boolean match = true;
          for (int c = 0; c < columns.size() && match; c++) {
            match = CellValues.matches(columns.get(c), row, values.get(c));
          }
          if (match) {
            out.append(String.valueOf(ids.getObject(row)), source, row);
          }
        }
        return out.build();
      }
    }
  }

  @Override
  public @Nullable VectorSchemaRoot getRecordsWithColumnValues(
      RecordPath recordPath,
      String column,
      Collection<String> values,
      @Nullable String recordIdColumn,
      BufferAllocator allocator) {
    RecordPath path = full(recordPath);
    lock();
    try {
      RecordTable pending = shared.pending.get(path);
      Schema schema = pending != null ? pending.schema() : shared.store.schema(path);
      if (schema == null) {
        return null;
      }
      requireTextColumn(path, schema, column);
      if (values.isEmpty()) {
        return null;
      }
      Set<String> wanted = idSet(values);
      try (ResultBuilder out =
          new ResultBuilder(schema, recordIdColumn, allocator, Math.max(1, wanted.size()))) {
        Predicate<String> replaced =
            id -> {
              RecordTable.Row row = pending == null ? null : pending.row(id);
              return row != null && !row.skipExisting();
            };
        Set<String> stored =
            shared.store.schema(path) == null
                ? Set.of()
                : shared.store.readWhere(path, schema, column, wanted, replaced, out);
        if (pending != null) {
          // A pending skip-duplicates row loses to a stored row of its id even when that stored
          // row holds another value: ask the store which of those ids it has.
          Set<String> matching = pending.idsWhere(column, wanted);
          List<String> unsure = new ArrayList<>();
          for (String id : matching) {
            RecordTable.Row row = pending.row(id);
            if (row != null && row.skipExisting() && !stored.contains(id)) {
              unsure.add(id);
            }
          }
          Set<String> shadowed =
              unsure.isEmpty() || shared.store.schema(path) == null
                  ? Set.of()
                  : shared.store.storedIds(path, unsure);
          for (String id : matching) {
            RecordTable.Row row = pending.row(id);
            if (row != null
                && !(row.skipExisting() && (stored.contains(id) || shadowed.contains(id)))) {
              out.append(id, row.chunk(), row.index());
            }
          }
        }
        return out.build();
      }
    } finally {
      shared.lock.unlock();
    }
  }

  private static void requireTextColumn(RecordPath path, Schema schema, String column) {
    for (Field f : schema.getFields()) {
      if (f.getName().equals(column)) {
        ArrowTypeID type = f.getType().getTypeID();
        if (type != ArrowTypeID.Utf8 && type != ArrowTypeID.LargeUtf8) {
          throw new InvalidRecordsException(
              "Column \""
                  + column
                  + "\" under "
                  + path
                  + " is "
                  + f.getType()
                  + ", not utf8 or large_utf8; look it up with getRecordsWithColumnValue instead");
        }
        return;
      }
    }
    throw new InvalidRecordsException(
        "No column \""
            + column
            + "\" under "
            + path
            + "; columns are "
            + IncomingRecords.describe(schema));
  }

  private static Schema dataSchema(VectorSchemaRoot root, int skip) {
    return new Schema(
        root.getSchema().getFields().subList(skip, root.getSchema().getFields().size()));
  }

  private static VectorSchemaRoot dataOnly(VectorSchemaRoot withId) {
    List<FieldVector> vectors = withId.getFieldVectors();
    return new VectorSchemaRoot(vectors.subList(1, vectors.size()));
  }

  /** Stored rows not replaced by pending ones, then pending rows not dropped as duplicates. */
  private @Nullable VectorSchemaRoot read(
      RecordPath path,
      @Nullable Collection<String> ids,
      @Nullable String recordIdColumn,
      BufferAllocator allocator) {
    lock();
    try {
      RecordTable pending = shared.pending.get(path);
      Schema schema = pending != null ? pending.schema() : shared.store.schema(path);
      if (schema == null) {
        return null;
      }
      int expected = ids == null ? 1024 : Math.max(1, ids.size());
      try (ResultBuilder out = new ResultBuilder(schema, recordIdColumn, allocator, expected)) {
        Predicate<String> replaced =
            id -> {
              RecordTable.Row row = pending == null ? null : pending.row(id);
              return row != null && !row.skipExisting();
            };
        Set<String> stored =
            shared.store.schema(path) == null
                ? Set.of()
                : shared.store.read(path, schema, ids, replaced, out);
        if (pending != null) {
          Iterable<String> wanted = ids != null ? ids : pending.ids();
          for (String id : wanted) {
            RecordTable.Row row = pending.row(id);
            if (row != null && !(row.skipExisting() && stored.contains(id))) {
              out.append(id, row.chunk(), row.index());
            }
          }
        }
        return out.build();
      }
    } finally {
      shared.lock.unlock();
    }
  }

  @Override
  public List<RecordPath> recordPaths() {
    lock();
    try {
      Set<RecordPath> all = new java.util.HashSet<>(shared.store.paths());
      all.addAll(shared.pending.keySet());
      List<RecordPath> out = new ArrayList<>();
      List<String> base = basePath.components();
      for (RecordPath p : all) {
        List<String> c = p.components();
        if (c.size() > base.size() && c.subList(0, base.size()).equals(base)) {
          out.add(new RecordPath(c.subList(base.size(), c.size())));
        }
      }
      out.sort(java.util.Comparator.comparing(RecordPath::key));
      return out;
    } finally {
      shared.lock.unlock();
    }
  }

  @Override
  public void flush() {
    lock();
    try {
      if (shared.pending.isEmpty()) {
        return;
      }
      shared.store.write(shared.pending);
      for (RecordTable t : shared.pending.values()) {
        t.close();
      }
      shared.pending.clear();
    } finally {
      shared.lock.unlock();
    }
  }

  @Override
  public void close() {
    if (!owner) {
      return;
    }
    shared.lock.lock();
    try {
      if (shared.closed) {
        return;
      }
      try {
        flush();
      } finally {
        shared.closed = true;
        for (RecordTable t : shared.pending.values()) {
          t.close();
        }
        shared.pending.clear();
        try {
          shared.store.close();
        } finally {
          shared.allocator.close();
        }
      }
    } finally {
      shared.lock.unlock();
    }
  }

  private void lock() {
    shared.lock.lock();
    if (shared.closed) {
      shared.lock.unlock();
      throw new DatabaseAccessException("The database is closed; open it again to use it");
    }
  }

  /** Ids of {@code ids} as a set, for stores that look ids up. */
  protected static Set<String> idSet(Collection<String> ids) {
    return ids instanceof Set<String> s ? s : new HashSet<>(ids);
  }
}
