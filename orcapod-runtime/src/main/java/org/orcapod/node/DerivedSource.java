package org.orcapod.node;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.jspecify.annotations.Nullable;
import org.orcapod.hashing.ContentHash;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.source.SourceContext;
import org.orcapod.stream.ArrowTableStream;
import org.orcapod.stream.DelegatingStream;
import org.orcapod.stream.Identity;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamSchema;

/**
 * A source backed by the stored records of a node, as Python orcapod's {@code DerivedSource} (made
 * by {@code FunctionNode.asSource()} or {@code OperatorNode.asSource()}): its data are the node's
 * records (data columns), read on first use; its content identity is {@code (node_content_hash,)},
 * its pipeline identity the root-source {@code (tag_schema, packet_schema)}. Before the node ran,
 * it is empty.
 */
public final class DerivedSource extends DelegatingStream {
  private final BiFunction<ColumnConfig, BufferAllocator, @Nullable VectorSchemaRoot> records;
  private final List<String> tagColumns;
  private final ContentHash originHash;
  private final String sourceId;
  private final SourceContext context;
  private final BufferAllocator allocator;
  private @Nullable ArrowTableStream stream;

  DerivedSource(
      BiFunction<ColumnConfig, BufferAllocator, @Nullable VectorSchemaRoot> records,
      List<String> tagColumns,
      ContentHash originHash,
      String sourceId,
      SourceContext context,
      BufferAllocator allocator) {
    this.records = records;
    this.tagColumns = List.copyOf(tagColumns);
    this.originHash = Objects.requireNonNull(originHash);
    this.sourceId = sourceId;
    this.context = context;
    this.allocator = allocator;
  }

  /** The source id: {@code <node path>:<first 16 characters of the node's content hash>}. */
  public String sourceId() {
    return sourceId;
  }

  private synchronized ArrowTableStream stream() {
    if (stream == null) {
      VectorSchemaRoot t = records.apply(ColumnConfig.dataOnly(), allocator);
      if (t == null) {
        throw new IllegalStateException(
            "[Orcapod/NoRecords] derived source '"
                + sourceId
                + "' has no records yet; run its node first");
      }
      try (VectorSchemaRoot table = t) {
        stream =
            ArrowTableStream.builder(table, allocator)
                .tagColumns(tagColumns)
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

  @Override
  public Object identityStructure() {
    return Identity.tuple(originHash);
  }

  @Override
  public Object pipelineIdentityStructure() {
    StreamSchema s = outputSchema();
    return Identity.tuple(s.tag().identityStructure(), s.packet().identityStructure());
  }

  @Override
  public synchronized void close() {
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }
}
