package org.orcapod.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import org.jspecify.annotations.Nullable;
import org.orcapod.graph.Column;
import org.orcapod.graph.ColumnType;
import org.orcapod.graph.Messages;

/** Validates a {@code @PacketFunction} method and builds its {@link FunctionModel}. */
final class FunctionReader {
  static final Pattern VERSION = Pattern.compile("(0|[1-9][0-9]{0,8})(?:\\.(0|[1-9][0-9]{0,8}))?");
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  private final Annotations annotations;
  private final ColumnTypes columnTypes;

  FunctionReader(Annotations annotations, ColumnTypes columnTypes) {
    this.annotations = annotations;
    this.columnTypes = columnTypes;
  }

  /** The function's name: {@code name} from the annotation, else the method's name. */
  String functionName(ExecutableElement method) {
    AnnotationMirror a = Annotations.find(method, Names.PACKET_FUNCTION).orElseThrow();
    String name = annotations.string(a, "name");
    return name.isEmpty() ? method.getSimpleName().toString() : name;
  }

  /** The model, or null after adding the problems that make the method unusable. */
  @Nullable FunctionModel read(ExecutableElement method, Problems problems) {
    AnnotationMirror annotation = Annotations.find(method, Names.PACKET_FUNCTION).orElseThrow();
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    String display = owner.getSimpleName() + "." + method.getSimpleName();
    int before = problems.count();

    checkCallable(method, owner, display, problems);

    String name = functionName(method);
    AnnotationValue nameValue = Annotations.explicit(annotation, "name");
    if (nameValue != null && !IDENTIFIER.matcher(name).matches()) {
      problems.add(
          method,
          annotation,
          nameValue,
          Messages.invalidAnnotation(
              "PacketFunction",
              "name",
              name,
              "is not a valid function name",
              "Use letters, digits and underscores, starting with a letter."));
    }
    for (ExecutableElement other : ElementFilter.methodsIn(owner.getEnclosedElements())) {
      if (other != method
          && Annotations.find(other, Names.PACKET_FUNCTION).isPresent()
          && functionName(other).equals(name)
          && owner.getEnclosedElements().indexOf(other)
              < owner.getEnclosedElements().indexOf(method)) {
        problems.add(
            method,
            annotation,
            Messages.invalidAnnotation(
                "PacketFunction",
                "name",
                name,
                "is already the name of another packet function of " + owner.getSimpleName(),
                "Function names identify stored results; give this one another name with"
                    + " @PacketFunction(name = \"...\")."));
      }
    }

    String version = annotations.string(annotation, "version");
    Matcher m = VERSION.matcher(version);
    int major = 0;
    int minor = 0;
    if (m.matches()) {
      major = Integer.parseInt(m.group(1));
      minor = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    } else {
      problems.add(
          method,
          annotation,
          Annotations.explicit(annotation, "version"),
          Messages.invalidAnnotation(
              "PacketFunction",
              "version",
              version,
              "is not a version",
              "Write \"<major>\" or \"<major>.<minor>\" with whole numbers, for example \"1\" or"
                  + " \"2.1\"; bump the major version when results change."));
    }

    List<Column> parameters = new ArrayList<>();
    for (VariableElement p : method.getParameters()) {
      String pname = p.getSimpleName().toString();
      ColumnType type =
          columnTypes.read(p.asType(), p, "Parameter '" + pname + "' of " + display, problems);
      if (type != null) {
        parameters.add(new Column(pname, type));
      }
    }
    if (method.getParameters().isEmpty()) {
      problems.add(
          method,
          Messages.notCallable(
              display,
              "it has no parameters, so it reads no packet column",
              "Add a parameter for each packet column the function reads."));
    }

    List<Column> outputs = new ArrayList<>();
    boolean returnsRecord = false;
    boolean mayDrop = false;
    String output = annotations.string(annotation, "output");
    AnnotationValue outputValue = Annotations.explicit(annotation, "output");
    TypeMirror returned = method.getReturnType();
    if (returned.getKind() == TypeKind.VOID) {
      problems.add(
          method,
          Messages.notCallable(
              display,
              "it returns void",
              "Return the outputs: a record whose components are the output columns, or one value"
                  + " whose column @PacketFunction(output = \"...\") names."));
    } else {
      mayDrop =
          ColumnTypes.isOptional(returned)
              || ColumnTypes.hasNullable(returned)
              || ColumnTypes.hasNullable(method.getAnnotationMirrors());
      TypeMirror value = returned;
      if (ColumnTypes.isOptional(returned)
          && ((DeclaredType) returned).getTypeArguments().size() == 1) {
        value = ((DeclaredType) returned).getTypeArguments().get(0);
      }
      if (value.getKind() == TypeKind.ERROR) {
        throw new TypeNotYetGenerated(value.toString());
      }
      TypeElement record =
          value instanceof DeclaredType d
                  && d.asElement() instanceof TypeElement te
                  && te.getKind() == ElementKind.RECORD
              ? te
              : null;
      if (!output.isEmpty()) {
        if (!IDENTIFIER.matcher(output).matches()) {
          problems.add(
              method,
              annotation,
              outputValue,
              Messages.invalidAnnotation(
                  "PacketFunction",
                  "output",
                  output,
                  "is not a valid column name",
                  "Use letters, digits and underscores, starting with a letter."));
        }
        ColumnType type = columnTypes.read(value, method, "The result of " + display, problems);
        if (type != null) {
          outputs.add(new Column(output, type));
        }
      } else if (record != null) {
        returnsRecord = true;
        outputs.addAll(recordOutputs(record, method, display, problems));
      } else {
        problems.add(
            method,
            annotation,
            Messages.invalidAnnotation(
                "PacketFunction",
                "output",
                "",
                "is empty, but " + display + " returns a single " + value + " value",
                "Name its column with @PacketFunction(output = \"...\"), or return a record whose"
                    + " components are the output columns."));
      }
    }

    if (problems.count() != before) {
      return null;
    }
    return new FunctionModel(
        method,
        owner.getQualifiedName().toString(),
        name,
        major,
        minor,
        method.getModifiers().contains(Modifier.STATIC),
        parameters,
        outputs,
        returnsRecord,
        mayDrop);
  }

  private List<Column> recordOutputs(
      TypeElement record, ExecutableElement method, String display, Problems problems) {
    List<Column> outputs = new ArrayList<>();
    if (!record.getTypeParameters().isEmpty()) {
      problems.add(
          method,
          Messages.invalidRowType(
              "The result of " + display,
              record.getSimpleName().toString(),
              "is generic",
              "Return a record with concrete component types."));
      return outputs;
    }
    for (RecordComponentElement c :
        ElementFilter.recordComponentsIn(record.getEnclosedElements())) {
      String cname = c.getSimpleName().toString();
      if (Annotations.find(c, Names.TAG).isPresent()) {
        problems.add(
            ColumnTypes.site(c),
            Messages.invalidRowType(
                "The result of " + display,
                record.getSimpleName().toString(),
                "marks component '" + cname + "' @Tag, but a function only produces packet columns",
                "Remove @Tag; tags pass through function nodes unchanged."));
        continue;
      }
      ColumnType type =
          columnTypes.read(
              c.asType(),
              ColumnTypes.site(c),
              "Component '" + cname + "' of " + record.getSimpleName(),
              problems);
      if (type != null) {
        outputs.add(new Column(cname, type));
      }
    }
    if (outputs.isEmpty() && problems.isEmpty()) {
      problems.add(
          method,
          Messages.invalidRowType(
              "The result of " + display,
              record.getSimpleName().toString(),
              "has no components",
              "Give the record a component per output column."));
    }
    return outputs;
  }

  private static void checkCallable(
      ExecutableElement method, TypeElement owner, String display, Problems problems) {
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      problems.add(
          method,
          Messages.notCallable(
              display,
              "it is private",
              "Make it package-private or public; generated code in the same package calls it."));
    }
    if (method.getModifiers().contains(Modifier.ABSTRACT)) {
      problems.add(
          method,
          Messages.notCallable(
              display,
              "it is abstract",
              "Give it a body, or put the annotation on an implementation."));
    }
    if (!method.getTypeParameters().isEmpty()) {
      problems.add(
          method,
          Messages.notCallable(
              display,
              "it has type parameters",
              "Give it concrete parameter and return types; each column has one type."));
    }
    if (method.isVarArgs()) {
      problems.add(
          method,
          Messages.notCallable(
              display,
              "it takes varargs",
              "Take a List<T> parameter instead; each parameter is one column."));
    }
    for (Element e = owner; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        problems.add(
            method,
            Messages.notCallable(
                display,
                "its enclosing class " + t.getSimpleName() + " is private",
                "Make the class package-private or public."));
      }
      if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
        problems.add(
            method,
            Messages.notCallable(
                display,
                "it is declared in a local or anonymous class",
                "Move it to a top-level or static nested class."));
        break;
      }
    }
    if (method.getModifiers().contains(Modifier.STATIC)) {
      return;
    }
    if (owner.getKind() != ElementKind.CLASS || owner.getModifiers().contains(Modifier.ABSTRACT)) {
      problems.add(
          method,
          Messages.notCallable(
              display,
              "it is an instance method of "
                  + (owner.getKind() == ElementKind.CLASS ? "an abstract class" : kind(owner))
                  + ", which cannot be instantiated",
              "Make the method static."));
      return;
    }
    if (owner.getNestingKind() == NestingKind.MEMBER
        && !owner.getModifiers().contains(Modifier.STATIC)) {
      problems.add(
          method,
          Messages.notCallable(
              display,
              "it is an instance method of the inner class "
                  + owner.getSimpleName()
                  + ", which needs an enclosing instance",
              "Make the class static, or make the method static."));
      return;
    }
    List<ExecutableElement> constructors =
        ElementFilter.constructorsIn(owner.getEnclosedElements());
    boolean noArg =
        constructors.stream()
            .anyMatch(
                c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
    if (!noArg) {
      problems.add(
          method,
          Messages.notCallable(
              display,
              "it is an instance method and "
                  + owner.getSimpleName()
                  + " has no non-private no-argument constructor",
              "Make the method static, or add a no-argument constructor."));
    }
  }

  private static String kind(TypeElement owner) {
    switch (owner.getKind()) {
      case INTERFACE:
        return "an interface";
      case ENUM:
        return "an enum";
      case RECORD:
        return "a record";
      default:
        return owner.getKind().toString().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
