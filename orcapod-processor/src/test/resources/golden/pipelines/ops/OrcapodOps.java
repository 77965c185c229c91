package ops;

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
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.orcapod.error.OrcapodException;
import org.orcapod.function.FunctionPod;
import org.orcapod.operator.Batch;
import org.orcapod.operator.DropPacketColumns;
import org.orcapod.operator.Filter;
import org.orcapod.operator.MapPackets;
import org.orcapod.operator.MapTags;
import org.orcapod.operator.MergeJoin;
import org.orcapod.operator.OperatorContext;
import org.orcapod.operator.SelectPacketColumns;
import org.orcapod.operator.SemiJoin;
import org.orcapod.operator.predicate.Predicate;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.pipeline.typed.GeneratedPipeline;
import org.orcapod.pipeline.typed.RowReader;
import org.orcapod.pipeline.typed.SourceBindingException;
import org.orcapod.pipeline.typed.SourceBindings;
import org.orcapod.pipeline.typed.TypedNode;
import org.orcapod.schema.ArrowValues;
import org.orcapod.schema.Schema;
import org.orcapod.source.ArrowTableSource;
import org.orcapod.source.RootSource;
import org.orcapod.source.SourceContext;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamSchema;

/**
 * The pipeline {@code ops} declared by {@link Ops}: build it with {@link #builder()},
 * binding each source node, then run it and read each node's rows through its typed
 * handle.
 */
@Generated(
    value = "org.orcapod.processor.OrcapodProcessor",
    comments = "orcapod"
)
public final class OrcapodOps extends GeneratedPipeline {
  /**
   * The pipeline's name; it scopes the pipeline's stored records.
   */
  public static final String NAME = "ops";

  /**
   * The tag and packet schemas of source node {@code measurements} (Measurement rows); a bound source must have
   * exactly these.
   */
  public static final StreamSchema MEASUREMENTS_SCHEMA = new StreamSchema(Schema.of(List.of(new Field("experiment", new FieldType(false, ArrowType.LargeUtf8.INSTANCE, null), null))), Schema.of(List.of(new Field("temperatureC", new FieldType(false, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), null), null), new Field("pressureKpa", new FieldType(false, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), null), null))));

  /**
   * The tag and packet schemas of source node {@code approvals} (Approval rows); a bound source must have
   * exactly these.
   */
  public static final StreamSchema APPROVALS_SCHEMA = new StreamSchema(Schema.of(List.of(new Field("experiment", new FieldType(false, ArrowType.LargeUtf8.INSTANCE, null), null))), Schema.of(List.of(new Field("approved", new FieldType(false, ArrowType.Bool.INSTANCE, null), null))));

  /**
   * The pipeline hash of node {@code measurements}, computed by the processor from the declared schemas
   * and functions; {@link Builder#build()} checks it against the runtime's.
   */
  public static final String MEASUREMENTS_PIPELINE_HASH = "semantic_v0.1:0c8101b1ff317fee48aa4f9374c3d9274011f5cfa1843c06d047a792091e635f";

  /**
   * The pipeline hash of node {@code approvals}, computed by the processor from the declared schemas
   * and functions; {@link Builder#build()} checks it against the runtime's.
   */
  public static final String APPROVALS_PIPELINE_HASH = "semantic_v0.1:c5c32d8c760cfb081119cbfbef7af5668bdd1687a94dd53f496fe05707957120";

  /**
   * The pipeline hash of node {@code approved}, computed by the processor from the declared schemas
   * and functions; {@link Builder#build()} checks it against the runtime's.
   */
  public static final String APPROVED_PIPELINE_HASH = "semantic_v0.1:df296a0fba99c20e4356e34458717064a58d6f28037983afaa645f03568a34ca";

  /**
   * The pipeline hash of node {@code calibrated}, computed by the processor from the declared schemas
   * and functions; {@link Builder#build()} checks it against the runtime's.
   */
  public static final String CALIBRATED_PIPELINE_HASH = "semantic_v0.1:dfbf84c8da9b52987a831cd2e0dc3cfc0e629bf25edf72ddea4af56b433066f2";

  /**
   * The pipeline hash of node {@code byRun}, computed by the processor from the declared schemas
   * and functions; {@link Builder#build()} checks it against the runtime's.
   */
  public static final String BY_RUN_PIPELINE_HASH = "semantic_v0.1:f6dc1d4ea47b4fa0e3df47184432e11396b7a67d1608b0136cb2ddf6cfed476e";

  /**
   * The pipeline hash of node {@code celsius}, computed by the processor from the declared schemas
   * and functions; {@link Builder#build()} checks it against the runtime's.
   */
  public static final String CELSIUS_PIPELINE_HASH = "semantic_v0.1:438aa55c498b6f40ed6135b03bbfc8a44a86e1ee2e85e205a3e73766003f7bb8";

  /**
   * The pipeline hash of node {@code temperatures}, computed by the processor from the declared schemas
   * and functions; {@link Builder#build()} checks it against the runtime's.
   */
  public static final String TEMPERATURES_PIPELINE_HASH = "semantic_v0.1:5660f2a45c4fef9f179ac59ed06bc169c8c9d30a94ef9648dc3f54475c333a1d";

  /**
   * The pipeline hash of node {@code dropped}, computed by the processor from the declared schemas
   * and functions; {@link Builder#build()} checks it against the runtime's.
   */
  public static final String DROPPED_PIPELINE_HASH = "semantic_v0.1:ddd9152b863a97b9ec8f10dda9824cad2300d3c0435a2b4a09bdc219f7e92ca9";

  /**
   * The pipeline hash of node {@code merged}, computed by the processor from the declared schemas
   * and functions; {@link Builder#build()} checks it against the runtime's.
   */
  public static final String MERGED_PIPELINE_HASH = "semantic_v0.1:d43d4a69a56dc02d6e29cec243806f92e4a9b47d8208911a72f56206ac52e54e";

  /**
   * The pipeline hash of node {@code batched}, computed by the processor from the declared schemas
   * and functions; {@link Builder#build()} checks it against the runtime's.
   */
  public static final String BATCHED_PIPELINE_HASH = "semantic_v0.1:79b6f04f768a254c047b90018787a3f015f4b502aa56e85bd3e33b220570cc38";

  /**
   * The pipeline hash of node {@code filtered}, computed by the processor from the declared schemas
   * and functions; {@link Builder#build()} checks it against the runtime's.
   */
  public static final String FILTERED_PIPELINE_HASH = "semantic_v0.1:0f0f54db8137a70feaa29c035f3d2dd3829ace91f46145336822e7386ea611a9";

  private final TypedNode<Measurement> measurements;

  private final TypedNode<Ops.Approval> approvals;

  private final TypedNode<Measurement> approved;

  private final TypedNode<Ops.Calibrated> calibrated;

  private final TypedNode<Ops.ByRun> byRun;

  private final TypedNode<Ops.Celsius> celsius;

  private final TypedNode<Ops.Temperatures> temperatures;

  private final TypedNode<Ops.Temperatures> dropped;

  private final TypedNode<Ops.Merged> merged;

  private final TypedNode<Ops.Batched> batched;

  private final TypedNode<Measurement> filtered;

  private OrcapodOps(Pipeline pipeline, BufferAllocator allocator) {
    super(pipeline);
    this.measurements = new TypedNode<>(pipeline, "measurements", Measurement.class, OrcapodOps::rowsOfMeasurement, allocator);
    this.approvals = new TypedNode<>(pipeline, "approvals", Ops.Approval.class, OrcapodOps::rowsOfOps_Approval, allocator);
    this.approved = new TypedNode<>(pipeline, "approved", Measurement.class, OrcapodOps::rowsOfMeasurement, allocator);
    this.calibrated = new TypedNode<>(pipeline, "calibrated", Ops.Calibrated.class, OrcapodOps::rowsOfOps_Calibrated, allocator);
    this.byRun = new TypedNode<>(pipeline, "renamed_tags", Ops.ByRun.class, OrcapodOps::rowsOfOps_ByRun, allocator);
    this.celsius = new TypedNode<>(pipeline, "celsius", Ops.Celsius.class, OrcapodOps::rowsOfOps_Celsius, allocator);
    this.temperatures = new TypedNode<>(pipeline, "temperatures", Ops.Temperatures.class, OrcapodOps::rowsOfOps_Temperatures, allocator);
    this.dropped = new TypedNode<>(pipeline, "dropped", Ops.Temperatures.class, OrcapodOps::rowsOfOps_Temperatures, allocator);
    this.merged = new TypedNode<>(pipeline, "merged", Ops.Merged.class, OrcapodOps::rowsOfOps_Merged, allocator);
    this.batched = new TypedNode<>(pipeline, "batched", Ops.Batched.class, OrcapodOps::rowsOfOps_Batched, allocator);
    this.filtered = new TypedNode<>(pipeline, "filtered", Measurement.class, OrcapodOps::rowsOfMeasurement, allocator);
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
   * The node {@code approvals} (label {@code approvals}), whose rows are {@link Ops.Approval} records.
   */
  public TypedNode<Ops.Approval> approvals() {
    return approvals;
  }

  /**
   * The node {@code approved} (label {@code approved}), whose rows are {@link Measurement} records.
   */
  public TypedNode<Measurement> approved() {
    return approved;
  }

  /**
   * The node {@code calibrated} (label {@code calibrated}), whose rows are {@link Ops.Calibrated} records.
   */
  public TypedNode<Ops.Calibrated> calibrated() {
    return calibrated;
  }

  /**
   * The node {@code byRun} (label {@code renamed_tags}), whose rows are {@link Ops.ByRun} records.
   */
  public TypedNode<Ops.ByRun> byRun() {
    return byRun;
  }

  /**
   * The node {@code celsius} (label {@code celsius}), whose rows are {@link Ops.Celsius} records.
   */
  public TypedNode<Ops.Celsius> celsius() {
    return celsius;
  }

  /**
   * The node {@code temperatures} (label {@code temperatures}), whose rows are {@link Ops.Temperatures} records.
   */
  public TypedNode<Ops.Temperatures> temperatures() {
    return temperatures;
  }

  /**
   * The node {@code dropped} (label {@code dropped}), whose rows are {@link Ops.Temperatures} records.
   */
  public TypedNode<Ops.Temperatures> dropped() {
    return dropped;
  }

  /**
   * The node {@code merged} (label {@code merged}), whose rows are {@link Ops.Merged} records.
   */
  public TypedNode<Ops.Merged> merged() {
    return merged;
  }

  /**
   * The node {@code batched} (label {@code batched}), whose rows are {@link Ops.Batched} records.
   */
  public TypedNode<Ops.Batched> batched() {
    return batched;
  }

  /**
   * The node {@code filtered} (label {@code filtered}), whose rows are {@link Measurement} records.
   */
  public TypedNode<Measurement> filtered() {
    return filtered;
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
   * A source of {@code rows} with exactly the schema source node {@code approvals} declares ({@link
   * #APPROVALS_SCHEMA}); the caller closes it.
   */
  public static ArrowTableSource approvalsSource(List<Ops.Approval> rows, SourceContext context,
      BufferAllocator allocator) {
    try (VectorSchemaRoot table = tableOfOps_Approval(rows, APPROVALS_SCHEMA, allocator)) {
      return ArrowTableSource.builder(table, context).tagColumns(APPROVALS_SCHEMA.tag().names()).build(allocator);
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
      builder.approvals(own(sources, emptySource(APPROVALS_SCHEMA, "approvals", context, allocator)));
      try (OrcapodOps pipeline = builder.build()) {
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put("measurements", pipeline.measurements.pipelineHash());
        hashes.put("approvals", pipeline.approvals.pipelineHash());
        hashes.put("approved", pipeline.approved.pipelineHash());
        hashes.put("calibrated", pipeline.calibrated.pipelineHash());
        hashes.put("renamed_tags", pipeline.byRun.pipelineHash());
        hashes.put("celsius", pipeline.celsius.pipelineHash());
        hashes.put("temperatures", pipeline.temperatures.pipelineHash());
        hashes.put("dropped", pipeline.dropped.pipelineHash());
        hashes.put("merged", pipeline.merged.pipelineHash());
        hashes.put("batched", pipeline.batched.pipelineHash());
        hashes.put("filtered", pipeline.filtered.pipelineHash());
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

  private static List<Ops.Approval> rowsOfOps_Approval(VectorSchemaRoot table) {
    int rows = table.getRowCount();
    LargeVarCharVector c0 = RowReader.column(table, "Approval", "experiment", LargeVarCharVector.class);
    BitVector c1 = RowReader.column(table, "Approval", "approved", BitVector.class);
    List<Ops.Approval> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      out.add(new Ops.Approval(new String(c0.get(i), StandardCharsets.UTF_8), c1.get(i) != 0));
    }
    return out;
  }

  private static List<Ops.Batched> rowsOfOps_Batched(VectorSchemaRoot table) {
    int rows = table.getRowCount();
    FieldVector c0 = RowReader.column(table, "Batched", "experiment", FieldVector.class);
    FieldVector c1 = RowReader.column(table, "Batched", "temperatureC", FieldVector.class);
    List<Ops.Batched> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      out.add(new Ops.Batched(ArrowValues.listOf(ArrowValues.read(c0, i), item -> (String) item), ArrowValues.listOf(ArrowValues.read(c1, i), item -> (Double) item)));
    }
    return out;
  }

  private static List<Ops.ByRun> rowsOfOps_ByRun(VectorSchemaRoot table) {
    int rows = table.getRowCount();
    LargeVarCharVector c0 = RowReader.column(table, "ByRun", "run", LargeVarCharVector.class);
    Float8Vector c1 = RowReader.column(table, "ByRun", "temperatureC", Float8Vector.class);
    Float8Vector c2 = RowReader.column(table, "ByRun", "pressureKpa", Float8Vector.class);
    List<Ops.ByRun> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      out.add(new Ops.ByRun(new String(c0.get(i), StandardCharsets.UTF_8), c1.get(i), c2.get(i)));
    }
    return out;
  }

  private static List<Ops.Calibrated> rowsOfOps_Calibrated(VectorSchemaRoot table) {
    int rows = table.getRowCount();
    LargeVarCharVector c0 = RowReader.column(table, "Calibrated", "experiment", LargeVarCharVector.class);
    Float8Vector c1 = RowReader.column(table, "Calibrated", "calibrated", Float8Vector.class);
    List<Ops.Calibrated> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      out.add(new Ops.Calibrated(new String(c0.get(i), StandardCharsets.UTF_8), c1.isNull(i) ? (Double) null : (Double) (c1.get(i))));
    }
    return out;
  }

  private static List<Ops.Celsius> rowsOfOps_Celsius(VectorSchemaRoot table) {
    int rows = table.getRowCount();
    LargeVarCharVector c0 = RowReader.column(table, "Celsius", "run", LargeVarCharVector.class);
    Float8Vector c1 = RowReader.column(table, "Celsius", "celsius", Float8Vector.class);
    Float8Vector c2 = RowReader.column(table, "Celsius", "pressureKpa", Float8Vector.class);
    List<Ops.Celsius> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      out.add(new Ops.Celsius(new String(c0.get(i), StandardCharsets.UTF_8), c1.get(i), c2.get(i)));
    }
    return out;
  }

  private static List<Ops.Merged> rowsOfOps_Merged(VectorSchemaRoot table) {
    int rows = table.getRowCount();
    LargeVarCharVector c0 = RowReader.column(table, "Merged", "experiment", LargeVarCharVector.class);
    FieldVector c1 = RowReader.column(table, "Merged", "temperatureC", FieldVector.class);
    List<Ops.Merged> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      out.add(new Ops.Merged(new String(c0.get(i), StandardCharsets.UTF_8), ArrowValues.listOf(ArrowValues.read(c1, i), item -> (Double) item)));
    }
    return out;
  }

  private static List<Ops.Temperatures> rowsOfOps_Temperatures(VectorSchemaRoot table) {
    int rows = table.getRowCount();
    LargeVarCharVector c0 = RowReader.column(table, "Temperatures", "experiment", LargeVarCharVector.class);
    Float8Vector c1 = RowReader.column(table, "Temperatures", "temperatureC", Float8Vector.class);
    List<Ops.Temperatures> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      out.add(new Ops.Temperatures(new String(c0.get(i), StandardCharsets.UTF_8), c1.get(i)));
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

  private static VectorSchemaRoot tableOfOps_Approval(List<Ops.Approval> rows, StreamSchema schema,
      BufferAllocator allocator) {
    List<Field> fields = new ArrayList<>(schema.tag().fields());
    fields.addAll(schema.packet().fields());
    VectorSchemaRoot table = VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(fields), allocator);
    try {
      table.allocateNew();
      LargeVarCharVector c0 = (LargeVarCharVector) table.getVector("experiment");
      BitVector c1 = (BitVector) table.getVector("approved");
      for (int i = 0; i < rows.size(); i++) {
        Ops.Approval row = rows.get(i);
        String c0Value = row.experiment();
        if (c0Value == null) {
          throw new OrcapodException("Orcapod/NullInNonNullColumn", "Approval row " + i + " has null in the non-nullable column 'experiment'; give it a value, or declare the component @Nullable");
        } else {
          c0.setSafe(i, c0Value.getBytes(StandardCharsets.UTF_8));
        }
        boolean c1Value = row.approved();
        c1.setSafe(i, c1Value ? 1 : 0);
      }
      table.setRowCount(rows.size());
      return table;
    } catch (RuntimeException | Error e) {
      table.close();
      throw e;
    }
  }

  /**
   * Binds the sources, the database and the allocator of an {@link OrcapodOps}.
   */
  public static final class Builder extends GeneratedPipeline.Builder<Builder> {
    private Stream measurements;

    private Stream approvals;

    private Builder() {
      super(NAME);
    }

    /**
     * Binds source node {@code measurements} to {@code source}, any stream with the schema of {@link Measurement}
     * ({@link OrcapodOps#MEASUREMENTS_SCHEMA}; checked by {@link #build()}). The source stays the caller's to close.
     */
    public Builder measurements(Stream source) {
      this.measurements = Objects.requireNonNull(source, "measurements");
      return this;
    }

    /**
     * Binds source node {@code approvals} to {@code source}, any stream with the schema of {@link Ops.Approval}
     * ({@link OrcapodOps#APPROVALS_SCHEMA}; checked by {@link #build()}). The source stays the caller's to close.
     */
    public Builder approvals(Stream source) {
      this.approvals = Objects.requireNonNull(source, "approvals");
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
    public OrcapodOps build() {
      BufferAllocator allocator = requireAllocator();
      SourceContext context = boundContext();
      Map<String, Stream> sources = new LinkedHashMap<>();
      sources.put("measurements", this.measurements);
      sources.put("approvals", this.approvals);
      SourceBindings.requireBound(NAME, sources);
      SourceBindings.check(NAME, "measurements", "ops.Measurement", MEASUREMENTS_SCHEMA, this.measurements);
      SourceBindings.check(NAME, "approvals", "ops.Ops.Approval", APPROVALS_SCHEMA, this.approvals);
      Pipeline pipeline = Pipeline.builder(NAME, boundDatabase(), allocator).context(context).build();
      List<AutoCloseable> owned = new ArrayList<>();
      try {
        OperatorContext operators = new OperatorContext(context.semanticHasher(), allocator, context.arrowHasher());
        Stream measurementsStream = pipeline.label("measurements", this.measurements);
        Stream approvalsStream = pipeline.label("approvals", this.approvals);
        Stream approvedStream = own(owned, pipeline.label("approved", new SemiJoin().process(operators, measurementsStream, approvalsStream)));
        Stream calibratedStream = own(owned, pipeline.label("calibrated", new FunctionPod(new Calibration_CalibratePod(), context).process(allocator, approvedStream)));
        Stream byRunStream = own(owned, pipeline.label("renamed_tags", new MapTags(Map.ofEntries(Map.entry("experiment", "run")), false).process(operators, measurementsStream)));
        Stream celsiusStream = own(owned, pipeline.label("celsius", new MapPackets(Map.ofEntries(Map.entry("temperatureC", "celsius")), false).process(operators, byRunStream)));
        Stream temperaturesStream = own(owned, pipeline.label("temperatures", new SelectPacketColumns(List.of("temperatureC")).process(operators, measurementsStream)));
        Stream droppedStream = own(owned, pipeline.label("dropped", new DropPacketColumns(List.of("pressureKpa")).process(operators, measurementsStream)));
        Stream mergedStream = own(owned, pipeline.label("merged", new MergeJoin().process(operators, temperaturesStream, droppedStream)));
        Stream batchedStream = own(owned, pipeline.label("batched", new Batch(10, true).process(operators, temperaturesStream)));
        Stream filteredStream = own(owned, pipeline.label("filtered", new Filter(Predicate.allOf(List.of(Predicate.col("experiment").in(List.of("exp1", "exp2")), Predicate.not(Predicate.col("temperatureC").lt(-10.5d))))).process(operators, measurementsStream)));
        pipeline.add(measurementsStream);
        pipeline.add(approvalsStream);
        pipeline.add(approvedStream);
        pipeline.add(calibratedStream);
        pipeline.add(byRunStream);
        pipeline.add(celsiusStream);
        pipeline.add(temperaturesStream);
        pipeline.add(droppedStream);
        pipeline.add(mergedStream);
        pipeline.add(batchedStream);
        pipeline.add(filteredStream);
        pipeline.compile();
        // Root sources of the declared schemas: every declared hash must be the runtime's.
        if (this.measurements instanceof RootSource
            && this.approvals instanceof RootSource
            && context.semanticHasher().hasherId().equals("semantic_v0.1")) {
          checkPipelineHash(pipeline, "measurements", MEASUREMENTS_PIPELINE_HASH);
          checkPipelineHash(pipeline, "approvals", APPROVALS_PIPELINE_HASH);
          checkPipelineHash(pipeline, "approved", APPROVED_PIPELINE_HASH);
          checkPipelineHash(pipeline, "calibrated", CALIBRATED_PIPELINE_HASH);
          checkPipelineHash(pipeline, "renamed_tags", BY_RUN_PIPELINE_HASH);
          checkPipelineHash(pipeline, "celsius", CELSIUS_PIPELINE_HASH);
          checkPipelineHash(pipeline, "temperatures", TEMPERATURES_PIPELINE_HASH);
          checkPipelineHash(pipeline, "dropped", DROPPED_PIPELINE_HASH);
          checkPipelineHash(pipeline, "merged", MERGED_PIPELINE_HASH);
          checkPipelineHash(pipeline, "batched", BATCHED_PIPELINE_HASH);
          checkPipelineHash(pipeline, "filtered", FILTERED_PIPELINE_HASH);
        }
        // The compiled nodes read each other; the streams above only described the DAG.
        closeAll(owned);
        return new OrcapodOps(pipeline, allocator);
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
