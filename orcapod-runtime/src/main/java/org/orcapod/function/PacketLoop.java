package org.orcapod.function;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jspecify.annotations.Nullable;
import org.orcapod.datagram.Packet;
import org.orcapod.datagram.Tag;
import org.orcapod.execution.JavaFunctionExecutor;
import org.orcapod.execution.PacketBatchExecutor;
import org.orcapod.execution.PacketFunctionExecutor;
import org.orcapod.execution.PacketLogger;
import org.orcapod.execution.RemoteFunction;
import org.orcapod.schema.ArrowValues;
import org.orcapod.schema.Schema;
import org.orcapod.schema.SystemConstants;
import org.orcapod.stream.Identity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-packet loop of a function pod over one batch of rows: serves every row whose result is
 * stored (by a known packet id, else by input packet hash, in one read of the result cache),
 * computes only the others through the function's executor, writes all new result rows in one call,
 * and assembles the output table, row for row aligned with the input rows it came from.
 */
public final class PacketLoop {
  private static final Logger LOG = LoggerFactory.getLogger(PacketLoop.class);
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");
  private static final int FROM_CACHE = 0;
  private static final int FROM_NEW = 1;

  private PacketLoop() {}

  /** What one batch produced. The output table is owned by the outcome until taken. */
  public static final class Outcome implements AutoCloseable {
    private @Nullable VectorSchemaRoot output;
    private final int[] inputRows;
    private final String[] packetIds;
    private final boolean[] computed;
    private final boolean[] fromKnownPacket;
    private final int computedCount;
    private final int cachedCount;
    private final int droppedCount;
    private final int crashedCount;
    private final int staleFingerprintCount;
    private final @Nullable Exception failure;

    Outcome(
        VectorSchemaRoot output,
        int[] inputRows,
        String[] packetIds,
        boolean[] computed,
        boolean[] fromKnownPacket,
        int[] counts,
        @Nullable Exception failure) {
      this.output = output;
      this.inputRows = inputRows;
      this.packetIds = packetIds;
      this.computed = computed;
      this.fromKnownPacket = fromKnownPacket;
      this.computedCount = counts[0];
      this.cachedCount = counts[1];
      this.droppedCount = counts[2];
      this.crashedCount = counts[3];
      this.staleFingerprintCount = counts[4];
      this.failure = failure;
    }

    /**
     * Hands over the output table (tag and system-tag columns, output columns, {@code __computed},
     * {@code _source_<output>}); the caller closes it.
     */
    public VectorSchemaRoot takeOutput() {
      VectorSchemaRoot o = output;
      if (o == null) {
        throw new IllegalStateException("the output was already taken");
      }
      output = null;
      return o;
    }

    /** The input row of each output row. */
    public int[] inputRows() {
      return inputRows.clone();
    }

    /** The output packet id of each output row. */
    public String packetId(int outputRow) {
      return packetIds[outputRow];
    }

    /** Whether output row {@code outputRow} was computed in this batch. */
    public boolean computed(int outputRow) {
      return computed[outputRow];
    }

    /** Whether the row was served through a packet id the caller already knew. */
    public boolean fromKnownPacket(int outputRow) {
      return fromKnownPacket[outputRow];
    }

    /** Number of function calls that returned a result. */
    public int computedCount() {
      return computedCount;
    }

    /** Number of rows served from stored results. */
    public int cachedCount() {
      return cachedCount;
    }

    /** Number of rows the function dropped (returned null). */
    public int droppedCount() {
      return droppedCount;
    }

    /** Number of rows whose call threw. */
    public int crashedCount() {
      return crashedCount;
    }

    /** Number of cached rows computed by a function body with another bytecode fingerprint. */
    public int staleFingerprintCount() {
      return staleFingerprintCount;
    }

    /** The first failure when the policy was fail-fast, else null. */
    public @Nullable Exception failure() {
      return failure;
    }

    @Override
    public void close() {
      if (output != null) {
        output.close();
        output = null;
      }
    }
  }

  /**
   * Runs one batch.
   *
   * @param inputHashes each row's input packet hash ({@code method:hex})
   * @param knownPacketIds per row, the output packet id a pipeline record already names, or null
   * @param pipelinePath handed to {@link PacketObserver#createPacketLogger}
   */
  public static Outcome run(
      FunctionPod pod,
      BatchInput in,
      String[] inputHashes,
      @Nullable String @Nullable [] knownPacketIds,
      PacketObserver observer,
      ErrorPolicy policy,
      List<String> pipelinePath,
      BufferAllocator allocator) {
    PacketFunction fn = pod.function();
    ResultCache cache = pod.resultCache();
    int n = in.rowCount();
    boolean observing = observer.observesPackets();
    String fingerprint = fn.bytecodeFingerprint();
    try (ResultCache.Lookup lookup =
        cache == null
            ? new ResultCache.Lookup(null)
            : cache.lookup(Arrays.asList(inputHashes), allocator)) {
      int[] source = new int[n];
      int[] sourceRow = new int[n];
      boolean[] kept = new boolean[n];
      boolean[] computed = new boolean[n];
      boolean[] known = new boolean[n];
      String[] packetIds = new String[n];
      int[] counts = new int[5];
      List<String> newIds = new ArrayList<>();
      List<String> newHashes = new ArrayList<>();
      List<Map<String, @Nullable Object>> newValues = new ArrayList<>();
      List<String> newTimes = new ArrayList<>();
      Map<String, Integer> newByHash = new HashMap<>();
      FieldVector storedFingerprints =
          lookup.table() == null
              ? null
              : lookup.table().getVector(ResultColumns.FUNCTION_CONTENT_HASH);
      FieldVector storedIds =
          lookup.table() == null ? null : lookup.table().getVector(ResultColumns.PACKET_ID);
      Exception failure = null;
      Map<Integer, CompletableFuture<@Nullable Map<String, @Nullable Object>>> inFlight =
          startConcurrent(
              fn, in, inputHashes, knownPacketIds, lookup, observer, pipelinePath, allocator);
      for (int r = 0; r < n; r++) {
        int row = -1;
        String knownId = knownPacketIds == null ? null : knownPacketIds[r];
        if (knownId != null) {
          row = lookup.rowOfPacketId(knownId);
          known[r] = row >= 0;
        }
        if (row < 0) {
          row = lookup.rowOfHash(inputHashes[r]);
        }
        if (row >= 0) {
          serveCached(r, FROM_CACHE, row, source, sourceRow, kept, counts);
          packetIds[r] = Vectors.string(storedIds, row);
          if (storedFingerprints != null
              && !fingerprint.equals(Vectors.string(storedFingerprints, row))) {
            counts[4]++;
          }
          if (observing) {
            Tag tag = in.tag(r);
            Packet p = in.packet(r);
            observer.onPacketStart(tag, p);
            observer.onPacketEnd(tag, p, outputPacket(pod, lookup.table(), row, in), true);
          }
          continue;
        }
        Integer again = newByHash.get(inputHashes[r]);
        if (again != null) {
          // the same packet under another tag in this batch: its result is now stored
          serveCached(r, FROM_NEW, again, source, sourceRow, kept, counts);
          packetIds[r] = newIds.get(again);
          if (observing) {
            Tag tag = in.tag(r);
            Packet p = in.packet(r);
            observer.onPacketStart(tag, p);
            observer.onPacketEnd(tag, p, null, true);
          }
          continue;
        }
        Tag tag = observing ? in.tag(r) : null;
        Packet packet = observing ? in.packet(r) : null;
        CompletableFuture<@Nullable Map<String, @Nullable Object>> started = inFlight.get(r);
        PacketLogger logger = PacketLogger.noOp();
        if (observing && started == null) {
          observer.onPacketStart(tag, packet);
          logger = observer.createPacketLogger(tag, packet, pipelinePath);
        }
        Map<String, @Nullable Object> values;
        try {
          values = started != null ? await(started) : fn.call(in.packetValues(r), logger);
        } catch (Exception e) {
          counts[3]++;
          if (observing) {
            observer.onPacketCrash(tag, packet, e);
          }
          LOG.warn("packet {} of '{}' failed: {}", r, pod.label(), e.toString());
          if (policy == ErrorPolicy.FAIL_FAST) {
            failure = e;
            break;
          }
          continue;
        }
        if (values == null) {
          counts[2]++;
          if (observing) {
            observer.onPacketEnd(tag, packet, null, false);
          }
          continue;
        }
        String id = resultPacketId(pod, inputHashes[r]);
        int newRow = newIds.size();
        newIds.add(id);
        newHashes.add(inputHashes[r]);
        newValues.add(values);
        newTimes.add(OffsetDateTime.now(ZoneOffset.UTC).format(ISO));
        newByHash.put(inputHashes[r], newRow);
        source[r] = FROM_NEW;
        sourceRow[r] = newRow;
        kept[r] = true;
        computed[r] = true;
        packetIds[r] = id;
        counts[0]++;
        if (observing) {
          observer.onPacketEnd(tag, packet, null, false);
        }
      }
      if (counts[4] > 0) {
        LOG.warn(
            "'{}': {} cached result(s) were computed by a different function body (bytecode"
                + " fingerprint differs from {}) although the version {} was not bumped; bump the"
                + " major version to recompute them",
            pod.label(),
            counts[4],
            fingerprint,
            fn.version());
      }
      try (VectorSchemaRoot fresh =
          resultRows(pod, in.contextKey(), newIds, newHashes, newValues, newTimes, allocator)) {
        if (cache != null) {
          cache.store(fresh);
        }
        int keptCount = 0;
        for (boolean k : kept) {
          keptCount += k ? 1 : 0;
        }
        int[] inputRows = new int[keptCount];
        int[] src = new int[keptCount];
        int[] srcRow = new int[keptCount];
        String[] ids = new String[keptCount];
        boolean[] comp = new boolean[keptCount];
        boolean[] kn = new boolean[keptCount];
        int k = 0;
        for (int r = 0; r < n; r++) {
          if (kept[r]) {
            inputRows[k] = r;
            src[k] = source[r];
            srcRow[k] = sourceRow[r];
            ids[k] = packetIds[r];
            comp[k] = computed[r];
            kn[k] = known[r];
            k++;
          }
        }
        VectorSchemaRoot output =
            output(pod, in, inputRows, src, srcRow, comp, lookup.table(), fresh, allocator);
        return new Outcome(output, inputRows, ids, comp, kn, counts, failure);
      }
    }
  }

  /**
   * When the function's executor runs packets concurrently, starts every packet that will need
   * computing (the first row of each input hash without a stored result) before the loop collects
   * them in row order; otherwise starts nothing and the loop calls packets one by one.
   */
  private static Map<Integer, CompletableFuture<@Nullable Map<String, @Nullable Object>>>
      startConcurrent(
          PacketFunction fn,
          BatchInput in,
          String[] inputHashes,
          @Nullable String @Nullable [] knownPacketIds,
          ResultCache.Lookup lookup,
          PacketObserver observer,
          List<String> pipelinePath,
          BufferAllocator allocator) {
    JavaFunctionExecutor executor = fn.executor();
    if (executor == null || !executor.supportsConcurrentExecution()) {
      return Map.of();
    }
    Map<Integer, CompletableFuture<@Nullable Map<String, @Nullable Object>>> out = new HashMap<>();
    Set<String> seen = new HashSet<>();
    RemoteFunction remote =
        executor instanceof PacketBatchExecutor ? fn.remoteFunction().orElse(null) : null;
    List<Integer> rows = new ArrayList<>();
    List<PacketLogger> loggers = new ArrayList<>();
    for (int r = 0; r < in.rowCount(); r++) {
      String known = knownPacketIds == null ? null : knownPacketIds[r];
      if ((known != null && lookup.rowOfPacketId(known) >= 0)
          || lookup.rowOfHash(inputHashes[r]) >= 0
          || !seen.add(inputHashes[r])) {
        continue;
      }
      PacketLogger logger = PacketLogger.noOp();
      if (observer.observesPackets()) {
        Tag tag = in.tag(r);
        Packet packet = in.packet(r);
        observer.onPacketStart(tag, packet);
        logger = observer.createPacketLogger(tag, packet, pipelinePath);
      }
      if (remote != null) {
        rows.add(r);
        loggers.add(logger);
        continue;
      }
      Map<String, @Nullable Object> values = in.packetValues(r);
      out.put(r, executor.executeCallableAsync(() -> fn.directCall(values), logger));
    }
    if (remote != null && !rows.isEmpty()) {
      // One Arrow batch of the packets to compute; the executor splits it into tasks.
      int[] take = rows.stream().mapToInt(Integer::intValue).toArray();
      List<FieldVector> columns = new ArrayList<>();
      for (String c : in.packetColumns()) {
        columns.add(Vectors.take(in.table().getVector(c), take, allocator));
      }
      try (VectorSchemaRoot packets = new VectorSchemaRoot(columns)) {
        packets.setRowCount(take.length);
        List<CompletableFuture<@Nullable Map<String, @Nullable Object>>> started =
            ((PacketBatchExecutor) executor).executeBatchAsync(remote, packets, loggers);
        for (int i = 0; i < take.length; i++) {
          out.put(take[i], started.get(i));
        }
      }
    }
    return out;
  }

  /** The result of a started packet, re-throwing the function's own exception. */
  private static @Nullable Map<String, @Nullable Object> await(
      CompletableFuture<@Nullable Map<String, @Nullable Object>> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  private static void serveCached(
      int r, int from, int row, int[] source, int[] sourceRow, boolean[] kept, int[] counts) {
    source[r] = from;
    sourceRow[r] = row;
    kept[r] = true;
    counts[1]++;
  }

  private static @Nullable Packet outputPacket(
      FunctionPod pod, @Nullable VectorSchemaRoot table, int row, BatchInput in) {
    if (table == null) {
      return null;
    }
    Schema out = pod.function().outputSchema();
    Map<String, @Nullable Object> values = new LinkedHashMap<>();
    Map<String, @Nullable String> source = new LinkedHashMap<>();
    for (String c : out.names()) {
      values.put(c, ArrowValues.read(table.getVector(c), row));
      FieldVector s = table.getVector(SystemConstants.sourceInfoColumn(c));
      source.put(c, s == null ? null : Vectors.string(s, row));
    }
    return new Packet(out, values, source, Map.of(ResultColumns.COMPUTED, false), in.contextKey());
  }

  /** The fields of a stored result row after the id column, in Python orcapod's order. */
  static List<Field> resultFields(Schema outputSchema) {
    List<Field> f = new ArrayList<>();
    f.add(string(ResultColumns.PACKET_ID, false));
    f.add(string(ResultColumns.INPUT_PACKET_HASH, true));
    for (String v :
        List.of("function_name", "function_signature_hash", "function_content_hash", "git_hash")) {
      f.add(string(ResultColumns.VARIATION_PREFIX + v, true));
    }
    f.add(string(ResultColumns.EXECUTION_PREFIX + "executor_type", true));
    f.add(stringMap(ResultColumns.EXECUTION_PREFIX + "executor_info"));
    f.add(string(ResultColumns.EXECUTION_PREFIX + "java_version", true));
    f.add(stringMap(ResultColumns.EXECUTION_PREFIX + "extra_info"));
    f.addAll(outputSchema.fields());
    f.add(string(SystemConstants.CONTEXT_KEY, false));
    for (String c : outputSchema.names()) {
      f.add(string(SystemConstants.sourceInfoColumn(c), true));
    }
    f.add(string(ResultColumns.POD_TIMESTAMP, true));
    return f;
  }

  private static Field string(String name, boolean nullable) {
    return new Field(name, new FieldType(nullable, ArrowType.LargeUtf8.INSTANCE, null), null);
  }

  /** Python's {@code dict[str, str]}: {@code large_list<struct<key, value>>}. */
  private static Field stringMap(String name) {
    Field entry =
        new Field(
            "item",
            FieldType.nullable(ArrowType.Struct.INSTANCE),
            List.of(string("key", false), string("value", true)));
    return new Field(name, FieldType.nullable(ArrowType.LargeList.INSTANCE), List.of(entry));
  }

  private static VectorSchemaRoot resultRows(
      FunctionPod pod,
      String contextKey,
      List<String> ids,
      List<String> hashes,
      List<Map<String, @Nullable Object>> values,
      List<String> times,
      BufferAllocator allocator) {
    PacketFunction fn = pod.function();
    Schema out = fn.outputSchema();
    JavaFunctionExecutor executor = fn.executor();
    Map<String, String> execInfo = new LinkedHashMap<>();
    String execType = "none";
    if (executor != null) {
      execInfo.putAll(executor.executorInfo());
      String t = execInfo.remove(PacketFunctionExecutor.EXECUTOR_TYPE_KEY);
      execType = t == null ? executor.executorTypeId() : t;
    }
    Map<String, @Nullable Object> constant = new LinkedHashMap<>();
    constant.put(ResultColumns.VARIATION_PREFIX + "function_name", fn.canonicalName());
    constant.put(ResultColumns.VARIATION_PREFIX + "function_signature_hash", pod.signatureHash());
    constant.put(ResultColumns.FUNCTION_CONTENT_HASH, fn.bytecodeFingerprint());
    constant.put(ResultColumns.VARIATION_PREFIX + "git_hash", "unknown");
    constant.put(ResultColumns.EXECUTION_PREFIX + "executor_type", execType);
    constant.put(ResultColumns.EXECUTION_PREFIX + "executor_info", execInfo);
    constant.put(ResultColumns.EXECUTION_PREFIX + "java_version", Runtime.version().toString());
    constant.put(ResultColumns.EXECUTION_PREFIX + "extra_info", Map.of());
    constant.put(SystemConstants.CONTEXT_KEY, contextKey);
    String uri = pod.uri().joined();
    VectorSchemaRoot root =
        VectorSchemaRoot.create(
            new org.apache.arrow.vector.types.pojo.Schema(resultFields(out)), allocator);
    try {
      root.allocateNew();
      for (int i = 0; i < ids.size(); i++) {
        String id = ids.get(i);
        ArrowValues.write(root.getVector(ResultColumns.PACKET_ID), i, id);
        ArrowValues.write(root.getVector(ResultColumns.INPUT_PACKET_HASH), i, hashes.get(i));
        for (Map.Entry<String, @Nullable Object> e : constant.entrySet()) {
          ArrowValues.write(root.getVector(e.getKey()), i, e.getValue());
        }
        Map<String, @Nullable Object> v = values.get(i);
        for (String c : out.names()) {
          ArrowValues.write(root.getVector(c), i, v.get(c));
          ArrowValues.write(
              root.getVector(SystemConstants.sourceInfoColumn(c)),
              i,
              uri + SystemConstants.BLOCK_SEPARATOR + id + SystemConstants.BLOCK_SEPARATOR + c);
        }
        ArrowValues.write(root.getVector(ResultColumns.POD_TIMESTAMP), i, times.get(i));
      }
      for (FieldVector v : root.getFieldVectors()) {
        v.setValueCount(ids.size());
      }
      root.setRowCount(ids.size());
      return root;
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }

  /** The output table: input tags of the kept rows beside their output packets. */
  private static VectorSchemaRoot output(
      FunctionPod pod,
      BatchInput in,
      int[] inputRows,
      int[] src,
      int[] srcRow,
      boolean[] computed,
      @Nullable VectorSchemaRoot cached,
      VectorSchemaRoot fresh,
      BufferAllocator allocator) {
    List<FieldVector> cols = new ArrayList<>();
    try {
      for (String t : in.tagColumns()) {
        cols.add(Vectors.take(in.table().getVector(t), inputRows, allocator));
      }
      for (String t : in.systemTagColumns()) {
        cols.add(Vectors.take(in.table().getVector(t), inputRows, allocator));
      }
      Schema out = pod.function().outputSchema();
      List<String> names = new ArrayList<>(out.names());
      List<Field> fields = new ArrayList<>(out.fields());
      for (String c : out.names()) {
        names.add(SystemConstants.sourceInfoColumn(c));
        fields.add(string(SystemConstants.sourceInfoColumn(c), true));
      }
      for (int i = 0; i < names.size(); i++) {
        String c = names.get(i);
        List<@Nullable FieldVector> sources = new ArrayList<>();
        sources.add(cached == null ? null : cached.getVector(c));
        sources.add(fresh.getVector(c));
        cols.add(Vectors.gather(fields.get(i), sources, src, srcRow, allocator));
      }
      cols.add(Vectors.booleans(ResultColumns.COMPUTED, computed, allocator));
      VectorSchemaRoot root = new VectorSchemaRoot(cols);
      root.setRowCount(inputRows.length);
      return root;
    } catch (RuntimeException e) {
      cols.forEach(FieldVector::close);
      throw e;
    }
  }

  /**
   * The output table {@link #run} would produce for no rows: the same columns, in the same order,
   * with the same fields, built by the same code, so that a stream can state its schema for every
   * column configuration without calling the function.
   *
   * @param tagFields the input's tag fields, then its system-tag fields
   * @param tagColumns the names of the (non-system) tag fields
   */
  static VectorSchemaRoot emptyOutput(
      FunctionPod pod,
      List<Field> tagFields,
      List<String> tagColumns,
      String contextKey,
      BufferAllocator allocator) {
    List<String> sys = new ArrayList<>();
    for (Field f : tagFields) {
      if (!tagColumns.contains(f.getName())) {
        sys.add(f.getName());
      }
    }
    try (VectorSchemaRoot table =
            VectorSchemaRoot.create(
                new org.apache.arrow.vector.types.pojo.Schema(tagFields), allocator);
        VectorSchemaRoot fresh =
            resultRows(pod, contextKey, List.of(), List.of(), List.of(), List.of(), allocator)) {
      table.setRowCount(0);
      BatchInput in = new BatchInput(table, tagColumns, sys, List.of(), contextKey);
      int[] none = new int[0];
      return output(pod, in, none, none, none, new boolean[0], null, fresh, allocator);
    }
  }

  /** The identity structure of a function's signature, hashed into result rows. */
  static Object signatureStructure(PacketFunction fn) {
    return Identity.tuple(
        fn.canonicalName(),
        fn.inputSchema().identityStructure(),
        fn.outputSchema().identityStructure());
  }

  /**
   * The record id of a newly computed result: a name-based UUID of the function's uri and the input
   * packet hash, not a random one. A result is only computed when no stored row has its input hash,
   * so the id names exactly one result; and two processes racing on the same packet (both miss the
   * cache, both compute) write the same record id, so the database's skip-duplicates keeps one row
   * instead of two, and both processes' pipeline records name that row.
   */
  static String resultPacketId(FunctionPod pod, String inputHash) {
    String key = pod.uri().joined() + SystemConstants.BLOCK_SEPARATOR + inputHash;
    return java.util
        .UUID
        .nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .toString();
  }
}
