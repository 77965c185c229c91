package org.orcapod.pipeline;

/** What a pipeline node wraps; the lower-case name is Python orcapod's {@code node_type}. */
public enum NodeKind {
  /** A source stream (a leaf of the DAG). */
  SOURCE,
  /** A function pod over one input stream. */
  FUNCTION,
  /** An operator over one or more input streams. */
  OPERATOR;

  /** {@code source}, {@code function} or {@code operator}. */
  public String typeName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
