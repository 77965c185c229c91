package org.orcapod.database;

/**
 * Records whose ids are already waiting in the pending (unflushed) batch of the same path while
 * {@code skipDuplicates} was false.
 */
public final class DuplicateRecordException extends InvalidRecordsException {
  public DuplicateRecordException(String message) {
    super(message);
  }
}
