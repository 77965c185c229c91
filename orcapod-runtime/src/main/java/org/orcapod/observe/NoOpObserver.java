package org.orcapod.observe;

import java.util.List;
import org.orcapod.node.NodeExecutionListener;

/** The observer that records nothing; the default, so that no caller needs a null check. */
public enum NoOpObserver implements ExecutionObserver {
  /** The single instance. */
  INSTANCE;

  @Override
  public NodeExecutionListener contextualize(
      String nodeHash, String nodeLabel, List<String> pipelinePath) {
    return NodeExecutionListener.NO_OP;
  }
}
