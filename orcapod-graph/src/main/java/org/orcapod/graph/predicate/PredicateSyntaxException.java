package org.orcapod.graph.predicate;

/** Predicate text that does not parse; the message says what was expected and where. */
public final class PredicateSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int position;

  /** A syntax error at {@code position} (0-based) of the text. */
  public PredicateSyntaxException(String message, int position) {
    super(message);
    this.position = position;
  }

  /** The 0-based offset in the predicate text where parsing failed. */
  public int position() {
    return position;
  }
}
