package org.orcapod.graph.validation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.orcapod.graph.Column;
import org.orcapod.graph.Node;
import org.orcapod.graph.NodeSpec;
import org.orcapod.graph.RowSchema;

/** Inner join: union of tags (shared ones agreeing), disjoint packet columns. */
final class JoinRule implements NodeRule {
  @Override
  public @Nullable RowSchema apply(Node node, List<NamedSchema> inputs, DiagnosticSink sink) {
    if (!Arity.atLeast(node, 2, sink)) {
      return null;
    }
    return join(node, inputs, ((NodeSpec.Join) node.spec()).allowCartesian(), sink);
  }

  /** The joined schema of {@code inputs}, or null after reporting why they cannot be joined. */
  static @Nullable RowSchema join(
      Node node, List<NamedSchema> inputs, boolean allowCartesian, DiagnosticSink sink) {
    if (inputs.size() == 1) {
      return inputs.get(0).schema();
    }
    List<Column> tags = Joins.unionTags(node, inputs, allowCartesian, sink);
    List<Column> packets = Joins.unionPackets(node, inputs, sink);
    if (tags == null || packets == null) {
      return null;
    }
    return Rows.of(node, tags, packets, inputs, sink);
  }
}
