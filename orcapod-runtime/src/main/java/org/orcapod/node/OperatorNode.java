package org.orcapod.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.RecordPath;
import org.orcapod.datagram.TagPacket;
import org.orcapod.function.ResultColumns;
import org.orcapod.function.Vectors;
import org.orcapod.hashing.ContentHash;
import org.orcapod.operator.DropPacketColumns;
import org.orcapod.operator.DropTagColumns;
import org.orcapod.operator.Filter;
import org.orcapod.operator.MapPackets;
import org.orcapod.operator.MapTags;
import org.orcapod.operator.Operator;
import org.orcapod.operator.OperatorContext;
import org.orcapod.operator.OperatorStream;
import org.orcapod.operator.SelectPacketColumns;
import org.orcapod.operator.SelectTagColumns;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.source.SourceContext;
import org.orcapod.stream.ArrowTableStream;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamKeys;
import org.orcapod.stream.StreamSchema;

/**
 * An operator fixed to its inputs, with the cache modes of Python orcapod's {@code OperatorNode}:
 * {@link CacheMode#OFF} computes, {@link CacheMode#LOG} computes and appends the output rows to the
 * pipeline database, {@link CacheMode#REPLAY} serves the stored rows without computing.
 *
 * <p>The node wraps the operator's lazy output stream (the operators package's {@code
 * OperatorStream}, or any stream that computes on first read) and takes its identities from it.
 * Records live under {@code operator_uri + ("schema:<pipeline hash>",)} (plus {@code
 * "instance:<content hash>"} with {@link TableScope#CONTENT_HASH}); each row is stored with the
 * node's {@code _node_content_hash} and record id {@code _record_hash}, the hex Arrow hash of the
 * whole row (tags, system tags, packet, source info and node hash). Reading never computes: before
 * {@link #run()} it serves stored rows in REPLAY mode and nothing otherwise.
 */
public final class OperatorNode implements Stream {
  /** Name of the per-row record id column, as Python orcapod. */
  public static final String RECORD_HASH_COLUMN = "_record_hash";

  private final Stream output;
  private final List<String> operatorUri;
  private final SourceContext context;
  private final BufferAllocator allocator;
  private final @Nullable ArrowDatabase pipelineDatabase;
  private final CacheMode cacheMode;
  private final TableScope tableScope;
  private final String label;
  private volatile NodeExecutionListener listener = NodeExecutionListener.NO_OP;
  private @Nullable ArrowTableStream computed;
  private @Nullable ContentHash contentHash;
  private @Nullable ContentHash pipelineHash;

  /**
   * @param output the operator's lazy output over the node's inputs
   * @param operatorUri the operator's uri, Python's {@code (ClassName, content_hash_hex)} (see
   *     {@link #operatorUri})
   * @param pipelineDatabase the pipeline database (pre-scoped), or null for no persistence
   */
  public OperatorNode(
      Stream output,
      List<String> operatorUri,
      SourceContext context,
      BufferAllocator allocator,
      @Nullable ArrowDatabase pipelineDatabase,
      CacheMode cacheMode,
      TableScope tableScope,
      String label) {
    this.output = Objects.requireNonNull(output, "output");
    this.operatorUri = List.copyOf(operatorUri);
    this.context = Objects.requireNonNull(context, "context");
    this.allocator = Objects.requireNonNull(allocator, "allocator");
    this.pipelineDatabase = pipelineDatabase;
    this.cacheMode = Objects.requireNonNull(cacheMode, "cacheMode");
    this.tableScope = Objects.requireNonNull(tableScope, "tableScope");
    this.label = Objects.requireNonNull(label, "label");
  }

  /** Python's operator uri: {@code (class name, hex of the operator's content hash)}. */
  public static List<String> operatorUri(String className, ContentHash operatorContentHash) {
    return List.of(className, operatorContentHash.toHex());
  }

  /** The node's label. */
  public String label() {
    return label;
  }

  /** The allocator the node's buffers come from. */
  public BufferAllocator allocator() {
    return allocator;
  }

  /** The cache mode. */
  public CacheMode cacheMode() {
    return cacheMode;
  }

  /** Replaces the hooks of later runs. */
  public void setListener(NodeExecutionListener listener) {
    this.listener = Objects.requireNonNull(listener);
  }

  /** The node's content hash. */
  public synchronized ContentHash contentHash() {
    if (contentHash == null) {
      contentHash = context.semanticHasher().hash(identityStructure());
    }
    return contentHash;
  }

  /** The node's pipeline hash. */
  public synchronized ContentHash pipelineHash() {
    if (pipelineHash == null) {
      pipelineHash = context.semanticHasher().hash(pipelineIdentityStructure());
    }
    return pipelineHash;
  }

  /** Where the node's records live, relative to the pipeline database. */
  public RecordPath nodePath() {
    return tableScope.nodePath(operatorUri, pipelineHash(), this::contentHash);
  }

  @Override
  public Object identityStructure() {
    return output.identityStructure();
  }

  @Override
  public Object pipelineIdentityStructure() {
    return output.pipelineIdentityStructure();
  }

  /** Computes (OFF, LOG) or replays (REPLAY) the output; a second call does nothing. */
  public synchronized void run() {
    if (computed != null) {
      return;
    }
    String hash = contentHash().toString();
    NodeExecutionListener l = listener;
    l.onNodeStart(label, hash);
    try {
      if (pipelineDatabase != null && cacheMode == CacheMode.REPLAY) {
        computed = replay();
        return;
      }
      try (VectorSchemaRoot table =
          output.asTable(
              ColumnConfig.dataOnly().withSystemTags(true).withSource(true), allocator)) {
        if (pipelineDatabase != null && cacheMode == CacheMode.LOG) {
          store(table, hash);
        }
        computed = wrap(table);
      }
    } finally {
      l.onNodeEnd(label, hash);
    }
  }

  /**
   * The operators that work row by row: one input, each output row made from one input row with no
   * state across rows. A node of one of them can run batch by batch ({@link #startStreaming});
   * every other operator (joins, merge join, semi-join, batch) needs its whole input.
   */
  private static final Set<Class<?>> ROW_LOCAL =
      Set.of(
          Filter.class,
          MapPackets.class,
          MapTags.class,
          SelectPacketColumns.class,
          SelectTagColumns.class,
          DropPacketColumns.class,
          DropTagColumns.class);

  /**
   * Whether this node can run batch by batch: its operator is row-local (filter, map, select and
   * drop of packet or tag columns) and it does not replay stored rows.
   */
  public boolean streamable() {
    return output instanceof OperatorStream os
        && ROW_LOCAL.contains(os.operator().getClass())
        && os.inputs().size() == 1
        && !(pipelineDatabase != null && cacheMode == CacheMode.REPLAY);
  }

  /**
   * Starts a run fed batch by batch (only when {@link #streamable()}): {@link Streaming#process}
   * applies the operator to one batch of input rows laid out as {@link BatchColumns#CONFIG}, {@link
   * Streaming#finish} installs (and, in LOG mode, stores) the concatenated output, which equals
   * what {@link #run()} computes from the same rows. Calls {@code onNodeStart} now and {@code
   * onNodeEnd} when closed.
   *
   * @throws IllegalStateException when the node is not streamable
   */
  public Streaming startStreaming() {
    if (!streamable()) {
      throw new IllegalStateException(
          "operator node '" + label + "' needs its whole input; run it with run()");
    }
    String hash = contentHash().toString();
    NodeExecutionListener l = listener;
    l.onNodeStart(label, hash);
    return new Streaming(((OperatorStream) output).operator(), hash, l);
  }

  /** A run of a row-local operator node fed batch by batch; one thread drives it. */
  public final class Streaming implements AutoCloseable {
    private final Operator operator;
    private final String hash;
    private final NodeExecutionListener listener;
    private final OperatorContext opContext;
    private final List<VectorSchemaRoot> outputs = new ArrayList<>();
    private @Nullable BatchColumns outputColumns;
    private boolean ended;

    private Streaming(Operator operator, String hash, NodeExecutionListener listener) {
      this.operator = operator;
      this.hash = hash;
      this.listener = listener;
      this.opContext =
          new OperatorContext(context.semanticHasher(), allocator, context.arrowHasher());
    }

    /**
     * Applies the operator to one batch; returns the output rows in {@link BatchColumns#CONFIG},
     * allocated from {@code target} (the caller closes them). The input batch stays the caller's.
     */
    public VectorSchemaRoot process(
        VectorSchemaRoot batch, BatchColumns columns, BufferAllocator target) {
      if (ended) {
        throw new IllegalStateException("streaming run of '" + label + "' already ended");
      }
      try (ArrowTableStream in =
          ArrowTableStream.builder(batch, allocator)
              .tagColumns(columns.tags())
              .contextKey(context.contextKey())
              .arrowHasher(context.arrowHasher())
              .build()) {
        Stream result = operator.staticProcess(opContext, List.of(in));
        try {
          if (outputColumns == null) {
            outputColumns = BatchColumns.of(result);
          }
          outputs.add(result.asTable(BatchColumns.CONFIG, allocator));
          return result.asTable(BatchColumns.CONFIG, target);
        } finally {
          if (result != in) {
            result.close();
          }
        }
      }
    }

    /** The layout of the batches {@link #process} returns (known after the first batch). */
    public BatchColumns outputColumns() {
      if (outputColumns == null) {
        throw new IllegalStateException("no batch processed yet by '" + label + "'");
      }
      return outputColumns;
    }

    /** Installs the rows of every processed batch, in order, as the node's output; ends the run. */
    public void finish() {
      if (ended) {
        throw new IllegalStateException("streaming run of '" + label + "' already ended");
      }
      if (outputs.isEmpty()) {
        throw new IllegalStateException(
            "streaming run of '" + label + "' got no batch; send at least one (maybe empty)");
      }
      try (VectorSchemaRoot all = Vectors.concat(outputs, allocator)) {
        if (pipelineDatabase != null && cacheMode == CacheMode.LOG) {
          store(all, hash);
        }
        synchronized (OperatorNode.this) {
          if (computed != null) {
            computed.close();
          }
          computed = wrap(all);
        }
      }
      close();
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
      listener.onNodeEnd(label, hash);
    }
  }

  private void store(VectorSchemaRoot table, String nodeHash) {
    int n = table.getRowCount();
    List<String> hashes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      hashes.add(nodeHash);
    }
    List<FieldVector> cols = new ArrayList<>();
    try (FieldVector nh = Vectors.strings(ResultColumns.NODE_CONTENT_HASH, hashes, allocator)) {
      String[] ids =
          Vectors.rowHashes(table, names(table), List.of(nh), context.arrowHasher(), allocator);
      List<String> hex = new ArrayList<>(n);
      for (String id : ids) {
        hex.add(ContentHash.parse(id).toHex());
      }
      cols.add(Vectors.strings(RECORD_HASH_COLUMN, hex, false, allocator));
      for (FieldVector v : table.getFieldVectors()) {
        cols.add(Vectors.take(v, identity(n), allocator));
      }
      cols.add(Vectors.take(nh, identity(n), allocator));
      try (VectorSchemaRoot records = new VectorSchemaRoot(cols)) {
        records.setRowCount(n);
        cols = List.of();
        pipelineDatabase.addRecords(nodePath(), records, RECORD_HASH_COLUMN, true);
      }
      pipelineDatabase.flush();
    } catch (RuntimeException e) {
      cols.forEach(FieldVector::close);
      throw e;
    }
  }

  private static int[] identity(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  private static List<String> names(VectorSchemaRoot t) {
    List<String> out = new ArrayList<>();
    for (Field f : t.getSchema().getFields()) {
      out.add(f.getName());
    }
    return out;
  }

  /** The stored rows of this node (in its content scope), or an empty stream. */
  private ArrowTableStream replay() {
    try (VectorSchemaRoot records = pipelineDatabase.getAllRecords(nodePath(), null, allocator)) {
      if (records == null) {
        return empty();
      }
      String own = contentHash().toString();
      FieldVector nodeHashes = records.getVector(ResultColumns.NODE_CONTENT_HASH);
      List<Integer> keep = new ArrayList<>();
      for (int r = 0; r < records.getRowCount(); r++) {
        if (tableScope == TableScope.CONTENT_HASH || own.equals(Vectors.string(nodeHashes, r))) {
          keep.add(r);
        }
      }
      int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
      List<FieldVector> cols = new ArrayList<>();
      try {
        for (FieldVector v : records.getFieldVectors()) {
          if (!v.getName().equals(ResultColumns.NODE_CONTENT_HASH)) {
            cols.add(Vectors.take(v, rows, allocator));
          }
        }
        try (VectorSchemaRoot out = new VectorSchemaRoot(cols)) {
          out.setRowCount(rows.length);
          cols = List.of();
          return wrap(out);
        }
      } catch (RuntimeException e) {
        cols.forEach(FieldVector::close);
        throw e;
      }
    }
  }

  private ArrowTableStream empty() {
    List<Field> fields =
        new ArrayList<>(
            output.outputSchema(ColumnConfig.dataOnly().withSystemTags(true)).tag().fields());
    fields.addAll(output.outputSchema().packet().fields());
    try (VectorSchemaRoot root =
        VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(fields), allocator)) {
      root.allocateNew();
      root.setRowCount(0);
      return wrap(root);
    }
  }

  private ArrowTableStream wrap(VectorSchemaRoot table) {
    return ArrowTableStream.builder(table, allocator)
        .tagColumns(output.keys().tag())
        .contextKey(context.contextKey())
        .arrowHasher(context.arrowHasher())
        .identity(this::identityStructure, this::pipelineIdentityStructure)
        .build();
  }

  /** What reading serves: the run's output, else stored rows in REPLAY mode, else nothing. */
  private synchronized ArrowTableStream current() {
    if (computed != null) {
      return computed;
    }
    if (pipelineDatabase != null && cacheMode == CacheMode.REPLAY) {
      computed = replay();
      return computed;
    }
    return empty();
  }

  @Override
  public StreamKeys keys(ColumnConfig config) {
    try (Borrowed b = borrow()) {
      return b.stream.keys(config);
    }
  }

  @Override
  public StreamSchema outputSchema(ColumnConfig config) {
    try (Borrowed b = borrow()) {
      return b.stream.outputSchema(config);
    }
  }

  @Override
  public VectorSchemaRoot asTable(ColumnConfig config, BufferAllocator target) {
    try (Borrowed b = borrow()) {
      return b.stream.asTable(config, target);
    }
  }

  @Override
  public int rowCount() {
    try (Borrowed b = borrow()) {
      return b.stream.rowCount();
    }
  }

  @Override
  public List<TagPacket> rows() {
    try (Borrowed b = borrow()) {
      return b.stream.rows();
    }
  }

  /** The current stream, closed after use when it is a throw-away empty one. */
  private Borrowed borrow() {
    ArrowTableStream s = current();
    return new Borrowed(s, s != computed);
  }

  private record Borrowed(ArrowTableStream stream, boolean temporary) implements AutoCloseable {
    @Override
    public void close() {
      if (temporary) {
        stream.close();
      }
    }
  }

  /** Releases the node's output (never its inputs or database). */
  @Override
  public synchronized void close() {
    if (computed != null) {
      computed.close();
      computed = null;
    }
  }
}
