package org.orcapod.graph;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pipeline as a graph: its name and its nodes in declaration order. It may be invalid (unknown
 * upstreams, cycles, duplicate names); the validators say how.
 *
 * @param name the pipeline's name
 * @param nodes the nodes in declaration order
 */
public record PipelineGraph(String name, List<Node> nodes) {
  /** Copies the list. */
  public PipelineGraph {
    Objects.requireNonNull(name, "name");
    nodes = List.copyOf(nodes);
  }

  /** The first node with that name, if any. */
  public Optional<Node> node(String nodeName) {
    return nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst();
  }

  /** The node names in declaration order. */
  public List<String> nodeNames() {
    return nodes.stream().map(Node::name).toList();
  }
}
