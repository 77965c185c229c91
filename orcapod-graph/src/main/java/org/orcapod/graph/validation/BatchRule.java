package org.orcapod.graph.validation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.orcapod.graph.Anchor;
import org.orcapod.graph.Column;
import org.orcapod.graph.Messages;
import org.orcapod.graph.Node;
import org.orcapod.graph.NodeSpec;
import org.orcapod.graph.RowSchema;

/** Batch: every column of type T becomes {@code List<T>}. */
final class BatchRule implements NodeRule {
  @Override
  public @Nullable RowSchema apply(Node node, List<NamedSchema> inputs, DiagnosticSink sink) {
    if (!Arity.exactly(node, 1, sink)) {
      return null;
    }
    int size = ((NodeSpec.Batch) node.spec()).size();
    if (size < 0) {
      sink.report(
          Messages.negativeBatchSize(node.name(), size), Anchor.annotation(node.name(), "size"));
      return null;
    }
    RowSchema in = inputs.get(0).schema();
    return new RowSchema(lists(in.tags()), lists(in.packets()));
  }

  private static List<Column> lists(List<Column> columns) {
    return columns.stream().map(c -> new Column(c.name(), c.type().listOf())).toList();
  }
}
