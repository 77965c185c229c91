package org.orcapod.function;

import org.orcapod.error.OrcapodException;

/** A packet function returned values that do not match its declared output schema. */
public final class FunctionOutputException extends OrcapodException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception naming the function and what was wrong. */
  public FunctionOutputException(String function, String message) {
    super("Orcapod/FunctionOutput", "function '" + function + "': " + message);
  }
}
