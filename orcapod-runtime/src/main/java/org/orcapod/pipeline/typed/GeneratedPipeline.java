package org.orcapod.pipeline.typed;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.error.OrcapodException;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.pipeline.RunOptions;
import org.orcapod.pipeline.RunResult;
import org.orcapod.source.ArrowTableSource;
import org.orcapod.source.SourceContext;
import org.orcapod.stream.StreamSchema;

/**
 * The base of every pipeline class the annotation processor generates from a {@code @Pipeline}
 * declaration: it holds the compiled {@link Pipeline}, runs and closes it, and gives the generated
 * builder its checks and its handling of the streams that only describe the DAG, so a generated
 * class holds only its constants, node handles, wiring and row readers and writers.
 *
 * <p>Closing a generated pipeline closes the compiled pipeline; the sources bound to it stay the
 * caller's.
 */
public abstract class GeneratedPipeline implements AutoCloseable {
  private final Pipeline pipeline;

  /**
   * @param pipeline the compiled pipeline; the new object owns it
   */
  protected GeneratedPipeline(Pipeline pipeline) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
  }

  /** The compiled runtime pipeline. */
  public final Pipeline pipeline() {
    return pipeline;
  }

  /** Runs the pipeline with the default options. */
  public final RunResult run() {
    return pipeline.run();
  }

  /** Runs the pipeline with {@code options}. */
  public final RunResult run(RunOptions options) {
    return pipeline.run(options);
  }

  /** Closes the pipeline (as {@code pipeline().close()} does); bound sources stay the caller's. */
  @Override
  public void close() {
    pipeline.close();
  }

  /**
   * Checks that the runtime computed for node {@code label} of {@code pipeline} the pipeline hash
   * the annotation processor computed from the declaration.
   *
   * @throws OrcapodException {@code Orcapod/PipelineHashDrift} naming the node, the pipeline and
   *     both hashes, when they differ
   */
  protected static void checkPipelineHash(Pipeline pipeline, String label, String declared) {
    String actual = pipeline.node(label).pipelineHash();
    if (!actual.equals(declared)) {
      throw new OrcapodException(
          "Orcapod/PipelineHashDrift",
          "node '"
              + label
              + "' of pipeline '"
              + pipeline.name()
              + "' has pipeline hash "
              + actual
              + " at run time, but the annotation processor computed "
              + declared
              + " from its declaration; compile with the orcapod-processor of the same version as"
              + " orcapod-runtime, and report it if they match");
    }
  }

  /**
   * Closes every resource in {@code owned}, the last added first, even when one fails, and empties
   * the list.
   *
   * @throws IllegalStateException when a resource fails to close: its cause is the first failure
   *     (in closing order), later failures are suppressed in it
   */
  protected static void closeAll(List<AutoCloseable> owned) {
    RuntimeException failure = null;
    for (int i = owned.size() - 1; i >= 0; i--) {
      try {
        owned.get(i).close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing a stream of the pipeline failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    owned.clear();
    if (failure != null) {
      throw failure;
    }
  }

  /** Adds {@code resource} to {@code owned} (to be closed by {@link #closeAll}) and returns it. */
  protected static <S extends AutoCloseable> S own(List<AutoCloseable> owned, S resource) {
    owned.add(resource);
    return resource;
  }

  /**
   * A source without rows with exactly {@code schema}; its id keeps two source nodes of one record
   * apart (the pipeline hash does not depend on it). The caller closes it.
   */
  protected static ArrowTableSource emptySource(
      StreamSchema schema, String sourceId, SourceContext context, BufferAllocator allocator) {
    List<Field> fields = new ArrayList<>(schema.tag().fields());
    fields.addAll(schema.packet().fields());
    try (VectorSchemaRoot table =
        VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(fields), allocator)) {
      table.setRowCount(0);
      return ArrowTableSource.builder(table, context)
          .tagColumns(schema.tag().names())
          .sourceId(sourceId)
          .build(allocator);
    }
  }

  /**
   * The base of a generated pipeline's builder: it binds the database, the allocator and the data
   * context; the generated subclass binds the source nodes and builds. The setters return the
   * generated builder, so they chain in any order with its source setters.
   *
   * @param <B> the generated builder
   */
  public abstract static class Builder<B extends Builder<B>> {
    private final String pipelineName;
    private @Nullable ArrowDatabase database;
    private @Nullable BufferAllocator allocator;
    private SourceContext context = SourceContext.defaultContext();

    /**
     * @param pipelineName the pipeline's name, for error messages
     */
    protected Builder(String pipelineName) {
      this.pipelineName = Objects.requireNonNull(pipelineName, "pipelineName");
    }

    @SuppressWarnings("unchecked") // B is the generated subclass, by the type's contract
    private B self() {
      return (B) this;
    }

    /**
     * Where the pipeline stores its records, results, logs and status; null (the default) keeps
     * nothing.
     */
    public final B database(@Nullable ArrowDatabase database) {
      this.database = database;
      return self();
    }

    /** The allocator the nodes use (required); it stays the caller's. */
    public final B allocator(BufferAllocator allocator) {
      this.allocator = Objects.requireNonNull(allocator, "allocator");
      return self();
    }

    /** The data context of the function pods and operators (default: the default context). */
    public final B context(SourceContext context) {
      this.context = Objects.requireNonNull(context, "context");
      return self();
    }

    /** The bound database, or null to keep nothing. */
    protected final @Nullable ArrowDatabase boundDatabase() {
      return database;
    }

    /** The bound data context. */
    protected final SourceContext boundContext() {
      return context;
    }

    /**
     * The bound allocator.
     *
     * @throws OrcapodException {@code Orcapod/MissingAllocator} when none was bound
     */
    protected final BufferAllocator requireAllocator() {
      BufferAllocator bound = allocator;
      if (bound == null) {
        throw new OrcapodException(
            "Orcapod/MissingAllocator",
            "pipeline '" + pipelineName + "' needs an allocator; call .allocator(allocator)");
      }
      return bound;
    }
  }
}
