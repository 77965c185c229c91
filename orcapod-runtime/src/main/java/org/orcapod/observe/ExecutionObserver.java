package org.orcapod.observe;

import java.util.List;
import org.orcapod.node.NodeExecutionListener;

/**
 * Observes pipeline runs, as Python orcapod's {@code ExecutionObserverProtocol}. The orchestrator
 * calls {@link #onRunStart} before anything runs and {@link #onRunEnd} in a {@code finally} block,
 * and contextualises the observer once per node; the node calls the returned listener's node and
 * packet hooks.
 *
 * <p>Implementations must not throw from any hook: a broken sink never changes a run's outcome.
 */
public interface ExecutionObserver {
  /**
   * A run starts.
   *
   * @param runId the run's unique id, stamped on every row the run writes
   * @param pipelineUri {@code name@<snapshot hash>}, or empty outside a pipeline
   */
  default void onRunStart(String runId, String pipelineUri) {}

  /** The run ended (normally or not). */
  default void onRunEnd(String runId) {}

  /**
   * A light per-node listener stamped with the node's identity.
   *
   * @param nodeHash the node's content hash, in its string form
   * @param nodeLabel the node's unique label in its pipeline
   * @param pipelinePath where the node's records live; routes the node's log and status tables and
   *     is never a column
   */
  NodeExecutionListener contextualize(String nodeHash, String nodeLabel, List<String> pipelinePath);

  /** {@link #contextualize(String, String, List)} for a node without a storage path. */
  default NodeExecutionListener contextualize(String nodeHash, String nodeLabel) {
    return contextualize(nodeHash, nodeLabel, List.of());
  }
}
