package org.orcapod.pipeline;

import java.util.List;
import java.util.Map;

/**
 * What one pipeline run did, node by node.
 *
 * @param runId the run's id (stamped on its log and status rows)
 * @param pipelineUri {@code name@<snapshot hash>}
 * @param completed labels of the nodes that ran to the end, in completion order
 * @param failed labels of the nodes whose run threw, with what they threw
 * @param skipped labels of the nodes not run because an upstream node failed (or, with fail-fast,
 *     because the run stopped)
 */
public record RunResult(
    String runId,
    String pipelineUri,
    List<String> completed,
    Map<String, Throwable> failed,
    List<String> skipped) {
  /** Copies the collections. */
  public RunResult {
    completed = List.copyOf(completed);
    failed = Map.copyOf(failed);
    skipped = List.copyOf(skipped);
  }

  /** Whether every node completed. */
  public boolean succeeded() {
    return failed.isEmpty() && skipped.isEmpty();
  }
}
