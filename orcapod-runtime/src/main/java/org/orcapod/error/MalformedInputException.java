package org.orcapod.error;

import org.jspecify.annotations.Nullable;

/**
 * A row of a file or database result cannot be read as the declared or inferred schema, for example
 * a CSV cell {@code "abc"} in an integer column.
 */
public final class MalformedInputException extends OrcapodException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final @Nullable String column;

  /**
   * Creates the exception for {@code source} (a file path or query), 1-based {@code line} (or row
   * number), {@code column} (null when the whole row is wrong) and a {@code problem} that says what
   * was found and how to fix it.
   */
  public MalformedInputException(
      String source, long line, @Nullable String column, String problem) {
    super(
        "Orcapod/MalformedInput",
        source
            + ", line "
            + line
            + (column == null ? "" : ", column '" + column + "'")
            + ": "
            + problem);
    this.source = source;
    this.line = line;
    this.column = column;
  }

  /** The file path or query that held the bad row. */
  public String source() {
    return source;
  }

  /** The 1-based line (CSV, counting the header as line 1) or row number. */
  public long line() {
    return line;
  }

  /** The column of the bad cell, or null when the whole row is malformed. */
  public @Nullable String column() {
    return column;
  }
}
