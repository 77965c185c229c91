package org.orcapod.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import org.jspecify.annotations.Nullable;

/** Reads annotation mirrors by qualified name, with defaults applied. */
final class Annotations {
  private final Elements elements;

  Annotations(Elements elements) {
    this.elements = elements;
  }

  static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (isNamed(mirror, qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  static boolean isNamed(AnnotationMirror mirror, String qualifiedName) {
    Element type = mirror.getAnnotationType().asElement();
    return type instanceof TypeElement t && t.getQualifiedName().contentEquals(qualifiedName);
  }

  /** The value as written, or null when the attribute was left at its default. */
  static @Nullable AnnotationValue explicit(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The value, defaults applied. */
  AnnotationValue value(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return e.getValue();
      }
    }
    throw new IllegalArgumentException("no attribute " + attribute + " on " + mirror);
  }

  String string(AnnotationMirror mirror, String attribute) {
    return (String) value(mirror, attribute).getValue();
  }

  boolean bool(AnnotationMirror mirror, String attribute) {
    return (Boolean) value(mirror, attribute).getValue();
  }

  int integer(AnnotationMirror mirror, String attribute) {
    return (Integer) value(mirror, attribute).getValue();
  }

  /** An array attribute's elements. */
  List<AnnotationValue> list(AnnotationMirror mirror, String attribute) {
    Object v = value(mirror, attribute).getValue();
    List<AnnotationValue> out = new ArrayList<>();
    if (v instanceof List<?> items) {
      for (Object item : items) {
        out.add((AnnotationValue) item);
      }
    }
    return out;
  }

  /**
   * A class-literal attribute's class, or null when it names no class (a primitive or array). A
   * class that does not exist yet arrives as an error type (or, under some compilers, as the string
   * "&lt;error&gt;"), which defers the element.
   */
  @Nullable TypeElement type(AnnotationMirror mirror, String attribute) {
    Object v = value(mirror, attribute).getValue();
    if (v instanceof TypeMirror t) {
      if (t.getKind() == TypeKind.DECLARED) {
        return (TypeElement) ((DeclaredType) t).asElement();
      }
      if (t.getKind() != TypeKind.ERROR) {
        return null;
      }
    }
    throw new TypeNotYetGenerated(String.valueOf(v));
  }
}
