package org.orcapod.graph;

import java.util.Objects;

/**
 * One problem's kind and text, before it is placed on an element or a node.
 *
 * @param kind the problem's kind
 * @param text what is wrong and how to fix it, without the id prefix
 */
public record Message(DiagnosticKind kind, String text) {
  /** Checks the parts. */
  public Message {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }

  /** The message as users see it: {@code "[Orcapod/Id] text"}. */
  public String render() {
    return kind.tag() + " " + text;
  }

  @Override
  public String toString() {
    return render();
  }
}
