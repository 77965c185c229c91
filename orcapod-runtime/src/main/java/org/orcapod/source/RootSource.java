package org.orcapod.source;

import org.orcapod.hashing.ContentHash;
import org.orcapod.stream.ArrowTableStream;
import org.orcapod.stream.DelegatingStream;
import org.orcapod.stream.Identity;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamSchema;

/**
 * A stream with no upstream: the root of a pipeline, backed by an enriched {@link
 * ArrowTableStream}.
 *
 * <p>Identity, as Python orcapod's {@code RootSource}: the content identity is {@code (ClassName,
 * (tag_schema, packet_schema), source_id)} and the pipeline identity {@code (tag_schema,
 * packet_schema)}, with the data schemas (no system columns). {@link #pythonClassName()} is the
 * Python class name, so identical data and names hash identically in both implementations.
 */
public abstract class RootSource extends DelegatingStream {
  private final SourceStreamBuilder.Result result;
  private final SourceContext context;

  /** Wraps an enrichment result. */
  protected RootSource(SourceStreamBuilder.Result result, SourceContext context) {
    this.result = result;
    this.context = context;
  }

  /** The name of the corresponding Python orcapod class, used in the content identity. */
  protected abstract String pythonClassName();

  /** The canonical name of this source in provenance tokens. */
  public String sourceId() {
    return result.sourceId();
  }

  /** The 12-character schema hash in this source's system-tag column names. */
  public String schemaHash() {
    return result.schemaHash();
  }

  /** The Arrow hash of the source data without system columns. */
  public ContentHash tableHash() {
    return result.tableHash();
  }

  /** The enriched stream this source serves. */
  public ArrowTableStream stream() {
    return result.stream();
  }

  @Override
  protected Stream delegate() {
    return stream();
  }

  /** The hashers this source was built with. */
  public SourceContext context() {
    return context;
  }

  @Override
  public Object identityStructure() {
    StreamSchema s = outputSchema();
    return Identity.tuple(
        pythonClassName(),
        Identity.tuple(s.tag().identityStructure(), s.packet().identityStructure()),
        sourceId());
  }

  @Override
  public Object pipelineIdentityStructure() {
    StreamSchema s = outputSchema();
    return Identity.tuple(s.tag().identityStructure(), s.packet().identityStructure());
  }

  /** The content hash under this source's semantic hasher. */
  public ContentHash contentHash() {
    return contentHash(context.semanticHasher());
  }

  /** The pipeline hash under this source's semantic hasher. */
  public ContentHash pipelineHash() {
    return context.semanticHasher().hash(pipelineIdentityStructure());
  }

  @Override
  public void close() {
    stream().close();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{sourceId=" + sourceId() + ", " + stream() + "}";
  }
}
