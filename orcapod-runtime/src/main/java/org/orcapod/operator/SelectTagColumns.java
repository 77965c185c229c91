package org.orcapod.operator;

import java.util.Collection;
import java.util.List;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamKeys;
import org.orcapod.stream.StreamSchema;

/**
 * Keeps only the named tag columns (in the input's order); packets and system tags are untouched.
 * With {@code strict} (the default) every named column must be a tag column.
 */
public final class SelectTagColumns extends ColumnOperator {
  /** Keeps {@code columns}, strictly. */
  public SelectTagColumns(Collection<String> columns) {
    this(columns, true);
  }

  /** Keeps {@code columns}; with {@code strict=false} absent names are ignored. */
  public SelectTagColumns(Collection<String> columns, boolean strict) {
    super(columns, strict);
  }

  @Override
  protected void validate(Stream input) {
    requirePresent("tag column", dataKeys(input).tag());
  }

  @Override
  protected StreamSchema outputSchema(Stream input, boolean withSystemTags) {
    StreamSchema s = input.outputSchema(config(withSystemTags));
    return new StreamSchema(s.tag().drop(dropped(input.keys())), s.packet());
  }

  private List<String> dropped(StreamKeys keys) {
    return minus(keys.tag(), columns());
  }

  @Override
  protected Stream compute(OperatorContext context, Stream input) {
    StreamKeys keys = input.keys();
    List<String> drop = dropped(keys);
    if (drop.isEmpty()) {
      return input;
    }
    return without(context, input, drop, false, minus(keys.tag(), drop));
  }

  static org.orcapod.schema.ColumnConfig config(boolean withSystemTags) {
    return org.orcapod.schema.ColumnConfig.dataOnly().withSystemTags(withSystemTags);
  }
}
