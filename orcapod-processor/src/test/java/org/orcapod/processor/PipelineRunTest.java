package org.orcapod.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.function.FunctionPod;
import org.orcapod.function.FunctionPodStream;
import org.orcapod.function.JavaPacketFunction;
import org.orcapod.operator.Filter;
import org.orcapod.operator.OperatorContext;
import org.orcapod.operator.OperatorStream;
import org.orcapod.operator.predicate.Predicate;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.pipeline.typed.SourceBindingException;
import org.orcapod.source.ArrowTableSource;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;
import org.orcapod.stream.Stream;

/**
 * javac compiles the sample pipelines with the processor; the generated classes are built, run and
 * read as a user would (the drivers {@code LabRun} and {@code OpsRun} call the generated API), and
 * the lab pipeline's hashes equal those of the same pipeline wired by hand through the runtime API.
 */
class PipelineRunTest {
  private static ClassLoader loader;

  @BeforeAll
  static void compile() {
    Compilation compilation = PipelineSamples.compile();
    assertThat(compilation).succeededWithoutWarnings();
    loader = PodSamples.loader(compilation);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> call(String driver, Object... args) throws Exception {
    Class<?>[] types =
        args.length == 1
            ? new Class<?>[] {BufferAllocator.class}
            : new Class<?>[] {BufferAllocator.class, org.orcapod.database.ArrowDatabase.class};
    Method run = loader.loadClass(driver).getMethod("run", types);
    return (Map<String, Object>) run.invoke(null, args);
  }

  private static List<String> sortedText(Object rows) {
    List<String> out = new ArrayList<>();
    for (Object r : (List<?>) rows) {
      out.add(r.toString());
    }
    out.sort(null);
    return out;
  }

  @Test
  void theGeneratedLabPipelineRunsAndItsHashesEqualTheHandWiredPipeline() throws Exception {
    try (BufferAllocator allocator = new RootAllocator();
        InMemoryArrowDatabase generatedDb = InMemoryArrowDatabase.create(allocator);
        InMemoryArrowDatabase handDb = InMemoryArrowDatabase.create(allocator)) {
      Map<String, Object> out = call("lab.LabRun", allocator, generatedDb);
      assertThat(out.get("succeeded")).isEqualTo(true);
      assertThat(sortedText(out.get("measurements")))
          .containsExactly(
              "Measurement[experiment=exp1, temperatureC=20.0, pressureKpa=99.0]",
              "Measurement[experiment=exp2, temperatureC=30.0, pressureKpa=120.0]",
              "Measurement[experiment=exp3, temperatureC=5.0, pressureKpa=150.0]");
      // 20 °C = 68 °F, 30 °C = 86 °F, 5 °C = 41 °F; high pressure above 101.3 kPa.
      assertThat(sortedText(out.get("readings")))
          .containsExactly(
              "Reading[experiment=exp1, fahrenheit=68.0, highPressure=false]",
              "Reading[experiment=exp2, fahrenheit=86.0, highPressure=true]",
              "Reading[experiment=exp3, fahrenheit=41.0, highPressure=true]");
      // highPressure = true and fahrenheit > 50: only exp2.
      assertThat(sortedText(out.get("alerts")))
          .containsExactly("Reading[experiment=exp2, fahrenheit=86.0, highPressure=true]");

      SourceContext ctx = SourceContext.defaultContext();
      Method convert =
          loader.loadClass("lab.LabFunctions").getMethod("convert", double.class, double.class);
      try (VectorSchemaRoot table = measurements(allocator);
          ArrowTableSource source =
              ArrowTableSource.builder(table, ctx).tagColumns("experiment").build(allocator);
          FunctionPodStream readings =
              new FunctionPod(
                      JavaPacketFunction.ofMethod(
                          convert, null, null, "1.0", null, List.of("fahrenheit", "highPressure")),
                      ctx)
                  .process(allocator, source);
          OperatorStream alerts =
              new Filter(
                      Predicate.col("highPressure")
                          .eq(true)
                          .and(Predicate.col("fahrenheit").gt(50.0)))
                  .process(
                      new OperatorContext(ctx.semanticHasher(), allocator, ctx.arrowHasher()),
                      readings);
          Pipeline hand = Pipeline.builder("lab", handDb, allocator).build()) {
        hand.label("measurements", source);
        hand.label("readings", readings);
        hand.add("pressure_alerts", alerts);
        hand.compile();
        assertThat(hand.run().succeeded()).isTrue();
        for (String label : List.of("measurements", "readings", "pressure_alerts")) {
          assertThat(out.get("pipelineHash:" + label))
              .as("pipeline hash of %s", label)
              .isEqualTo(hand.node(label).pipelineHash());
          assertThat(out.get("contentHash:" + label))
              .as("content hash of %s", label)
              .isEqualTo(hand.node(label).contentHash());
        }
        assertThat(out.get("pipelineHash:readings"))
            .isNotEqualTo(out.get("pipelineHash:pressure_alerts"));

        // The processor computed every node's pipeline hash at compile time (the source, the
        // function node and the filter); they are the runtime's.
        Class<?> generated = loader.loadClass("lab.OrcapodLab");
        assertThat(generated.getField("MEASUREMENTS_PIPELINE_HASH").get(null))
            .isEqualTo(hand.node("measurements").pipelineHash());
        assertThat(generated.getField("READINGS_PIPELINE_HASH").get(null))
            .isEqualTo(hand.node("readings").pipelineHash());
        assertThat(generated.getField("ALERTS_PIPELINE_HASH").get(null))
            .isEqualTo(hand.node("pressure_alerts").pipelineHash());
        assertThat(generated.getFields())
            .extracting(java.lang.reflect.Field::getName)
            .filteredOn(n -> n.endsWith("_PIPELINE_HASH"))
            .containsExactlyInAnyOrder(
                "MEASUREMENTS_PIPELINE_HASH", "READINGS_PIPELINE_HASH", "ALERTS_PIPELINE_HASH");

        // The same pipeline hashes, from the declarations alone (no data bound).
        @SuppressWarnings("unchecked")
        Map<String, String> declared =
            (Map<String, String>)
                loader
                    .loadClass("lab.OrcapodLab")
                    .getMethod("declaredPipelineHashes", SourceContext.class, BufferAllocator.class)
                    .invoke(null, ctx, allocator);
        assertThat(declared.keySet())
            .containsExactly("measurements", "readings", "pressure_alerts");
        for (String label : declared.keySet()) {
          assertThat(declared.get(label))
              .as("declared pipeline hash of %s", label)
              .isEqualTo(hand.node(label).pipelineHash());
        }
      }
    }
  }

  /**
   * Every node of the golden pipelines (sources, functions of one and several inputs, and every
   * operator kind) has a compile-time constant, equal to the hash the runtime computes for the same
   * pipeline wired through its API ({@code declaredPipelineHashes} builds it over empty sources of
   * the declared schemas, one hash per node).
   */
  @Test
  void everyNodeOfTheGoldenPipelinesHasACompileTimeHashEqualToTheRuntimes() throws Exception {
    SourceContext ctx = SourceContext.defaultContext();
    for (String type : List.of("lab.OrcapodLab", "weather.OrcapodWeather", "ops.OrcapodOps")) {
      Class<?> generated = loader.loadClass(type);
      List<String> constants = new ArrayList<>();
      for (java.lang.reflect.Field f : generated.getFields()) {
        if (f.getName().endsWith("_PIPELINE_HASH")) {
          constants.add((String) f.get(null));
        }
      }
      long nodes =
          java.util.Arrays.stream(generated.getMethods())
              .filter(
                  m ->
                      m.getParameterCount() == 0
                          && m.getReturnType() == org.orcapod.pipeline.typed.TypedNode.class)
              .count();
      List<String> runtime = new ArrayList<>();
      try (BufferAllocator allocator = new RootAllocator()) {
        @SuppressWarnings("unchecked")
        Map<String, String> declared =
            (Map<String, String>)
                generated
                    .getMethod("declaredPipelineHashes", SourceContext.class, BufferAllocator.class)
                    .invoke(null, ctx, allocator);
        assertThat(declared).as("nodes of %s", type).hasSize((int) nodes);
        runtime.addAll(declared.values());
      }
      assertThat(constants).as("constants of %s", type).hasSize((int) nodes);
      assertThat(constants)
          .as("constants of %s", type)
          .containsExactlyInAnyOrderElementsOf(runtime);
    }
  }

  @Test
  void everyOperatorKindIsWiredAsDeclared() throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      Map<String, Object> out = call("ops.OpsRun", allocator);
      assertThat(out.get("succeeded")).isEqualTo(true);
      // Approvals exist for exp1 and exp3 (the flag is data, not a condition).
      assertThat(sortedText(out.get("approved")))
          .containsExactly(
              "Measurement[experiment=exp1, temperatureC=20.0, pressureKpa=99.0]",
              "Measurement[experiment=exp3, temperatureC=5.0, pressureKpa=150.0]");
      assertThat(sortedText(out.get("calibrated")))
          .containsExactly(
              "Calibrated[experiment=exp1, calibrated=20.5]",
              "Calibrated[experiment=exp3, calibrated=5.5]");
      assertThat(sortedText(out.get("renamed_tags")))
          .containsExactly(
              "ByRun[run=exp1, temperatureC=20.0, pressureKpa=99.0]",
              "ByRun[run=exp2, temperatureC=-20.0, pressureKpa=120.0]",
              "ByRun[run=exp3, temperatureC=5.0, pressureKpa=150.0]");
      assertThat(sortedText(out.get("celsius")))
          .containsExactly(
              "Celsius[run=exp1, celsius=20.0, pressureKpa=99.0]",
              "Celsius[run=exp2, celsius=-20.0, pressureKpa=120.0]",
              "Celsius[run=exp3, celsius=5.0, pressureKpa=150.0]");
      List<String> temperatures =
          List.of(
              "Temperatures[experiment=exp1, temperatureC=20.0]",
              "Temperatures[experiment=exp2, temperatureC=-20.0]",
              "Temperatures[experiment=exp3, temperatureC=5.0]");
      assertThat(sortedText(out.get("temperatures"))).containsExactlyElementsOf(temperatures);
      assertThat(sortedText(out.get("dropped"))).containsExactlyElementsOf(temperatures);
      assertThat(sortedText(out.get("merged")))
          .containsExactly(
              "Merged[experiment=exp1, temperatureC=[20.0, 20.0]]",
              "Merged[experiment=exp2, temperatureC=[-20.0, -20.0]]",
              "Merged[experiment=exp3, temperatureC=[5.0, 5.0]]");
      // Batches of 10 dropping the partial one: 3 rows make no full batch.
      assertThat(sortedText(out.get("batched"))).isEmpty();
      // exp3 is not in the list, exp2 is below -10.5.
      assertThat(sortedText(out.get("filtered")))
          .containsExactly("Measurement[experiment=exp1, temperatureC=20.0, pressureKpa=99.0]");
    }
  }

  @Test
  void theWeatherPipelineJoinsAndBatchesPathAndDateColumns(@TempDir Path folder) throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> out =
          (Map<String, Object>)
              loader
                  .loadClass("weather.WeatherRun")
                  .getMethod("run", BufferAllocator.class, Path.class)
                  .invoke(null, allocator, folder);
      assertThat(out.get("succeeded")).isEqualTo(true);
      // Path cells come back as the files the source was given.
      assertThat((List<Object>) out.get("dayFilePaths"))
          .containsExactlyInAnyOrder(
              folder.resolve("2024-05-01.txt"), folder.resolve("2024-05-02.txt"));
      // Day 1: 10, 20, 30 (blank line skipped); day 2: 5, 7.
      assertThat(sortedText(out.get("dayStats")))
          .containsExactly(
              "DayStats[day=2024-05-01, count=3, mean=20.0, min=10.0, max=30.0]",
              "DayStats[day=2024-05-02, count=2, mean=6.0, min=5.0, max=7.0]");
      assertThat(sortedText(out.get("dayMeta")))
          .containsExactly(
              "DayMeta[day=2024-05-01, station=north, operator=ana]",
              "DayMeta[day=2024-05-02, station=south, operator=ben]");
      assertThat(sortedText(out.get("reports")))
          .containsExactly(
              "DayReport[day=2024-05-01, count=3, mean=20.0, min=10.0, max=30.0, station=north,"
                  + " operator=ana]",
              "DayReport[day=2024-05-02, count=2, mean=6.0, min=5.0, max=7.0, station=south,"
                  + " operator=ben]");
      // One batch of both days; lists keep the rows' order, so compare as sets per column.
      assertThat(sortedText(out.get("summary"))).hasSize(1);
      assertThat((List<Object>) out.get("summaryDays"))
          .containsExactlyInAnyOrder(
              java.time.LocalDate.of(2024, 5, 1), java.time.LocalDate.of(2024, 5, 2));
    }
  }

  @Test
  void bindingASourceWhoseColumnTypeDiffersFailsNamingNodeAndColumn() throws Exception {
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot table = wrongPressure(allocator);
        ArrowTableSource source =
            ArrowTableSource.builder(table, SourceContext.defaultContext())
                .tagColumns("experiment")
                .build(allocator)) {
      assertThatThrownBy(() -> buildLab(source, allocator))
          .isInstanceOfSatisfying(
              SourceBindingException.class,
              e -> {
                assertThat(e.id()).isEqualTo("Orcapod/SourceSchemaMismatch");
                assertThat(e.node()).isEqualTo("measurements");
                assertThat(e.column()).isEqualTo("pressureKpa");
              })
          .hasMessageContaining("source node 'measurements' of pipeline 'lab'")
          .hasMessageContaining("lab.Measurement")
          .hasMessageContaining("Int(64, true)")
          .hasMessageContaining("FloatingPoint(DOUBLE)")
          .hasMessageContaining("convert the source's column or change the record");
    }
  }

  @Test
  void bindingASourceWithoutTheTagRoleOrWithNullableColumnsFails() throws Exception {
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot table = measurements(allocator);
        ArrowTableSource untagged =
            ArrowTableSource.builder(table, SourceContext.defaultContext()).build(allocator)) {
      assertThatThrownBy(() -> buildLab(untagged, allocator))
          .isInstanceOf(SourceBindingException.class)
          .hasMessageContaining("tag column 'experiment'")
          .hasMessageContaining("has it as a packet column");
    }
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot table = nullableTemperature(allocator);
        ArrowTableSource source =
            ArrowTableSource.builder(table, SourceContext.defaultContext())
                .tagColumns("experiment")
                .build(allocator)) {
      assertThatThrownBy(() -> buildLab(source, allocator))
          .isInstanceOfSatisfying(
              SourceBindingException.class, e -> assertThat(e.column()).isEqualTo("temperatureC"))
          .hasMessageContaining("non-nullable packet column 'temperatureC'")
          .hasMessageContaining("annotate the component @Nullable");
    }
  }

  @Test
  void buildingWithoutBindingASourceNamesTheUnboundNode() throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      assertThatThrownBy(() -> buildLab(null, allocator))
          .isInstanceOfSatisfying(
              SourceBindingException.class,
              e -> {
                assertThat(e.id()).isEqualTo("Orcapod/UnboundSource");
                assertThat(e.node()).isEqualTo("measurements");
              })
          .hasMessageContaining("unbound source node 'measurements'")
          .hasMessageContaining(".measurements(source)");
    }
  }

  @Test
  void closingOnlyThePipelineReleasesEverythingBuildCreated() throws Exception {
    // As a PipelineDefinition does: return lab.pipeline() and let the caller close that.
    BufferAllocator allocator = new RootAllocator();
    try (VectorSchemaRoot table = measurements(allocator);
        ArrowTableSource source =
            ArrowTableSource.builder(table, SourceContext.defaultContext())
                .tagColumns("experiment")
                .build(allocator)) {
      Class<?> lab = loader.loadClass("lab.OrcapodLab");
      Object builder = lab.getMethod("builder").invoke(null);
      builder.getClass().getMethod("measurements", Stream.class).invoke(builder, source);
      builder.getClass().getMethod("allocator", BufferAllocator.class).invoke(builder, allocator);
      Object built = builder.getClass().getMethod("build").invoke(builder);
      Pipeline pipeline = (Pipeline) lab.getMethod("pipeline").invoke(built);
      assertThat(pipeline.name()).isEqualTo("lab");
      assertThat(pipeline.labels()).containsExactly("measurements", "readings", "pressure_alerts");
      assertThat(pipeline.run().succeeded()).isTrue();
      Object readings = lab.getMethod("readings").invoke(built);
      assertThat(sortedText(readings.getClass().getMethod("rows").invoke(readings)))
          .hasSize(3)
          .first()
          .isEqualTo("Reading[experiment=exp1, fahrenheit=68.0, highPressure=false]");
      pipeline.close();
    }
    allocator.close(); // throws if anything build() created were still open
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void aDictSourceOfTheDeclaredRecordsBindsAndRuns() throws Exception {
    Class measurement = loader.loadClass("lab.Measurement");
    List<Object> rows =
        List.of(
            measurement
                .getConstructor(String.class, double.class, double.class)
                .newInstance("exp1", 20.0, 99.0),
            measurement
                .getConstructor(String.class, double.class, double.class)
                .newInstance("exp2", 30.0, 120.0));
    try (BufferAllocator allocator = new RootAllocator();
        DictSource source =
            DictSource.ofRecords(
                measurement,
                (List) rows,
                List.of("experiment"),
                "lab_results",
                SourceContext.defaultContext(),
                allocator)) {
      Class<?> lab = loader.loadClass("lab.OrcapodLab");
      Object builder = lab.getMethod("builder").invoke(null);
      builder.getClass().getMethod("measurements", Stream.class).invoke(builder, source);
      builder.getClass().getMethod("allocator", BufferAllocator.class).invoke(builder, allocator);
      try (AutoCloseable built =
          (AutoCloseable) builder.getClass().getMethod("build").invoke(builder)) {
        lab.getMethod("run").invoke(built);
        Object alerts = lab.getMethod("alerts").invoke(built);
        assertThat(sortedText(alerts.getClass().getMethod("rows").invoke(alerts)))
            .containsExactly("Reading[experiment=exp2, fahrenheit=86.0, highPressure=true]");
      }
    }
  }

  @Test
  void aDeclaredHashThatDiffersFromTheRuntimesFailsNamingNodeAndBothHashes() throws Exception {
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot table = measurements(allocator);
        ArrowTableSource source =
            ArrowTableSource.builder(table, SourceContext.defaultContext())
                .tagColumns("experiment")
                .build(allocator);
        Pipeline pipeline = Pipeline.builder("lab", null, allocator).build()) {
      pipeline.add("measurements", source);
      pipeline.compile();
      // The check build() runs for each declared hash (inherited from the runtime's base class),
      // given a hash the runtime does not compute.
      Class<?> base = loader.loadClass("lab.OrcapodLab").getSuperclass();
      assertThat(base).isEqualTo(org.orcapod.pipeline.typed.GeneratedPipeline.class);
      Method check =
          base.getDeclaredMethod("checkPipelineHash", Pipeline.class, String.class, String.class);
      check.setAccessible(true);
      String actual = pipeline.node("measurements").pipelineHash();
      check.invoke(null, pipeline, "measurements", actual); // equal: no error
      assertThatThrownBy(
              () -> {
                try {
                  check.invoke(null, pipeline, "measurements", "semantic_v0.1:00");
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              })
          .isInstanceOfSatisfying(
              org.orcapod.error.OrcapodException.class,
              e -> assertThat(e.id()).isEqualTo("Orcapod/PipelineHashDrift"))
          .hasMessageContaining("node 'measurements' of pipeline 'lab' has pipeline hash " + actual)
          .hasMessageContaining("the annotation processor computed semantic_v0.1:00");
    }
  }

  /** {@code OrcapodLab.builder().measurements(source).allocator(allocator).build()}. */
  private static void buildLab(Stream source, BufferAllocator allocator) throws Throwable {
    Class<?> lab = loader.loadClass("lab.OrcapodLab");
    Object builder = lab.getMethod("builder").invoke(null);
    try {
      if (source != null) {
        builder.getClass().getMethod("measurements", Stream.class).invoke(builder, source);
      }
      builder.getClass().getMethod("allocator", BufferAllocator.class).invoke(builder, allocator);
      AutoCloseable built = (AutoCloseable) builder.getClass().getMethod("build").invoke(builder);
      built.close();
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Field field(String name, ArrowType type, boolean nullable) {
    return new Field(name, new FieldType(nullable, type, null), null);
  }

  private static final ArrowType DOUBLE =
      new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

  /** The lab measurements, with the Arrow types the runtime maps the record's types to. */
  private static VectorSchemaRoot measurements(BufferAllocator allocator) {
    return table(allocator, DOUBLE, false);
  }

  private static VectorSchemaRoot nullableTemperature(BufferAllocator allocator) {
    return table(allocator, DOUBLE, true);
  }

  private static VectorSchemaRoot wrongPressure(BufferAllocator allocator) {
    return table(allocator, new ArrowType.Int(64, true), false);
  }

  private static VectorSchemaRoot table(
      BufferAllocator allocator, ArrowType pressureType, boolean nullableTemperature) {
    VectorSchemaRoot t =
        VectorSchemaRoot.create(
            new Schema(
                List.of(
                    field("experiment", ArrowType.LargeUtf8.INSTANCE, false),
                    field("temperatureC", DOUBLE, nullableTemperature),
                    field("pressureKpa", pressureType, false))),
            allocator);
    t.allocateNew();
    String[] experiments = {"exp1", "exp2", "exp3"};
    double[] temperatures = {20.0, 30.0, 5.0};
    double[] pressures = {99.0, 120.0, 150.0};
    for (int i = 0; i < 3; i++) {
      ((LargeVarCharVector) t.getVector("experiment"))
          .setSafe(i, experiments[i].getBytes(java.nio.charset.StandardCharsets.UTF_8));
      ((Float8Vector) t.getVector("temperatureC")).setSafe(i, temperatures[i]);
      if (t.getVector("pressureKpa") instanceof BigIntVector b) {
        b.setSafe(i, (long) pressures[i]);
      } else {
        ((Float8Vector) t.getVector("pressureKpa")).setSafe(i, pressures[i]);
      }
    }
    t.setRowCount(3);
    return t;
  }
}
