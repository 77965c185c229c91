package org.orcapod.pipeline;

import java.util.List;
import java.util.Objects;
import org.orcapod.function.ErrorPolicy;
import org.orcapod.node.FunctionNode;
import org.orcapod.node.NodeExecutionListener;
import org.orcapod.node.OperatorNode;
import org.orcapod.stream.Stream;

/**
 * One compiled node of a pipeline: its unique label, what it wraps, the node itself, its upstream
 * labels and its identity strings.
 *
 * @param label the unique label
 * @param kind source, function or operator
 * @param node a {@link org.orcapod.node.SourceNode}, {@link FunctionNode} or {@link OperatorNode}
 * @param upstream labels of the nodes it reads, in input order
 * @param contentHash the node's content hash (string form)
 * @param pipelineHash the node's pipeline hash (string form)
 * @param storagePath where the node's records live in the pipeline database (empty for sources);
 *     the log and status tables of the node sit under the same path
 */
public record PipelineNode(
    String label,
    NodeKind kind,
    Stream node,
    List<String> upstream,
    String contentHash,
    String pipelineHash,
    List<String> storagePath) {
  /** Checks the components. */
  public PipelineNode {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(node, "node");
    upstream = List.copyOf(upstream);
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(pipelineHash, "pipelineHash");
    storagePath = List.copyOf(storagePath);
  }

  /**
   * Runs the node with {@code listener} for its hooks; function nodes apply {@code policy}. Sources
   * have nothing to compute.
   *
   * @throws Exception under {@link ErrorPolicy#FAIL_FAST}, the first packet failure as thrown
   */
  public void execute(NodeExecutionListener listener, ErrorPolicy policy) {
    switch (kind) {
      case SOURCE -> {}
      case FUNCTION -> {
        FunctionNode f = (FunctionNode) node;
        f.setListener(listener);
        f.setErrorPolicy(policy);
        f.run();
      }
      case OPERATOR -> {
        OperatorNode o = (OperatorNode) node;
        o.setListener(listener);
        o.run();
      }
    }
  }
}
