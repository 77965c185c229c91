package org.orcapod.operator;

import java.util.Collection;
import java.util.List;
import org.orcapod.error.NoPacketColumnsException;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamKeys;
import org.orcapod.stream.StreamSchema;

/**
 * The shared shape of {@link SelectPacketColumns} and {@link DropPacketColumns}: both remove packet
 * columns (with their source-info columns) and differ only in which ones, {@link #dropped}.
 */
abstract class PacketColumnOperator extends ColumnOperator {
  PacketColumnOperator(Collection<String> columns, boolean strict) {
    super(columns, strict);
  }

  /** The packet columns of {@code keys} this operator removes, in the input's order. */
  abstract List<String> dropped(StreamKeys keys);

  @Override
  protected final void validate(Stream input) {
    StreamKeys keys = dataKeys(input);
    requirePresent("packet column", keys.packet());
    if (dropped(keys).size() == keys.packet().size()) {
      throw new NoPacketColumnsException(keys.tag());
    }
  }

  @Override
  protected final StreamSchema outputSchema(Stream input, boolean withSystemTags) {
    StreamSchema s = input.outputSchema(SelectTagColumns.config(withSystemTags));
    return new StreamSchema(s.tag(), s.packet().drop(dropped(input.keys())));
  }

  @Override
  protected final Stream compute(OperatorContext context, Stream input) {
    StreamKeys keys = input.keys();
    List<String> drop = dropped(keys);
    if (drop.isEmpty()) {
      return input;
    }
    return without(context, input, drop, true, keys.tag());
  }
}
