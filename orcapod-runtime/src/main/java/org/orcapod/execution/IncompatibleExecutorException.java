package org.orcapod.execution;

import java.util.Set;
import java.util.TreeSet;

/** An executor was assigned to a packet function whose type it cannot run. */
public final class IncompatibleExecutorException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String executorTypeId;
  private final String functionTypeId;

  /**
   * @param executorTypeId the executor's type id
   * @param supported the function type ids the executor supports
   * @param functionTypeId the function's type id
   * @param functionLabel names the function or node
   */
  public IncompatibleExecutorException(
      String executorTypeId, Set<String> supported, String functionTypeId, String functionLabel) {
    super(
        "[Orcapod/IncompatibleExecutor] executor '"
            + executorTypeId
            + "' cannot run '"
            + functionLabel
            + "' of function type '"
            + functionTypeId
            + "'; it supports "
            + new TreeSet<>(supported)
            + ". Assign an executor that supports '"
            + functionTypeId
            + "'");
    this.executorTypeId = executorTypeId;
    this.functionTypeId = functionTypeId;
  }

  /** The type id of the executor that was rejected. */
  public String executorTypeId() {
    return executorTypeId;
  }

  /** The type id of the function it was assigned to. */
  public String functionTypeId() {
    return functionTypeId;
  }
}
