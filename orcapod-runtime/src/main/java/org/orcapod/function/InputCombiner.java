package org.orcapod.function;

import java.util.List;
import org.orcapod.stream.Stream;

/**
 * Turns several input streams of a function pod into one (Python orcapod's {@code
 * multi_stream_handler}, a {@code Join}). The operators package supplies the join; until then
 * {@link #UNAVAILABLE} rejects more than one input with a clear error.
 */
@FunctionalInterface
public interface InputCombiner {
  /** Rejects several inputs, naming the fix. */
  InputCombiner UNAVAILABLE =
      inputs -> {
        throw new IllegalArgumentException(
            "[Orcapod/NoJoin] a function pod was given "
                + inputs.size()
                + " input streams but no InputCombiner (Join) is configured; join the streams"
                + " first or pass a combiner to FunctionPod.withCombiner(...)");
      };

  /** The single stream the pod reads; the caller closes it when it is not one of the inputs. */
  Stream combine(List<Stream> inputs);
}
