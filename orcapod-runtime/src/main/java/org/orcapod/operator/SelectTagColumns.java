package org.orcapod.operator;

import java.util.Collection;
import java.util.List;
import org.orcapod.stream.StreamKeys;

/**
 * Keeps only the named tag columns (in the input's order); packets and system tags are untouched.
 * With {@code strict} (the default) every named column must be a tag column.
 */
public final class SelectTagColumns extends TagColumnOperator {
  /** Keeps {@code columns}, strictly. */
  public SelectTagColumns(Collection<String> columns) {
    this(columns, true);
  }

  /** Keeps {@code columns}; with {@code strict=false} absent names are ignored. */
  public SelectTagColumns(Collection<String> columns, boolean strict) {
    super(columns, strict);
  }

  @Override
  List<String> dropped(StreamKeys keys) {
    return minus(keys.tag(), columns());
  }

  static org.orcapod.schema.ColumnConfig config(boolean withSystemTags) {
    return org.orcapod.schema.ColumnConfig.dataOnly().withSystemTags(withSystemTags);
  }
}
