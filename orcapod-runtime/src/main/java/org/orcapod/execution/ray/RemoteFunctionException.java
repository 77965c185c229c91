package org.orcapod.execution.ray;

import org.jspecify.annotations.Nullable;

/**
 * Stands in for a function's exception that failed in a Ray worker but could not be brought back as
 * itself (it is not Serializable, or its class is missing on the driver). It names the original
 * class, and its message ends with the remote traceback when one was captured.
 */
public final class RemoteFunctionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String remoteClass;

  RemoteFunctionException(
      String remoteClass,
      @Nullable String message,
      @Nullable String traceback,
      @Nullable Throwable cause) {
    super(
        remoteClass
            + " thrown in a Ray worker could not be re-thrown as itself (make it Serializable and"
            + " put its class on the driver's class path): "
            + message
            + (traceback == null ? "" : System.lineSeparator() + "remote traceback: " + traceback),
        cause);
    this.remoteClass = remoteClass;
  }

  /** The class name of the exception thrown in the worker. */
  public String remoteClass() {
    return remoteClass;
  }
}
