package org.orcapod.pipeline.typed;

import org.jspecify.annotations.Nullable;
import org.orcapod.error.OrcapodException;

/**
 * A source bound to a generated pipeline does not fit its declared source node: it is missing
 * ({@code Orcapod/UnboundSource}) or its schema differs from the node's record ({@code
 * Orcapod/SourceSchemaMismatch}).
 */
public final class SourceBindingException extends OrcapodException {
  private static final long serialVersionUID = 1L;

  private final String node;
  private final @Nullable String column;

  SourceBindingException(String id, String node, @Nullable String column, String message) {
    super(id, message);
    this.node = node;
    this.column = column;
  }

  /** The source node concerned (for an unbound source, the first one missing). */
  public String node() {
    return node;
  }

  /** The column that does not match, or null when the whole source is concerned. */
  public @Nullable String column() {
    return column;
  }
}
