package org.orcapod.operator;

import java.util.Collection;
import java.util.List;
import org.orcapod.error.NoPacketColumnsException;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamKeys;
import org.orcapod.stream.StreamSchema;

/**
 * Keeps only the named packet columns (in the input's order) and their source-info columns; tags
 * are untouched. With {@code strict} (the default) every named column must be a packet column.
 */
public final class SelectPacketColumns extends ColumnOperator {
  /** Keeps {@code columns}, strictly. */
  public SelectPacketColumns(Collection<String> columns) {
    this(columns, true);
  }

  /** Keeps {@code columns}; with {@code strict=false} absent names are ignored. */
  public SelectPacketColumns(Collection<String> columns, boolean strict) {
    super(columns, strict);
  }

  @Override
  protected void validate(Stream input) {
    StreamKeys keys = dataKeys(input);
    requirePresent("packet column", keys.packet());
    if (dropped(keys).size() == keys.packet().size()) {
      throw new NoPacketColumnsException(keys.tag());
    }
  }

  @Override
  protected StreamSchema outputSchema(Stream input, boolean withSystemTags) {
    StreamSchema s = input.outputSchema(SelectTagColumns.config(withSystemTags));
    return new StreamSchema(s.tag(), s.packet().drop(dropped(input.keys())));
  }

  private List<String> dropped(StreamKeys keys) {
    return minus(keys.packet(), columns());
  }

  @Override
  protected Stream compute(OperatorContext context, Stream input) {
    StreamKeys keys = input.keys();
    List<String> drop = dropped(keys);
    if (drop.isEmpty()) {
      return input;
    }
    return without(context, input, drop, true, keys.tag());
  }
}
