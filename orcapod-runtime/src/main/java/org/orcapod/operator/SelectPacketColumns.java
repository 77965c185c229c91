package org.orcapod.operator;

import java.util.Collection;
import java.util.List;
import org.orcapod.stream.StreamKeys;

/**
 * Keeps only the named packet columns (in the input's order) and their source-info columns; tags
 * are untouched. With {@code strict} (the default) every named column must be a packet column.
 */
public final class SelectPacketColumns extends PacketColumnOperator {
  /** Keeps {@code columns}, strictly. */
  public SelectPacketColumns(Collection<String> columns) {
    this(columns, true);
  }

  /** Keeps {@code columns}; with {@code strict=false} absent names are ignored. */
  public SelectPacketColumns(Collection<String> columns, boolean strict) {
    super(columns, strict);
  }

  @Override
  List<String> dropped(StreamKeys keys) {
    return minus(keys.packet(), columns());
  }
}
