package org.orcapod.database;

/** Records whose columns differ from those already stored under the same record path. */
public final class RecordSchemaMismatchException extends InvalidRecordsException {
  public RecordSchemaMismatchException(String message) {
    super(message);
  }
}
