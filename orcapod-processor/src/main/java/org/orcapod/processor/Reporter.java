package org.orcapod.processor;

import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;

/**
 * Prints problems as compiler errors, each once: a function read both on its own and for a pipeline
 * that applies it yields its problems twice, but the user sees them once.
 */
final class Reporter {
  private final Messager messager;
  private final Set<String> reported = new HashSet<>();
  private int errors;

  Reporter(Messager messager) {
    this.messager = messager;
  }

  void report(Problems problems) {
    for (Problem p : problems.list()) {
      if (!reported.add(p.key())) {
        continue;
      }
      errors++;
      String text = p.message().render();
      if (p.value() != null && p.annotation() != null) {
        messager.printMessage(Diagnostic.Kind.ERROR, text, p.element(), p.annotation(), p.value());
      } else if (p.annotation() != null) {
        messager.printMessage(Diagnostic.Kind.ERROR, text, p.element(), p.annotation());
      } else {
        messager.printMessage(Diagnostic.Kind.ERROR, text, p.element());
      }
    }
  }

  int errors() {
    return errors;
  }
}
