package org.orcapod.graph.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.orcapod.graph.Anchor;
import org.orcapod.graph.Column;
import org.orcapod.graph.Messages;
import org.orcapod.graph.Node;
import org.orcapod.graph.NodeKind;
import org.orcapod.graph.NodeSpec;
import org.orcapod.graph.RowSchema;

/** MapTags and MapPackets: renames columns of one role; new names must not collide. */
final class MapRule implements NodeRule {
  @Override
  public @Nullable RowSchema apply(Node node, List<NamedSchema> inputs, DiagnosticSink sink) {
    if (!Arity.exactly(node, 1, sink)) {
      return null;
    }
    boolean tags = node.kind() == NodeKind.MAP_TAGS;
    Map<String, String> renames;
    boolean dropUnmapped;
    if (tags) {
      NodeSpec.MapTags spec = (NodeSpec.MapTags) node.spec();
      renames = spec.renames();
      dropUnmapped = spec.dropUnmapped();
    } else {
      NodeSpec.MapPackets spec = (NodeSpec.MapPackets) node.spec();
      renames = spec.renames();
      dropUnmapped = spec.dropUnmapped();
    }
    Anchor at = Anchor.annotation(node.name(), "value");
    if (renames.isEmpty()) {
      sink.report(Messages.emptyColumnList(node.name(), node.kind()), at);
      return null;
    }
    RowSchema in = inputs.get(0).schema();
    List<Column> mapped = tags ? in.tags() : in.packets();
    List<Column> other = tags ? in.packets() : in.tags();
    List<String> mappedNames = mapped.stream().map(Column::name).toList();
    int before = sink.count();
    for (String from : renames.keySet()) {
      if (!mappedNames.contains(from)) {
        boolean inOther = other.stream().anyMatch(c -> c.name().equals(from));
        String fix =
            inOther
                ? "'"
                    + from
                    + "' is a "
                    + (tags ? "packet" : "tag")
                    + " column; rename it with @"
                    + (tags ? "MapPackets" : "MapTags")
                    + "."
                : "Rename only " + (tags ? "tag" : "packet") + " columns of the input.";
        sink.report(
            Messages.unknownColumn(
                "@" + node.kind().annotation() + " of node '" + node.name() + "'",
                from,
                node.name(),
                mappedNames,
                fix),
            at);
      }
    }
    if (sink.count() != before) {
      return null;
    }
    List<Column> renamed = new ArrayList<>();
    for (Column c : mapped) {
      String to = renames.get(c.name());
      if (to != null) {
        renamed.add(new Column(to, c.type()));
      } else if (!dropUnmapped) {
        renamed.add(c);
      }
    }
    List<String> seen = new ArrayList<>(other.stream().map(Column::name).toList());
    for (Column c : renamed) {
      if (seen.contains(c.name())) {
        String from =
            renames.entrySet().stream()
                .filter(e -> e.getValue().equals(c.name()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(c.name());
        sink.report(Messages.renameCollision(node.name(), from, c.name()), at);
      }
      seen.add(c.name());
    }
    if (sink.count() != before) {
      return null;
    }
    return tags ? new RowSchema(renamed, other) : new RowSchema(other, renamed);
  }
}
