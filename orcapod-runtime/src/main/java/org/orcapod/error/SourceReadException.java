package org.orcapod.error;

/** A source's backing store (file, database) could not be read at all. */
public final class SourceReadException extends OrcapodException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception naming the store and what failed. */
  public SourceReadException(String store, String problem, Throwable cause) {
    super("Orcapod/SourceRead", "cannot read " + store + ": " + problem, cause);
  }
}
