package org.orcapod.processor;

/**
 * Thrown while reading an element that refers to a type the compiler cannot resolve yet, typically
 * one another processor generates in a later round; the element is deferred to that round.
 */
final class TypeNotYetGenerated extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TypeNotYetGenerated(String type) {
    super(type, null, false, false);
  }
}
