package org.orcapod.graph.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.orcapod.graph.Column;
import org.orcapod.graph.ColumnType;
import org.orcapod.graph.RowSchema;

/**
 * Computes the pipeline hash of a source node (from its row schema), of a function node (from its
 * function's name, major version and output columns, and its inputs' pipeline hashes) and of an
 * operator node (from the operator's identity and its inputs' pipeline hashes), as the runtime's
 * {@code semantic_v0.1} hasher does in data context {@code std:v0.1}:
 *
 * <ul>
 *   <li>a column's type is the hash of its Python type: a class as the JSON string {@code
 *       "type:<module>.<name>"}, {@code list[T]} as {@code {"__type__": "generic_alias", ...}}, a
 *       nullable type as the union with {@code NoneType};
 *   <li>a source's pipeline identity is the tuple of its tag and packet schemas (maps of column
 *       names to type hashes); a function's uri is {@code (name, output_schema_hash, "v<major>",
 *       "java.function.v0")}; a function node's pipeline identity is {@code (uri_hash,
 *       {input_pipeline_hash})}, its input being the join of several;
 *   <li>an operator node's pipeline identity is {@code (operator_hash, inputs)}: the inputs'
 *       pipeline hashes as a set for commutative operators (join, merge join), otherwise as a tuple
 *       in order; the operator's hash is that of its identity ({@code "Join"}, {@code ("Batch",
 *       size, drop_partial)}, {@code ("Filter", canonical_predicate)}, …);
 *   <li>JSON is written as Python's {@code json.dumps(sort_keys=True, separators=(",", ":"),
 *       ensure_ascii=False)} and digested with SHA-256, written {@code semantic_v0.1:<hex>}.
 * </ul>
 *
 * <p>Types whose Python type needs more than this (records as struct columns) have no hash here:
 * the methods return empty, and the runtime's value is the only one.
 */
public final class PipelineHashes {
  /** The hasher these hashes are computed with. */
  public static final String METHOD = "semantic_v0.1";

  /** The type id of packet functions written in Java. */
  public static final String JAVA_FUNCTION_TYPE_ID = "java.function.v0";

  private static final Map<String, String> SCALARS =
      Map.of(
          "long", "builtins.int",
          "double", "builtins.float",
          "boolean", "builtins.bool",
          "String", "builtins.str",
          "byte[]", "builtins.bytes",
          "Path", "pathlib.Path",
          "LocalDate", "typing.Any",
          "BigDecimal", "typing.Any");

  private static final Map<String, String> BOXED =
      Map.of("Long", "long", "Double", "double", "Boolean", "boolean");

  private PipelineHashes() {}

  /** The pipeline hash of a source node whose rows have {@code schema}. */
  public static Optional<String> source(RowSchema schema) {
    Optional<Map<String, Object>> tags = schemaMap(schema.tags());
    Optional<Map<String, Object>> packets = schemaMap(schema.packets());
    if (tags.isEmpty() || packets.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(hash(tuple(List.<Object>of(tags.get(), packets.get()))));
  }

  /**
   * The pipeline hash of a node that applies the function {@code name} (major version {@code
   * major}, output columns {@code outputs}) to one input whose pipeline hash is {@code input}.
   */
  public static Optional<String> function(
      String name, int major, List<Column> outputs, String input) {
    Optional<Map<String, Object>> out = schemaMap(outputs);
    if (out.isEmpty()) {
      return Optional.empty();
    }
    String uri =
        hash(tuple(List.<Object>of(name, hash(out.get()), "v" + major, JAVA_FUNCTION_TYPE_ID)));
    return Optional.of(hash(tuple(List.<Object>of(uri, set(List.of(input))))));
  }

  /**
   * The pipeline hash of a function node with several inputs: the runtime joins them first (an
   * implicit {@link #join}) and applies the function to the join.
   */
  public static Optional<String> function(
      String name, int major, List<Column> outputs, List<String> inputs) {
    return function(name, major, outputs, inputs.size() == 1 ? inputs.get(0) : join(inputs));
  }

  /** The pipeline hash of a {@code Join} of inputs with these pipeline hashes (in any order). */
  public static String join(List<String> inputs) {
    return operator("Join", set(inputs));
  }

  /** The pipeline hash of a {@code SemiJoin} of {@code left} by {@code right}. */
  public static String semiJoin(String left, String right) {
    return operator("SemiJoin", tuple(List.<Object>of(left, right)));
  }

  /** The pipeline hash of a {@code MergeJoin} of two inputs (in either order). */
  public static String mergeJoin(String left, String right) {
    return operator("MergeJoin", set(List.of(left, right)));
  }

  /** The pipeline hash of a {@code Batch} of {@code size} rows (0: all) over {@code input}. */
  public static String batch(int size, boolean dropPartial, String input) {
    return unary(tuple(List.<Object>of("Batch", (long) size, dropPartial)), input);
  }

  /**
   * The pipeline hash of a strict column operator ({@code SelectTagColumns}, {@code
   * SelectPacketColumns}, {@code DropTagColumns} or {@code DropPacketColumns}, its runtime class
   * name) naming {@code columns}, in order, over {@code input}.
   */
  public static String columns(String operator, List<String> columns, String input) {
    return unary(tuple(List.<Object>of(operator, List.copyOf(columns), true)), input);
  }

  /**
   * The pipeline hash of a rename operator ({@code MapTags} or {@code MapPackets}) over {@code
   * input}.
   */
  public static String rename(
      String operator, Map<String, String> renames, boolean dropUnmapped, String input) {
    return unary(
        tuple(List.<Object>of(operator, new LinkedHashMap<>(renames), dropUnmapped)), input);
  }

  /**
   * The pipeline hash of a {@code Filter} over {@code input} (whose rows have {@code schema}) with
   * the runtime predicate the processor builds from {@code predicate}: literals compared with a
   * {@code long} column are longs when integers, other numbers doubles.
   */
  public static String filter(
      org.orcapod.graph.predicate.Predicate predicate, RowSchema schema, String input) {
    return unary(
        tuple(List.<Object>of("Filter", FilterIdentity.canonical(predicate, schema))), input);
  }

  /** {@code (operator_hash, (input,))}: a unary operator's pipeline identity. */
  private static String unary(Object identity, String input) {
    return hash(tuple(List.<Object>of(hash(identity), tuple(List.<Object>of(input)))));
  }

  private static String operator(String name, Object inputs) {
    return hash(tuple(List.<Object>of(hash(name), inputs)));
  }

  private static Map<String, Object> set(List<String> items) {
    List<Object> sorted = new ArrayList<>(new java.util.TreeSet<>(items));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("__type__", "set");
    m.put("items", sorted);
    return m;
  }

  /** The hash of a column type's Python type, or empty when it is not computed here. */
  public static Optional<String> type(ColumnType type) {
    Optional<String> base = baseType(type.name());
    if (base.isEmpty() || !type.nullable() || base.get().equals(named("typing.Any"))) {
      return base;
    }
    List<Object> args = new ArrayList<>(List.of(base.get(), named("builtins.NoneType")));
    args.sort(null);
    Map<String, Object> union = new LinkedHashMap<>();
    union.put("__type__", "union");
    union.put("args", args);
    return Optional.of(hash(union));
  }

  private static Optional<String> baseType(String name) {
    String n = BOXED.getOrDefault(name, name);
    String scalar = SCALARS.get(n);
    if (scalar != null) {
      return Optional.of(named(scalar));
    }
    if (n.startsWith("List<") && n.endsWith(">")) {
      Optional<String> item = baseType(n.substring(5, n.length() - 1));
      if (item.isEmpty()) {
        return item;
      }
      Map<String, Object> generic = new LinkedHashMap<>();
      generic.put("__type__", "generic_alias");
      generic.put("origin", named("builtins.list"));
      generic.put("args", List.of(item.get()));
      return Optional.of(hash(generic));
    }
    return Optional.empty(); // a record (struct): its Python class name is not computed here
  }

  private static String named(String qualified) {
    return hash("type:" + qualified);
  }

  private static Optional<Map<String, Object>> schemaMap(List<Column> columns) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Column c : columns) {
      Optional<String> t = type(c.type());
      if (t.isEmpty()) {
        return Optional.empty();
      }
      m.put(c.name(), t.get());
    }
    return Optional.of(m);
  }

  static Map<String, Object> tuple(List<Object> items) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("__type__", "tuple");
    m.put("items", items);
    return m;
  }

  /** The canonical JSON of {@code value}, as Python's sorted, compact {@code json.dumps}. */
  static String json(Object value) {
    StringBuilder json = new StringBuilder();
    write(value, json);
    return json.toString();
  }

  /** SHA-256 of the canonical JSON of {@code value}, as {@code semantic_v0.1:<hex>}. */
  static String hash(Object value) {
    String json = json(value);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
      return METHOD + ":" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static void write(Object value, StringBuilder out) {
    if (value instanceof String s) {
      string(s, out);
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(list.get(i), out);
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put((String) k, v));
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : sorted.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(e.getKey(), out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof Boolean b) {
      out.append(b);
    } else if (value instanceof Long l) {
      out.append(l);
    } else if (value instanceof Double d) {
      out.append(FilterIdentity.floatJson(d));
    } else {
      throw new IllegalArgumentException("cannot write " + value);
    }
  }

  /** A JSON string as Python writes it with {@code ensure_ascii=False}. */
  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
