package org.orcapod.execution.logs;

/** A tag or a recorded field would occupy a column the log table reserves or already has. */
public final class LogColumnCollisionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String column;

  LogColumnCollisionException(String column, String message) {
    super("[Orcapod/LogColumnCollision] " + message);
    this.column = column;
  }

  /** The contested column name. */
  public String column() {
    return column;
  }
}
