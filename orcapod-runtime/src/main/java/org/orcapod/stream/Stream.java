package org.orcapod.stream;

import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.orcapod.datagram.TagPacket;
import org.orcapod.hashing.ContentIdentifiable;
import org.orcapod.schema.ColumnConfig;

/**
 * An immutable stream of (tag, packet) rows.
 *
 * <p>{@link #keys}, {@link #outputSchema} and {@link #asTable} agree for every {@link
 * ColumnConfig}: the table's columns are the tag keys, then the packet keys, in that order (the
 * content-hash, meta, context and source-info columns count as packet columns). A stream holds
 * Arrow memory and must be closed.
 */
public interface Stream extends ContentIdentifiable, AutoCloseable, Iterable<TagPacket> {
  /** The column names under {@code config}. */
  StreamKeys keys(ColumnConfig config);

  /** The data column names (no system columns). */
  default StreamKeys keys() {
    return keys(ColumnConfig.dataOnly());
  }

  /** The tag and packet schemas under {@code config}. */
  StreamSchema outputSchema(ColumnConfig config);

  /** The data schemas (no system columns). */
  default StreamSchema outputSchema() {
    return outputSchema(ColumnConfig.dataOnly());
  }

  /**
   * The rows as a new table in {@code allocator} with the columns {@code config} selects; the
   * caller owns (and closes) the result.
   */
  VectorSchemaRoot asTable(ColumnConfig config, BufferAllocator allocator);

  /** The number of rows. */
  int rowCount();

  /** The rows as tag/packet pairs, in table order. */
  List<TagPacket> rows();

  @Override
  default Iterator<TagPacket> iterator() {
    return rows().iterator();
  }

  /**
   * The structure identifying this stream's pipeline position independent of its data; for a root
   * stream {@code (tag_schema, packet_schema)}.
   */
  Object pipelineIdentityStructure();

  /** Releases the stream's Arrow memory. */
  @Override
  void close();
}
