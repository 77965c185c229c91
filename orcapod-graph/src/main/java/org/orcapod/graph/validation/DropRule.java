package org.orcapod.graph.validation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.orcapod.graph.Anchor;
import org.orcapod.graph.Messages;
import org.orcapod.graph.Node;
import org.orcapod.graph.NodeSpec;
import org.orcapod.graph.RowSchema;

/** Drop: removes the named columns, each of which must exist. */
final class DropRule implements NodeRule {
  @Override
  public @Nullable RowSchema apply(Node node, List<NamedSchema> inputs, DiagnosticSink sink) {
    if (!Arity.exactly(node, 1, sink)) {
      return null;
    }
    List<String> dropped = ((NodeSpec.Drop) node.spec()).columns();
    Anchor at = Anchor.annotation(node.name(), "value");
    if (dropped.isEmpty()) {
      sink.report(Messages.emptyColumnList(node.name(), node.kind()), at);
      return null;
    }
    RowSchema in = inputs.get(0).schema();
    int before = sink.count();
    for (String name : dropped) {
      if (in.column(name).isEmpty()) {
        sink.report(
            Messages.unknownColumn(
                "@Drop of node '" + node.name() + "'",
                name,
                node.name(),
                in.columnNames(),
                "Drop only columns of the input."),
            at);
      }
    }
    if (sink.count() != before) {
      return null;
    }
    return new RowSchema(
        in.tags().stream().filter(c -> !dropped.contains(c.name())).toList(),
        in.packets().stream().filter(c -> !dropped.contains(c.name())).toList());
  }
}
