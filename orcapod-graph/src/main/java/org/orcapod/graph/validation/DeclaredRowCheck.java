package org.orcapod.graph.validation;

import java.util.ArrayList;
import java.util.List;
import org.orcapod.graph.Anchor;
import org.orcapod.graph.Column;
import org.orcapod.graph.DeclaredRow;
import org.orcapod.graph.Messages;
import org.orcapod.graph.Node;
import org.orcapod.graph.RowSchema;

/**
 * A node's declared row has exactly the columns it produces, in the same roles, and each produced
 * value fits the declared component's type and nullability.
 */
final class DeclaredRowCheck {
  private DeclaredRowCheck() {}

  static void check(Node node, RowSchema produced, DiagnosticSink sink) {
    DeclaredRow declared = node.declared();
    if (declared == null) {
      return;
    }
    RowSchema want = declared.schema();
    List<String> missing = new ArrayList<>();
    List<String> wrongRole = new ArrayList<>();
    List<Column> common = new ArrayList<>();
    for (Column c : produced.tags()) {
      if (want.tag(c.name()).isPresent()) {
        common.add(c);
      } else if (want.packet(c.name()).isPresent()) {
        wrongRole.add(c.name());
      } else {
        missing.add(c.name());
      }
    }
    for (Column c : produced.packets()) {
      if (want.packet(c.name()).isPresent()) {
        common.add(c);
      } else if (want.tag(c.name()).isPresent()) {
        wrongRole.add(c.name());
      } else {
        missing.add(c.name());
      }
    }
    List<String> extra = new ArrayList<>();
    for (String name : want.columnNames()) {
      if (produced.column(name).isEmpty()) {
        extra.add(name);
      }
    }
    if (!missing.isEmpty() || !extra.isEmpty() || !wrongRole.isEmpty()) {
      sink.report(
          Messages.rowTypeMismatch(
              node.name(), declared.typeName(), produced, missing, extra, wrongRole),
          Anchor.returnType(node.name(), ""));
    }
    for (Column c : common) {
      Column target = want.column(c.name()).orElseThrow();
      if (!c.type().assignableTo(target.type())) {
        sink.report(
            Messages.typeMismatch(
                "Component '" + c.name() + "' of " + declared.simpleName(),
                target.type(),
                "node '" + node.name() + "' produces column '" + c.name() + "' that",
                c.type()),
            Anchor.returnType(node.name(), c.name()));
      }
    }
  }
}
