package org.orcapod.error;

/**
 * An operator or pod was given the wrong number of input streams, or an argument it cannot use (for
 * example a negative batch size).
 */
public final class InvalidInputsException extends OrcapodException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code message} names the operator, what was given and the fix. */
  public InvalidInputsException(String message) {
    super("Orcapod/InvalidInputs", message);
  }
}
