package org.orcapod.stream;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.orcapod.datagram.TagPacket;
import org.orcapod.schema.ColumnConfig;

/**
 * A stream whose rows, keys and schemas are those of another stream, {@link #delegate()}.
 *
 * <p>Subclasses decide what the delegate is (a stored table, a lazily computed result) and may
 * override single methods, for example to predict a schema without computing the delegate; they
 * keep their own identity and {@link #close()}.
 */
public abstract class DelegatingStream implements Stream {
  /** Creates the stream; the delegate is asked for on each call. */
  protected DelegatingStream() {}

  /** The stream answering the calls; may be computed on first use. */
  protected abstract Stream delegate();

  @Override
  public StreamKeys keys(ColumnConfig config) {
    return delegate().keys(config);
  }

  @Override
  public StreamSchema outputSchema(ColumnConfig config) {
    return delegate().outputSchema(config);
  }

  @Override
  public VectorSchemaRoot asTable(ColumnConfig config, BufferAllocator allocator) {
    return delegate().asTable(config, allocator);
  }

  @Override
  public int rowCount() {
    return delegate().rowCount();
  }

  @Override
  public List<TagPacket> rows() {
    return delegate().rows();
  }
}
