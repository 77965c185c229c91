package org.orcapod.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The columns of a stream's rows: tag columns (which identify a row) and packet columns (its data),
 * each in declaration order. A name appears at most once across both lists.
 *
 * @param tags the tag columns
 * @param packets the packet columns
 */
public record RowSchema(List<Column> tags, List<Column> packets) {
  /** Copies the lists and rejects a name used twice. */
  public RowSchema {
    tags = List.copyOf(tags);
    packets = List.copyOf(packets);
    List<String> seen = new ArrayList<>();
    for (Column c : tags) {
      requireNew(seen, c.name());
    }
    for (Column c : packets) {
      requireNew(seen, c.name());
    }
  }

  private static void requireNew(List<String> seen, String name) {
    if (seen.contains(name)) {
      throw new IllegalArgumentException("column '" + name + "' appears twice in a row schema");
    }
    seen.add(name);
  }

  /** The tag column of that name, if any. */
  public Optional<Column> tag(String name) {
    return tags.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The packet column of that name, if any. */
  public Optional<Column> packet(String name) {
    return packets.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The tag or packet column of that name, if any. */
  public Optional<Column> column(String name) {
    Optional<Column> t = tag(name);
    return t.isPresent() ? t : packet(name);
  }

  /** Tag names. */
  public List<String> tagNames() {
    return tags.stream().map(Column::name).toList();
  }

  /** Packet names. */
  public List<String> packetNames() {
    return packets.stream().map(Column::name).toList();
  }

  /** All column names, tags first. */
  public List<String> columnNames() {
    List<String> all = new ArrayList<>(tagNames());
    all.addAll(packetNames());
    return all;
  }

  @Override
  public String toString() {
    return "tags " + tags + ", packets " + packets;
  }
}
