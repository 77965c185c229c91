package org.orcapod.samples.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.datagram.TagPacket;
import org.orcapod.function.ResultColumns;
import org.orcapod.node.FunctionNode;
import org.orcapod.pipeline.DefinitionContext;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.pipeline.PipelineDefinition;
import org.orcapod.pipeline.PipelineNode;
import org.orcapod.schema.ArrowValues;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.schema.SystemConstants;

/** Sample 1 end to end, and its hashes against Python orcapod's for the same example. */
class LabSampleTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        LabSample.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Fahrenheit of {@code celsius}, in exact decimal arithmetic, independent of the function. */
  private static BigDecimal fahrenheit(String celsius) {
    return new BigDecimal(celsius)
        .multiply(BigDecimal.valueOf(9))
        .divide(BigDecimal.valueOf(5))
        .add(BigDecimal.valueOf(32));
  }

  private static String resultLine(String experiment, String celsius, boolean high) {
    return String.format(
        Locale.ROOT,
        "%-10s %16s %17s",
        experiment,
        fahrenheit(celsius).setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
        high);
  }

  @Test
  void firstRunComputesEveryMeasurementAndTheSecondIsFullyCached() {
    String[] args = {"--db", dir.resolve("db").toString()};
    Run first = run(args);
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("measurements: 3 rows (source id lab_results)")
        .contains(String.format("%-16s %6d %9d %7d %7d", "conditions", 3, 3, 0, 0))
        // Python: 20.5 °C -> 68.90 °F, high; 22.3 -> 72.14, not high; 19.8 -> 67.64, high
        .contains(resultLine("exp_001", "20.5", true))
        .contains(resultLine("exp_002", "22.3", false))
        .contains(resultLine("exp_003", "19.8", true))
        .contains("computed 3 packets, 0 came from the cache");
    assertThat(Files.exists(dir.resolve("db").resolve("orcapod.sqlite"))).isTrue();

    Run second = run(args);
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out())
        .contains(String.format("%-16s %6d %9d %7d %7d", "conditions", 3, 0, 3, 0))
        .contains(resultLine("exp_002", "22.3", false))
        .contains("everything came from the cache (3 packets)");
  }

  @Test
  void theDefinitionBuildsAPipelineWhoseRowsEqualTheIndependentlyComputedValues() {
    Map<String, Object[]> rows = new HashMap<>();
    try (BufferAllocator allocator = new RootAllocator();
        InMemoryArrowDatabase db = InMemoryArrowDatabase.create(allocator)) {
      PipelineDefinition definition = new LabSample();
      try (Pipeline p = definition.define(new DefinitionContext(db, allocator, Map.of()))) {
        p.compile();
        assertThat(p.labels()).containsExactlyInAnyOrder("measurements", "conditions");
        assertThat(p.run().succeeded()).isTrue();
        for (TagPacket tp : p.stream("conditions").rows()) {
          rows.put(
              (String) tp.tag().get("experiment"),
              new Object[] {
                tp.packet().get("temp_fahrenheit"), tp.packet().get("is_high_pressure")
              });
        }
      }
      // closing the pipeline released the sources and streams it owns: the allocator closes clean
    }
    assertThat(rows).containsOnlyKeys("exp_001", "exp_002", "exp_003");
    for (Measurement m : LabSample.MEASUREMENTS) {
      Object[] r = rows.get(m.experiment());
      assertThat((Double) r[0])
          .isCloseTo(fahrenheit(Double.toString(m.temperature())).doubleValue(), within(1e-9));
      assertThat(r[1])
          .isEqualTo(new BigDecimal(Double.toString(m.pressure())).compareTo(BigDecimal.ONE) > 0);
    }
  }

  /** The golden file's key-value lines, and its row lines by experiment. */
  private record Golden(Map<String, List<String>> values, Map<String, List<String>> rows) {
    static Golden load() throws IOException {
      Map<String, List<String>> values = new HashMap<>();
      Map<String, List<String>> rows = new HashMap<>();
      try (InputStream in = LabSampleTest.class.getResourceAsStream("/golden/lab-python.tsv")) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (line.startsWith("#") || line.isBlank()) {
            continue;
          }
          List<String> f = List.of(line.split("\t"));
          if (f.get(0).equals("row")) {
            rows.put(f.get(1), f.subList(2, f.size()));
          } else {
            values.put(f.get(0), f.subList(1, f.size()));
          }
        }
      }
      return new Golden(values, rows);
    }

    String value(String key) {
      return values.get(key).get(0);
    }
  }

  private static Map<String, String> column(
      VectorSchemaRoot table, String keyColumn, String valueColumn) {
    Map<String, String> out = new HashMap<>();
    FieldVector keys = table.getVector(keyColumn);
    FieldVector vals = table.getVector(valueColumn);
    for (int i = 0; i < table.getRowCount(); i++) {
      out.put(String.valueOf(ArrowValues.read(keys, i)), String.valueOf(ArrowValues.read(vals, i)));
    }
    return out;
  }

  @Test
  void hashesRecordIdsAndValuesEqualPythonOrcapodsForTheSameExample() throws IOException {
    Golden g = Golden.load();
    try (BufferAllocator allocator = new RootAllocator();
        InMemoryArrowDatabase db = InMemoryArrowDatabase.create(allocator);
        Pipeline p = new LabSample().define(new DefinitionContext(db, allocator, Map.of()))) {
      p.compile();
      assertThat(p.run().succeeded()).isTrue();

      PipelineNode source = p.node("measurements");
      assertThat(source.contentHash()).isEqualTo(g.value("source_content_hash"));
      assertThat(source.pipelineHash()).isEqualTo(g.value("source_pipeline_hash"));

      FunctionNode node = p.functionNode("conditions");
      List<String> uri = node.pod().uri().components();
      List<String> pythonUri = g.values().get("function_uri");
      // name, output-schema hash and major version equal; only the type id differs
      assertThat(uri.subList(0, 3)).isEqualTo(pythonUri.subList(0, 3));
      assertThat(pythonUri.get(3)).isEqualTo("python.function.v0");
      assertThat(uri.get(3)).isEqualTo("java.function.v0");
      assertThat(node.contentHash().toString()).isEqualTo(g.value("node_content_hash"));
      assertThat(node.pipelineHash().toString()).isEqualTo(g.value("node_pipeline_hash"));

      List<String> systemTags = new ArrayList<>();
      Map<String, String> recordIds = new HashMap<>();
      for (TagPacket tp : p.stream("conditions").rows()) {
        systemTags.clear();
        systemTags.addAll(tp.tag().systemTags().keySet());
        String recordIdColumn =
            systemTags.stream()
                .filter(k -> k.startsWith("_tag_record_id::"))
                .findFirst()
                .orElseThrow();
        recordIds.put(
            (String) tp.tag().get("experiment"), tp.tag().systemTags().get(recordIdColumn));
      }
      assertThat(systemTags).containsExactlyInAnyOrderElementsOf(g.values().get("system_tags"));

      ColumnConfig withHash = ColumnConfig.dataOnly().withContentHash(true);
      Map<String, String> inputHashes;
      try (VectorSchemaRoot in = p.stream("measurements").asTable(withHash, allocator)) {
        inputHashes = column(in, "experiment", SystemConstants.CONTENT_HASH_COLUMN);
      }
      Map<String, String> outputHashes;
      Map<String, String> fahrenheit;
      try (VectorSchemaRoot out = p.stream("conditions").asTable(withHash, allocator)) {
        outputHashes = column(out, "experiment", SystemConstants.CONTENT_HASH_COLUMN);
        fahrenheit = column(out, "experiment", "temp_fahrenheit");
      }
      List<String> storedInputHashes = new ArrayList<>();
      try (VectorSchemaRoot results = node.resultCache().allRecords(allocator)) {
        for (int i = 0; i < results.getRowCount(); i++) {
          storedInputHashes.add(
              (String) ArrowValues.read(results.getVector(ResultColumns.INPUT_PACKET_HASH), i));
        }
      }
      Map<String, String> entryIds;
      try (VectorSchemaRoot records =
          p.pipelineDatabase()
              .getAllRecords(node.nodePath(), ResultColumns.PIPELINE_ENTRY_ID, allocator)) {
        entryIds = column(records, "experiment", ResultColumns.PIPELINE_ENTRY_ID);
      }

      assertThat(g.rows()).containsOnlyKeys("exp_001", "exp_002", "exp_003");
      List<String> expectedStored = new ArrayList<>();
      g.rows()
          .forEach(
              (experiment, r) -> {
                assertThat(recordIds.get(experiment)).as("record id").isEqualTo(r.get(0));
                assertThat(inputHashes.get(experiment)).as("input packet hash").isEqualTo(r.get(1));
                // Python's repr and Java's Double.toString agree on these shortest forms
                assertThat(fahrenheit.get(experiment)).as("temp_fahrenheit").isEqualTo(r.get(2));
                assertThat(outputHashes.get(experiment))
                    .as("output packet hash")
                    .isEqualTo(r.get(4));
                assertThat(entryIds.get(experiment)).as("pipeline entry id").isEqualTo(r.get(5));
                expectedStored.add(r.get(1));
              });
      assertThat(storedInputHashes).containsExactlyInAnyOrderElementsOf(expectedStored);
    }
  }

  @Test
  void theGeneratedWiringBuildsExactlyTheNodesAndColumnsThatLabDeclares() {
    List<String> declared = new ArrayList<>();
    for (java.lang.reflect.Method m : Lab.class.getDeclaredMethods()) {
      if (!m.isSynthetic()) {
        declared.add(m.getName());
      }
    }
    try (BufferAllocator allocator = new RootAllocator();
        Pipeline p = new LabSample().define(new DefinitionContext(null, allocator, Map.of()))) {
      p.compile();
      assertThat(p.labels()).containsExactlyInAnyOrderElementsOf(declared);
      assertThat(p.node("conditions").upstream()).containsExactly("measurements");
      assertThat(p.stream("measurements").keys().tag()).containsExactly("experiment");
      assertThat(p.stream("measurements").keys().packet())
          .containsExactly(components(Measurement.class, 1));
      assertThat(p.stream("conditions").keys().tag()).containsExactly("experiment");
      assertThat(p.stream("conditions").keys().packet())
          .containsExactly(components(Conditions.class, 1));
    }
  }

  /** The names of {@code type}'s record components from index {@code from} on. */
  private static String[] components(Class<? extends Record> type, int from) {
    java.lang.reflect.RecordComponent[] rc = type.getRecordComponents();
    String[] out = new String[rc.length - from];
    for (int i = from; i < rc.length; i++) {
      out[i - from] = rc[i].getName();
    }
    return out;
  }
}
