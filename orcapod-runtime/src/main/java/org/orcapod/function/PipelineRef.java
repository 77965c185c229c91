package org.orcapod.function;

import org.orcapod.hashing.ContentIdentifiable;
import org.orcapod.stream.Stream;

/**
 * A stream standing for its pipeline identity inside an identity structure: the semantic hasher
 * replaces it by the hash of {@link Stream#pipelineIdentityStructure()}, which reproduces Python
 * orcapod's pipeline resolver with a plain hasher. (The operators package has the same idea as its
 * {@code PipelineView}; the two should become one when it lands.)
 *
 * @param stream the stream
 */
public record PipelineRef(Stream stream) implements ContentIdentifiable {
  @Override
  public Object identityStructure() {
    return stream.pipelineIdentityStructure();
  }
}
