package org.orcapod.cli;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orcapod.pipeline.NodeKind;
import org.orcapod.pipeline.PipelineGraph;
import org.orcapod.pipeline.PipelineNode;

/**
 * Writes a compiled pipeline graph as Mermaid or Graphviz DOT text. Node ids derive from the node
 * labels (unique in a pipeline), so they stay the same as long as the pipeline's structure does;
 * the label and the node kind are shown on every node, and each kind has its own shape (source:
 * parallelogram, function: rectangle, operator: hexagon). Nodes and edges come in topological
 * order.
 */
final class DagRenderer {
  private final String name;
  private final List<PipelineNode> nodes;
  private final Map<String, String> ids;

  DagRenderer(String name, PipelineGraph graph) {
    this.name = name;
    this.nodes = graph.nodes();
    this.ids = ids(nodes);
  }

  /**
   * {@code <kind>_<12 hex digits of the pipeline hash>}; nodes sharing a pipeline hash (the same
   * schema and position, e.g. two sources of one schema) get {@code _2}, {@code _3} in topological
   * order.
   */
  static Map<String, String> ids(List<PipelineNode> nodes) {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, Integer> used = new HashMap<>();
    for (PipelineNode n : nodes) {
      String hash = n.pipelineHash();
      String hex = hash.substring(hash.lastIndexOf(':') + 1).replaceAll("[^A-Za-z0-9]", "");
      String id = n.kind().typeName() + "_" + hex.substring(0, Math.min(12, hex.length()));
      int k = used.merge(id, 1, Integer::sum);
      out.put(n.label(), k == 1 ? id : id + "_" + k);
    }
    return out;
  }

  String mermaid() {
    StringBuilder b = new StringBuilder();
    b.append("%% pipeline ").append(name).append('\n');
    b.append("flowchart TD\n");
    for (PipelineNode n : nodes) {
      String text = mermaidText(n.label()) + "<br/><i>" + n.kind().typeName() + "</i>";
      String id = ids.get(n.label());
      String shape =
          switch (n.kind()) {
            case SOURCE -> "[/\"" + text + "\"/]";
            case FUNCTION -> "[\"" + text + "\"]";
            case OPERATOR -> "{{\"" + text + "\"}}";
          };
      b.append("  ").append(id).append(shape).append('\n');
    }
    for (PipelineNode n : nodes) {
      for (String up : n.upstream()) {
        b.append("  ").append(ids.get(up)).append(" --> ").append(ids.get(n.label())).append('\n');
      }
    }
    for (NodeKind k : NodeKind.values()) {
      StringBuilder members = new StringBuilder();
      for (PipelineNode n : nodes) {
        if (n.kind() == k) {
          members.append(members.length() == 0 ? "" : ",").append(ids.get(n.label()));
        }
      }
      if (members.length() > 0) {
        b.append("  classDef ").append(k.typeName()).append(' ').append(style(k)).append('\n');
        b.append("  class ").append(members).append(' ').append(k.typeName()).append('\n');
      }
    }
    return b.toString();
  }

  String dot() {
    StringBuilder b = new StringBuilder();
    b.append("digraph ").append(dotString(name)).append(" {\n");
    b.append("  rankdir=TB;\n");
    b.append("  node [fontname=\"Helvetica\", style=filled];\n");
    for (PipelineNode n : nodes) {
      String shape =
          switch (n.kind()) {
            case SOURCE -> "parallelogram";
            case FUNCTION -> "box";
            case OPERATOR -> "hexagon";
          };
      b.append("  ")
          .append(ids.get(n.label()))
          .append(" [label=")
          .append(dotString(n.label() + "\n" + n.kind().typeName()))
          .append(", shape=")
          .append(shape)
          .append(", fillcolor=\"")
          .append(fill(n.kind()))
          .append("\"];\n");
    }
    for (PipelineNode n : nodes) {
      for (String up : n.upstream()) {
        b.append("  ").append(ids.get(up)).append(" -> ").append(ids.get(n.label())).append(";\n");
      }
    }
    b.append("}\n");
    return b.toString();
  }

  private static String fill(NodeKind k) {
    return switch (k) {
      case SOURCE -> "#e8f4e8";
      case FUNCTION -> "#e8eef8";
      case OPERATOR -> "#f8f0e0";
    };
  }

  private static String style(NodeKind k) {
    return "fill:" + fill(k) + ",stroke:#555";
  }

  /** Mermaid text inside double quotes: quotes and markup characters as entity codes. */
  private static String mermaidText(String s) {
    return s.replace("&", "#amp;")
        .replace("\"", "#quot;")
        .replace("<", "#lt;")
        .replace(">", "#gt;");
  }

  /** A DOT double-quoted string; a newline becomes DOT's centred line break. */
  private static String dotString(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
