package org.orcapod.pipeline;

import org.orcapod.observe.ExecutionObserver;

/**
 * Runs a compiled pipeline graph. Every implementation calls {@code observer.onRunStart(runId,
 * pipelineUri)} before any node runs and {@code observer.onRunEnd(runId)} in a {@code finally}
 * block, contextualises the observer once per node, and honours its error policy.
 */
public interface PipelineOrchestrator {
  /**
   * Runs every node of {@code graph}.
   *
   * @return what each node did
   * @throws PipelineExecutionException under the fail-fast policy, when a node fails
   */
  RunResult run(PipelineGraph graph, ExecutionObserver observer, String runId, String pipelineUri);
}
