package org.orcapod.function;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.orcapod.operator.Join;
import org.orcapod.operator.OperatorContext;
import org.orcapod.source.SourceContext;
import org.orcapod.stream.Stream;

/**
 * Turns several input streams of a function pod into one: Python orcapod's {@code
 * multi_stream_handler}, by default the operators' {@link Join}.
 */
@FunctionalInterface
public interface InputCombiner {
  /**
   * The single stream the pod reads (a lazy stream over the inputs, which the caller keeps open).
   */
  Stream combine(List<Stream> inputs, SourceContext context, BufferAllocator allocator);

  /** The implicit join of Python orcapod: {@code Join()} over the inputs. */
  InputCombiner JOIN =
      (inputs, context, allocator) ->
          new Join()
              .process(
                  new OperatorContext(context.semanticHasher(), allocator, context.arrowHasher()),
                  inputs);
}
