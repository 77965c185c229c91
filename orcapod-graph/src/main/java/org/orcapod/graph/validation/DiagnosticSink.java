package org.orcapod.graph.validation;

import java.util.ArrayList;
import java.util.List;
import org.orcapod.graph.Anchor;
import org.orcapod.graph.Diagnostic;
import org.orcapod.graph.Message;

/** Collects the validators' findings in the order they are reported. */
final class DiagnosticSink {
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  void report(Message message, Anchor anchor) {
    diagnostics.add(new Diagnostic(message, anchor));
  }

  int count() {
    return diagnostics.size();
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
