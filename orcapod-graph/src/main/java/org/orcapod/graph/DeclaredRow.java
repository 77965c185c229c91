package org.orcapod.graph;

import java.util.Objects;

/**
 * A row type a node declares (in the DSL, the record a node method returns).
 *
 * @param typeName the record's qualified name (or any stable name the runtime API gives)
 * @param schema its columns
 */
public record DeclaredRow(String typeName, RowSchema schema) {
  /** Checks the parts. */
  public DeclaredRow {
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(schema, "schema");
  }

  /** The simple name, as messages show it. */
  public String simpleName() {
    return Names.simple(typeName);
  }
}
