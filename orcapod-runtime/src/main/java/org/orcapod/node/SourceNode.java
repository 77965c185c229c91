package org.orcapod.node;

import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.orcapod.datagram.TagPacket;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamKeys;
import org.orcapod.stream.StreamSchema;

/**
 * The node of a source in a pipeline, as Python orcapod's {@code SourceNode}: it serves the
 * source's rows and takes its identities unchanged. Closing the node does not close the source.
 */
public final class SourceNode implements Stream {
  private final Stream source;
  private final String label;

  /** The node of {@code source} labelled {@code label}. */
  public SourceNode(Stream source, String label) {
    this.source = Objects.requireNonNull(source, "source");
    this.label = Objects.requireNonNull(label, "label");
  }

  /** The node's label. */
  public String label() {
    return label;
  }

  /** The wrapped source. */
  public Stream source() {
    return source;
  }

  /** Nothing to compute: a source's rows already exist. */
  public void run() {}

  @Override
  public Object identityStructure() {
    return source.identityStructure();
  }

  @Override
  public Object pipelineIdentityStructure() {
    return source.pipelineIdentityStructure();
  }

  @Override
  public StreamKeys keys(ColumnConfig config) {
    return source.keys(config);
  }

  @Override
  public StreamSchema outputSchema(ColumnConfig config) {
    return source.outputSchema(config);
  }

  @Override
  public VectorSchemaRoot asTable(ColumnConfig config, BufferAllocator allocator) {
    return source.asTable(config, allocator);
  }

  @Override
  public int rowCount() {
    return source.rowCount();
  }

  @Override
  public List<TagPacket> rows() {
    return source.rows();
  }

  @Override
  public void close() {}
}
