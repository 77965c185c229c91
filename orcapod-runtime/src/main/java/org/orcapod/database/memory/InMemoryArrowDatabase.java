package org.orcapod.database.memory;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.RecordPath;

/**
 * An {@link ArrowDatabase} that keeps everything in Arrow buffers of a child of the allocator it is
 * given; lost when closed. For tests and ephemeral pipelines.
 */
public final class InMemoryArrowDatabase extends BufferedArrowDatabase {

  private InMemoryArrowDatabase(Shared shared, RecordPath basePath, boolean owner) {
    super(shared, basePath, owner);
  }

  /** A new, empty database whose rows live in a child of {@code allocator}. */
  public static InMemoryArrowDatabase create(BufferAllocator allocator) {
    Shared shared = new Shared(allocator, "orcapod-in-memory-database", MemoryStore::new);
    return new InMemoryArrowDatabase(shared, RecordPath.ROOT, true);
  }

  @Override
  protected ArrowDatabase view(Shared shared, RecordPath basePath) {
    return new InMemoryArrowDatabase(shared, basePath, false);
  }

  private static final class MemoryStore implements Store {
    private final Map<RecordPath, RecordTable> tables = new HashMap<>();
    private final BufferAllocator allocator;

    MemoryStore(BufferAllocator allocator) {
      this.allocator = allocator;
    }

    @Override
    public @Nullable Schema schema(RecordPath path) {
      RecordTable t = tables.get(path);
      return t == null ? null : t.schema();
    }

    @Override
    public Set<RecordPath> paths() {
      return Set.copyOf(tables.keySet());
    }

    @Override
    public Set<String> read(
        RecordPath path,
        Schema schema,
        @Nullable Collection<String> ids,
        Predicate<String> skip,
        ResultBuilder out) {
      RecordTable t = tables.get(path);
      Set<String> appended = new LinkedHashSet<>();
      if (t == null) {
        return appended;
      }
      for (String id : ids != null ? ids : t.ids()) {
        RecordTable.Row row = t.row(id);
        if (row != null && !skip.test(id)) {
          out.append(id, row.chunk(), row.index());
          appended.add(id);
        }
      }
      return appended;
    }

    @Override
    public Set<String> readWhere(
        RecordPath path,
        Schema schema,
        String column,
        Set<String> values,
        Predicate<String> skip,
        ResultBuilder out) {
      RecordTable t = tables.get(path);
      Set<String> appended = new LinkedHashSet<>();
      if (t == null) {
        return appended;
      }
      for (String id : t.idsWhere(column, values)) {
        RecordTable.Row row = t.row(id);
        if (row != null && !skip.test(id)) {
          out.append(id, row.chunk(), row.index());
          appended.add(id);
        }
      }
      return appended;
    }

    @Override
    public Set<String> storedIds(RecordPath path, Collection<String> ids) {
      RecordTable t = tables.get(path);
      Set<String> out = new HashSet<>();
      if (t != null) {
        for (String id : ids) {
          if (t.row(id) != null) {
            out.add(id);
          }
        }
      }
      return out;
    }

    @Override
    public void write(Map<RecordPath, RecordTable> pending) {
      for (Map.Entry<RecordPath, RecordTable> e : pending.entrySet()) {
        RecordTable t = tables.get(e.getKey());
        if (t == null) {
          t = new RecordTable(e.getValue().schema(), allocator);
          tables.put(e.getKey(), t);
        }
        t.absorb(e.getValue());
      }
    }

    @Override
    public void close() {
      tables.values().forEach(RecordTable::close);
      tables.clear();
    }
  }
}
