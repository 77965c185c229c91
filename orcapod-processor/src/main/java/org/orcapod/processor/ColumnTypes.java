package org.orcapod.processor;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import org.jspecify.annotations.Nullable;
import org.orcapod.graph.ColumnType;
import org.orcapod.graph.Messages;

/**
 * Maps Java types of parameters and components to column types (the table in docs/dsl.md), with
 * nullability from any annotation named {@code Nullable} (JSpecify's, on the type or the element)
 * or from {@code Optional<T>}.
 */
final class ColumnTypes {
  private static final Map<String, String> SCALARS =
      Map.of(
          "java.lang.Long", "long",
          "java.lang.Double", "double",
          "java.lang.Boolean", "boolean",
          "java.lang.String", "String",
          "java.nio.file.Path", "Path",
          "java.time.LocalDate", "LocalDate",
          "java.math.BigDecimal", "BigDecimal");

  private static final Map<String, String> HINTS =
      Map.ofEntries(
          Map.entry("int", "Use long (Arrow int64, Python's int)."),
          Map.entry("short", "Use long (Arrow int64, Python's int)."),
          Map.entry("byte", "Use long (Arrow int64, Python's int)."),
          Map.entry("char", "Use String."),
          Map.entry("float", "Use double (Arrow float64, Python's float)."),
          Map.entry("java.lang.Integer", "Use Long (Arrow int64, Python's int)."),
          Map.entry("java.lang.Short", "Use Long (Arrow int64, Python's int)."),
          Map.entry("java.lang.Byte", "Use Long (Arrow int64, Python's int)."),
          Map.entry("java.lang.Character", "Use String."),
          Map.entry("java.lang.Float", "Use Double (Arrow float64, Python's float)."),
          Map.entry("java.io.File", "Use java.nio.file.Path."),
          Map.entry("java.util.Date", "Use java.time.LocalDate."),
          Map.entry("java.math.BigInteger", "Use long or BigDecimal."),
          Map.entry("java.util.Set", "Use List<T>."),
          Map.entry("java.util.Collection", "Use List<T>."),
          Map.entry("java.util.Map", "Use a List of records (Arrow has no map type in orcapod)."));

  /**
   * Reads a type. On an unsupported type, adds an {@code UnsupportedType} problem on {@code
   * element} and returns null; on a type that does not exist yet, throws {@link
   * TypeNotYetGenerated}.
   *
   * @param what how messages name the element, for example {@code "Parameter 'x' of F.f"}
   */
  @Nullable ColumnType read(TypeMirror type, Element element, String what, Problems problems) {
    boolean nullable = hasNullable(element.getAnnotationMirrors()) || hasNullable(type);
    TypeMirror t = type;
    if (isOptional(t)) {
      List<? extends TypeMirror> args = ((DeclaredType) t).getTypeArguments();
      if (args.size() != 1) {
        problems.add(element, Messages.unsupportedType(what, "raw Optional", "Write Optional<T>."));
        return null;
      }
      t = args.get(0);
      nullable = true;
    }
    String name = name(t, new HashSet<>());
    if (name == null) {
      String shown = t.toString();
      String hint = HINTS.getOrDefault(erasure(t), "");
      problems.add(element, Messages.unsupportedType(what, shown, hint));
      return null;
    }
    return new ColumnType(name, nullable);
  }

  /** The canonical name of a supported non-optional type, or null when unsupported. */
  private @Nullable String name(TypeMirror t, Set<String> recordsOnPath) {
    switch (t.getKind()) {
      case ERROR:
        throw new TypeNotYetGenerated(t.toString());
      case LONG:
        return "long";
      case DOUBLE:
        return "double";
      case BOOLEAN:
        return "boolean";
      case ARRAY:
        return ((ArrayType) t).getComponentType().getKind() == TypeKind.BYTE ? "byte[]" : null;
      case DECLARED:
        break;
      default:
        return null;
    }
    DeclaredType declared = (DeclaredType) t;
    TypeElement element = (TypeElement) declared.asElement();
    String qualified = element.getQualifiedName().toString();
    String scalar = SCALARS.get(qualified);
    if (scalar != null) {
      return scalar;
    }
    if (qualified.equals("java.util.List")) {
      if (declared.getTypeArguments().size() != 1) {
        return null;
      }
      TypeMirror arg = declared.getTypeArguments().get(0);
      if (arg.getKind() == TypeKind.WILDCARD) {
        return null;
      }
      String inner = name(arg, recordsOnPath);
      return inner == null ? null : "List<" + boxed(inner) + ">";
    }
    if (element.getKind() == ElementKind.RECORD && element.getTypeParameters().isEmpty()) {
      if (!recordsOnPath.add(qualified)) {
        return null; // a record that contains itself cannot be a column
      }
      for (RecordComponentElement c :
          ElementFilter.recordComponentsIn(element.getEnclosedElements())) {
        TypeMirror ct = c.asType();
        if (isOptional(ct)) {
          List<? extends TypeMirror> args = ((DeclaredType) ct).getTypeArguments();
          if (args.size() != 1) {
            return null;
          }
          ct = args.get(0);
        }
        if (name(ct, recordsOnPath) == null) {
          return null;
        }
      }
      recordsOnPath.remove(qualified);
      return element.getSimpleName().toString();
    }
    return null;
  }

  /**
   * Where to report a problem with a record component. javac gives record component elements no
   * source position, but the component's private field has the component's position.
   */
  static Element site(RecordComponentElement component) {
    for (Element e : component.getEnclosingElement().getEnclosedElements()) {
      if (e.getKind() == ElementKind.FIELD && e.getSimpleName().equals(component.getSimpleName())) {
        return e;
      }
    }
    return component;
  }

  private static String boxed(String name) {
    switch (name) {
      case "long":
        return "Long";
      case "double":
        return "Double";
      case "boolean":
        return "Boolean";
      default:
        return name;
    }
  }

  private static String erasure(TypeMirror t) {
    if (t instanceof DeclaredType d) {
      return ((TypeElement) d.asElement()).getQualifiedName().toString();
    }
    return t.toString();
  }

  static boolean isOptional(TypeMirror t) {
    return t instanceof DeclaredType d
        && ((TypeElement) d.asElement()).getQualifiedName().contentEquals("java.util.Optional");
  }

  static boolean hasNullable(TypeMirror t) {
    return hasNullable(t.getAnnotationMirrors());
  }

  static boolean hasNullable(List<? extends AnnotationMirror> mirrors) {
    for (AnnotationMirror m : mirrors) {
      if (m.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable")) {
        return true;
      }
    }
    return false;
  }
}
