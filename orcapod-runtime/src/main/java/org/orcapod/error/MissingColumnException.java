package org.orcapod.error;

import java.util.List;

/** A column the caller named (as a tag, record id or selection) is not in the data. */
public final class MissingColumnException extends OrcapodException {
  private static final long serialVersionUID = 1L;

  private final String column;
  private final List<String> available;

  /**
   * Creates the exception for {@code column}, whose {@code role} (e.g. "tag column") the caller
   * asked for, listing the {@code available} columns.
   */
  public MissingColumnException(String role, String column, List<String> available) {
    super(
        "Orcapod/MissingColumn",
        role
            + " '"
            + column
            + "' is not in the data; available columns are "
            + available
            + ". Fix the column name or add the column to the input.");
    this.column = column;
    this.available = List.copyOf(available);
  }

  /** The missing column's name. */
  public String column() {
    return column;
  }

  /** The columns that were available. */
  public List<String> available() {
    return available;
  }
}
