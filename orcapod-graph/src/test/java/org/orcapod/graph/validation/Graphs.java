package org.orcapod.graph.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.orcapod.graph.Column;
import org.orcapod.graph.DeclaredRow;
import org.orcapod.graph.Input;
import org.orcapod.graph.Node;
import org.orcapod.graph.NodeSpec;
import org.orcapod.graph.PipelineGraph;
import org.orcapod.graph.RowSchema;

/** Terse graph construction for validator tests. */
final class Graphs {
  private final List<Node> nodes = new ArrayList<>();

  static RowSchema row(List<Column> tags, Column... packets) {
    return new RowSchema(tags, Arrays.asList(packets));
  }

  static List<Column> tags(Column... tags) {
    return Arrays.asList(tags);
  }

  static Column col(String name, String type) {
    return Column.of(name, type);
  }

  static Column nullable(String name, String type) {
    return Column.nullable(name, type);
  }

  static DeclaredRow declared(String type, RowSchema schema) {
    return new DeclaredRow("test." + type, schema);
  }

  Graphs source(String name, String type, RowSchema schema) {
    nodes.add(new Node(name, name, List.of(), declared(type, schema), new NodeSpec.Source()));
    return this;
  }

  Graphs node(String name, NodeSpec spec, String... inputs) {
    return node(name, null, spec, inputs);
  }

  Graphs node(String name, DeclaredRow declared, NodeSpec spec, String... inputs) {
    List<Input> in = Arrays.stream(inputs).map(Input::of).toList();
    nodes.add(new Node(name, name, in, declared, spec));
    return this;
  }

  Graphs add(Node node) {
    nodes.add(node);
    return this;
  }

  PipelineGraph graph() {
    return new PipelineGraph("test", nodes);
  }

  ValidationResult validate() {
    return GraphValidator.validate(graph());
  }
}
