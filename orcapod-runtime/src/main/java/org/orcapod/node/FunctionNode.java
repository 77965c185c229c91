package org.orcapod.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.RecordPath;
import org.orcapod.execution.PacketFunctionExecutor;
import org.orcapod.function.BatchInput;
import org.orcapod.function.CachedFunctionPod;
import org.orcapod.function.ErrorPolicy;
import org.orcapod.function.FunctionPod;
import org.orcapod.function.PacketLoop;
import org.orcapod.function.ResultCache;
import org.orcapod.function.ResultColumns;
import org.orcapod.function.Vectors;
import org.orcapod.hashing.ContentHash;
import org.orcapod.operator.PipelineView;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.schema.SystemConstants;
import org.orcapod.stream.ArrowTableStream;
import org.orcapod.stream.DelegatingStream;
import org.orcapod.stream.Stream;

/**
 * A function pod fixed to its input stream, with result caching and pipeline records, as Python
 * orcapod's {@code FunctionNode}.
 *
 * <p>{@link #run()} works in two phases over the whole input: rows whose pipeline entry already has
 * a record are served from the stored results (one read of the records by entry id, one read of the
 * result rows); of the rest, those whose input packet hash has a stored result reuse it and only
 * the others are computed. New result rows and new pipeline records are each written in one call
 * and flushed once. Every output row pairs a tag with the packet computed from that tag's own
 * input.
 *
 * <p>Reading ({@link #rows()}, {@link #asTable}) never computes: before a run it serves what the
 * databases hold for this node (nothing when no database is attached).
 *
 * <p>Identities, as Python: content {@code (pod, {input})}, pipeline the same with the input's
 * pipeline identity; records under {@code uri + ("schema:<pipeline hash>",)} (plus {@code
 * "instance:<content hash>"} with {@link TableScope#CONTENT_HASH}) of the pipeline database, with
 * record id the pipeline entry id: the Arrow hash of the tag (with system tags), the input packet
 * hash and the node's content hash.
 */
public final class FunctionNode extends DelegatingStream {
  private final FunctionPod pod;
  private final Stream input;
  private final BufferAllocator allocator;
  private final @Nullable ArrowDatabase pipelineDatabase;
  private final @Nullable CachedFunctionPod cachedPod;
  private final TableScope tableScope;
  private final String label;
  private volatile NodeExecutionListener listener;
  private volatile ErrorPolicy errorPolicy;
  private @Nullable ContentHash contentHash;
  private @Nullable ContentHash pipelineHash;
  private @Nullable ArrowTableStream computed;
  private @Nullable ArrowTableStream loaded;
  private boolean closed;

  private FunctionNode(Builder b) {
    this.pod = b.pod;
    this.input = b.input;
    this.allocator = b.allocator;
    this.pipelineDatabase = b.pipelineDatabase;
    this.tableScope = b.tableScope;
    this.label = b.label == null ? pod.label() : b.label;
    this.listener = b.listener;
    this.errorPolicy = b.errorPolicy;
    pod.validateInputSchema(input.outputSchema().packet());
    if (pipelineDatabase != null) {
      ArrowDatabase results =
          b.resultDatabase == null ? pipelineDatabase.at("_result") : b.resultDatabase;
      this.cachedPod =
          new CachedFunctionPod(pod.function(), pod.context(), pod.combiner(), results);
    } else {
      this.cachedPod = null;
    }
  }

  /**
   * Starts building a node of {@code pod} over {@code input}; memory comes from {@code allocator}.
   */
  public static Builder builder(FunctionPod pod, Stream input, BufferAllocator allocator) {
    return new Builder(pod, input, allocator);
  }

  /** Options of a {@link FunctionNode}. */
  public static final class Builder {
    private final FunctionPod pod;
    private final Stream input;
    private final BufferAllocator allocator;
    private @Nullable ArrowDatabase pipelineDatabase;
    private @Nullable ArrowDatabase resultDatabase;
    private TableScope tableScope = TableScope.PIPELINE_HASH;
    private @Nullable String label;
    private NodeExecutionListener listener = NodeExecutionListener.NO_OP;
    private ErrorPolicy errorPolicy = ErrorPolicy.CONTINUE;

    private Builder(FunctionPod pod, Stream input, BufferAllocator allocator) {
      this.pod = Objects.requireNonNull(pod, "pod");
      this.input = Objects.requireNonNull(input, "input");
      this.allocator = Objects.requireNonNull(allocator, "allocator");
    }

    /** The database of pipeline records (pre-scoped by the pipeline, e.g. {@code db.at(name)}). */
    public Builder pipelineDatabase(@Nullable ArrowDatabase db) {
      this.pipelineDatabase = db;
      return this;
    }

    /** The database of result rows; defaults to {@code pipelineDatabase.at("_result")}. */
    public Builder resultDatabase(@Nullable ArrowDatabase db) {
      this.resultDatabase = db;
      return this;
    }

    /** Which runs share the record table. */
    public Builder tableScope(TableScope scope) {
      this.tableScope = Objects.requireNonNull(scope);
      return this;
    }

    /** The node's label; defaults to the function's name. */
    public Builder label(@Nullable String label) {
      this.label = label;
      return this;
    }

    /** The hooks {@link #run()} calls. */
    public Builder listener(NodeExecutionListener listener) {
      this.listener = Objects.requireNonNull(listener);
      return this;
    }

    /** What {@link #run()} does when a packet fails. */
    public Builder errorPolicy(ErrorPolicy policy) {
      this.errorPolicy = Objects.requireNonNull(policy);
      return this;
    }

    /**
     * Builds the node, validating the input schema first.
     *
     * @throws org.orcapod.function.InputSchemaMismatchException naming function, column and types
     */
    public FunctionNode build() {
      return new FunctionNode(this);
    }
  }

  // ------------------------------------------------------------------ properties

  /** The node's label. */
  public String label() {
    return label;
  }

  /** The function pod (without cache). */
  public FunctionPod pod() {
    return pod;
  }

  /** The input stream. */
  public Stream input() {
    return input;
  }

  /**
   * Sets (or clears) the executor the node's function runs on, e.g. after a pipeline compiled it.
   * With an executor that runs packets concurrently, {@link #run()} starts all packets to compute
   * at once and collects them in row order.
   *
   * @throws org.orcapod.execution.IncompatibleExecutorException if it cannot run Java functions
   */
  public void setExecutor(@Nullable PacketFunctionExecutor executor) {
    pod.function().setExecutor(executor);
  }

  /** The executor the node's function runs on, or null for direct calls. */
  public @Nullable PacketFunctionExecutor executor() {
    return pod.function().executor();
  }

  /** Replaces the hooks of later runs. */
  public void setListener(NodeExecutionListener listener) {
    this.listener = Objects.requireNonNull(listener);
  }

  /** Replaces the error policy of later runs. */
  public void setErrorPolicy(ErrorPolicy policy) {
    this.errorPolicy = Objects.requireNonNull(policy);
  }

  /** The result cache, or null without databases. */
  public @Nullable ResultCache resultCache() {
    return cachedPod == null ? null : cachedPod.resultCache();
  }

  /** The node's content hash (depends on the input's data). */
  public synchronized ContentHash contentHash() {
    if (contentHash == null) {
      contentHash = pod.context().semanticHasher().hash(identityStructure());
    }
    return contentHash;
  }

  /** The node's pipeline hash (depends on schemas and topology only). */
  public synchronized ContentHash pipelineHash() {
    if (pipelineHash == null) {
      pipelineHash = pod.context().semanticHasher().hash(pipelineIdentityStructure());
    }
    return pipelineHash;
  }

  /** Where this node's pipeline records live, relative to the pipeline database. */
  public RecordPath nodePath() {
    return tableScope.nodePath(pod.uri().components(), pipelineHash(), this::contentHash);
  }

  /** Python's {@code (pod, frozenset({input}))}. */
  @Override
  public Object identityStructure() {
    return pod.identityOn(input);
  }

  @Override
  public Object pipelineIdentityStructure() {
    return pod.identityOn(PipelineView.of(input));
  }

  // ------------------------------------------------------------------ running

  /**
   * Computes what is new and serves the rest from the databases (see the class comment).
   *
   * @throws Exception under {@link ErrorPolicy#FAIL_FAST}, the first packet failure, after what was
   *     already computed has been stored
   */
  public synchronized RunReport run() {
    checkOpen();
    String nodeHash = contentHash().toString();
    NodeExecutionListener l = listener;
    l.onNodeStart(label, nodeHash);
    RunReport report;
    Exception failure;
    try {
      BatchColumns columns = BatchColumns.of(input);
      try (VectorSchemaRoot table = input.asTable(BatchColumns.CONFIG, allocator)) {
        Batch b = processBatch(table, columns, nodeHash, l, errorPolicy);
        try (VectorSchemaRoot out = b.output()) {
          replaceComputed(wrap(out, columns.tags()));
        }
        report = b.report();
        failure = b.failure();
      }
    } finally {
      l.onNodeEnd(label, nodeHash);
    }
    if (failure != null) {
      throw sneaky(failure);
    }
    return report;
  }

  /** What one batch gave: output rows in the node's layout (caller closes), counts, failure. */
  private record Batch(VectorSchemaRoot output, RunReport report, @Nullable Exception failure) {}

  /**
   * Runs one batch of input rows ({@code table} in {@link BatchColumns#CONFIG}): looks up the
   * pipeline records, runs the packet loop (result cache per packet), writes the new records and
   * results and flushes, so what a batch computed is stored before the next batch starts.
   */
  private Batch processBatch(
      VectorSchemaRoot table,
      BatchColumns columns,
      String nodeHash,
      NodeExecutionListener l,
      ErrorPolicy policy) {
    BatchInput in =
        new BatchInput(
            table,
            columns.tags(),
            columns.systemTags(),
            columns.packets(),
            pod.context().contextKey());
    String[] hashes =
        Vectors.rowHashes(
            table, columns.packets(), List.of(), pod.context().arrowHasher(), allocator);
    RecordPath path = nodePath();
    String[] entryIds = null;
    String[] known = null;
    if (pipelineDatabase != null) {
      entryIds = entryIds(table, columns.tags(), columns.systemTags(), hashes, nodeHash);
      known = knownPacketIds(path, entryIds);
    }
    FunctionPod runner = cachedPod == null ? pod : cachedPod;
    try (PacketLoop.Outcome outcome =
        PacketLoop.run(runner, in, hashes, known, l, policy, path.components(), allocator)) {
      if (pipelineDatabase != null) {
        writePipelineRecords(path, in, outcome, entryIds, hashes, nodeHash);
        pipelineDatabase.flush();
        cachedPod.resultCache().database().flush();
      }
      RunReport report =
          new RunReport(
              outcome.computedCount(),
              outcome.cachedCount(),
              outcome.droppedCount(),
              outcome.crashedCount(),
              outcome.staleFingerprintCount());
      return new Batch(outcome.takeOutput(), report, outcome.failure());
    }
  }

  /**
   * Starts a run fed batch by batch, as the async orchestrator streams rows: {@link
   * Streaming#process} computes one batch of input rows and hands back its output rows, {@link
   * Streaming#finish} installs the concatenated output as this node's output (what {@link #run()}
   * would have produced from the same rows) and {@link Streaming#close} ends the node's run either
   * way. Calls {@code onNodeStart} now and {@code onNodeEnd} when closed.
   */
  public Streaming startStreaming() {
    NodeExecutionListener l;
    ErrorPolicy policy;
    synchronized (this) {
      checkOpen();
      l = listener;
      policy = errorPolicy;
    }
    String nodeHash = contentHash().toString();
    l.onNodeStart(label, nodeHash);
    return new Streaming(nodeHash, l, policy);
  }

  /**
   * A run of this node fed batch by batch; one thread drives it. Not thread-safe; close it in a
   * {@code finally} block.
   */
  public final class Streaming implements AutoCloseable {
    private final String nodeHash;
    private final NodeExecutionListener listener;
    private final ErrorPolicy policy;
    private final List<VectorSchemaRoot> outputs = new ArrayList<>();
    private final int[] counts = new int[5];
    private @Nullable List<String> tags;
    private @Nullable BatchColumns outputColumns;
    private boolean ended;

    private Streaming(String nodeHash, NodeExecutionListener listener, ErrorPolicy policy) {
      this.nodeHash = nodeHash;
      this.listener = listener;
      this.policy = policy;
    }

    /**
     * Computes one batch of input rows laid out as {@link BatchColumns#CONFIG} with {@code
     * columns}; returns the output rows in the same layout, allocated from {@code target} (the
     * caller closes them). The input batch stays the caller's.
     *
     * @throws Exception under {@link ErrorPolicy#FAIL_FAST}, the first packet failure, after what
     *     the batch computed has been stored
     */
    public VectorSchemaRoot process(
        VectorSchemaRoot batch, BatchColumns columns, BufferAllocator target) {
      if (ended) {
        throw new IllegalStateException("streaming run of '" + label + "' already ended");
      }
      tags = columns.tags();
      Batch b = processBatch(batch, columns, nodeHash, listener, policy);
      VectorSchemaRoot out = b.output();
      outputs.add(out);
      RunReport r = b.report();
      counts[0] += r.computed();
      counts[1] += r.cached();
      counts[2] += r.dropped();
      counts[3] += r.crashed();
      counts[4] += r.staleFingerprints();
      if (b.failure() != null) {
        throw sneaky(b.failure());
      }
      try (ArrowTableStream s = wrap(out, columns.tags())) {
        if (outputColumns == null) {
          outputColumns = BatchColumns.of(s);
        }
        return s.asTable(BatchColumns.CONFIG, target);
      }
    }

    /** The layout of the batches {@link #process} returns (known after the first batch). */
    public BatchColumns outputColumns() {
      if (outputColumns == null) {
        throw new IllegalStateException("no batch processed yet by '" + label + "'");
      }
      return outputColumns;
    }

    /**
     * Installs the rows of every processed batch, in order, as the node's output and ends the run.
     *
     * @return the summed counts of all batches
     */
    public RunReport finish() {
      if (ended) {
        throw new IllegalStateException("streaming run of '" + label + "' already ended");
      }
      if (outputs.isEmpty() || tags == null) {
        throw new IllegalStateException(
            "streaming run of '" + label + "' got no batch; send at least one (maybe empty)");
      }
      VectorSchemaRoot all = outputs.size() == 1 ? null : Vectors.concat(outputs, allocator);
      try {
        synchronized (FunctionNode.this) {
          checkOpen();
          replaceComputed(wrap(all == null ? outputs.get(0) : all, tags));
        }
      } finally {
        if (all != null) {
          all.close();
        }
      }
      close();
      return new RunReport(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    /** Releases the buffered output and calls {@code onNodeEnd}; idempotent. */
    @Override
    public void close() {
      if (ended) {
        return;
      }
      ended = true;
      outputs.forEach(VectorSchemaRoot::close);
      outputs.clear();
      listener.onNodeEnd(label, nodeHash);
    }
  }

  /** The allocator the node's buffers come from. */
  public BufferAllocator allocator() {
    return allocator;
  }

  @SuppressWarnings("unchecked")
  private static <E extends Exception> E sneaky(Exception e) throws E {
    throw (E) e;
  }

  private void replaceComputed(ArrowTableStream s) {
    if (computed != null) {
      computed.close();
    }
    computed = s;
  }

  /** Pipeline entry ids: Arrow hash of tag + system tags + input hash + node content hash. */
  private String[] entryIds(
      VectorSchemaRoot table,
      List<String> tags,
      List<String> sys,
      String[] inputHashes,
      String nodeHash) {
    List<String> cols = new ArrayList<>(tags);
    cols.addAll(sys);
    int n = table.getRowCount();
    List<String> nodeHashes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      nodeHashes.add(nodeHash);
    }
    try (FieldVector ih =
            Vectors.strings(
                SystemConstants.INPUT_PACKET_HASH_COL, List.of(inputHashes), allocator);
        FieldVector nh = Vectors.strings(ResultColumns.NODE_CONTENT_HASH, nodeHashes, allocator)) {
      return Vectors.rowHashes(
          table, cols, List.of(ih, nh), pod.context().arrowHasher(), allocator);
    }
  }

  /** Per row, the packet id its existing pipeline record names, or null (one read). */
  private @Nullable String[] knownPacketIds(RecordPath path, String[] entryIds) {
    String[] out = new String[entryIds.length];
    try (VectorSchemaRoot records =
        pipelineDatabase.getRecordsByIds(
            path, List.of(entryIds), ResultColumns.PIPELINE_ENTRY_ID, allocator)) {
      if (records == null) {
        return out;
      }
      Map<String, String> byEntry = new HashMap<>();
      FieldVector ids = records.getVector(ResultColumns.PIPELINE_ENTRY_ID);
      FieldVector packets = records.getVector(ResultColumns.PACKET_ID);
      for (int r = 0; r < records.getRowCount(); r++) {
        byEntry.put(Vectors.string(ids, r), Vectors.string(packets, r));
      }
      for (int i = 0; i < entryIds.length; i++) {
        out[i] = byEntry.get(entryIds[i]);
      }
      return out;
    }
  }

  /**
   * One batch of pipeline records for the rows not already recorded: tag and system tags, each
   * row's own {@code _source_*} values, {@code __packet_id}, {@code _node_content_hash}, {@code
   * __input_packet_context_key}, {@code __computed}.
   */
  private void writePipelineRecords(
      RecordPath path,
      BatchInput in,
      PacketLoop.Outcome outcome,
      String[] entryIds,
      String[] hashes,
      String nodeHash) {
    int[] outRows = outcome.inputRows();
    List<Integer> pick = new ArrayList<>();
    for (int k = 0; k < outRows.length; k++) {
      if (!outcome.fromKnownPacket(k)) {
        pick.add(k);
      }
    }
    if (pick.isEmpty()) {
      return;
    }
    int m = pick.size();
    int[] rows = new int[m];
    List<String> ids = new ArrayList<>(m);
    List<String> packetIds = new ArrayList<>(m);
    List<String> nodeHashes = new ArrayList<>(m);
    List<String> contexts = new ArrayList<>(m);
    boolean[] computedFlags = new boolean[m];
    for (int i = 0; i < m; i++) {
      int k = pick.get(i);
      rows[i] = outRows[k];
      ids.add(entryIds[rows[i]]);
      packetIds.add(outcome.packetId(k));
      nodeHashes.add(nodeHash);
      contexts.add(in.contextKey());
      computedFlags[i] = outcome.computed(k);
    }
    List<FieldVector> cols = new ArrayList<>();
    try {
      cols.add(Vectors.strings(ResultColumns.PIPELINE_ENTRY_ID, ids, false, allocator));
      for (String t : in.tagColumns()) {
        cols.add(Vectors.take(in.table().getVector(t), rows, allocator));
      }
      for (String t : in.systemTagColumns()) {
        cols.add(Vectors.take(in.table().getVector(t), rows, allocator));
      }
      for (String p : in.packetColumns()) {
        FieldVector src = in.sourceVector(p);
        if (src != null) {
          cols.add(Vectors.take(src, rows, allocator));
        }
      }
      cols.add(Vectors.strings(ResultColumns.PACKET_ID, packetIds, allocator));
      cols.add(Vectors.strings(ResultColumns.NODE_CONTENT_HASH, nodeHashes, allocator));
      cols.add(Vectors.strings(ResultColumns.INPUT_PACKET_CONTEXT_KEY, contexts, allocator));
      cols.add(Vectors.booleans(ResultColumns.COMPUTED, computedFlags, allocator));
      try (VectorSchemaRoot records = new VectorSchemaRoot(cols)) {
        records.setRowCount(m);
        pipelineDatabase.addRecords(path, records, ResultColumns.PIPELINE_ENTRY_ID, true);
      }
    } catch (RuntimeException e) {
      cols.forEach(FieldVector::close);
      throw e;
    }
  }

  // ------------------------------------------------------------------ reading

  /**
   * The output this node serves without computing: the last run's, else the stored records of this
   * node (read once), else an empty stream with the right schema.
   */
  private synchronized ArrowTableStream current() {
    checkOpen();
    if (computed != null) {
      return computed;
    }
    if (loaded == null || (loaded.rowCount() == 0 && pipelineDatabase != null)) {
      // as Python, an empty view is looked up again: another run may have stored records since
      if (loaded != null) {
        loaded.close();
      }
      loaded = load();
    }
    return loaded;
  }

  @Override
  protected Stream delegate() {
    return current();
  }

  /** Whether {@link #run()} has produced this node's output in this process. */
  public synchronized boolean hasRun() {
    return computed != null;
  }

  private ArrowTableStream load() {
    List<String> tags = input.keys().tag();
    if (pipelineDatabase == null) {
      return empty(tags);
    }
    try (VectorSchemaRoot records =
            pipelineDatabase.getAllRecords(nodePath(), ResultColumns.PIPELINE_ENTRY_ID, allocator);
        VectorSchemaRoot results = cachedPod.resultCache().allRecords(allocator)) {
      if (records == null || results == null) {
        return empty(tags);
      }
      String own = contentHash().toString();
      FieldVector nodeHashes = records.getVector(ResultColumns.NODE_CONTENT_HASH);
      FieldVector packetIds = records.getVector(ResultColumns.PACKET_ID);
      Map<String, Integer> resultRow = new HashMap<>();
      FieldVector resultIds = results.getVector(ResultColumns.PACKET_ID);
      for (int r = 0; r < results.getRowCount(); r++) {
        resultRow.put(Vectors.string(resultIds, r), r);
      }
      List<Integer> recRows = new ArrayList<>();
      List<Integer> resRows = new ArrayList<>();
      for (int r = 0; r < records.getRowCount(); r++) {
        boolean mine =
            tableScope == TableScope.CONTENT_HASH || own.equals(Vectors.string(nodeHashes, r));
        Integer rr = resultRow.get(Vectors.string(packetIds, r));
        if (mine && rr != null) {
          recRows.add(r);
          resRows.add(rr);
        }
      }
      int[] rec = recRows.stream().mapToInt(Integer::intValue).toArray();
      int[] res = resRows.stream().mapToInt(Integer::intValue).toArray();
      List<FieldVector> cols = new ArrayList<>();
      try {
        for (FieldVector v : records.getFieldVectors()) {
          String c = v.getName();
          if (tags.contains(c) || SystemConstants.isSystemTagColumn(c)) {
            cols.add(Vectors.take(v, rec, allocator));
          }
        }
        int[] zeros = new int[res.length];
        for (Field f : pod.function().outputSchema().fields()) {
          cols.add(
              Vectors.gather(f, List.of(results.getVector(f.getName())), zeros, res, allocator));
          String s = SystemConstants.sourceInfoColumn(f.getName());
          FieldVector sv = results.getVector(s);
          if (sv != null) {
            cols.add(Vectors.take(sv, res, allocator));
          }
        }
        cols.add(Vectors.take(records.getVector(ResultColumns.COMPUTED), rec, allocator));
        try (VectorSchemaRoot out = new VectorSchemaRoot(cols)) {
          out.setRowCount(rec.length);
          cols = List.of();
          return wrap(out, tags);
        }
      } catch (RuntimeException e) {
        cols.forEach(FieldVector::close);
        throw e;
      }
    }
  }

  private ArrowTableStream empty(List<String> tags) {
    List<Field> fields =
        new ArrayList<>(
            input.outputSchema(ColumnConfig.dataOnly().withSystemTags(true)).tag().fields());
    fields.addAll(pod.function().outputSchema().fields());
    try (VectorSchemaRoot root =
        VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(fields), allocator)) {
      root.allocateNew();
      root.setRowCount(0);
      return wrap(root, tags);
    }
  }

  private ArrowTableStream wrap(VectorSchemaRoot table, List<String> tags) {
    return ArrowTableStream.builder(table, allocator)
        .tagColumns(tags)
        .contextKey(pod.context().contextKey())
        .arrowHasher(pod.context().arrowHasher())
        .identity(this::identityStructure, this::pipelineIdentityStructure)
        .build();
  }

  /**
   * The stored records of this node (result rows joined with its pipeline records, in this node's
   * content scope) with the columns {@code config} selects, or null when there are none. Never
   * computes.
   */
  public synchronized @Nullable VectorSchemaRoot getAllRecords(
      ColumnConfig config, BufferAllocator target) {
    if (pipelineDatabase == null) {
      return null;
    }
    if (loaded == null || computed != null) {
      if (loaded != null) {
        loaded.close();
      }
      loaded = load();
    }
    return loaded.rowCount() == 0 ? null : loaded.asTable(config, target);
  }

  /**
   * A source backed by this node's stored records, as Python orcapod's {@code as_source()}.
   *
   * @throws IllegalStateException when the node has no database
   */
  public DerivedSource asSource() {
    if (pipelineDatabase == null) {
      throw new IllegalStateException(
          "[Orcapod/NoDatabase] node '"
              + label
              + "' has no pipeline database; build it with pipelineDatabase(...) to derive a"
              + " source from its records");
    }
    String sourceId = nodePath().key() + ":" + contentHash().toString().substring(0, 16);
    return new DerivedSource(
        this::getAllRecords, input.keys().tag(), contentHash(), sourceId, pod.context(), allocator);
  }

  // ------------------------------------------------------------------ Stream

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("function node '" + label + "' is closed");
    }
  }

  /** Releases the node's output (never its input or databases). */
  @Override
  public synchronized void close() {
    closed = true;
    if (computed != null) {
      computed.close();
      computed = null;
    }
    if (loaded != null) {
      loaded.close();
      loaded = null;
    }
  }

  @Override
  public String toString() {
    return "FunctionNode[" + label + "]";
  }
}
