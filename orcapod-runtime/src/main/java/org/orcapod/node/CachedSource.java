package org.orcapod.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.RecordPath;
import org.orcapod.function.Vectors;
import org.orcapod.hashing.ContentHash;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.source.SourceContext;
import org.orcapod.stream.ArrowTableStream;
import org.orcapod.stream.DelegatingStream;
import org.orcapod.stream.Stream;

/**
 * A source whose every row is kept in a database, as Python orcapod's {@code CachedSource}: on
 * first read it stores the live source's rows (with system tags and source info) under {@code
 * prefix + ("source", "node:<source content hash>")}, each with record id {@code _record_hash}, the
 * hex Arrow hash of the row (skip-duplicates), and then serves everything stored there: the
 * cumulative union of all rows the source ever had. Its identities are the source's.
 */
public final class CachedSource extends DelegatingStream {
  /** The record id column, as Python orcapod. */
  public static final String RECORD_HASH_COLUMN = "_record_hash";

  private final Stream source;
  private final ArrowDatabase database;
  private final List<String> prefix;
  private final SourceContext context;
  private final BufferAllocator allocator;
  private @Nullable ArrowTableStream stream;

  /** A cache of {@code source} in {@code database} under {@code prefix}. */
  public CachedSource(
      Stream source,
      ArrowDatabase database,
      List<String> prefix,
      SourceContext context,
      BufferAllocator allocator) {
    this.source = Objects.requireNonNull(source, "source");
    this.database = Objects.requireNonNull(database, "database");
    this.prefix = List.copyOf(prefix);
    this.context = Objects.requireNonNull(context, "context");
    this.allocator = Objects.requireNonNull(allocator, "allocator");
  }

  /** Where the rows are kept. */
  public RecordPath cachePath() {
    ContentHash h = source.contentHash(context.semanticHasher());
    List<String> path = new ArrayList<>(prefix);
    path.add("source");
    path.add("node:" + h);
    return new RecordPath(path);
  }

  private synchronized ArrowTableStream stream() {
    if (stream == null) {
      RecordPath path = cachePath();
      try (VectorSchemaRoot live =
          source.asTable(
              ColumnConfig.dataOnly().withSystemTags(true).withSource(true), allocator)) {
        ingest(path, live);
      }
      try (VectorSchemaRoot all = database.getAllRecords(path, null, allocator)) {
        stream =
            ArrowTableStream.builder(all, allocator)
                .tagColumns(source.keys().tag())
                .contextKey(context.contextKey())
                .arrowHasher(context.arrowHasher())
                .identity(this::identityStructure, this::pipelineIdentityStructure)
                .build();
      }
    }
    return stream;
  }

  @Override
  protected Stream delegate() {
    return stream();
  }

  private void ingest(RecordPath path, VectorSchemaRoot live) {
    int n = live.getRowCount();
    if (n == 0) {
      return;
    }
    List<String> names = new ArrayList<>();
    for (Field f : live.getSchema().getFields()) {
      names.add(f.getName());
    }
    String[] hashes = Vectors.rowHashes(live, names, List.of(), context.arrowHasher(), allocator);
    List<String> hex = new ArrayList<>(n);
    for (String h : hashes) {
      hex.add(ContentHash.parse(h).toHex());
    }
    List<FieldVector> cols = new ArrayList<>();
    cols.add(Vectors.strings(RECORD_HASH_COLUMN, hex, false, allocator));
    for (FieldVector v : live.getFieldVectors()) {
      cols.add(org.orcapod.stream.VectorSharing.share(v, v.getName(), allocator));
    }
    try (VectorSchemaRoot records = new VectorSchemaRoot(cols)) {
      records.setRowCount(n);
      database.addRecords(path, records, RECORD_HASH_COLUMN, true);
    }
    database.flush();
  }

  @Override
  public Object identityStructure() {
    return source.identityStructure();
  }

  @Override
  public Object pipelineIdentityStructure() {
    return source.pipelineIdentityStructure();
  }

  /** Releases the served rows (never the source or the database). */
  @Override
  public synchronized void close() {
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }
}
