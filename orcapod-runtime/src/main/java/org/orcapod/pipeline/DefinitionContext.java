package org.orcapod.pipeline;

import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.error.OrcapodException;

/**
 * What a {@link PipelineDefinition} builds against.
 *
 * @param database where the pipeline stores its records, results, logs and status (null: no
 *     persistence)
 * @param allocator the allocator the pipeline's nodes use; owned by the caller
 * @param parameters named inputs of this run (for example {@code data=/path/to/folder}), as given
 *     on the command line with {@code -P name=value}
 */
public record DefinitionContext(
    @Nullable ArrowDatabase database, BufferAllocator allocator, Map<String, String> parameters) {
  /** Checks and copies the arguments. */
  public DefinitionContext {
    Objects.requireNonNull(allocator, "allocator");
    parameters = Map.copyOf(parameters);
  }

  /** The parameter {@code name}, or {@code fallback} when it was not given. */
  public String parameter(String name, String fallback) {
    return parameters.getOrDefault(name, fallback);
  }

  /**
   * The parameter {@code name}.
   *
   * @throws OrcapodException {@code Orcapod/MissingParameter}, naming the parameter, when it was
   *     not given
   */
  public String requireParameter(String name) {
    String value = parameters.get(name);
    if (value == null) {
      throw new OrcapodException(
          "Orcapod/MissingParameter",
          "the pipeline needs parameter '"
              + name
              + "'; pass it as -P "
              + name
              + "=<value> (given: "
              + parameters.keySet()
              + ")");
    }
    return value;
  }
}
