package org.orcapod.datagram;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.orcapod.error.MissingColumnException;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.schema.Schema;
import org.orcapod.schema.SystemConstants;

/**
 * An immutable row of named values with its schema, its {@code __} meta values and the key of the
 * data context that gives the values their meaning.
 */
public class Datagram {
  private final Schema schema;
  private final Map<String, @Nullable Object> data;
  private final Map<String, @Nullable Object> meta;
  private final String contextKey;

  /**
   * Creates a datagram.
   *
   * @param schema the data columns' schema; {@code data} must have exactly these keys
   * @param data values by column name (Java values as in {@link org.orcapod.schema.ArrowValues})
   * @param meta meta values keyed by their {@code __}-prefixed names
   * @param contextKey the data context key, e.g. {@code std:v0.1:default}
   */
  public Datagram(
      Schema schema,
      Map<String, ? extends @Nullable Object> data,
      Map<String, ? extends @Nullable Object> meta,
      String contextKey) {
    for (String name : schema.names()) {
      if (!data.containsKey(name)) {
        throw new MissingColumnException("datagram value", name, List.copyOf(data.keySet()));
      }
    }
    Map<String, @Nullable Object> d = new LinkedHashMap<>();
    for (String name : schema.names()) {
      d.put(name, data.get(name));
    }
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    for (Map.Entry<String, ? extends @Nullable Object> e : meta.entrySet()) {
      m.put(SystemConstants.metaColumn(e.getKey()), e.getValue());
    }
    this.schema = schema;
    this.data = Collections.unmodifiableMap(d);
    this.meta = Collections.unmodifiableMap(m);
    this.contextKey = Objects.requireNonNull(contextKey, "contextKey");
  }

  /** The data columns' schema. */
  public Schema schema() {
    return schema;
  }

  /** The data values by column name, in schema order. */
  public Map<String, @Nullable Object> data() {
    return data;
  }

  /** The meta values, keyed by {@code __}-prefixed name. */
  public Map<String, @Nullable Object> meta() {
    return meta;
  }

  /** The data context key. */
  public String contextKey() {
    return contextKey;
  }

  /**
   * The value of data column {@code name}.
   *
   * @throws MissingColumnException when there is no such column
   */
  public @Nullable Object get(String name) {
    if (!data.containsKey(name)) {
      throw new MissingColumnException("column", name, schema.names());
    }
    return data.get(name);
  }

  /** The column names included under {@code config}, in table order. */
  public List<String> keys(ColumnConfig config) {
    return List.copyOf(asMap(config).keySet());
  }

  /**
   * The values included under {@code config}: data columns, then extra columns of the subclass
   * (system tags or source info), then selected meta columns, then the context key.
   */
  public Map<String, @Nullable Object> asMap(ColumnConfig config) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>(data);
    addExtra(out, config);
    for (Map.Entry<String, @Nullable Object> e : meta.entrySet()) {
      if (config.includesMeta(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    if (config.context()) {
      out.put(SystemConstants.CONTEXT_KEY, contextKey);
    }
    return Collections.unmodifiableMap(out);
  }

  /** Adds the subclass's own columns under {@code config}; nothing for a plain datagram. */
  void addExtra(Map<String, @Nullable Object> out, ColumnConfig config) {}

  @Override
  public boolean equals(Object o) {
    return o instanceof Datagram d
        && getClass() == d.getClass()
        && schema.equals(d.schema)
        && valuesEqual(data, d.data)
        && valuesEqual(meta, d.meta)
        && contextKey.equals(d.contextKey);
  }

  static boolean valuesEqual(Map<String, @Nullable Object> a, Map<String, @Nullable Object> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (Map.Entry<String, @Nullable Object> e : a.entrySet()) {
      Object x = e.getValue();
      Object y = b.get(e.getKey());
      if (x instanceof byte[] xb && y instanceof byte[] yb) {
        if (!java.util.Arrays.equals(xb, yb)) {
          return false;
        }
      } else if (!Objects.equals(x, y)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    List<Object> keys = new ArrayList<>(data.keySet());
    return Objects.hash(schema, keys, contextKey);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + data;
  }
}
