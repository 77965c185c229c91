package org.orcapod.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.jspecify.annotations.Nullable;
import org.orcapod.operator.PipelineView;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.stream.ArrowTableStream;
import org.orcapod.stream.DelegatingStream;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamKeys;
import org.orcapod.stream.StreamSchema;

/**
 * The output of a function pod over one input stream, as Python orcapod's {@code
 * FunctionPodStream}: computed on first read (all rows, through the pod's result cache when it has
 * one), identified by {@code (pod, {input})}. Closing it releases the output, never the input.
 */
public final class FunctionPodStream extends DelegatingStream {
  private final FunctionPod pod;
  private final Stream input;
  private final BufferAllocator allocator;
  private @Nullable ArrowTableStream result;
  private boolean closed;
  private final Map<ColumnConfig, StreamSchema> predictions = new ConcurrentHashMap<>();

  FunctionPodStream(FunctionPod pod, Stream input, BufferAllocator allocator) {
    this.pod = pod;
    this.input = input;
    this.allocator = allocator;
  }

  /** The pod. */
  public FunctionPod pod() {
    return pod;
  }

  /** The (combined) input stream. */
  public Stream input() {
    return input;
  }

  /** The computed output, computing it on first call. */
  public synchronized ArrowTableStream result() {
    if (closed) {
      throw new IllegalStateException("the function pod stream is closed");
    }
    if (result == null) {
      result = compute(pod, input, ErrorPolicy.FAIL_FAST, PacketObserver.NO_OP, allocator, this);
    }
    return result;
  }

  @Override
  protected Stream delegate() {
    return result();
  }

  /** Reads {@code input} as one batch, runs the loop and wraps the output as a stream. */
  static ArrowTableStream compute(
      FunctionPod pod,
      Stream input,
      ErrorPolicy policy,
      PacketObserver observer,
      BufferAllocator allocator,
      Stream identity) {
    StreamKeys keys = input.keys();
    List<String> sys =
        new ArrayList<>(input.keys(ColumnConfig.dataOnly().withSystemTags(true)).tag());
    sys.removeAll(keys.tag());
    try (VectorSchemaRoot table =
        input.asTable(ColumnConfig.dataOnly().withSystemTags(true).withSource(true), allocator)) {
      BatchInput in =
          new BatchInput(table, keys.tag(), sys, keys.packet(), pod.context().contextKey());
      String[] hashes =
          Vectors.rowHashes(
              table, keys.packet(), List.of(), pod.context().arrowHasher(), allocator);
      try (PacketLoop.Outcome outcome =
          PacketLoop.run(
              pod, in, hashes, null, observer, policy, pod.uri().components(), allocator)) {
        ResultCache cache = pod.resultCache();
        if (cache != null) {
          cache.database().flush();
        }
        if (outcome.failure() != null) {
          sneakyThrow(outcome.failure());
        }
        try (VectorSchemaRoot out = outcome.takeOutput()) {
          return wrap(pod, out, keys.tag(), allocator, identity);
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void sneakyThrow(Throwable t) throws E {
    throw (E) t;
  }

  /** The output table as a stream, as {@link #compute} and {@link #predicted} both build it. */
  private static ArrowTableStream wrap(
      FunctionPod pod,
      VectorSchemaRoot out,
      List<String> tagColumns,
      BufferAllocator allocator,
      Stream identity) {
    return ArrowTableStream.builder(out, allocator)
        .tagColumns(tagColumns)
        .contextKey(pod.context().contextKey())
        .arrowHasher(pod.context().arrowHasher())
        .identity(identity::identityStructure, identity::pipelineIdentityStructure)
        .build();
  }

  /**
   * The schema under {@code config}, predicted without computing: reading a stream's schema must
   * never run user code, because operators and downstream pods validate their inputs while the DAG
   * is being defined, long before any run. Tags and system tags pass through from the input
   * unchanged; the packet columns are the function's outputs, with one {@code _source_<output>}
   * column each (as Python orcapod), the {@code __computed} meta column and the context column. The
   * prediction wraps the loop's own output table for zero rows, built by the code that builds the
   * real one, so the prediction is the computed table's schema by construction.
   */
  private StreamSchema predicted(ColumnConfig config) {
    ColumnConfig key = config.withSortByTags(false);
    StreamSchema known = predictions.get(key);
    if (known != null) {
      return known;
    }
    StreamSchema inputTags = input.outputSchema(ColumnConfig.dataOnly().withSystemTags(true));
    List<String> tagColumns = input.keys().tag();
    StreamSchema s;
    try (VectorSchemaRoot empty =
            PacketLoop.emptyOutput(
                pod, inputTags.tag().fields(), tagColumns, pod.context().contextKey(), allocator);
        ArrowTableStream shape = wrap(pod, empty, tagColumns, allocator, this)) {
      s = shape.outputSchema(key);
    }
    predictions.putIfAbsent(key, s);
    return s;
  }

  @Override
  public StreamKeys keys(ColumnConfig config) {
    StreamSchema s = predicted(config);
    return new StreamKeys(s.tag().names(), s.packet().names());
  }

  @Override
  public StreamSchema outputSchema(ColumnConfig config) {
    return predicted(config);
  }

  /** Python's {@code (pod, frozenset({input}))}. */
  @Override
  public Object identityStructure() {
    return pod.identityOn(input);
  }

  /** As the content identity, with the input standing for its pipeline identity. */
  @Override
  public Object pipelineIdentityStructure() {
    return pod.identityOn(PipelineView.of(input));
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (result != null) {
      result.close();
      result = null;
    }
  }
}
