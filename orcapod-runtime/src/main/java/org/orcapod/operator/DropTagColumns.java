package org.orcapod.operator;

import java.util.Collection;
import java.util.List;
import org.orcapod.stream.StreamKeys;

/**
 * Removes the named tag columns; packets and system tags are untouched. With {@code strict} (the
 * default) every named column must be a tag column.
 */
public final class DropTagColumns extends TagColumnOperator {
  /** Drops {@code columns}, strictly. */
  public DropTagColumns(Collection<String> columns) {
    this(columns, true);
  }

  /** Drops {@code columns}; with {@code strict=false} absent names are ignored. */
  public DropTagColumns(Collection<String> columns, boolean strict) {
    super(columns, strict);
  }

  @Override
  List<String> dropped(StreamKeys keys) {
    return minus(keys.tag(), minus(keys.tag(), columns()));
  }
}
