package org.orcapod.database.sql;

/** The SQL engines the databases write to. */
public enum SqlDialect {
  SQLITE,
  POSTGRES;

  /** Longest identifier the engine keeps; longer ones are truncated by PostgreSQL. */
  public int maxIdentifierBytes() {
    return this == POSTGRES ? 63 : Integer.MAX_VALUE;
  }

  /** {@code name} as a double-quoted identifier, inner quotes doubled. */
  public static String quote(String name) {
    if (name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("SQL identifiers cannot contain NUL: " + name);
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
