package org.orcapod.node;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.orcapod.datagram.TagPacket;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamKeys;
import org.orcapod.stream.StreamSchema;

/**
 * Stands for an operator's lazy output in tests: it serves another stream and counts how often its
 * rows are computed (read as a table or as rows); schemas and keys count as free predictions.
 */
final class CountingStream implements Stream {
  private final Stream inner;
  final AtomicInteger computations = new AtomicInteger();

  CountingStream(Stream inner) {
    this.inner = inner;
  }

  @Override
  public StreamKeys keys(ColumnConfig config) {
    return inner.keys(config);
  }

  @Override
  public StreamSchema outputSchema(ColumnConfig config) {
    return inner.outputSchema(config);
  }

  @Override
  public VectorSchemaRoot asTable(ColumnConfig config, BufferAllocator allocator) {
    computations.incrementAndGet();
    return inner.asTable(config, allocator);
  }

  @Override
  public int rowCount() {
    computations.incrementAndGet();
    return inner.rowCount();
  }

  @Override
  public List<TagPacket> rows() {
    computations.incrementAndGet();
    return inner.rows();
  }

  @Override
  public Object identityStructure() {
    return inner.identityStructure();
  }

  @Override
  public Object pipelineIdentityStructure() {
    return inner.pipelineIdentityStructure();
  }

  @Override
  public void close() {}
}
