package org.orcapod.graph.validation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.orcapod.graph.Anchor;
import org.orcapod.graph.Messages;
import org.orcapod.graph.Node;
import org.orcapod.graph.RowSchema;

/** A source has no input; its schema is the row it declares. */
final class SourceRule implements NodeRule {
  @Override
  public @Nullable RowSchema apply(Node node, List<NamedSchema> inputs, DiagnosticSink sink) {
    if (!Arity.exactly(node, 0, sink)) {
      return null;
    }
    if (node.declared() == null) {
      sink.report(
          Messages.missingDeclaredRow(node.name(), node.kind()), Anchor.method(node.name()));
      return null;
    }
    return node.declared().schema();
  }
}
