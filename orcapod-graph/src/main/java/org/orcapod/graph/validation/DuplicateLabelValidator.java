package org.orcapod.graph.validation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.orcapod.graph.Anchor;
import org.orcapod.graph.Messages;
import org.orcapod.graph.Node;
import org.orcapod.graph.PipelineGraph;

/** Node names (what inputs refer to) and labels (what storage uses) are each unique. */
final class DuplicateLabelValidator implements GraphCheck {
  @Override
  public void check(PipelineGraph graph, DiagnosticSink sink) {
    Set<String> names = new HashSet<>();
    Map<String, String> labels = new HashMap<>();
    for (Node node : graph.nodes()) {
      if (!names.add(node.name())) {
        sink.report(Messages.duplicateName(node.name()), Anchor.method(node.name()));
        continue;
      }
      String first = labels.putIfAbsent(node.label(), node.name());
      if (first != null) {
        sink.report(
            Messages.duplicateLabel(node.label(), node.name(), first), Anchor.method(node.name()));
      }
    }
  }
}
