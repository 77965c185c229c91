package org.orcapod.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import org.jspecify.annotations.Nullable;
import org.orcapod.graph.Anchor;
import org.orcapod.graph.DeclaredRow;
import org.orcapod.graph.Diagnostic;
import org.orcapod.graph.DiagnosticKind;
import org.orcapod.graph.Input;
import org.orcapod.graph.Messages;
import org.orcapod.graph.Node;
import org.orcapod.graph.NodeSpec;
import org.orcapod.graph.PipelineGraph;
import org.orcapod.graph.validation.GraphValidator;
import org.orcapod.graph.validation.ValidationResult;

/**
 * Reads a {@code @Pipeline} type: validates each node declaration, builds the {@link
 * PipelineGraph}, runs the shared graph validators and places their diagnostics on the method,
 * parameter or annotation value they concern.
 */
final class PipelineReader {
  private static final Pattern LABEL = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /** Node names the generated class needs for its own members ({@link PipelineWriter}). */
  static final List<String> RESERVED =
      List.of("builder", "close", "declaredPipelineHashes", "pipeline", "run");

  /** Names of the generated builder's own methods, which source nodes cannot take. */
  static final List<String> RESERVED_SOURCES = List.of("allocator", "build", "context", "database");

  private final Elements elements;
  private final Annotations annotations;
  private final RowTypeReader rows;
  private final FunctionReader functions;

  /** A node method and its kind annotation, where diagnostics about the node are placed. */
  private record Declaration(ExecutableElement method, AnnotationMirror kind) {}

  /**
   * The pipeline's graph and validation result, present only when nothing was reported, with each
   * node's method and each {@code @Apply} node's function, by node name.
   */
  record Result(
      @Nullable PipelineGraph graph,
      @Nullable ValidationResult validation,
      Map<String, ExecutableElement> methods,
      Map<String, FunctionModel> functions) {
    Result(@Nullable PipelineGraph graph, @Nullable ValidationResult validation) {
      this(graph, validation, Map.of(), Map.of());
    }
  }

  /** The function of each {@code @Apply} node read so far in {@link #read}, by node name. */
  private final Map<String, FunctionModel> applied = new LinkedHashMap<>();

  PipelineReader(
      Elements elements, Annotations annotations, RowTypeReader rows, FunctionReader functions) {
    this.elements = elements;
    this.annotations = annotations;
    this.rows = rows;
    this.functions = functions;
  }

  Result read(TypeElement type, Problems problems) {
    AnnotationMirror pipeline = Annotations.find(type, Names.PIPELINE).orElseThrow();
    int before = problems.count();
    boolean isAbstractClass =
        type.getKind() == ElementKind.CLASS && type.getModifiers().contains(Modifier.ABSTRACT);
    if (type.getKind() != ElementKind.INTERFACE && !isAbstractClass) {
      problems.add(
          type,
          pipeline,
          Messages.invalidNode(
              "@Pipeline type " + type.getSimpleName(),
              "is not an interface or abstract class",
              "Declare it as an interface or an abstract class; its abstract methods declare the"
                  + " nodes."));
      return new Result(null, null);
    }
    if (!type.getTypeParameters().isEmpty()) {
      problems.add(
          type,
          pipeline,
          Messages.invalidNode(
              "@Pipeline type " + type.getSimpleName(),
              "has type parameters",
              "Remove them: every node's row type must be concrete."));
    }
    String name = annotations.string(pipeline, "name");
    if (!name.isEmpty() && !LABEL.matcher(name).matches()) {
      problems.add(
          type,
          pipeline,
          Annotations.explicit(pipeline, "name"),
          Messages.invalidAnnotation(
              "Pipeline",
              "name",
              name,
              "is not a valid pipeline name",
              "Use letters, digits and underscores, starting with a letter; it names stored"
                  + " results."));
    }

    applied.clear();
    List<Node> nodes = new ArrayList<>();
    Map<String, List<Declaration>> declarations = new LinkedHashMap<>();
    Set<String> broken = new TreeSet<>();
    for (ExecutableElement method : nodeMethods(type)) {
      Problems nodeProblems = new Problems();
      Node node = readNode(type, method, declarations, nodeProblems);
      if (node != null) {
        nodes.add(node);
        if (!nodeProblems.isEmpty()) {
          broken.add(node.name());
        }
      }
      problems.addAll(nodeProblems);
    }
    PipelineGraph graph =
        new PipelineGraph(name.isEmpty() ? type.getSimpleName().toString() : name, nodes);
    ValidationResult validation = GraphValidator.validate(graph);
    for (Diagnostic d : validation.diagnostics()) {
      if (broken.contains(d.anchor().node())) {
        continue; // its declaration already has an error; the graph check would only echo it
      }
      place(d, declarations, type, problems);
    }
    if (problems.count() != before) {
      return new Result(null, null);
    }
    Map<String, ExecutableElement> methods = new LinkedHashMap<>();
    declarations.forEach((n, d) -> methods.put(n, d.get(0).method()));
    return new Result(graph, validation, methods, new LinkedHashMap<>(applied));
  }

  /**
   * Abstract methods, own ones first in declaration order (which every compiler keeps in {@code
   * getEnclosedElements}, unlike {@code getAllMembers}), then inherited ones; never Object's.
   */
  private List<ExecutableElement> nodeMethods(TypeElement type) {
    List<ExecutableElement> out = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (m.getModifiers().contains(Modifier.ABSTRACT)) {
        out.add(m);
      }
    }
    for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (m.getEnclosingElement().equals(type)) {
        continue;
      }
      Element owner = m.getEnclosingElement();
      if (owner instanceof TypeElement t
          && t.getQualifiedName().contentEquals("java.lang.Object")) {
        continue;
      }
      if (m.getModifiers().contains(Modifier.ABSTRACT)) {
        out.add(m);
      }
    }
    return out;
  }

  private @Nullable Node readNode(
      TypeElement pipeline,
      ExecutableElement method,
      Map<String, List<Declaration>> declarations,
      Problems problems) {
    String name = method.getSimpleName().toString();
    String what = "Node '" + name + "'";
    List<AnnotationMirror> kinds = new ArrayList<>();
    for (AnnotationMirror m : method.getAnnotationMirrors()) {
      for (String k : Names.NODE_KINDS) {
        if (Annotations.isNamed(m, k)) {
          kinds.add(m);
        }
      }
    }
    if (kinds.isEmpty()) {
      problems.add(
          method,
          Messages.invalidNode(
              "Abstract method " + name + "() of pipeline " + pipeline.getSimpleName(),
              "has no node annotation",
              "Annotate it with one of @Source, @Apply, @Join, @SemiJoin, @MergeJoin, @Batch,"
                  + " @Select, @Drop, @MapTags, @MapPackets or @Filter, or give it a body (a"
                  + " default method) if it is not a node."));
      return null;
    }
    AnnotationMirror kind = kinds.get(0);
    declarations.computeIfAbsent(name, n -> new ArrayList<>()).add(new Declaration(method, kind));
    if (kinds.size() > 1) {
      problems.add(
          method,
          kinds.get(1),
          Messages.invalidNode(
              what,
              "has two node annotations, @" + kindName(kind) + " and @" + kindName(kinds.get(1)),
              "A node does one thing; keep one annotation and declare another node for the"
                  + " other."));
    }
    if (!method.getTypeParameters().isEmpty()) {
      problems.add(
          method,
          Messages.invalidNode(
              what, "has type parameters", "Remove them; a node's row type is one record."));
    }
    boolean source =
        kinds.stream()
            .anyMatch(
                k ->
                    ((TypeElement) k.getAnnotationType().asElement())
                        .getQualifiedName()
                        .contentEquals(Names.SOURCE));
    if (RESERVED.contains(name) || source && RESERVED_SOURCES.contains(name)) {
      problems.add(
          method,
          Messages.invalidNode(
              what,
              "has a name the generated pipeline class uses for its own "
                  + (RESERVED.contains(name) ? "method " : "builder method ")
                  + name
                  + "()",
              "Rename the method (keep the label with @Label(\""
                  + name
                  + "\") if stored results should stay); reserved: "
                  + String.join(", ", RESERVED)
                  + (source ? ", and for sources " + String.join(", ", RESERVED_SOURCES) : "")
                  + "."));
    }

    DeclaredRow declared = rows.read(method.getReturnType(), method, what, problems);
    List<Input> inputs = new ArrayList<>();
    for (VariableElement p : method.getParameters()) {
      String pname = p.getSimpleName().toString();
      TypeMirror ptype = p.asType();
      if (ptype.getKind() == TypeKind.ERROR) {
        throw new TypeNotYetGenerated(ptype.toString());
      }
      DeclaredRow row =
          rows.read(ptype, p, "Parameter '" + pname + "' of node '" + name + "'", problems);
      inputs.add(new Input(pname, row == null ? null : row.typeName()));
    }

    String label = name;
    Optional<AnnotationMirror> labelAnnotation = Annotations.find(method, Names.LABEL);
    if (labelAnnotation.isPresent()) {
      label = annotations.string(labelAnnotation.get(), "value");
      if (!LABEL.matcher(label).matches()) {
        problems.add(
            method,
            labelAnnotation.get(),
            Annotations.explicit(labelAnnotation.get(), "value"),
            Messages.invalidAnnotation(
                "Label",
                "value",
                label,
                "is not a valid label",
                "Use letters, digits and underscores, starting with a letter; labels name stored"
                    + " tables."));
      }
    }

    NodeSpec spec = spec(method, kind, problems);
    return new Node(name, label, inputs, declared, spec);
  }

  private static String kindName(AnnotationMirror kind) {
    return kind.getAnnotationType().asElement().getSimpleName().toString();
  }

  private NodeSpec spec(ExecutableElement method, AnnotationMirror kind, Problems problems) {
    String k = ((TypeElement) kind.getAnnotationType().asElement()).getQualifiedName().toString();
    switch (k) {
      case Names.SOURCE:
        return new NodeSpec.Source();
      case Names.APPLY:
        return apply(method, kind, problems);
      case Names.JOIN:
        return new NodeSpec.Join(annotations.bool(kind, "allowCartesian"));
      case Names.SEMI_JOIN:
        return new NodeSpec.SemiJoin();
      case Names.MERGE_JOIN:
        return new NodeSpec.MergeJoin(annotations.bool(kind, "allowCartesian"));
      case Names.BATCH:
        return new NodeSpec.Batch(
            annotations.integer(kind, "size"), annotations.bool(kind, "dropPartial"));
      case Names.SELECT:
        return new NodeSpec.Select(null);
      case Names.DROP:
        return new NodeSpec.Drop(
            annotations.list(kind, "value").stream().map(v -> (String) v.getValue()).toList());
      case Names.MAP_TAGS:
        return new NodeSpec.MapTags(
            renames(method, kind, problems), annotations.bool(kind, "dropUnmapped"));
      case Names.MAP_PACKETS:
        return new NodeSpec.MapPackets(
            renames(method, kind, problems), annotations.bool(kind, "dropUnmapped"));
      case Names.FILTER:
        return new NodeSpec.Filter(annotations.string(kind, "value"));
      default:
        throw new IllegalStateException("not a node kind: " + k);
    }
  }

  private Map<String, String> renames(
      ExecutableElement method, AnnotationMirror kind, Problems problems) {
    Map<String, String> renames = new LinkedHashMap<>();
    for (AnnotationValue v : annotations.list(kind, "value")) {
      AnnotationMirror rename = (AnnotationMirror) v.getValue();
      String from = annotations.string(rename, "from");
      String to = annotations.string(rename, "to");
      if (!LABEL.matcher(to).matches()) {
        problems.add(
            method,
            kind,
            v,
            Messages.invalidAnnotation(
                "Rename",
                "to",
                to,
                "is not a valid column name",
                "Use letters, digits and underscores, starting with a letter."));
      }
      if (renames.putIfAbsent(from, to) != null) {
        problems.add(
            method,
            kind,
            v,
            Messages.invalidAnnotation(
                "Rename",
                "from",
                from,
                "renames a column that an earlier @Rename of this node already renames",
                "Keep one renaming per column."));
      }
    }
    return renames;
  }

  private NodeSpec apply(ExecutableElement method, AnnotationMirror kind, Problems problems) {
    TypeElement owner = annotations.type(kind, "value");
    String requested = annotations.string(kind, "function");
    boolean cartesian = annotations.bool(kind, "allowCartesian");
    if (owner == null) {
      String named = String.valueOf(annotations.value(kind, "value").getValue());
      problems.add(
          method,
          kind,
          Annotations.explicit(kind, "value"),
          Messages.unknownFunction(named, requested, List.of()));
      return new NodeSpec.Apply("?", List.of(), List.of(), cartesian);
    }
    List<ExecutableElement> candidates = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(owner.getEnclosedElements())) {
      if (Annotations.find(m, Names.PACKET_FUNCTION).isPresent()) {
        candidates.add(m);
      }
    }
    List<String> names = candidates.stream().map(functions::functionName).toList();
    ExecutableElement chosen = null;
    if (requested.isEmpty()) {
      if (candidates.size() == 1) {
        chosen = candidates.get(0);
      } else if (candidates.isEmpty()) {
        problems.add(
            method,
            kind,
            Annotations.explicit(kind, "value"),
            Messages.unknownFunction(owner.getSimpleName().toString(), "", names));
      } else {
        problems.add(
            method,
            kind,
            Annotations.explicit(kind, "value"),
            Messages.ambiguousFunction(owner.getSimpleName().toString(), names));
      }
    } else {
      int i = names.indexOf(requested);
      if (i < 0) {
        problems.add(
            method,
            kind,
            Annotations.explicit(kind, "function"),
            Messages.unknownFunction(owner.getSimpleName().toString(), requested, names));
      } else {
        chosen = candidates.get(i);
      }
    }
    FunctionModel function = chosen == null ? null : functions.read(chosen, problems);
    if (function == null) {
      return new NodeSpec.Apply("?", List.of(), List.of(), cartesian);
    }
    applied.put(method.getSimpleName().toString(), function);
    return new NodeSpec.Apply(
        function.displayName(), function.parameters(), function.outputs(), cartesian);
  }

  /** Puts a graph diagnostic on the element its anchor names. */
  private static void place(
      Diagnostic d,
      Map<String, List<Declaration>> declarations,
      TypeElement type,
      Problems problems) {
    Anchor anchor = d.anchor();
    List<Declaration> named = declarations.get(anchor.node());
    if (named == null) {
      problems.add(type, d.message());
      return;
    }
    // Overloads share a name; a duplicate is reported on the later declaration.
    Declaration decl =
        d.kind() == DiagnosticKind.DUPLICATE_LABEL ? named.get(named.size() - 1) : named.get(0);
    switch (anchor.site()) {
      case PARAMETER:
        for (VariableElement p : decl.method().getParameters()) {
          if (p.getSimpleName().contentEquals(anchor.detail())) {
            problems.add(p, d.message());
            return;
          }
        }
        problems.add(decl.method(), d.message());
        return;
      case ANNOTATION:
        problems.add(
            decl.method(),
            decl.kind(),
            Annotations.explicit(decl.kind(), anchor.detail()),
            d.message());
        return;
      case RETURN_TYPE:
      case METHOD:
      default:
        problems.add(decl.method(), d.message());
    }
  }
}
