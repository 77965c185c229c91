package org.orcapod.error;

/** Two columns would get the same name (after a rename, a join or a merge of schemas). */
public final class DuplicateColumnException extends OrcapodException {
  private static final long serialVersionUID = 1L;

  private final String column;

  /** Creates the exception for {@code column}; {@code context} says where it arose and the fix. */
  public DuplicateColumnException(String column, String context) {
    super("Orcapod/DuplicateColumn", "column '" + column + "' appears twice: " + context);
    this.column = column;
  }

  /** The duplicated column's name. */
  public String column() {
    return column;
  }
}
