package org.orcapod.graph.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.orcapod.graph.Input;
import org.orcapod.graph.Node;
import org.orcapod.graph.NodeKind;
import org.orcapod.graph.PipelineGraph;
import org.orcapod.graph.RowSchema;

/**
 * Predicts every node's schema in data-flow order with its kind's rule, then checks the declared
 * row. Nodes whose inputs are unknown, in a cycle or already broken are skipped, so one mistake
 * gives one error rather than one per downstream node.
 */
final class SchemaValidator implements GraphCheck {
  private static final Map<NodeKind, NodeRule> RULES = new EnumMap<>(NodeKind.class);

  static {
    RULES.put(NodeKind.SOURCE, new SourceRule());
    RULES.put(NodeKind.APPLY, new ApplyRule());
    RULES.put(NodeKind.JOIN, new JoinRule());
    RULES.put(NodeKind.SEMI_JOIN, new SemiJoinRule());
    RULES.put(NodeKind.MERGE_JOIN, new MergeJoinRule());
    RULES.put(NodeKind.BATCH, new BatchRule());
    RULES.put(NodeKind.SELECT, new SelectRule());
    RULES.put(NodeKind.DROP, new DropRule());
    RULES.put(NodeKind.MAP_TAGS, new MapRule());
    RULES.put(NodeKind.MAP_PACKETS, new MapRule());
    RULES.put(NodeKind.FILTER, new FilterRule());
  }

  private final Map<String, RowSchema> schemas = new LinkedHashMap<>();

  @Override
  public void check(PipelineGraph graph, DiagnosticSink sink) {
    Set<String> done = new HashSet<>();
    Set<Node> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Node node : graph.nodes()) {
        if (visited.contains(node) || !inputsDone(node, done)) {
          continue;
        }
        visited.add(node);
        progress = true;
        List<NamedSchema> inputs = new ArrayList<>();
        boolean inputsKnown = true;
        for (Input input : node.inputs()) {
          RowSchema schema = schemas.get(input.upstream());
          if (schema == null) {
            inputsKnown = false;
          } else {
            inputs.add(new NamedSchema(input.upstream(), schema));
          }
        }
        RowSchema produced = inputsKnown ? RULES.get(node.kind()).apply(node, inputs, sink) : null;
        if (produced != null) {
          DeclaredRowCheck.check(node, produced, sink);
        }
        // Downstream nodes are checked against what this node declares when it declares a row,
        // which is what generated code types its rows as.
        RowSchema forDownstream =
            node.declared() != null && node.kind() != NodeKind.SOURCE && inputsKnown
                ? node.declared().schema()
                : produced;
        if (done.add(node.name()) && forDownstream != null) {
          schemas.put(node.name(), forDownstream);
        }
      }
    }
  }

  private static boolean inputsDone(Node node, Set<String> done) {
    return node.inputs().stream().allMatch(i -> done.contains(i.upstream()));
  }

  Map<String, RowSchema> schemas() {
    return schemas;
  }
}
