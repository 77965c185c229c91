package org.orcapod.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import org.jspecify.annotations.Nullable;
import org.orcapod.graph.Message;

/**
 * A message placed on an element, optionally on one of its annotations and one of that annotation's
 * values, which is where the compiler shows it.
 */
record Problem(
    Element element,
    @Nullable AnnotationMirror annotation,
    @Nullable AnnotationValue value,
    Message message) {

  static Problem on(Element element, Message message) {
    return new Problem(element, null, null, message);
  }

  static Problem on(Element element, @Nullable AnnotationMirror annotation, Message message) {
    return new Problem(element, annotation, null, message);
  }

  /** Identity for de-duplication: the same text on the same spot is reported once. */
  String key() {
    return element.getEnclosingElement()
        + "#"
        + element.getKind()
        + " "
        + element
        + "|"
        + (annotation == null ? "" : annotation.getAnnotationType().toString())
        + "|"
        + (value == null ? "" : value.toString())
        + "|"
        + message.render();
  }
}
