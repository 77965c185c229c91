package org.orcapod.operator;

import java.util.Collection;
import java.util.List;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamKeys;
import org.orcapod.stream.StreamSchema;

/**
 * The shared shape of {@link SelectTagColumns} and {@link DropTagColumns}: both remove tag columns
 * and differ only in which ones, {@link #dropped}.
 */
abstract class TagColumnOperator extends ColumnOperator {
  TagColumnOperator(Collection<String> columns, boolean strict) {
    super(columns, strict);
  }

  /** The tag columns of {@code keys} this operator removes, in the input's order. */
  abstract List<String> dropped(StreamKeys keys);

  @Override
  protected final void validate(Stream input) {
    requirePresent("tag column", dataKeys(input).tag());
  }

  @Override
  protected final StreamSchema outputSchema(Stream input, boolean withSystemTags) {
    StreamSchema s = input.outputSchema(SelectTagColumns.config(withSystemTags));
    return new StreamSchema(s.tag().drop(dropped(input.keys())), s.packet());
  }

  @Override
  protected final Stream compute(OperatorContext context, Stream input) {
    StreamKeys keys = input.keys();
    List<String> drop = dropped(keys);
    if (drop.isEmpty()) {
      return input;
    }
    return without(context, input, drop, false, minus(keys.tag(), drop));
  }
}
