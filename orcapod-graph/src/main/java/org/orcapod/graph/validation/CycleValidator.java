package org.orcapod.graph.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.orcapod.graph.Anchor;
import org.orcapod.graph.Input;
import org.orcapod.graph.Messages;
import org.orcapod.graph.Node;
import org.orcapod.graph.PipelineGraph;

/**
 * Reports each cycle once, with its full path in data-flow order, on the input of the cycle's
 * first-declared node that closes it.
 */
final class CycleValidator implements GraphCheck {
  private enum Mark {
    ON_PATH,
    DONE
  }

  @Override
  public void check(PipelineGraph graph, DiagnosticSink sink) {
    Map<String, Mark> marks = new HashMap<>();
    Map<String, Integer> order = new HashMap<>();
    for (Node node : graph.nodes()) {
      order.putIfAbsent(node.name(), order.size());
    }
    for (Node node : graph.nodes()) {
      visit(graph, node, marks, new ArrayList<>(), order, sink);
    }
  }

  /** Depth-first along "reads from" edges; {@code path} holds the nodes being visited. */
  private void visit(
      PipelineGraph graph,
      Node node,
      Map<String, Mark> marks,
      List<String> path,
      Map<String, Integer> order,
      DiagnosticSink sink) {
    if (marks.containsKey(node.name())) {
      return;
    }
    marks.put(node.name(), Mark.ON_PATH);
    path.add(node.name());
    for (Input input : node.inputs()) {
      Node upstream = graph.node(input.upstream()).orElse(null);
      if (upstream == null) {
        continue;
      }
      Mark mark = marks.get(upstream.name());
      if (mark == Mark.ON_PATH) {
        report(path.subList(path.indexOf(upstream.name()), path.size()), order, sink);
      } else if (mark == null) {
        visit(graph, upstream, marks, path, order, sink);
      }
    }
    path.remove(path.size() - 1);
    marks.put(node.name(), Mark.DONE);
  }

  /**
   * {@code readers} is a chain in which each node reads from the next and the last reads from the
   * first. The message lists it in data-flow order starting at the first-declared node.
   */
  private void report(List<String> readers, Map<String, Integer> order, DiagnosticSink sink) {
    List<String> flow = new ArrayList<>(readers);
    java.util.Collections.reverse(flow); // now each node feeds the next; the last feeds the first
    int start = 0;
    for (int i = 1; i < flow.size(); i++) {
      if (order.get(flow.get(i)) < order.get(flow.get(start))) {
        start = i;
      }
    }
    List<String> path = new ArrayList<>();
    for (int i = 0; i <= flow.size(); i++) {
      path.add(flow.get((start + i) % flow.size()));
    }
    String first = path.get(0);
    String feeder = path.get(path.size() - 2);
    sink.report(Messages.dagCycle(path), Anchor.parameter(first, feeder));
  }
}
