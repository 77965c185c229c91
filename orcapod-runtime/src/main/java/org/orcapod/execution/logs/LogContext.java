package org.orcapod.execution.logs;

import java.util.Objects;

/**
 * The identity a log row is stamped with: the run and the node that executed the packet. The
 * pipeline path that routes the log table is a storage detail and not part of it.
 *
 * @param runId the run's id, as given to the observer's {@code onRunStart}
 * @param nodeLabel the node's unique label in its pipeline
 * @param nodeHash the node's content hash, in its string form
 */
public record LogContext(String runId, String nodeLabel, String nodeHash) {
  /** Rejects nulls, naming the component. */
  public LogContext {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(nodeLabel, "nodeLabel");
    Objects.requireNonNull(nodeHash, "nodeHash");
  }
}
