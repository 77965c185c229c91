package org.orcapod.graph;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One node of a pipeline graph.
 *
 * @param name the name inputs refer to it by (in the DSL, the method's name)
 * @param label the label its results are stored and shown under (defaults to the name)
 * @param inputs its upstream nodes, in parameter order
 * @param declared the row type it declares, or null when only its computed schema matters; required
 *     for sources
 * @param spec what it does
 */
public record Node(
    String name, String label, List<Input> inputs, @Nullable DeclaredRow declared, NodeSpec spec) {
  /** Checks the parts and copies the inputs. */
  public Node {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(spec, "spec");
    inputs = List.copyOf(inputs);
  }

  /** The node's kind. */
  public NodeKind kind() {
    return spec.kind();
  }
}
