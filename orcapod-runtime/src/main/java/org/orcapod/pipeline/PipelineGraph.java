package org.orcapod.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled DAG: nodes in a topological order (every node after all its upstream nodes).
 *
 * @param nodes the nodes, upstream first
 */
public record PipelineGraph(List<PipelineNode> nodes) {
  /** Copies the list. */
  public PipelineGraph {
    nodes = List.copyOf(nodes);
  }

  /** The nodes by label, in topological order. */
  public Map<String, PipelineNode> byLabel() {
    Map<String, PipelineNode> out = new LinkedHashMap<>();
    nodes.forEach(n -> out.put(n.label(), n));
    return out;
  }

  /** The labels of the nodes that read {@code label}'s output. */
  public List<String> downstream(String label) {
    List<String> out = new ArrayList<>();
    for (PipelineNode n : nodes) {
      if (n.upstream().contains(label)) {
        out.add(n.label());
      }
    }
    return out;
  }
}
