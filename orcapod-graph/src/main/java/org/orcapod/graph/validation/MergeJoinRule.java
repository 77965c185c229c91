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

/** Merge-join: a join whose shared packet columns (of one type T) become {@code List<T>}. */
final class MergeJoinRule implements NodeRule {
  @Override
  public @Nullable RowSchema apply(Node node, List<NamedSchema> inputs, DiagnosticSink sink) {
    if (!Arity.exactly(node, 2, sink)) {
      return null;
    }
    List<Column> tags =
        Joins.unionTags(node, inputs, ((NodeSpec.MergeJoin) node.spec()).allowCartesian(), sink);
    NamedSchema left = inputs.get(0);
    NamedSchema right = inputs.get(1);
    int before = sink.count();
    List<Column> packets = new ArrayList<>();
    for (Column l : left.schema().packets()) {
      Column r = right.schema().packet(l.name()).orElse(null);
      if (r == null) {
        packets.add(l);
      } else if (!l.type().name().equals(r.type().name())) {
        sink.report(
            Messages.typeMismatch(
                "Packet column '" + l.name() + "' of '" + right.name() + "'",
                r.type(),
                "the same column of '" + left.name() + "', merged with it into one list,",
                l.type()),
            Anchor.parameter(node.name(), right.name()));
      } else {
        packets.add(new Column(l.name(), l.type().listOf()));
      }
    }
    for (Column r : right.schema().packets()) {
      if (left.schema().packet(r.name()).isEmpty()) {
        packets.add(r);
      }
    }
    if (tags == null || sink.count() != before) {
      return null;
    }
    return Rows.of(node, tags, packets, inputs, sink);
  }
}
