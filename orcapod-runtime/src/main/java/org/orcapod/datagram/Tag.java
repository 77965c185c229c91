package org.orcapod.datagram;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.schema.Schema;

/**
 * The tag half of a row: the tag column values plus the system tags ({@code _tag_…} columns) that
 * record which source rows it came from.
 */
public final class Tag extends Datagram {
  private final Map<String, String> systemTags;

  /** Creates a tag; {@code systemTags} are keyed by their full {@code _tag_…} column names. */
  public Tag(
      Schema schema,
      Map<String, ? extends @Nullable Object> data,
      Map<String, String> systemTags,
      Map<String, ? extends @Nullable Object> meta,
      String contextKey) {
    super(schema, data, meta, contextKey);
    this.systemTags = Collections.unmodifiableMap(new LinkedHashMap<>(systemTags));
  }

  /** The system tags by column name. */
  public Map<String, String> systemTags() {
    return systemTags;
  }

  @Override
  void addExtra(Map<String, @Nullable Object> out, ColumnConfig config) {
    if (config.systemTags()) {
      out.putAll(systemTags);
    }
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o) && systemTags.equals(((Tag) o).systemTags);
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + systemTags.hashCode();
  }
}
