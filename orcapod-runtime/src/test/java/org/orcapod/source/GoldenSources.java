package org.orcapod.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jspecify.annotations.Nullable;
import org.orcapod.schema.ArrowValues;
import org.orcapod.schema.ColumnConfig;

/**
 * The sources of golden/model/sources.json rebuilt in Java from the same data and names (see each
 * entry's {@code how}), and helpers to compare their tables with the Python rows.
 */
final class GoldenSources {
  static final String CSV = "src/test/resources/golden/model/samples.csv";

  private GoldenSources() {}

  static JsonNode load() throws IOException {
    try (InputStream in = GoldenSources.class.getResourceAsStream("/golden/model/sources.json")) {
      return new ObjectMapper().readTree(in).get("sources");
    }
  }

  static Field field(String name, ArrowType type, boolean nullable) {
    return new Field(name, new FieldType(nullable, type, null), null);
  }

  static final ArrowType INT64 = new ArrowType.Int(64, true);
  static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
  static final ArrowType STR = ArrowType.LargeUtf8.INSTANCE;

  static Map<String, @Nullable Object> row(@Nullable Object... kv) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static VectorSchemaRoot people(BufferAllocator a) {
    return RowTables.fromMaps(
        List.of(
            field("id", INT64, false), field("name", STR, false), field("score", FLOAT64, true)),
        List.of(
            row("id", 1L, "name", "alice", "score", 1.5),
            row("id", 2L, "name", "bob", "score", null),
            row("id", 3L, "name", "carol", "score", 3.0)),
        a);
  }

  static VectorSchemaRoot kinds(BufferAllocator a) {
    Field nums =
        new Field(
            "nums",
            FieldType.notNullable(ArrowType.LargeList.INSTANCE),
            List.of(field("item", INT64, true)));
    return RowTables.fromMaps(
        List.of(
            field("k", STR, false),
            field("flag", ArrowType.Bool.INSTANCE, false),
            field("blob", ArrowType.LargeBinary.INSTANCE, false),
            nums,
            field("f", FLOAT64, false)),
        List.of(
            row(
                "k",
                "x",
                "flag",
                true,
                "blob",
                new byte[] {0, 1},
                "nums",
                List.of(1L, 2L),
                "f",
                0.1),
            row(
                "k",
                "y",
                "flag",
                false,
                "blob",
                "zz".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                "nums",
                List.of(3L),
                "f",
                1e-05)),
        a);
  }

  /** The Java source equivalent to the golden entry {@code name}. */
  static RootSource build(String name, SourceContext ctx, BufferAllocator a) {
    switch (name) {
      case "arrow_people_default":
        try (VectorSchemaRoot t = people(a)) {
          return ArrowTableSource.builder(t, ctx).tagColumns("id").build(a);
        }
      case "arrow_people_named":
        try (VectorSchemaRoot t = people(a)) {
          return ArrowTableSource.builder(t, ctx)
              .tagColumns("id")
              .sourceId("people")
              .recordIdColumn("id")
              .build(a);
        }
      case "arrow_people_two_tags":
        try (VectorSchemaRoot t = people(a)) {
          return ArrowTableSource.builder(t, ctx)
              .tagColumns("id", "name")
              .sourceId("people2")
              .build(a);
        }
      case "arrow_people_no_tags":
        try (VectorSchemaRoot t = people(a)) {
          return ArrowTableSource.builder(t, ctx)
              .sourceId("people3")
              .recordIdColumn("name")
              .build(a);
        }
      case "arrow_kinds":
        try (VectorSchemaRoot t = kinds(a)) {
          return ArrowTableSource.builder(t, ctx).tagColumns("k").recordIdColumn("f").build(a);
        }
      case "dict_basic":
        return DictSource.of(
            List.of(row("id", 1L, "x", "a", "v", 0.5), row("id", 2L, "x", "b", "v", null)),
            List.of("id"),
            null,
            ctx,
            a);
      case "dict_named":
        return DictSource.of(
            List.of(row("sample", "s1", "count", 3L), row("sample", "s2", "count", 5L)),
            List.of("sample"),
            "counts",
            ctx,
            a);
      case "dict_path":
        return DictSource.of(
            List.of(row("id", 1L, "f", Path.of(CSV))), List.of("id"), null, ctx, a);
      case "list_default":
        return ListSource.of("value", List.of(10L, 20L, 30L), null, ctx, a);
      case "csv_named":
        return CsvSource.builder(Path.of(CSV), ctx)
            .tagColumns("id")
            .recordIdColumn("id")
            .sourceId("samples_csv")
            .build(a);
      case "csv_default_id":
        return CsvSource.builder(Path.of(CSV), ctx).tagColumns("id").build(a);
      case "csv_kinds":
        return CsvSource.builder(Path.of("src/test/resources/golden/model/samples2.csv"), ctx)
            .tagColumns("key")
            .recordIdColumn("flag")
            .build(a);
      case "db_sqlite_measurements":
        return JdbcSource.table(measurementsDb(), "measurements", ctx).build(a);
      default:
        throw new IllegalArgumentException("no Java equivalent for golden source " + name);
    }
  }

  /** A fresh SQLite database holding the table of the golden entry db_sqlite_measurements. */
  static javax.sql.DataSource measurementsDb() {
    try {
      Path file = java.nio.file.Files.createTempFile("orcapod-measurements", ".db");
      file.toFile().deleteOnExit();
      org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
      ds.setUrl("jdbc:sqlite:" + file);
      try (java.sql.Connection c = ds.getConnection();
          java.sql.Statement st = c.createStatement()) {
        st.execute(
            "CREATE TABLE measurements (sample_id TEXT PRIMARY KEY, reading REAL NOT NULL, note"
                + " TEXT)");
        st.execute("INSERT INTO measurements VALUES ('s1', 0.5, 'ok'), ('s2', 1.25, NULL)");
      }
      return ds;
    } catch (IOException | java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A JSON value as the Java value {@link ArrowValues#read} gives (bytes stay hex strings). */
  static @Nullable Object fromJson(JsonNode n) {
    if (n.isNull()) {
      return null;
    }
    if (n.isIntegralNumber()) {
      return n.asLong();
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    if (n.isObject() && n.size() == 1 && n.has("path")) {
      return Path.of(n.get("path").asText()); // orcapod's Path semantic struct
    }
    if (n.isArray()) {
      List<@Nullable Object> out = new ArrayList<>();
      n.forEach(x -> out.add(fromJson(x)));
      return out;
    }
    return n.asText();
  }

  /** The rows of {@code table}, byte arrays as hex, in order. */
  static List<Map<String, @Nullable Object>> rows(VectorSchemaRoot table) {
    List<Map<String, @Nullable Object>> out = new ArrayList<>();
    for (int i = 0; i < table.getRowCount(); i++) {
      Map<String, @Nullable Object> m = new LinkedHashMap<>();
      for (FieldVector v : table.getFieldVectors()) {
        Object value = ArrowValues.read(v, i);
        m.put(v.getName(), value instanceof byte[] b ? HexFormat.of().formatHex(b) : value);
      }
      out.add(m);
    }
    return out;
  }

  static List<Map<String, @Nullable Object>> goldenRows(JsonNode entry) {
    List<Map<String, @Nullable Object>> out = new ArrayList<>();
    for (JsonNode r : entry.get("rows")) {
      Map<String, @Nullable Object> m = new LinkedHashMap<>();
      r.fields().forEachRemaining(e -> m.put(e.getKey(), fromJson(e.getValue())));
      out.add(m);
    }
    return out;
  }

  static ColumnConfig allInfo() {
    return ColumnConfig.all();
  }
}
