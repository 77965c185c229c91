package org.orcapod.pipeline;

import org.orcapod.error.OrcapodException;

/**
 * A fail-fast run stopped because a node failed; the cause is exactly what the node (or the user's
 * function) threw.
 */
public final class PipelineExecutionException extends OrcapodException {
  private static final long serialVersionUID = 1L;

  private final String nodeLabel;
  private final transient RunResult result;

  /** The run stopped at {@code nodeLabel}. */
  public PipelineExecutionException(String nodeLabel, RunResult result, Throwable cause) {
    super(
        "Orcapod/NodeFailed",
        "node '"
            + nodeLabel
            + "' failed in run "
            + result.runId()
            + " of "
            + result.pipelineUri()
            + " under the fail-fast policy: "
            + cause
            + "; fix the function or run with ErrorPolicy.CONTINUE to skip failing packets",
        cause);
    this.nodeLabel = nodeLabel;
    this.result = result;
  }

  /** The label of the node that failed first. */
  public String nodeLabel() {
    return nodeLabel;
  }

  /** What the run did before it stopped. */
  public RunResult result() {
    return result;
  }
}
