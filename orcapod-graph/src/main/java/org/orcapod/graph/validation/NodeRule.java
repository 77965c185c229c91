package org.orcapod.graph.validation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.orcapod.graph.Node;
import org.orcapod.graph.RowSchema;

/** One node kind's checks and schema prediction. */
interface NodeRule {
  /**
   * Checks the node against its inputs' schemas and predicts its output schema.
   *
   * @return the output schema, or null when a reported problem leaves it unknown
   */
  @Nullable RowSchema apply(Node node, List<NamedSchema> inputs, DiagnosticSink sink);
}
