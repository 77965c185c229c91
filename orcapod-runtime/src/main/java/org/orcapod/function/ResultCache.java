package org.orcapod.function;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.RecordPath;

/**
 * Stored results of one packet function, keyed by input packet hash, as Python orcapod's {@code
 * ResultCache}: one row per computed output packet under the record path {@code uri}, its record id
 * the output packet's id. When several rows share an input hash, the most recent {@code __pod_ts}
 * wins.
 *
 * <p>Reads and writes are batched: {@link #lookup} reads, in one keyed query, only the stored rows
 * of a whole batch of input hashes, and {@link #store} writes a whole batch of new rows in one
 * call.
 */
public final class ResultCache {
  private final ArrowDatabase database;
  private final RecordPath path;

  /** A cache of the rows under {@code path} of {@code database}. */
  public ResultCache(ArrowDatabase database, RecordPath path) {
    this.database = Objects.requireNonNull(database, "database");
    this.path = Objects.requireNonNull(path, "path");
  }

  /** The database the rows live in. */
  public ArrowDatabase database() {
    return database;
  }

  /** The record path of the rows (the function's uri). */
  public RecordPath path() {
    return path;
  }

  /**
   * Stored results of the asked input hashes read in one query, indexed by input hash and by packet
   * id. Every row of an asked hash is kept (not only the most recent), so a packet id that a
   * pipeline record names for one of those hashes is found too: result ids are derived from the
   * function and the input hash.
   */
  public static final class Lookup implements AutoCloseable {
    private final @Nullable VectorSchemaRoot table;
    private final Map<String, Integer> byHash = new HashMap<>();
    private final Map<String, Integer> byPacketId = new HashMap<>();

    Lookup(@Nullable VectorSchemaRoot table) {
      this.table = table;
      if (table == null) {
        return;
      }
      FieldVector ids = table.getVector(ResultColumns.PACKET_ID);
      FieldVector hashes = table.getVector(ResultColumns.INPUT_PACKET_HASH);
      FieldVector ts = table.getVector(ResultColumns.POD_TIMESTAMP);
      for (int r = 0; r < table.getRowCount(); r++) {
        String id = Vectors.string(ids, r);
        String hash = Vectors.string(hashes, r);
        if (id != null) {
          byPacketId.put(id, r);
        }
        if (hash != null) {
          Integer prev = byHash.get(hash);
          if (prev == null || newer(ts, r, prev)) {
            byHash.put(hash, r);
          }
        }
      }
    }

    private static boolean newer(@Nullable FieldVector ts, int a, int b) {
      if (ts == null) {
        return false;
      }
      String x = Vectors.string(ts, a);
      String y = Vectors.string(ts, b);
      return x != null && (y == null || x.compareTo(y) > 0);
    }

    /** The stored rows, or null when there are none; owned by this lookup. */
    public @Nullable VectorSchemaRoot table() {
      return table;
    }

    /** The row of the most recent result for {@code inputHash}, or -1. */
    public int rowOfHash(String inputHash) {
      return byHash.getOrDefault(inputHash, -1);
    }

    /** The row of the result with this packet id, or -1. */
    public int rowOfPacketId(String packetId) {
      return byPacketId.getOrDefault(packetId, -1);
    }

    /** The number of stored rows. */
    public int size() {
      return table == null ? 0 : table.getRowCount();
    }

    @Override
    public void close() {
      if (table != null) {
        table.close();
      }
    }
  }

  /**
   * Reads, in one keyed query, the stored and pending results whose input hash is one of {@code
   * inputHashes}; rows of other hashes are not read.
   */
  public Lookup lookup(Collection<String> inputHashes, BufferAllocator allocator) {
    if (inputHashes.isEmpty()) {
      return new Lookup(null);
    }
    return new Lookup(
        database.getRecordsWithColumnValues(
            path,
            ResultColumns.INPUT_PACKET_HASH,
            new LinkedHashSet<>(inputHashes),
            ResultColumns.PACKET_ID,
            allocator));
  }

  /** Every stored result row with its packet id column, or null; the caller closes it. */
  public @Nullable VectorSchemaRoot allRecords(BufferAllocator allocator) {
    return database.getAllRecords(path, ResultColumns.PACKET_ID, allocator);
  }

  /**
   * Adds a batch of new result rows (column {@link ResultColumns#PACKET_ID} holds their record
   * ids); pending until the database is flushed.
   */
  public void store(VectorSchemaRoot rows) {
    if (rows.getRowCount() > 0) {
      database.addRecords(path, rows, ResultColumns.PACKET_ID, true);
    }
  }
}
