package org.orcapod.function;

import org.orcapod.error.OrcapodException;

/**
 * An input stream does not provide what a packet function needs: a column is missing or has another
 * type. Thrown before any packet runs.
 */
public final class InputSchemaMismatchException extends OrcapodException {
  private static final long serialVersionUID = 1L;

  private final String function;
  private final String column;

  /**
   * @param function the function's canonical name
   * @param column the offending input column
   * @param expected the type the function declares (or "a column" when it is missing)
   * @param actual the type the stream provides (or "nothing" when it is missing)
   */
  public InputSchemaMismatchException(
      String function, String column, String expected, String actual) {
    super(
        "Orcapod/InputSchemaMismatch",
        "function '"
            + function
            + "' needs input column '"
            + column
            + "' of type "
            + expected
            + " but the input stream provides "
            + actual
            + "; rename or cast the upstream column, or change the function's input schema");
    this.function = function;
    this.column = column;
  }

  /** The function's canonical name. */
  public String function() {
    return function;
  }

  /** The offending input column. */
  public String column() {
    return column;
  }
}
