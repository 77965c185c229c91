package org.orcapod.graph.validation;

import org.orcapod.graph.Anchor;
import org.orcapod.graph.Messages;
import org.orcapod.graph.Node;

/** Checks a node's number of inputs. */
final class Arity {
  private Arity() {}

  static boolean exactly(Node node, int count, DiagnosticSink sink) {
    if (node.inputs().size() == count) {
      return true;
    }
    String expected =
        count == 0 ? "no input" : count == 1 ? "exactly one input" : "exactly " + count + " inputs";
    sink.report(
        Messages.inputCount(node.name(), node.kind(), expected, node.inputs().size()),
        Anchor.method(node.name()));
    return false;
  }

  static boolean atLeast(Node node, int count, DiagnosticSink sink) {
    if (node.inputs().size() >= count) {
      return true;
    }
    String expected = count == 1 ? "at least one input" : "at least " + count + " inputs";
    sink.report(
        Messages.inputCount(node.name(), node.kind(), expected, node.inputs().size()),
        Anchor.method(node.name()));
    return false;
  }
}
