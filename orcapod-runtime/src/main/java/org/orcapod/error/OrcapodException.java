package org.orcapod.error;

/**
 * Base of every error orcapod reports about its input or its state.
 *
 * <p>The message always starts with {@code [<id>]}, a stable identifier such as {@code
 * Orcapod/MissingColumn}, followed by what was wrong and how to fix it.
 */
public class OrcapodException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String id;

  /**
   * Creates an exception with the stable {@code id} (for example {@code Orcapod/MissingColumn}) and
   * a message that names the element and the fix.
   */
  public OrcapodException(String id, String message) {
    super("[" + id + "] " + message);
    this.id = id;
  }

  /** Creates an exception with a cause. */
  public OrcapodException(String id, String message, Throwable cause) {
    super("[" + id + "] " + message, cause);
    this.id = id;
  }

  /** The stable identifier of this kind of error, e.g. {@code Orcapod/MissingColumn}. */
  public String id() {
    return id;
  }
}
