package org.orcapod.database;

/**
 * Records a database refuses before writing anything: a missing or null record id, an unsupported
 * column, or a schema that differs from the one already stored under the same path.
 */
public class InvalidRecordsException extends IllegalArgumentException {
  public InvalidRecordsException(String message) {
    super(message);
  }
}
