package org.orcapod.graph.validation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.orcapod.graph.Anchor;
import org.orcapod.graph.Column;
import org.orcapod.graph.Messages;
import org.orcapod.graph.Node;
import org.orcapod.graph.NodeSpec;
import org.orcapod.graph.RowSchema;

/**
 * A function pod: inputs are joined, every packet column must match a parameter by name and type
 * (and every parameter a packet column), tags pass through and the packet becomes the outputs.
 */
final class ApplyRule implements NodeRule {
  @Override
  public @Nullable RowSchema apply(Node node, List<NamedSchema> inputs, DiagnosticSink sink) {
    if (!Arity.atLeast(node, 1, sink)) {
      return null;
    }
    NodeSpec.Apply spec = (NodeSpec.Apply) node.spec();
    RowSchema input = JoinRule.join(node, inputs, spec.allowCartesian(), sink);
    if (input == null) {
      return null;
    }
    int before = sink.count();
    Anchor at = Anchor.annotation(node.name(), "value");
    for (Column parameter : spec.parameters()) {
      Column column = input.packet(parameter.name()).orElse(null);
      if (column == null) {
        String fix =
            input.tag(parameter.name()).isPresent()
                ? "'"
                    + parameter.name()
                    + "' is a tag column, and functions read packet columns only; copy it into"
                    + " the packet upstream, or rename the parameter."
                : "Rename the parameter to match a packet column, or rename the column with"
                    + " @MapPackets.";
        sink.report(
            Messages.unknownColumn(
                "Parameter '" + parameter.name() + "' of function " + spec.function(),
                parameter.name(),
                node.name(),
                input.packetNames(),
                fix),
            at);
      } else if (!column.type().assignableTo(parameter.type())) {
        sink.report(
            Messages.typeMismatch(
                "Parameter '" + parameter.name() + "' of function " + spec.function(),
                parameter.type(),
                "packet column '" + column.name() + "' of the input of node '" + node.name() + "'",
                column.type()),
            at);
      }
    }
    for (Column column : input.packets()) {
      if (spec.parameters().stream().noneMatch(p -> p.name().equals(column.name()))) {
        sink.report(Messages.unconsumedColumn(node.name(), spec.function(), column.name()), at);
      }
    }
    if (sink.count() != before) {
      return null;
    }
    return Rows.of(node, input.tags(), spec.outputs(), inputs, sink);
  }
}
