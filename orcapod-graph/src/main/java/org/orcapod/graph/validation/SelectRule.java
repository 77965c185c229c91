package org.orcapod.graph.validation;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.orcapod.graph.Anchor;
import org.orcapod.graph.Column;
import org.orcapod.graph.Messages;
import org.orcapod.graph.Node;
import org.orcapod.graph.NodeSpec;
import org.orcapod.graph.RowSchema;

/**
 * Select: keeps the named columns in their input roles. Without names (the DSL) the declared row's
 * components are the names.
 */
final class SelectRule implements NodeRule {
  @Override
  public @Nullable RowSchema apply(Node node, List<NamedSchema> inputs, DiagnosticSink sink) {
    if (!Arity.exactly(node, 1, sink)) {
      return null;
    }
    List<String> names = ((NodeSpec.Select) node.spec()).columns();
    boolean fromDeclared = names == null;
    if (fromDeclared) {
      if (node.declared() == null) {
        sink.report(
            Messages.missingDeclaredRow(node.name(), node.kind()), Anchor.method(node.name()));
        return null;
      }
      names = node.declared().schema().columnNames();
    }
    if (names.isEmpty()) {
      sink.report(
          Messages.emptyColumnList(node.name(), node.kind()),
          Anchor.annotation(node.name(), "value"));
      return null;
    }
    RowSchema in = inputs.get(0).schema();
    int before = sink.count();
    List<Column> tags = new ArrayList<>();
    List<Column> packets = new ArrayList<>();
    for (String name : names) {
      if (in.tag(name).isPresent()) {
        tags.add(in.tag(name).get());
      } else if (in.packet(name).isPresent()) {
        packets.add(in.packet(name).get());
      } else {
        String referrer =
            fromDeclared
                ? "Component '" + name + "' of " + node.declared().simpleName()
                : "@Select of node '" + node.name() + "'";
        sink.report(
            Messages.unknownColumn(
                referrer,
                name,
                node.name(),
                in.columnNames(),
                fromDeclared
                    ? "A @Select node keeps exactly its row record's components; rename or remove"
                        + " the component."
                    : "Select only columns of the input."),
            fromDeclared
                ? Anchor.returnType(node.name(), name)
                : Anchor.annotation(node.name(), "value"));
      }
    }
    return sink.count() == before ? new RowSchema(tags, packets) : null;
  }
}
