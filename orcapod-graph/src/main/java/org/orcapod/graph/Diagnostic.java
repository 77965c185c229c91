package org.orcapod.graph;

import java.util.Objects;

/**
 * A graph validator's finding: a message placed on a part of a node's declaration.
 *
 * @param message the kind and text
 * @param anchor where it belongs
 */
public record Diagnostic(Message message, Anchor anchor) {
  /** Checks the parts. */
  public Diagnostic {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(anchor, "anchor");
  }

  /** The kind. */
  public DiagnosticKind kind() {
    return message.kind();
  }

  /** The message as users see it. */
  public String render() {
    return message.render();
  }

  @Override
  public String toString() {
    return anchor + ": " + render();
  }
}
