package org.orcapod.cli;

/**
 * An expected failure of a command: {@link OrcapodCli} prints its message as one line on standard
 * error (no stack trace) and exits with its code.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** One of {@link ExitCodes}. */
  int exitCode() {
    return exitCode;
  }
}
