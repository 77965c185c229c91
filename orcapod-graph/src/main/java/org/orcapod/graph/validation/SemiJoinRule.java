package org.orcapod.graph.validation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.orcapod.graph.Anchor;
import org.orcapod.graph.Column;
import org.orcapod.graph.Messages;
import org.orcapod.graph.Node;
import org.orcapod.graph.RowSchema;

/** Semi-join: the first input's rows and schema; columns shared with the second must agree. */
final class SemiJoinRule implements NodeRule {
  @Override
  public @Nullable RowSchema apply(Node node, List<NamedSchema> inputs, DiagnosticSink sink) {
    if (!Arity.exactly(node, 2, sink)) {
      return null;
    }
    NamedSchema left = inputs.get(0);
    NamedSchema right = inputs.get(1);
    int before = sink.count();
    for (String name : left.schema().columnNames()) {
      Column l = left.schema().column(name).orElseThrow();
      Column r = right.schema().column(name).orElse(null);
      if (r != null && !l.type().name().equals(r.type().name())) {
        sink.report(
            Messages.incompatibleTagTypes(
                node.name(), name, left.name(), l.type(), right.name(), r.type()),
            Anchor.parameter(node.name(), right.name()));
      }
    }
    return sink.count() == before ? left.schema() : null;
  }
}
