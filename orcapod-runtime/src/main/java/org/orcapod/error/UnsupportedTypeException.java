package org.orcapod.error;

/** A Java, Arrow or Python type that orcapod cannot map to the other two representations. */
public final class UnsupportedTypeException extends OrcapodException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception naming the element (column, record component) and the type. */
  public UnsupportedTypeException(String element, String type, String hint) {
    super(
        "Orcapod/UnsupportedType",
        element + " has type " + type + ", which orcapod cannot represent. " + hint);
  }
}
