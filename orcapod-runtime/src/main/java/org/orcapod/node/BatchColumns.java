package org.orcapod.node;

import java.util.ArrayList;
import java.util.List;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamKeys;

/**
 * The layout of a batch of rows handed from one node to the next: which columns of a table in
 * {@link #CONFIG} are tags, system tags and packet columns (the rest are {@code _source_*} columns
 * of the packet columns).
 *
 * @param tags the tag columns, in tag order
 * @param systemTags the system tag columns
 * @param packets the packet columns
 */
public record BatchColumns(List<String> tags, List<String> systemTags, List<String> packets) {
  /** The columns a node reads from its input: data, system tags and source info. */
  public static final ColumnConfig CONFIG =
      ColumnConfig.dataOnly().withSystemTags(true).withSource(true);

  /** Copies the lists. */
  public BatchColumns {
    tags = List.copyOf(tags);
    systemTags = List.copyOf(systemTags);
    packets = List.copyOf(packets);
  }

  /** The layout of {@code stream.asTable(CONFIG, …)}. */
  public static BatchColumns of(Stream stream) {
    StreamKeys keys = stream.keys();
    List<String> sys =
        new ArrayList<>(stream.keys(ColumnConfig.dataOnly().withSystemTags(true)).tag());
    sys.removeAll(keys.tag());
    return new BatchColumns(keys.tag(), sys, keys.packet());
  }
}
