package org.orcapod.operator;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import org.apache.arrow.memory.BufferAllocator;
import org.jspecify.annotations.Nullable;
import org.orcapod.hashing.ArrowHasher;
import org.orcapod.hashing.ContentHash;
import org.orcapod.hashing.ContentIdentifiable;
import org.orcapod.hashing.SemanticHasher;
import org.orcapod.stream.Stream;

/**
 * What operators need from their surroundings: the semantic hasher that gives streams their
 * pipeline hashes (Join orders its inputs by them and names system tags after them), the allocator
 * that output vectors live in, and optionally the Arrow hasher handed on to output streams.
 *
 * <p>Pipeline hashes are cached per stream instance (streams are immutable); the cache holds the
 * streams weakly.
 */
public final class OperatorContext {
  private final SemanticHasher semanticHasher;
  private final BufferAllocator allocator;
  private final @Nullable ArrowHasher arrowHasher;
  private final Map<Stream, ContentHash> pipelineHashes =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** A context with the given hasher and allocator and no Arrow hasher. */
  public OperatorContext(SemanticHasher semanticHasher, BufferAllocator allocator) {
    this(semanticHasher, allocator, null);
  }

  /** A context whose output streams also get {@code arrowHasher} (for content-hash columns). */
  public OperatorContext(
      SemanticHasher semanticHasher, BufferAllocator allocator, @Nullable ArrowHasher arrowHasher) {
    this.semanticHasher = Objects.requireNonNull(semanticHasher, "semanticHasher");
    this.allocator = Objects.requireNonNull(allocator, "allocator");
    this.arrowHasher = arrowHasher;
  }

  /** The semantic hasher. */
  public SemanticHasher semanticHasher() {
    return semanticHasher;
  }

  /** The allocator output streams are children of. */
  public BufferAllocator allocator() {
    return allocator;
  }

  /** The Arrow hasher given to output streams, if any. */
  public @Nullable ArrowHasher arrowHasher() {
    return arrowHasher;
  }

  /**
   * The pipeline hash of {@code stream}: the semantic hash of its pipeline identity structure, in
   * which upstream streams count by their pipeline hashes and pods by their content hashes, as
   * Python orcapod's {@code pipeline_hash()}.
   */
  public ContentHash pipelineHash(Stream stream) {
    ContentHash cached = pipelineHashes.get(stream);
    if (cached == null) {
      cached = semanticHasher.hash(PipelineView.of(stream));
      pipelineHashes.put(stream, cached);
    }
    return cached;
  }

  /** The content hash of {@code stream} (or any identifiable object) under the semantic hasher. */
  public ContentHash contentHash(ContentIdentifiable object) {
    return object.contentHash(semanticHasher);
  }
}
