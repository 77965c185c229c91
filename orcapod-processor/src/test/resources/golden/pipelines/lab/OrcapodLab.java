package lab;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.orcapod.error.OrcapodException;
import org.orcapod.function.FunctionPod;
import org.orcapod.operator.Filter;
import org.orcapod.operator.OperatorContext;
import org.orcapod.operator.predicate.Predicate;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.pipeline.typed.GeneratedPipeline;
import org.orcapod.pipeline.typed.RowReader;
import org.orcapod.pipeline.typed.SourceBindingException;
import org.orcapod.pipeline.typed.SourceBindings;
import org.orcapod.pipeline.typed.TypedNode;
import org.orcapod.schema.Schema;
import org.orcapod.source.ArrowTableSource;
import org.orcapod.source.RootSource;
import org.orcapod.source.SourceContext;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamSchema;

/**
 * The pipeline {@code lab} declared by {@link Lab}: build it with {@link #builder()},
 * binding each source node, then run it and read each node's rows through its typed
 * handle.
 */
@Generated(
    value = "org.orcapod.processor.OrcapodProcessor",
    comments = "orcapod"
)
public final class OrcapodLab extends GeneratedPipeline {
  /**
   * The pipeline's name; it scopes the pipeline's stored records.
   */
  public static final String NAME = "lab";

  /**
   * The tag and packet schemas of source node {@code measurements} (Measurement rows); a bound source must have
   * exactly these.
   */
  public static final StreamSchema MEASUREMENTS_SCHEMA = new StreamSchema(Schema.of(List.of(new Field("experiment", new FieldType(false, ArrowType.LargeUtf8.INSTANCE, null), null))), Schema.of(List.of(new Field("temperatureC", new FieldType(false, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), null), null), new Field("pressureKpa", new FieldType(false, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), null), null))));

  /**
   * The pipeline hash of node {@code measurements}, computed by the processor from the declared schemas
   * and functions; {@link Builder#build()} checks it against the runtime's.
   */
  public static final String MEASUREMENTS_PIPELINE_HASH = "semantic_v0.1:0c8101b1ff317fee48aa4f9374c3d9274011f5cfa1843c06d047a792091e635f";

  /**
   * The pipeline hash of node {@code readings}, computed by the processor from the declared schemas
   * and functions; {@link Builder#build()} checks it against the runtime's.
   */
  public static final String READINGS_PIPELINE_HASH = "semantic_v0.1:6f633abc6f4fb362b579532ddc325e380034a85261b65bf256f77ed15efa1745";

  /**
   * The pipeline hash of node {@code alerts}, computed by the processor from the declared schemas
   * and functions; {@link Builder#build()} checks it against the runtime's.
   */
  public static final String ALERTS_PIPELINE_HASH = "semantic_v0.1:7ec6c2d2b5681074779704968ffa2a56476066ff3444633c164daaeacf829743";

  private final TypedNode<Measurement> measurements;

  private final TypedNode<Reading> readings;

  private final TypedNode<Reading> alerts;

  private OrcapodLab(Pipeline pipeline, BufferAllocator allocator) {
    super(pipeline);
    this.measurements = new TypedNode<>(pipeline, "measurements", Measurement.class, OrcapodLab::rowsOfMeasurement, allocator);
    this.readings = new TypedNode<>(pipeline, "readings", Reading.class, OrcapodLab::rowsOfReading, allocator);
    this.alerts = new TypedNode<>(pipeline, "pressure_alerts", Reading.class, OrcapodLab::rowsOfReading, allocator);
  }

  /**
   * Starts building the pipeline.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The node {@code measurements} (label {@code measurements}), whose rows are {@link Measurement} records.
   */
  public TypedNode<Measurement> measurements() {
    return measurements;
  }

  /**
   * The node {@code readings} (label {@code readings}), whose rows are {@link Reading} records.
   */
  public TypedNode<Reading> readings() {
    return readings;
  }

  /**
   * The node {@code alerts} (label {@code pressure_alerts}), whose rows are {@link Reading} records.
   */
  public TypedNode<Reading> alerts() {
    return alerts;
  }

  /**
   * A source of {@code rows} with exactly the schema source node {@code measurements} declares ({@link
   * #MEASUREMENTS_SCHEMA}); the caller closes it.
   */
  public static ArrowTableSource measurementsSource(List<Measurement> rows, SourceContext context,
      BufferAllocator allocator) {
    try (VectorSchemaRoot table = tableOfMeasurement(rows, MEASUREMENTS_SCHEMA, allocator)) {
      return ArrowTableSource.builder(table, context).tagColumns(MEASUREMENTS_SCHEMA.tag().names()).build(allocator);
    }
  }

  /**
   * Every node's pipeline hash by label, computed from the declarations alone: the schemas of the
   * source records, the functions and the operators. A pipeline built from sources of the
   * declared schemas has exactly these hashes, whatever their data; the hashes name the nodes'
   * stored tables.
   */
  public static Map<String, String> declaredPipelineHashes(SourceContext context,
      BufferAllocator allocator) {
    List<AutoCloseable> sources = new ArrayList<>();
    try {
      Builder builder = builder().allocator(allocator).context(context);
      builder.measurements(own(sources, emptySource(MEASUREMENTS_SCHEMA, "measurements", context, allocator)));
      try (OrcapodLab pipeline = builder.build()) {
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put("measurements", pipeline.measurements.pipelineHash());
        hashes.put("readings", pipeline.readings.pipelineHash());
        hashes.put("pressure_alerts", pipeline.alerts.pipelineHash());
        return Collections.unmodifiableMap(hashes);
      }
    } finally {
      closeAll(sources);
    }
  }

  private static List<Measurement> rowsOfMeasurement(VectorSchemaRoot table) {
    int rows = table.getRowCount();
    LargeVarCharVector c0 = RowReader.column(table, "Measurement", "experiment", LargeVarCharVector.class);
    Float8Vector c1 = RowReader.column(table, "Measurement", "temperatureC", Float8Vector.class);
    Float8Vector c2 = RowReader.column(table, "Measurement", "pressureKpa", Float8Vector.class);
    List<Measurement> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      out.add(new Measurement(new String(c0.get(i), StandardCharsets.UTF_8), c1.get(i), c2.get(i)));
    }
    return out;
  }

  private static List<Reading> rowsOfReading(VectorSchemaRoot table) {
    int rows = table.getRowCount();
    LargeVarCharVector c0 = RowReader.column(table, "Reading", "experiment", LargeVarCharVector.class);
    Float8Vector c1 = RowReader.column(table, "Reading", "fahrenheit", Float8Vector.class);
    BitVector c2 = RowReader.column(table, "Reading", "highPressure", BitVector.class);
    List<Reading> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      out.add(new Reading(new String(c0.get(i), StandardCharsets.UTF_8), c1.get(i), c2.get(i) != 0));
    }
    return out;
  }

  private static VectorSchemaRoot tableOfMeasurement(List<Measurement> rows, StreamSchema schema,
      BufferAllocator allocator) {
    List<Field> fields = new ArrayList<>(schema.tag().fields());
    fields.addAll(schema.packet().fields());
    VectorSchemaRoot table = VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(fields), allocator);
    try {
      table.allocateNew();
      LargeVarCharVector c0 = (LargeVarCharVector) table.getVector("experiment");
      Float8Vector c1 = (Float8Vector) table.getVector("temperatureC");
      Float8Vector c2 = (Float8Vector) table.getVector("pressureKpa");
      for (int i = 0; i < rows.size(); i++) {
        Measurement row = rows.get(i);
        String c0Value = row.experiment();
        if (c0Value == null) {
          throw new OrcapodException("Orcapod/NullInNonNullColumn", "Measurement row " + i + " has null in the non-nullable column 'experiment'; give it a value, or declare the component @Nullable");
        } else {
          c0.setSafe(i, c0Value.getBytes(StandardCharsets.UTF_8));
        }
        double c1Value = row.temperatureC();
        c1.setSafe(i, c1Value);
        double c2Value = row.pressureKpa();
        c2.setSafe(i, c2Value);
      }
      table.setRowCount(rows.size());
      return table;
    } catch (RuntimeException | Error e) {
      table.close();
      throw e;
    }
  }

  /**
   * Binds the sources, the database and the allocator of an {@link OrcapodLab}.
   */
  public static final class Builder extends GeneratedPipeline.Builder<Builder> {
    private Stream measurements;

    private Builder() {
      super(NAME);
    }

    /**
     * Binds source node {@code measurements} to {@code source}, any stream with the schema of {@link Measurement}
     * ({@link OrcapodLab#MEASUREMENTS_SCHEMA}; checked by {@link #build()}). The source stays the caller's to close.
     */
    public Builder measurements(Stream source) {
      this.measurements = Objects.requireNonNull(source, "measurements");
      return this;
    }

    /**
     * Checks the bindings, wires the DAG and compiles it.
     *
     * @throws SourceBindingException {@code Orcapod/UnboundSource} naming every unbound source node,
     *     or {@code Orcapod/SourceSchemaMismatch} naming the node, the column and the fix
     * @throws OrcapodException {@code Orcapod/PipelineHashDrift} when the runtime computes another pipeline hash
     *     than the processor did for a node of root sources
     */
    public OrcapodLab build() {
      BufferAllocator allocator = requireAllocator();
      SourceContext context = boundContext();
      Map<String, Stream> sources = new LinkedHashMap<>();
      sources.put("measurements", this.measurements);
      SourceBindings.requireBound(NAME, sources);
      SourceBindings.check(NAME, "measurements", "lab.Measurement", MEASUREMENTS_SCHEMA, this.measurements);
      Pipeline pipeline = Pipeline.builder(NAME, boundDatabase(), allocator).context(context).build();
      List<AutoCloseable> owned = new ArrayList<>();
      try {
        OperatorContext operators = new OperatorContext(context.semanticHasher(), allocator, context.arrowHasher());
        Stream measurementsStream = pipeline.label("measurements", this.measurements);
        Stream readingsStream = own(owned, pipeline.label("readings", new FunctionPod(new LabFunctions_ConvertPod(), context).process(allocator, measurementsStream)));
        Stream alertsStream = own(owned, pipeline.label("pressure_alerts", new Filter(Predicate.allOf(List.of(Predicate.col("highPressure").eq(true), Predicate.col("fahrenheit").gt(50d)))).process(operators, readingsStream)));
        pipeline.add(measurementsStream);
        pipeline.add(readingsStream);
        pipeline.add(alertsStream);
        pipeline.compile();
        // Root sources of the declared schemas: every declared hash must be the runtime's.
        if (this.measurements instanceof RootSource
            && context.semanticHasher().hasherId().equals("semantic_v0.1")) {
          checkPipelineHash(pipeline, "measurements", MEASUREMENTS_PIPELINE_HASH);
          checkPipelineHash(pipeline, "readings", READINGS_PIPELINE_HASH);
          checkPipelineHash(pipeline, "pressure_alerts", ALERTS_PIPELINE_HASH);
        }
        // The compiled nodes read each other; the streams above only described the DAG.
        closeAll(owned);
        return new OrcapodLab(pipeline, allocator);
      } catch (RuntimeException | Error e) {
        pipeline.close();
        try {
          closeAll(owned);
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }
  }
}
