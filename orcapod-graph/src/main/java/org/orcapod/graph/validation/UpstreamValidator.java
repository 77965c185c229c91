package org.orcapod.graph.validation;

import java.util.List;
import java.util.Optional;
import org.orcapod.graph.Anchor;
import org.orcapod.graph.Input;
import org.orcapod.graph.Messages;
import org.orcapod.graph.Node;
import org.orcapod.graph.PipelineGraph;

/**
 * Every input names an existing node, and an input's declared row type is the row type that node
 * declares.
 */
final class UpstreamValidator implements GraphCheck {
  @Override
  public void check(PipelineGraph graph, DiagnosticSink sink) {
    List<String> names = graph.nodeNames();
    for (Node node : graph.nodes()) {
      for (Input input : node.inputs()) {
        Anchor at = Anchor.parameter(node.name(), input.upstream());
        Optional<Node> upstream = graph.node(input.upstream());
        if (upstream.isEmpty()) {
          sink.report(Messages.unknownUpstream(node.name(), input.upstream(), names), at);
          continue;
        }
        String declared = input.rowType();
        if (declared != null
            && upstream.get().declared() != null
            && !declared.equals(upstream.get().declared().typeName())) {
          sink.report(
              Messages.upstreamRowType(
                  node.name(), input.upstream(), declared, upstream.get().declared().typeName()),
              at);
        }
      }
    }
  }
}
