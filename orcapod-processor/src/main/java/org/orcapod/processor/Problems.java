package org.orcapod.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import org.jspecify.annotations.Nullable;
import org.orcapod.graph.Message;

/**
 * The problems found while reading one element; they are reported only if reading completes (an
 * element that is deferred to a later round reports nothing now).
 */
final class Problems {
  private final List<Problem> problems = new ArrayList<>();

  void add(Element element, Message message) {
    problems.add(Problem.on(element, message));
  }

  void add(Element element, @Nullable AnnotationMirror annotation, Message message) {
    problems.add(Problem.on(element, annotation, message));
  }

  void add(
      Element element,
      @Nullable AnnotationMirror annotation,
      @Nullable AnnotationValue value,
      Message message) {
    problems.add(new Problem(element, annotation, value, message));
  }

  void addAll(Problems other) {
    problems.addAll(other.problems);
  }

  int count() {
    return problems.size();
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  List<Problem> list() {
    return problems;
  }
}
