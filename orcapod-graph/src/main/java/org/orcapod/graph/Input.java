package org.orcapod.graph;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One input of a node: the upstream node it names and, when declared, the row type it expects.
 *
 * @param upstream the upstream node's name (in the DSL, the parameter's name)
 * @param rowType the qualified name of the row type the input expects, or null when not declared
 */
public record Input(String upstream, @Nullable String rowType) {
  /** Checks the name. */
  public Input {
    Objects.requireNonNull(upstream, "upstream");
  }

  /** An input with no declared row type (runtime API). */
  public static Input of(String upstream) {
    return new Input(upstream, null);
  }
}
