package org.orcapod.datagram;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.schema.Schema;
import org.orcapod.schema.SystemConstants;

/**
 * The packet half of a row: the data values plus, per data column, its source-info token ({@code
 * source_id::record_id::column}, or null when unknown), shown as {@code _source_<column>} columns.
 */
public final class Packet extends Datagram {
  private final Map<String, @Nullable String> sourceInfo;

  /** Creates a packet; {@code sourceInfo} is keyed by data column name (without prefix). */
  public Packet(
      Schema schema,
      Map<String, ? extends @Nullable Object> data,
      Map<String, ? extends @Nullable String> sourceInfo,
      Map<String, ? extends @Nullable Object> meta,
      String contextKey) {
    super(schema, data, meta, contextKey);
    Map<String, @Nullable String> s = new LinkedHashMap<>();
    for (String name : schema.names()) {
      s.put(name, sourceInfo.get(name));
    }
    this.sourceInfo = Collections.unmodifiableMap(s);
  }

  /** The source-info token of each data column (null when unknown). */
  public Map<String, @Nullable String> sourceInfo() {
    return sourceInfo;
  }

  @Override
  void addExtra(Map<String, @Nullable Object> out, ColumnConfig config) {
    if (config.source()) {
      for (Map.Entry<String, @Nullable String> e : sourceInfo.entrySet()) {
        out.put(SystemConstants.sourceInfoColumn(e.getKey()), e.getValue());
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o) && sourceInfo.equals(((Packet) o).sourceInfo);
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + sourceInfo.hashCode();
  }
}
