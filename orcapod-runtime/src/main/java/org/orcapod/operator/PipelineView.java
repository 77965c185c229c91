package org.orcapod.operator;

import java.util.ArrayList;
import java.util.List;
import org.orcapod.hashing.ContentIdentifiable;
import org.orcapod.stream.Stream;

/**
 * A stream seen through its pipeline identity: inside an identity structure, it is replaced by the
 * hash of the stream's {@link Stream#pipelineIdentityStructure()} rather than of its content
 * identity. This is how Python's pipeline resolver is reproduced with a plain semantic hasher.
 *
 * @param stream the stream
 */
public record PipelineView(Stream stream) implements ContentIdentifiable {
  /** The view of {@code stream}. */
  public static PipelineView of(Stream stream) {
    return new PipelineView(stream);
  }

  /** The views of {@code streams}, in order. */
  public static List<PipelineView> of(List<? extends Stream> streams) {
    List<PipelineView> out = new ArrayList<>();
    for (Stream s : streams) {
      out.add(new PipelineView(s));
    }
    return out;
  }

  @Override
  public Object identityStructure() {
    return stream.pipelineIdentityStructure();
  }
}
