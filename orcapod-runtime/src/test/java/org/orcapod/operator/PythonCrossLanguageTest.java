package org.orcapod.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orcapod.context.DataContext;
import org.orcapod.hashing.SemanticHasher;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.schema.SystemConstants;
import org.orcapod.source.ArrowTableSource;
import org.orcapod.source.SourceContext;
import org.orcapod.stream.ArrowTableStream;
import org.orcapod.stream.Identity;
import org.orcapod.stream.StreamSchema;

/**
 * Small canonical pipelines (two and three sources, 2- and 3-way join, semi-join, merge join,
 * batch, select, drop, map) compared with Python orcapod. Expected values are in {@code
 * python-operator-golden.json}, produced by the Python oracle as its {@code _how_produced} header
 * says.
 *
 * <p>Each pipeline runs twice: on Java {@link ArrowTableSource}s built from the same input tables
 * ({@code java}), and on stand-ins ({@code python-table}): {@link ArrowTableStream}s over each
 * Python source's own {@code as_table(all_info=True)} table with the source's identities, content
 * {@code ("ArrowTableSource", (tag_schema, packet_schema), source_id)} and pipeline {@code
 * (tag_schema, packet_schema)}, so that an operator difference cannot hide behind a source one.
 *
 * <p>{@code rowsAndKeysEqualPythons} checks rows with a stand-in hasher (system-tag values, not
 * names); {@code hashesAndSystemTagNamesEqualPythons} uses the semantic hasher of the default data
 * context and checks content hashes, pipeline hashes, system-tag column names and full rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonCrossLanguageTest {
  private static final ColumnConfig WITH_SYS = ColumnConfig.dataOnly().withSystemTags(true);
  private final ObjectMapper json =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private JsonNode golden;
  private BufferAllocator allocator;
  private final Map<String, ArrowTableStream> standIns = new LinkedHashMap<>();
  private final Map<String, ArrowTableSource> javaSources = new LinkedHashMap<>();

  @BeforeAll
  void load() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("python-operator-golden.json")) {
      golden = json.readTree(in);
    }
    allocator = new RootAllocator();
    for (Iterator<Map.Entry<String, JsonNode>> it = golden.get("sources").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      standIns.put(e.getKey(), source(e.getValue()));
      javaSources.put(e.getKey(), javaSource(e.getValue()));
    }
  }

  @AfterAll
  void close() {
    standIns.values().forEach(ArrowTableStream::close);
    javaSources.values().forEach(ArrowTableSource::close);
    allocator.close();
  }

  private List<TestTables.Col> columns(JsonNode schema, JsonNode data) {
    List<TestTables.Col> cols = new ArrayList<>();
    for (JsonNode f : schema) {
      String name = f.get("name").asText();
      ArrowType type =
          switch (f.get("type").asText()) {
            case "int64" -> new ArrowType.Int(64, true);
            case "double" -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case "large_string" -> ArrowType.LargeUtf8.INSTANCE;
            default -> throw new IllegalArgumentException("type " + f.get("type"));
          };
      List<@Nullable Object> values = new ArrayList<>();
      for (JsonNode v : data.get(name)) {
        values.add(
            v.isObject()
                ? Double.valueOf(v.get("float").asText())
                : v.isNumber() ? (Object) v.asLong() : v.asText());
      }
      cols.add(new TestTables.Col(name, type, f.get("nullable").asBoolean(), values));
    }
    return cols;
  }

  private List<String> tags(JsonNode s) {
    List<String> tags = new ArrayList<>();
    s.get("tag_columns").forEach(t -> tags.add(t.asText()));
    return tags;
  }

  /** Python's {@code ArrowTableSource(input, tag_columns=[...])} built by the Java source. */
  private ArrowTableSource javaSource(JsonNode s) {
    List<TestTables.Col> cols = columns(s.get("input_schema"), s.get("input_columns"));
    try (VectorSchemaRoot t = TestTables.table(allocator, cols.toArray(new TestTables.Col[0]))) {
      return ArrowTableSource.builder(t, SourceContext.defaultContext())
          .tagColumns(tags(s))
          .build(allocator);
    }
  }

  private ArrowTableStream source(JsonNode s) {
    List<TestTables.Col> cols = columns(s.get("schema"), s.get("columns"));
    List<String> tags = tags(s);
    String sourceId = s.get("source_id").asText();
    try (VectorSchemaRoot t = TestTables.table(allocator, cols.toArray(new TestTables.Col[0]))) {
      java.util.concurrent.atomic.AtomicReference<ArrowTableStream> self =
          new java.util.concurrent.atomic.AtomicReference<>();
      Function<Boolean, Object> schemas =
          unused -> {
            StreamSchema sch = self.get().outputSchema();
            return Identity.tuple(sch.tag().identityStructure(), sch.packet().identityStructure());
          };
      ArrowTableStream stream =
          ArrowTableStream.builder(t, allocator)
              .tagColumns(tags)
              .identity(
                  () -> Identity.tuple("ArrowTableSource", schemas.apply(true), sourceId),
                  () -> schemas.apply(true))
              .build();
      self.set(stream);
      return stream;
    }
  }

  private Map<String, ? extends org.orcapod.stream.Stream> sources(String kind) {
    return kind.equals("java") ? javaSources : standIns;
  }

  private OperatorStream pipeline(
      String name, String kind, OperatorContext ctx, List<OperatorStream> extra) {
    org.orcapod.stream.Stream a = sources(kind).get("A");
    org.orcapod.stream.Stream b = sources(kind).get("B");
    org.orcapod.stream.Stream c = sources(kind).get("C");
    org.orcapod.stream.Stream d = sources(kind).get("D");
    return switch (name) {
      case "join_AB" -> new Join().process(ctx, a, b);
      case "join_BA" -> new Join().process(ctx, b, a);
      case "join_ABC" -> new Join().process(ctx, a, b, c);
      case "join_CAB" -> new Join().process(ctx, c, a, b);
      case "semijoin_AB" -> new SemiJoin().process(ctx, a, b);
      case "batch2_A" -> new Batch(2, false).process(ctx, a);
      case "select_A_age" -> new SelectPacketColumns(List.of("age")).process(ctx, a);
      case "map_A_age_years" -> new MapPackets(Map.of("age", "years")).process(ctx, a);
      case "maptags_B_id_key" -> new MapTags(Map.of("id", "key")).process(ctx, b);
      case "join_mapA_B" -> {
        OperatorStream mapped = new MapPackets(Map.of("age", "years")).process(ctx, a);
        extra.add(mapped);
        yield new Join().process(ctx, mapped, b);
      }
      case "mergejoin_AD" -> new MergeJoin().process(ctx, a, d);
      case "mergejoin_DA" -> new MergeJoin().process(ctx, d, a);
      case "drop_A_name" -> new DropPacketColumns(List.of("name")).process(ctx, a);
      case "batch0_B" -> new Batch().process(ctx, b);
      case "semijoin_BA" -> new SemiJoin().process(ctx, b, a);
      default -> throw new IllegalArgumentException(name);
    };
  }

  Stream<Arguments> pipelines() {
    List<Arguments> out = new ArrayList<>();
    golden
        .get("pipelines")
        .fieldNames()
        .forEachRemaining(
            n -> {
              out.add(Arguments.of(n, "java"));
              out.add(Arguments.of(n, "python-table"));
            });
    return out.stream();
  }

  /** A row as canonical JSON text, with floats as Python writes them in the golden file. */
  private String canonical(Map<String, ?> row, boolean dropSystemTags) {
    Map<String, Object> out = new TreeMap<>();
    for (Map.Entry<String, ?> e : row.entrySet()) {
      if (dropSystemTags && SystemConstants.isSystemTagColumn(e.getKey())) {
        continue;
      }
      out.put(e.getKey(), normalise(e.getValue()));
    }
    try {
      return json.writeValueAsString(out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private @Nullable Object normalise(@Nullable Object v) {
    if (v instanceof Double d) {
      return Map.of("float", d.toString());
    }
    if (v instanceof List<?> l) {
      List<@Nullable Object> out = new ArrayList<>();
      l.forEach(x -> out.add(normalise(x)));
      return out;
    }
    return v;
  }

  /** Per row, the sorted system-tag values: what the rows carry, independent of column names. */
  private String systemTagValues(Map<String, ?> row) {
    List<String> vals = new ArrayList<>();
    for (Map.Entry<String, ?> e : row.entrySet()) {
      if (SystemConstants.isSystemTagColumn(e.getKey())) {
        vals.add(String.valueOf(normalise(e.getValue())));
      }
    }
    vals.sort(null);
    return vals.toString();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> expectedRows(String name) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (JsonNode r : golden.get("pipelines").get(name).get("rows")) {
      out.add(json.convertValue(r, Map.class));
    }
    return out;
  }

  @ParameterizedTest(name = "{0} on {1} sources")
  @MethodSource("pipelines")
  void rowsAndKeysEqualPythons(String name, String kind) {
    OperatorContext ctx = new OperatorContext(new TestTables.StructuralHasher(), allocator);
    List<OperatorStream> extra = new ArrayList<>();
    try (OperatorStream p = pipeline(name, kind, ctx, extra)) {
      JsonNode g = golden.get("pipelines").get(name);
      List<String> expectedData = new ArrayList<>();
      List<String> expectedSys = new ArrayList<>();
      for (Map<String, Object> r : expectedRows(name)) {
        expectedData.add(canonical(r, true));
        expectedSys.add(canonical(r, true) + systemTagValues(r));
      }
      List<String> actualData = new ArrayList<>();
      List<String> actualSys = new ArrayList<>();
      for (Map<String, Object> r : TestTables.rows(p, WITH_SYS, allocator)) {
        actualData.add(canonical(r, true));
        actualSys.add(canonical(r, true) + systemTagValues(r));
      }
      assertThat(actualData).containsExactlyInAnyOrderElementsOf(expectedData);
      assertThat(actualSys).containsExactlyInAnyOrderElementsOf(expectedSys);
      List<String> tagKeys = new ArrayList<>(p.keys().tag());
      tagKeys.sort(null);
      List<String> packetKeys = new ArrayList<>(p.keys().packet());
      packetKeys.sort(null);
      assertThat(tagKeys).containsExactlyElementsOf(strings(g.get("tag_keys")));
      assertThat(packetKeys).containsExactlyElementsOf(strings(g.get("packet_keys")));
    } finally {
      extra.forEach(OperatorStream::close);
    }
  }

  @ParameterizedTest(name = "{0} on {1} sources")
  @MethodSource("pipelines")
  void hashesAndSystemTagNamesEqualPythons(String name, String kind) {
    SemanticHasher hasher = pythonSemanticHasher();
    OperatorContext ctx = new OperatorContext(hasher, allocator);
    for (Map.Entry<String, ? extends org.orcapod.stream.Stream> s : sources(kind).entrySet()) {
      JsonNode g = golden.get("sources").get(s.getKey());
      assertThat(ctx.pipelineHash(s.getValue()).toString())
          .isEqualTo(g.get("pipeline_hash").asText());
      assertThat(ctx.contentHash(s.getValue()).toString())
          .isEqualTo(g.get("content_hash").asText());
    }
    List<OperatorStream> extra = new ArrayList<>();
    try (OperatorStream p = pipeline(name, kind, ctx, extra)) {
      JsonNode g = golden.get("pipelines").get(name);
      assertThat(p.contentHash().toString()).isEqualTo(g.get("content_hash").asText());
      assertThat(p.pipelineHash().toString()).isEqualTo(g.get("pipeline_hash").asText());
      List<String> sys = new ArrayList<>();
      for (String t : p.keys(WITH_SYS).tag()) {
        if (SystemConstants.isSystemTagColumn(t)) {
          sys.add(t);
        }
      }
      sys.sort(null);
      assertThat(sys).containsExactlyElementsOf(strings(g.get("system_tag_columns")));
      List<String> expected = new ArrayList<>();
      for (Map<String, Object> r : expectedRows(name)) {
        expected.add(canonical(r, false));
      }
      List<String> actual = new ArrayList<>();
      for (Map<String, Object> r : TestTables.rows(p, WITH_SYS, allocator)) {
        actual.add(canonical(r, false));
      }
      assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    } finally {
      extra.forEach(OperatorStream::close);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Python's semantic hasher: the one of the default data context {@code std:v0.1:default}. */
  private static SemanticHasher pythonSemanticHasher() {
    return DataContext.defaultContext().semanticHasher();
  }
}
