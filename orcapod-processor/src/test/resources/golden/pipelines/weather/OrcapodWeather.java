package weather;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.orcapod.error.OrcapodException;
import org.orcapod.function.FunctionPod;
import org.orcapod.operator.Batch;
import org.orcapod.operator.Join;
import org.orcapod.operator.OperatorContext;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.pipeline.typed.GeneratedPipeline;
import org.orcapod.pipeline.typed.RowReader;
import org.orcapod.pipeline.typed.SourceBindingException;
import org.orcapod.pipeline.typed.SourceBindings;
import org.orcapod.pipeline.typed.TypedNode;
import org.orcapod.schema.ArrowValues;
import org.orcapod.schema.Schema;
import org.orcapod.schema.TypeMapping;
import org.orcapod.source.ArrowTableSource;
import org.orcapod.source.RootSource;
import org.orcapod.source.SourceContext;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamSchema;

/**
 * The pipeline {@code weather} declared by {@link Weather}: build it with {@link #builder()},
 * binding each source node, then run it and read each node's rows through its typed
 * handle.
 */
@Generated(
    value = "org.orcapod.processor.OrcapodProcessor",
    comments = "orcapod"
)
public final class OrcapodWeather extends GeneratedPipeline {
  /**
   * The pipeline's name; it scopes the pipeline's stored records.
   */
  public static final String NAME = "weather";

  /**
   * The tag and packet schemas of source node {@code dayFiles} (DayFile rows); a bound source must have
   * exactly these.
   */
  public static final StreamSchema DAY_FILES_SCHEMA = new StreamSchema(Schema.of(List.of(new Field("day", new FieldType(false, new ArrowType.Date(DateUnit.DAY), null), null))), Schema.of(List.of(TypeMapping.pathField("data", false))));

  /**
   * The tag and packet schemas of source node {@code metaFiles} (MetaFile rows); a bound source must have
   * exactly these.
   */
  public static final StreamSchema META_FILES_SCHEMA = new StreamSchema(Schema.of(List.of(new Field("day", new FieldType(false, new ArrowType.Date(DateUnit.DAY), null), null))), Schema.of(List.of(TypeMapping.pathField("meta", false))));

  /**
   * The pipeline hash of node {@code dayFiles}, computed by the processor from the declared schemas
   * and functions; {@link Builder#build()} checks it against the runtime's.
   */
  public static final String DAY_FILES_PIPELINE_HASH = "semantic_v0.1:46c1f6a1ecd73396013ec87e9858b46950d3c798946b2c2e05d1eeb863291a22";

  /**
   * The pipeline hash of node {@code metaFiles}, computed by the processor from the declared schemas
   * and functions; {@link Builder#build()} checks it against the runtime's.
   */
  public static final String META_FILES_PIPELINE_HASH = "semantic_v0.1:ce441a750a7a86cd3207120c73ca627f643680c14c4d1f41b4fede341ada66b1";

  /**
   * The pipeline hash of node {@code dayStats}, computed by the processor from the declared schemas
   * and functions; {@link Builder#build()} checks it against the runtime's.
   */
  public static final String DAY_STATS_PIPELINE_HASH = "semantic_v0.1:7cf58de595a67d24d3e3dc8af755370bf4baa32b937352af5a3be2a7409e67db";

  /**
   * The pipeline hash of node {@code dayMeta}, computed by the processor from the declared schemas
   * and functions; {@link Builder#build()} checks it against the runtime's.
   */
  public static final String DAY_META_PIPELINE_HASH = "semantic_v0.1:d973621ed2bdf6c527a10b3fd4faeaa4769adb45a2e54143d6dea7e397609956";

  /**
   * The pipeline hash of node {@code reports}, computed by the processor from the declared schemas
   * and functions; {@link Builder#build()} checks it against the runtime's.
   */
  public static final String REPORTS_PIPELINE_HASH = "semantic_v0.1:d84f0c8e18bf22288239d077845d3f600350b5ee9e68c1e68c850fab09b2dea6";

  /**
   * The pipeline hash of node {@code summary}, computed by the processor from the declared schemas
   * and functions; {@link Builder#build()} checks it against the runtime's.
   */
  public static final String SUMMARY_PIPELINE_HASH = "semantic_v0.1:ad0d9faa7a6f663abb66f2e877315893e67bc195a70ee0d1bc7826be7a6cdc19";

  private final TypedNode<Rows.DayFile> dayFiles;

  private final TypedNode<Rows.MetaFile> metaFiles;

  private final TypedNode<Rows.DayStats> dayStats;

  private final TypedNode<Rows.DayMeta> dayMeta;

  private final TypedNode<Rows.DayReport> reports;

  private final TypedNode<Rows.Summary> summary;

  private OrcapodWeather(Pipeline pipeline, BufferAllocator allocator) {
    super(pipeline);
    this.dayFiles = new TypedNode<>(pipeline, "dayFiles", Rows.DayFile.class, OrcapodWeather::rowsOfRows_DayFile, allocator);
    this.metaFiles = new TypedNode<>(pipeline, "metaFiles", Rows.MetaFile.class, OrcapodWeather::rowsOfRows_MetaFile, allocator);
    this.dayStats = new TypedNode<>(pipeline, "dayStats", Rows.DayStats.class, OrcapodWeather::rowsOfRows_DayStats, allocator);
    this.dayMeta = new TypedNode<>(pipeline, "dayMeta", Rows.DayMeta.class, OrcapodWeather::rowsOfRows_DayMeta, allocator);
    this.reports = new TypedNode<>(pipeline, "reports", Rows.DayReport.class, OrcapodWeather::rowsOfRows_DayReport, allocator);
    this.summary = new TypedNode<>(pipeline, "summary", Rows.Summary.class, OrcapodWeather::rowsOfRows_Summary, allocator);
  }

  /**
   * Starts building the pipeline.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The node {@code dayFiles} (label {@code dayFiles}), whose rows are {@link Rows.DayFile} records.
   */
  public TypedNode<Rows.DayFile> dayFiles() {
    return dayFiles;
  }

  /**
   * The node {@code metaFiles} (label {@code metaFiles}), whose rows are {@link Rows.MetaFile} records.
   */
  public TypedNode<Rows.MetaFile> metaFiles() {
    return metaFiles;
  }

  /**
   * The node {@code dayStats} (label {@code dayStats}), whose rows are {@link Rows.DayStats} records.
   */
  public TypedNode<Rows.DayStats> dayStats() {
    return dayStats;
  }

  /**
   * The node {@code dayMeta} (label {@code dayMeta}), whose rows are {@link Rows.DayMeta} records.
   */
  public TypedNode<Rows.DayMeta> dayMeta() {
    return dayMeta;
  }

  /**
   * The node {@code reports} (label {@code reports}), whose rows are {@link Rows.DayReport} records.
   */
  public TypedNode<Rows.DayReport> reports() {
    return reports;
  }

  /**
   * The node {@code summary} (label {@code summary}), whose rows are {@link Rows.Summary} records.
   */
  public TypedNode<Rows.Summary> summary() {
    return summary;
  }

  /**
   * A source of {@code rows} with exactly the schema source node {@code dayFiles} declares ({@link
   * #DAY_FILES_SCHEMA}); the caller closes it.
   */
  public static ArrowTableSource dayFilesSource(List<Rows.DayFile> rows, SourceContext context,
      BufferAllocator allocator) {
    try (VectorSchemaRoot table = tableOfRows_DayFile(rows, DAY_FILES_SCHEMA, allocator)) {
      return ArrowTableSource.builder(table, context).tagColumns(DAY_FILES_SCHEMA.tag().names()).build(allocator);
    }
  }

  /**
   * A source of {@code rows} with exactly the schema source node {@code metaFiles} declares ({@link
   * #META_FILES_SCHEMA}); the caller closes it.
   */
  public static ArrowTableSource metaFilesSource(List<Rows.MetaFile> rows, SourceContext context,
      BufferAllocator allocator) {
    try (VectorSchemaRoot table = tableOfRows_MetaFile(rows, META_FILES_SCHEMA, allocator)) {
      return ArrowTableSource.builder(table, context).tagColumns(META_FILES_SCHEMA.tag().names()).build(allocator);
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
      builder.dayFiles(own(sources, emptySource(DAY_FILES_SCHEMA, "dayFiles", context, allocator)));
      builder.metaFiles(own(sources, emptySource(META_FILES_SCHEMA, "metaFiles", context, allocator)));
      try (OrcapodWeather pipeline = builder.build()) {
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put("dayFiles", pipeline.dayFiles.pipelineHash());
        hashes.put("metaFiles", pipeline.metaFiles.pipelineHash());
        hashes.put("dayStats", pipeline.dayStats.pipelineHash());
        hashes.put("dayMeta", pipeline.dayMeta.pipelineHash());
        hashes.put("reports", pipeline.reports.pipelineHash());
        hashes.put("summary", pipeline.summary.pipelineHash());
        return Collections.unmodifiableMap(hashes);
      }
    } finally {
      closeAll(sources);
    }
  }

  private static List<Rows.DayFile> rowsOfRows_DayFile(VectorSchemaRoot table) {
    int rows = table.getRowCount();
    FieldVector c0 = RowReader.column(table, "DayFile", "day", FieldVector.class);
    FieldVector c1 = RowReader.column(table, "DayFile", "data", FieldVector.class);
    List<Rows.DayFile> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      out.add(new Rows.DayFile((LocalDate) ArrowValues.read(c0, i), (Path) ArrowValues.read(c1, i)));
    }
    return out;
  }

  private static List<Rows.DayMeta> rowsOfRows_DayMeta(VectorSchemaRoot table) {
    int rows = table.getRowCount();
    FieldVector c0 = RowReader.column(table, "DayMeta", "day", FieldVector.class);
    LargeVarCharVector c1 = RowReader.column(table, "DayMeta", "station", LargeVarCharVector.class);
    LargeVarCharVector c2 = RowReader.column(table, "DayMeta", "operator", LargeVarCharVector.class);
    List<Rows.DayMeta> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      out.add(new Rows.DayMeta((LocalDate) ArrowValues.read(c0, i), new String(c1.get(i), StandardCharsets.UTF_8), new String(c2.get(i), StandardCharsets.UTF_8)));
    }
    return out;
  }

  private static List<Rows.DayReport> rowsOfRows_DayReport(VectorSchemaRoot table) {
    int rows = table.getRowCount();
    FieldVector c0 = RowReader.column(table, "DayReport", "day", FieldVector.class);
    BigIntVector c1 = RowReader.column(table, "DayReport", "count", BigIntVector.class);
    Float8Vector c2 = RowReader.column(table, "DayReport", "mean", Float8Vector.class);
    Float8Vector c3 = RowReader.column(table, "DayReport", "min", Float8Vector.class);
    Float8Vector c4 = RowReader.column(table, "DayReport", "max", Float8Vector.class);
    LargeVarCharVector c5 = RowReader.column(table, "DayReport", "station", LargeVarCharVector.class);
    LargeVarCharVector c6 = RowReader.column(table, "DayReport", "operator", LargeVarCharVector.class);
    List<Rows.DayReport> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      out.add(new Rows.DayReport((LocalDate) ArrowValues.read(c0, i), c1.get(i), c2.get(i), c3.get(i), c4.get(i), new String(c5.get(i), StandardCharsets.UTF_8), new String(c6.get(i), StandardCharsets.UTF_8)));
    }
    return out;
  }

  private static List<Rows.DayStats> rowsOfRows_DayStats(VectorSchemaRoot table) {
    int rows = table.getRowCount();
    FieldVector c0 = RowReader.column(table, "DayStats", "day", FieldVector.class);
    BigIntVector c1 = RowReader.column(table, "DayStats", "count", BigIntVector.class);
    Float8Vector c2 = RowReader.column(table, "DayStats", "mean", Float8Vector.class);
    Float8Vector c3 = RowReader.column(table, "DayStats", "min", Float8Vector.class);
    Float8Vector c4 = RowReader.column(table, "DayStats", "max", Float8Vector.class);
    List<Rows.DayStats> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      out.add(new Rows.DayStats((LocalDate) ArrowValues.read(c0, i), c1.get(i), c2.get(i), c3.get(i), c4.get(i)));
    }
    return out;
  }

  private static List<Rows.MetaFile> rowsOfRows_MetaFile(VectorSchemaRoot table) {
    int rows = table.getRowCount();
    FieldVector c0 = RowReader.column(table, "MetaFile", "day", FieldVector.class);
    FieldVector c1 = RowReader.column(table, "MetaFile", "meta", FieldVector.class);
    List<Rows.MetaFile> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      out.add(new Rows.MetaFile((LocalDate) ArrowValues.read(c0, i), (Path) ArrowValues.read(c1, i)));
    }
    return out;
  }

  private static List<Rows.Summary> rowsOfRows_Summary(VectorSchemaRoot table) {
    int rows = table.getRowCount();
    FieldVector c0 = RowReader.column(table, "Summary", "day", FieldVector.class);
    FieldVector c1 = RowReader.column(table, "Summary", "count", FieldVector.class);
    FieldVector c2 = RowReader.column(table, "Summary", "mean", FieldVector.class);
    FieldVector c3 = RowReader.column(table, "Summary", "min", FieldVector.class);
    FieldVector c4 = RowReader.column(table, "Summary", "max", FieldVector.class);
    FieldVector c5 = RowReader.column(table, "Summary", "station", FieldVector.class);
    FieldVector c6 = RowReader.column(table, "Summary", "operator", FieldVector.class);
    List<Rows.Summary> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      out.add(new Rows.Summary(ArrowValues.listOf(ArrowValues.read(c0, i), item -> (LocalDate) item), ArrowValues.listOf(ArrowValues.read(c1, i), item -> (Long) item), ArrowValues.listOf(ArrowValues.read(c2, i), item -> (Double) item), ArrowValues.listOf(ArrowValues.read(c3, i), item -> (Double) item), ArrowValues.listOf(ArrowValues.read(c4, i), item -> (Double) item), ArrowValues.listOf(ArrowValues.read(c5, i), item -> (String) item), ArrowValues.listOf(ArrowValues.read(c6, i), item -> (String) item)));
    }
    return out;
  }

  private static VectorSchemaRoot tableOfRows_DayFile(List<Rows.DayFile> rows, StreamSchema schema,
      BufferAllocator allocator) {
    List<Field> fields = new ArrayList<>(schema.tag().fields());
    fields.addAll(schema.packet().fields());
    VectorSchemaRoot table = VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(fields), allocator);
    try {
      table.allocateNew();
      FieldVector c0 = table.getVector("day");
      FieldVector c1 = table.getVector("data");
      for (int i = 0; i < rows.size(); i++) {
        Rows.DayFile row = rows.get(i);
        ArrowValues.write(c0, i, row.day());
        ArrowValues.write(c1, i, row.data());
      }
      table.setRowCount(rows.size());
      return table;
    } catch (RuntimeException | Error e) {
      table.close();
      throw e;
    }
  }

  private static VectorSchemaRoot tableOfRows_MetaFile(List<Rows.MetaFile> rows,
      StreamSchema schema, BufferAllocator allocator) {
    List<Field> fields = new ArrayList<>(schema.tag().fields());
    fields.addAll(schema.packet().fields());
    VectorSchemaRoot table = VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(fields), allocator);
    try {
      table.allocateNew();
      FieldVector c0 = table.getVector("day");
      FieldVector c1 = table.getVector("meta");
      for (int i = 0; i < rows.size(); i++) {
        Rows.MetaFile row = rows.get(i);
        ArrowValues.write(c0, i, row.day());
        ArrowValues.write(c1, i, row.meta());
      }
      table.setRowCount(rows.size());
      return table;
    } catch (RuntimeException | Error e) {
      table.close();
      throw e;
    }
  }

  /**
   * Binds the sources, the database and the allocator of an {@link OrcapodWeather}.
   */
  public static final class Builder extends GeneratedPipeline.Builder<Builder> {
    private Stream dayFiles;

    private Stream metaFiles;

    private Builder() {
      super(NAME);
    }

    /**
     * Binds source node {@code dayFiles} to {@code source}, any stream with the schema of {@link Rows.DayFile}
     * ({@link OrcapodWeather#DAY_FILES_SCHEMA}; checked by {@link #build()}). The source stays the caller's to close.
     */
    public Builder dayFiles(Stream source) {
      this.dayFiles = Objects.requireNonNull(source, "dayFiles");
      return this;
    }

    /**
     * Binds source node {@code metaFiles} to {@code source}, any stream with the schema of {@link Rows.MetaFile}
     * ({@link OrcapodWeather#META_FILES_SCHEMA}; checked by {@link #build()}). The source stays the caller's to close.
     */
    public Builder metaFiles(Stream source) {
      this.metaFiles = Objects.requireNonNull(source, "metaFiles");
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
    public OrcapodWeather build() {
      BufferAllocator allocator = requireAllocator();
      SourceContext context = boundContext();
      Map<String, Stream> sources = new LinkedHashMap<>();
      sources.put("dayFiles", this.dayFiles);
      sources.put("metaFiles", this.metaFiles);
      SourceBindings.requireBound(NAME, sources);
      SourceBindings.check(NAME, "dayFiles", "weather.Rows.DayFile", DAY_FILES_SCHEMA, this.dayFiles);
      SourceBindings.check(NAME, "metaFiles", "weather.Rows.MetaFile", META_FILES_SCHEMA, this.metaFiles);
      Pipeline pipeline = Pipeline.builder(NAME, boundDatabase(), allocator).context(context).build();
      List<AutoCloseable> owned = new ArrayList<>();
      try {
        OperatorContext operators = new OperatorContext(context.semanticHasher(), allocator, context.arrowHasher());
        Stream dayFilesStream = pipeline.label("dayFiles", this.dayFiles);
        Stream metaFilesStream = pipeline.label("metaFiles", this.metaFiles);
        Stream dayStatsStream = own(owned, pipeline.label("dayStats", new FunctionPod(new WeatherFunctions_DayStatsPod(), context).process(allocator, dayFilesStream)));
        Stream dayMetaStream = own(owned, pipeline.label("dayMeta", new FunctionPod(new WeatherFunctions_ParseMetaPod(), context).process(allocator, metaFilesStream)));
        Stream reportsStream = own(owned, pipeline.label("reports", new Join().process(operators, dayStatsStream, dayMetaStream)));
        Stream summaryStream = own(owned, pipeline.label("summary", new Batch(0, false).process(operators, reportsStream)));
        pipeline.add(dayFilesStream);
        pipeline.add(metaFilesStream);
        pipeline.add(dayStatsStream);
        pipeline.add(dayMetaStream);
        pipeline.add(reportsStream);
        pipeline.add(summaryStream);
        pipeline.compile();
        // Root sources of the declared schemas: every declared hash must be the runtime's.
        if (this.dayFiles instanceof RootSource
            && this.metaFiles instanceof RootSource
            && context.semanticHasher().hasherId().equals("semantic_v0.1")) {
          checkPipelineHash(pipeline, "dayFiles", DAY_FILES_PIPELINE_HASH);
          checkPipelineHash(pipeline, "metaFiles", META_FILES_PIPELINE_HASH);
          checkPipelineHash(pipeline, "dayStats", DAY_STATS_PIPELINE_HASH);
          checkPipelineHash(pipeline, "dayMeta", DAY_META_PIPELINE_HASH);
          checkPipelineHash(pipeline, "reports", REPORTS_PIPELINE_HASH);
          checkPipelineHash(pipeline, "summary", SUMMARY_PIPELINE_HASH);
        }
        // The compiled nodes read each other; the streams above only described the DAG.
        closeAll(owned);
        return new OrcapodWeather(pipeline, allocator);
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
