package org.orcapod.operator;

import java.util.Collection;
import java.util.List;
import org.orcapod.stream.StreamKeys;

/**
 * Removes the named packet columns and their source-info columns; tags are untouched. With {@code
 * strict} (the default) every named column must be a packet column.
 */
public final class DropPacketColumns extends PacketColumnOperator {
  /** Drops {@code columns}, strictly. */
  public DropPacketColumns(Collection<String> columns) {
    this(columns, true);
  }

  /** Drops {@code columns}; with {@code strict=false} absent names are ignored. */
  public DropPacketColumns(Collection<String> columns, boolean strict) {
    super(columns, strict);
  }

  @Override
  List<String> dropped(StreamKeys keys) {
    return minus(keys.packet(), minus(keys.packet(), columns()));
  }
}
