package org.orcapod.function;

import java.util.ArrayList;
import java.util.List;
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
          return ArrowTableStream.builder(out, allocator)
              .tagColumns(keys.tag())
              .contextKey(pod.context().contextKey())
              .arrowHasher(pod.context().arrowHasher())
              .identity(identity::identityStructure, identity::pipelineIdentityStructure)
              .build();
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void sneakyThrow(Throwable t) throws E {
    throw (E) t;
  }

  /**
   * Tags (system tags included) pass through unchanged and the packet columns are the function's
   * outputs, so data-only and system-tag schemas are known without computing. Reading a stream's
   * schema must never run user code: a downstream pod validates its input schema while the DAG is
   * being built, long before any run. Source-info, meta, context and content-hash columns depend on
   * the computed rows' provenance, so those configurations compute.
   */
  private static boolean predictable(ColumnConfig config) {
    return !config.meta()
        && config.metaColumns().isEmpty()
        && !config.context()
        && !config.source()
        && config.contentHashColumn() == null;
  }

  @Override
  public StreamKeys keys(ColumnConfig config) {
    if (predictable(config)) {
      return new StreamKeys(input.keys(config).tag(), pod.function().outputSchema().names());
    }
    return result().keys(config);
  }

  @Override
  public StreamSchema outputSchema(ColumnConfig config) {
    if (predictable(config)) {
      return new StreamSchema(input.outputSchema(config).tag(), pod.function().outputSchema());
    }
    return result().outputSchema(config);
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
