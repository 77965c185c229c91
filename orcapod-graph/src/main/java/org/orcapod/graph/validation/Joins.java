package org.orcapod.graph.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.orcapod.graph.Anchor;
import org.orcapod.graph.Column;
import org.orcapod.graph.Messages;
import org.orcapod.graph.Node;

/**
 * The tag side of every join: tag columns are unioned, shared ones must agree in type, and inputs
 * that share no tag column need an explicit opt-in.
 */
final class Joins {
  private Joins() {}

  /**
   * The union of the inputs' tag columns, or null after reporting incompatible types or an
   * unintended cartesian product.
   */
  static @Nullable List<Column> unionTags(
      Node node, List<NamedSchema> inputs, boolean allowCartesian, DiagnosticSink sink) {
    int before = sink.count();
    Map<String, Column> tags = new LinkedHashMap<>();
    Map<String, String> tagOrigin = new LinkedHashMap<>();
    boolean anyShared = false;
    for (NamedSchema input : inputs) {
      for (Column tag : input.schema().tags()) {
        Column seen = tags.get(tag.name());
        if (seen == null) {
          tags.put(tag.name(), tag);
          tagOrigin.put(tag.name(), input.name());
        } else if (!seen.type().name().equals(tag.type().name())) {
          sink.report(
              Messages.incompatibleTagTypes(
                  node.name(),
                  tag.name(),
                  tagOrigin.get(tag.name()),
                  seen.type(),
                  input.name(),
                  tag.type()),
              Anchor.parameter(node.name(), input.name()));
        } else {
          anyShared = true;
          boolean nullable = seen.type().nullable() || tag.type().nullable();
          tags.put(tag.name(), new Column(tag.name(), seen.type().withNullable(nullable)));
        }
      }
    }
    if (!anyShared && inputs.size() > 1 && !allowCartesian && sink.count() == before) {
      List<String> described = new ArrayList<>();
      for (NamedSchema input : inputs) {
        described.add("'" + input.name() + "' (tags " + input.schema().tagNames() + ")");
      }
      sink.report(
          Messages.cartesianJoin(node.name(), described),
          Anchor.annotation(node.name(), "allowCartesian"));
    }
    return sink.count() == before ? new ArrayList<>(tags.values()) : null;
  }

  /** The inputs' packet columns side by side, or null after reporting a collision. */
  static @Nullable List<Column> unionPackets(
      Node node, List<NamedSchema> inputs, DiagnosticSink sink) {
    int before = sink.count();
    Map<String, Column> packets = new LinkedHashMap<>();
    Map<String, String> origin = new LinkedHashMap<>();
    for (NamedSchema input : inputs) {
      for (Column packet : input.schema().packets()) {
        String first = origin.putIfAbsent(packet.name(), input.name());
        if (first != null) {
          sink.report(
              Messages.packetColumnCollision(node.name(), packet.name(), first, input.name()),
              Anchor.parameter(node.name(), input.name()));
        } else {
          packets.put(packet.name(), packet);
        }
      }
    }
    return sink.count() == before ? new ArrayList<>(packets.values()) : null;
  }
}
