package org.orcapod.graph.validation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.orcapod.graph.Anchor;
import org.orcapod.graph.Column;
import org.orcapod.graph.Messages;
import org.orcapod.graph.Node;
import org.orcapod.graph.RowSchema;

/** Builds a row schema from predicted columns, reporting a name used as both tag and packet. */
final class Rows {
  private Rows() {}

  static @Nullable RowSchema of(
      Node node,
      List<Column> tags,
      List<Column> packets,
      List<NamedSchema> inputs,
      DiagnosticSink sink) {
    boolean clash = false;
    for (Column packet : packets) {
      if (tags.stream().anyMatch(t -> t.name().equals(packet.name()))) {
        String tagInput = origin(inputs, packet.name(), true);
        String packetInput = origin(inputs, packet.name(), false);
        sink.report(
            Messages.tagPacketCollision(node.name(), packet.name(), tagInput, packetInput),
            Anchor.parameter(node.name(), packetInput));
        clash = true;
      }
    }
    return clash ? null : new RowSchema(tags, packets);
  }

  private static String origin(List<NamedSchema> inputs, String column, boolean tag) {
    for (NamedSchema input : inputs) {
      if ((tag ? input.schema().tag(column) : input.schema().packet(column)).isPresent()) {
        return input.name();
      }
    }
    return inputs.isEmpty() ? "" : inputs.get(0).name();
  }
}
