package org.orcapod.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;
import org.orcapod.hashing.ContentHash;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.stream.ArrowTableStream;
import org.orcapod.stream.DelegatingStream;
import org.orcapod.stream.Identity;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamKeys;
import org.orcapod.stream.StreamSchema;

/**
 * The output of an operator applied to input streams, as Python orcapod's {@code DynamicPodStream}:
 * computed on first use of its rows, identified by {@code (operator, argument_symmetry(inputs))}
 * for both its content identity and (with inputs replaced by their pipeline identities) its
 * pipeline identity.
 *
 * <p>Schemas and keys never compute the output: data and system-tag columns are the operator's
 * prediction, and the other column groups (source info, meta, context, content hash) come from the
 * operator run over row-less stand-ins of its inputs. Closing the stream releases the computed
 * output but never the inputs.
 */
public final class OperatorStream extends DelegatingStream {
  private final Operator operator;
  private final OperatorContext context;
  private final List<Stream> inputs;
  private @Nullable Stream result;
  private boolean owned;
  private boolean closed;
  private final Map<ColumnConfig, StreamSchema> predictions = new ConcurrentHashMap<>();

  OperatorStream(Operator operator, OperatorContext context, List<? extends Stream> inputs) {
    this.operator = operator;
    this.context = context;
    this.inputs = List.copyOf(inputs);
  }

  /** The operator that produces this stream. */
  public Operator operator() {
    return operator;
  }

  /** The input streams, in the order given. */
  public List<Stream> inputs() {
    return inputs;
  }

  /** The computed output (computing it on first call). */
  public synchronized Stream result() {
    if (closed) {
      throw new IllegalStateException("the operator stream is closed");
    }
    if (result == null) {
      Stream r = operator.staticProcess(context, inputs);
      boolean isInput = false;
      for (Stream in : inputs) {
        isInput |= in == r;
      }
      owned = !isInput;
      result = r;
    }
    return result;
  }

  @Override
  protected Stream delegate() {
    return result();
  }

  private static boolean predictable(ColumnConfig c) {
    return !c.meta()
        && c.metaColumns().isEmpty()
        && !c.context()
        && !c.source()
        && c.contentHashColumn() == null;
  }

  @Override
  public StreamKeys keys(ColumnConfig config) {
    StreamSchema s = outputSchema(config);
    return new StreamKeys(s.tag().names(), s.packet().names());
  }

  /**
   * Never computes the output: reading a schema must not run user code upstream, because operators
   * validate their inputs while the DAG is being defined. Data and system-tag columns are the
   * operator's prediction; the other column groups (source info, meta, context, content hash) come
   * from running the operator over row-less stand-ins of its inputs ({@link
   * ArrowTableStream#emptyLike}), so they are exactly what the operator's code builds.
   */
  @Override
  public StreamSchema outputSchema(ColumnConfig config) {
    if (predictable(config)) {
      return operator.outputSchema(context, inputs, config.systemTags());
    }
    ColumnConfig key = config.withSortByTags(false);
    StreamSchema known = predictions.get(key);
    if (known != null) {
      return known;
    }
    StreamSchema s = overEmptyInputs(key);
    predictions.putIfAbsent(key, s);
    return s;
  }

  private StreamSchema overEmptyInputs(ColumnConfig config) {
    List<Stream> standIns = new ArrayList<>();
    try {
      for (Stream in : inputs) {
        standIns.add(ArrowTableStream.emptyLike(in, context.allocator()));
      }
      Stream out = operator.staticProcess(context, standIns);
      boolean isInput = false;
      for (Stream in : standIns) {
        isInput |= in == out;
      }
      try {
        return out.outputSchema(config);
      } finally {
        if (!isInput) {
          out.close();
        }
      }
    } finally {
      for (Stream in : standIns) {
        in.close();
      }
    }
  }

  /** Python's {@code (pod, pod.argument_symmetry(upstreams))}. */
  @Override
  public Object identityStructure() {
    return Identity.tuple(operator, operator.argumentSymmetry(inputs));
  }

  /** As the content identity, with every input standing for its pipeline identity. */
  @Override
  public Object pipelineIdentityStructure() {
    return Identity.tuple(operator, operator.argumentSymmetry(PipelineView.of(inputs)));
  }

  /** This stream's content hash under the context's semantic hasher. */
  public ContentHash contentHash() {
    return context.contentHash(this);
  }

  /** This stream's pipeline hash under the context's semantic hasher. */
  public ContentHash pipelineHash() {
    return context.pipelineHash(this);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    Stream r = result;
    result = null;
    if (r != null && owned) {
      r.close();
    }
  }

  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    for (Field f : operator.outputSchema(context, inputs, false).tag().fields()) {
      names.add(f.getName());
    }
    return "OperatorStream{" + operator + ", tags=" + names + ", inputs=" + inputs.size() + "}";
  }
}
