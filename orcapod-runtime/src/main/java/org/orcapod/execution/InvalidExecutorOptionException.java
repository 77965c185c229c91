package org.orcapod.execution;

/** An executor option has a value of the wrong type or out of range. */
public final class InvalidExecutorOptionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String option;

  /**
   * @param option the option's name
   * @param expected what the option accepts, for example "an integer >= 1"
   * @param actual the rejected value
   */
  public InvalidExecutorOptionException(String option, String expected, Object actual) {
    super(
        "[Orcapod/InvalidExecutorOption] executor option '"
            + option
            + "' must be "
            + expected
            + " but was "
            + describe(actual)
            + "; fix the value passed to withOptions(...) or the pipeline's engine options");
    this.option = option;
  }

  /** The name of the rejected option. */
  public String option() {
    return option;
  }

  private static String describe(Object value) {
    return value instanceof String
        ? "\"" + value + "\" (String)"
        : value + " (" + value.getClass().getSimpleName() + ")";
  }
}
