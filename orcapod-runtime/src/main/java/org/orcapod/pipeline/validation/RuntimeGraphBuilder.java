package org.orcapod.pipeline.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;
import org.orcapod.function.FunctionPodStream;
import org.orcapod.function.PacketFunction;
import org.orcapod.graph.Column;
import org.orcapod.graph.ColumnType;
import org.orcapod.graph.DeclaredRow;
import org.orcapod.graph.Input;
import org.orcapod.graph.Node;
import org.orcapod.graph.NodeSpec;
import org.orcapod.graph.PipelineGraph;
import org.orcapod.graph.RowSchema;
import org.orcapod.graph.validation.GraphValidator;
import org.orcapod.graph.validation.ValidationResult;
import org.orcapod.operator.Batch;
import org.orcapod.operator.DropPacketColumns;
import org.orcapod.operator.DropTagColumns;
import org.orcapod.operator.Join;
import org.orcapod.operator.MapPackets;
import org.orcapod.operator.MapTags;
import org.orcapod.operator.MergeJoin;
import org.orcapod.operator.Operator;
import org.orcapod.operator.OperatorStream;
import org.orcapod.operator.SelectPacketColumns;
import org.orcapod.operator.SelectTagColumns;
import org.orcapod.operator.SemiJoin;
import org.orcapod.schema.Schema;
import org.orcapod.schema.TypeMapping;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamSchema;

/**
 * Describes a runtime DAG (streams of sources, function pods and operators) as an {@code
 * orcapod-graph} {@link PipelineGraph} and runs the build-time validators on it, so a pipeline
 * built through the API reports the same {@code [Orcapod/…]} messages as the annotation processor.
 *
 * <p>Nodes are named and labelled by their (unique) pipeline labels. Only what the graph model can
 * express and the runtime also forbids is checked; where the runtime legitimately allows more than
 * the DSL, the description relaxes the rule (see {@code docs/dsl.md}, "The same checks at run
 * time"): joins may be cartesian, renames, selects and drops of absent columns are ignored as the
 * runtime ignores them, a function's optional inputs may be absent, and operators the model cannot
 * express (a {@code Filter}, whose typed predicate the runtime already checks, a one-input {@code
 * Join}, custom operators) enter as opaque nodes whose rows are the schema the runtime predicts.
 */
public final class RuntimeGraphBuilder {
  private static final Map<String, String> BOXES =
      Map.of("long", "Long", "double", "Double", "boolean", "Boolean");

  private final String pipelineName;
  private final List<Node> nodes = new ArrayList<>();

  /** Starts the description of pipeline {@code pipelineName}. */
  public RuntimeGraphBuilder(String pipelineName) {
    this.pipelineName = Objects.requireNonNull(pipelineName, "pipelineName");
  }

  /**
   * Adds the element {@code stream} labelled {@code label}, reading the elements labelled {@code
   * upstream} (in the stream's input order); add upstream elements first.
   */
  public RuntimeGraphBuilder add(String label, Stream stream, List<String> upstream) {
    nodes.add(node(label, stream, upstream));
    return this;
  }

  /** The graph described so far. */
  public PipelineGraph build() {
    return new PipelineGraph(pipelineName, nodes);
  }

  /** Runs {@link GraphValidator} on the graph described so far. */
  public ValidationResult validate() {
    return GraphValidator.validate(build());
  }

  /**
   * Validates and throws when anything was found.
   *
   * @throws PipelineValidationException listing every diagnostic
   */
  public void check() {
    ValidationResult result = validate();
    if (!result.isValid()) {
      throw new PipelineValidationException(pipelineName, result.diagnostics());
    }
  }

  private static Node node(String label, Stream stream, List<String> upstream) {
    List<Input> inputs = upstream.stream().map(Input::of).toList();
    if (stream instanceof FunctionPodStream f) {
      return new Node(label, label, inputs, null, apply(f));
    }
    if (stream instanceof OperatorStream o) {
      NodeSpec spec = operatorSpec(o.operator(), o.inputs());
      return spec == null ? opaque(label, stream) : new Node(label, label, inputs, null, spec);
    }
    return opaque(label, stream);
  }

  /** A node without inputs whose rows are what the runtime predicts for {@code stream}. */
  private static Node opaque(String label, Stream stream) {
    StreamSchema schema = stream.outputSchema();
    List<String> tags = schema.tag().names();
    // Downstream of a node that makes a name both a tag and a packet column (reported there), keep
    // the tag so this node can still be described.
    List<Column> packets =
        columns(schema.packet()).stream().filter(c -> !tags.contains(c.name())).toList();
    return new Node(
        label,
        label,
        List.of(),
        new DeclaredRow(stream.getClass().getName(), new RowSchema(columns(schema.tag()), packets)),
        new NodeSpec.Source());
  }

  private static NodeSpec apply(FunctionPodStream f) {
    PacketFunction function = f.pod().function();
    Schema available = f.input().outputSchema().packet();
    Schema in = function.inputSchema();
    List<Column> parameters = new ArrayList<>();
    for (Field field : in.fields()) {
      // An optional input (one with a default) may be absent, as the runtime accepts.
      if (available.contains(field.getName()) || !in.optionalFields().contains(field.getName())) {
        parameters.add(column(field));
      }
    }
    for (Field field : available.fields()) {
      // The runtime's function pods ignore packet columns they have no input for (Python
      // orcapod rejects them, and so does the DSL); the description treats them as consumed.
      if (!in.contains(field.getName())) {
        parameters.add(column(field));
      }
    }
    return new NodeSpec.Apply(
        function.canonicalName(), parameters, columns(function.outputSchema()), true);
  }

  /** The spec of an operator the model expresses, or null to describe it as opaque. */
  private static @Nullable NodeSpec operatorSpec(Operator op, List<Stream> inputs) {
    if (op instanceof Join) {
      // A one-input join passes its input through; the model requires two. Cartesian joins are
      // a runtime feature (Python orcapod's too).
      return inputs.size() < 2 ? null : new NodeSpec.Join(true);
    }
    if (op instanceof MergeJoin) {
      return new NodeSpec.MergeJoin(true);
    }
    if (op instanceof SemiJoin) {
      return new NodeSpec.SemiJoin();
    }
    if (op instanceof Batch b) {
      return new NodeSpec.Batch(b.batchSize(), b.dropPartialBatch());
    }
    if (inputs.size() != 1) {
      return null;
    }
    StreamSchema in = inputs.get(0).outputSchema();
    List<String> tags = in.tag().names();
    List<String> packets = in.packet().names();
    if (op instanceof SelectTagColumns s) {
      List<String> keep = new ArrayList<>(present(s.columns(), tags));
      keep.addAll(packets);
      return new NodeSpec.Select(keep);
    }
    if (op instanceof SelectPacketColumns s) {
      List<String> keep = new ArrayList<>(tags);
      keep.addAll(present(s.columns(), packets));
      return new NodeSpec.Select(keep);
    }
    if (op instanceof DropTagColumns d) {
      List<String> drop = present(d.columns(), tags);
      return drop.isEmpty() ? null : new NodeSpec.Drop(drop);
    }
    if (op instanceof DropPacketColumns d) {
      List<String> drop = present(d.columns(), packets);
      return drop.isEmpty() ? null : new NodeSpec.Drop(drop);
    }
    if (op instanceof MapTags m) {
      Map<String, String> renames = relevant(m.nameMap(), tags);
      return renames.isEmpty() ? null : new NodeSpec.MapTags(renames, m.dropUnmapped());
    }
    if (op instanceof MapPackets m) {
      Map<String, String> renames = relevant(m.nameMap(), packets);
      return renames.isEmpty() ? null : new NodeSpec.MapPackets(renames, m.dropUnmapped());
    }
    return null;
  }

  /** The names of {@code named} that {@code available} has (the runtime ignores the others). */
  private static List<String> present(List<String> named, List<String> available) {
    return named.stream().filter(available::contains).distinct().toList();
  }

  private static Map<String, String> relevant(Map<String, String> renames, List<String> group) {
    Map<String, String> out = new LinkedHashMap<>();
    renames.forEach(
        (from, to) -> {
          if (group.contains(from)) {
            out.put(from, to);
          }
        });
    return out;
  }

  /** The graph model's row schema of a runtime stream schema (data columns). */
  public static RowSchema rowSchema(StreamSchema schema) {
    return new RowSchema(columns(schema.tag()), columns(schema.packet()));
  }

  private static List<Column> columns(Schema schema) {
    return schema.fields().stream().map(RuntimeGraphBuilder::column).toList();
  }

  private static Column column(Field field) {
    return new Column(field.getName(), columnType(field));
  }

  /**
   * The graph model's column type of an Arrow field: the canonical name of the DSL's column-type
   * table and the field's nullability.
   */
  public static ColumnType columnType(Field field) {
    return new ColumnType(typeName(field), field.isNullable());
  }

  /**
   * The canonical name of an Arrow field's type, as the DSL's column-type table spells it: every
   * integer width is {@code long} and every float width {@code double} (Python's {@code int} and
   * {@code float}, which the runtime treats as one type), {@code String}, {@code boolean}, {@code
   * byte[]}, {@code Path}, {@code LocalDate}, {@code BigDecimal}, {@code List<E>} with the boxed
   * element name. A struct has no record name at run time, so it is {@code struct<a: T, …>} over
   * its children (whose nullability, like Python's types, it ignores); other Arrow types keep
   * Arrow's own name, so only the same Arrow type matches them.
   */
  public static String typeName(Field field) {
    ArrowType type = field.getType();
    return switch (type.getTypeID()) {
      case Int -> "long";
      case FloatingPoint -> "double";
      case Utf8, LargeUtf8, Utf8View -> "String";
      case Bool -> "boolean";
      case Binary, LargeBinary, BinaryView, FixedSizeBinary -> "byte[]";
      case Date -> "LocalDate";
      case Decimal -> "BigDecimal";
      case List, LargeList, FixedSizeList, ListView ->
          "List<" + boxed(typeName(field.getChildren().get(0))) + ">";
      case Struct -> TypeMapping.isPathStruct(field) ? "Path" : struct(field);
      default -> type.toString();
    };
  }

  private static String boxed(String name) {
    return BOXES.getOrDefault(name, name);
  }

  private static String struct(Field field) {
    List<String> parts = new ArrayList<>();
    for (Field child : field.getChildren()) {
      parts.add(child.getName() + ": " + typeName(child));
    }
    return "struct<" + String.join(", ", parts) + ">";
  }
}
