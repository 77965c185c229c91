package org.orcapod.error;

/** A column has one type where another type is required (schema merge, join key, cast). */
public final class IncompatibleTypesException extends OrcapodException {
  private static final long serialVersionUID = 1L;

  private final String column;

  /** Creates the exception for {@code column} with a message naming both types and the fix. */
  public IncompatibleTypesException(String column, String message) {
    super("Orcapod/IncompatibleTypes", "column '" + column + "': " + message);
    this.column = column;
  }

  /** The column whose types disagree. */
  public String column() {
    return column;
  }
}
