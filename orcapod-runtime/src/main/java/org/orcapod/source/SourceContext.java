package org.orcapod.source;

import java.util.Objects;
import org.orcapod.context.DataContext;
import org.orcapod.hashing.ArrowHasher;
import org.orcapod.hashing.SemanticHasher;
import org.orcapod.stream.SemanticColumnsArrowHasher;

/**
 * The hashers and context key a source computes its identities with (the parts of a data context a
 * source needs).
 *
 * @param contextKey the data context key written to the {@code _context_key} column
 * @param arrowHasher hashes tables (default source ids, stream content)
 * @param semanticHasher hashes identity structures (schema hash, content and pipeline hashes)
 */
public record SourceContext(
    String contextKey, ArrowHasher arrowHasher, SemanticHasher semanticHasher) {
  /** Checks the components are present. */
  public SourceContext {
    Objects.requireNonNull(contextKey, "contextKey");
    Objects.requireNonNull(arrowHasher, "arrowHasher");
    Objects.requireNonNull(semanticHasher, "semanticHasher");
  }

  /**
   * The hashers and key of a data context; the Arrow hasher replaces Path columns by their files'
   * content hashes first, as Python orcapod's does.
   */
  public static SourceContext of(DataContext context) {
    return new SourceContext(
        context.contextKey(),
        new SemanticColumnsArrowHasher(context.arrowHasher(), context.fileHasher()),
        context.semanticHasher());
  }

  /** The default data context {@code std:v0.1:default}, as Python orcapod's default. */
  public static SourceContext defaultContext() {
    return of(DataContext.defaultContext());
  }
}
