package org.orcapod.graph.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orcapod.graph.Diagnostic;
import org.orcapod.graph.RowSchema;

/**
 * What validating a graph found.
 *
 * @param diagnostics the problems, in a deterministic order (declaration order of nodes)
 * @param schemas the row schema of each node whose schema could be determined, by node name
 */
public record ValidationResult(List<Diagnostic> diagnostics, Map<String, RowSchema> schemas) {
  /** Copies the collections, keeping their order. */
  public ValidationResult {
    diagnostics = List.copyOf(diagnostics);
    schemas = Collections.unmodifiableMap(new LinkedHashMap<>(schemas));
  }

  /** Whether no problem was found. */
  public boolean isValid() {
    return diagnostics.isEmpty();
  }
}
