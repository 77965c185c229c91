package org.orcapod.database;

/**
 * The storage behind a database failed: an SQL error, a lock that was not released in time, a
 * closed database. When a flush fails this way nothing of it was written and the pending records
 * are kept, so the flush can be retried.
 */
public class DatabaseAccessException extends RuntimeException {
  public DatabaseAccessException(String message, Throwable cause) {
    super(message, cause);
  }

  public DatabaseAccessException(String message) {
    super(message);
  }
}
