package org.orcapod.stream;

import java.util.List;

/**
 * The tag and packet column names of a stream under some {@link org.orcapod.schema.ColumnConfig}.
 *
 * @param tag the tag column names (then system-tag names when requested)
 * @param packet the packet column names
 */
public record StreamKeys(List<String> tag, List<String> packet) {
  /** Copies the lists. */
  public StreamKeys {
    tag = List.copyOf(tag);
    packet = List.copyOf(packet);
  }
}
