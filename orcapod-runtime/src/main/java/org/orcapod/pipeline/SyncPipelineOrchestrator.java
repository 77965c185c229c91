package org.orcapod.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.orcapod.function.ErrorPolicy;
import org.orcapod.observe.ExecutionObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the nodes one after another in topological order, each reading its upstream nodes' buffered
 * output, as Python orcapod's {@code SyncPipelineOrchestrator}.
 *
 * <p>{@link ErrorPolicy#CONTINUE}: failing packets are skipped inside the node; a node that fails
 * as a whole is logged and its downstream nodes are skipped, the others still run. {@link
 * ErrorPolicy#FAIL_FAST}: the first failure stops the run with a {@link
 * PipelineExecutionException}.
 */
public final class SyncPipelineOrchestrator implements PipelineOrchestrator {
  private static final Logger LOG = LoggerFactory.getLogger(SyncPipelineOrchestrator.class);

  private final ErrorPolicy policy;

  /** An orchestrator with the {@link ErrorPolicy#CONTINUE} policy. */
  public SyncPipelineOrchestrator() {
    this(ErrorPolicy.CONTINUE);
  }

  /** An orchestrator with {@code policy}. */
  public SyncPipelineOrchestrator(ErrorPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** The error policy. */
  public ErrorPolicy errorPolicy() {
    return policy;
  }

  @Override
  public RunResult run(
      PipelineGraph graph, ExecutionObserver observer, String runId, String pipelineUri) {
    observer.onRunStart(runId, pipelineUri);
    try {
      List<String> completed = new ArrayList<>();
      Map<String, Throwable> failed = new LinkedHashMap<>();
      List<String> skipped = new ArrayList<>();
      Set<String> blocked = new HashSet<>();
      List<PipelineNode> nodes = graph.nodes();
      for (int i = 0; i < nodes.size(); i++) {
        PipelineNode n = nodes.get(i);
        if (n.upstream().stream().anyMatch(blocked::contains)) {
          skipped.add(n.label());
          blocked.add(n.label());
          continue;
        }
        try {
          n.execute(observer.contextualize(n.contentHash(), n.label(), n.storagePath()), policy);
          completed.add(n.label());
        } catch (Exception e) {
          failed.put(n.label(), e);
          blocked.add(n.label());
          if (policy == ErrorPolicy.FAIL_FAST) {
            for (int j = i + 1; j < nodes.size(); j++) {
              skipped.add(nodes.get(j).label());
            }
            throw new PipelineExecutionException(
                n.label(), new RunResult(runId, pipelineUri, completed, failed, skipped), e);
          }
          LOG.warn(
              "[Orcapod/NodeFailed] node '{}' failed in run {}; its downstream nodes are skipped",
              n.label(),
              runId,
              e);
        }
      }
      return new RunResult(runId, pipelineUri, completed, failed, skipped);
    } finally {
      observer.onRunEnd(runId);
    }
  }

  @Override
  public String toString() {
    return "SyncPipelineOrchestrator[" + policy + "]";
  }
}
