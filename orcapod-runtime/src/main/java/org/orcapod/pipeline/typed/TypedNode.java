package org.orcapod.pipeline.typed;

import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.pipeline.PipelineNode;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.stream.Stream;

/**
 * One node of a generated pipeline, typed by its row record: {@code lab.readings().rows()} returns
 * {@code Reading} records.
 *
 * @param <R> the node's row record
 */
public final class TypedNode<R> {
  private final Pipeline pipeline;
  private final String label;
  private final Class<R> rowType;
  private final RowReader<R> reader;
  private final BufferAllocator allocator;

  /**
   * A handle on the node {@code label} of the compiled {@code pipeline}.
   *
   * @param rowType the row record
   * @param reader reads the node's table into records
   * @param allocator where {@link #rows()} reads the node's table
   */
  public TypedNode(
      Pipeline pipeline,
      String label,
      Class<R> rowType,
      RowReader<R> reader,
      BufferAllocator allocator) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.label = Objects.requireNonNull(label, "label");
    this.rowType = Objects.requireNonNull(rowType, "rowType");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.allocator = Objects.requireNonNull(allocator, "allocator");
  }

  /** The node's label (its method name or {@code @Label}). */
  public String label() {
    return label;
  }

  /** The node's row record. */
  public Class<R> rowType() {
    return rowType;
  }

  /** The compiled node. */
  public PipelineNode node() {
    return pipeline.node(label);
  }

  /** The node's output stream. */
  public Stream stream() {
    return node().node();
  }

  /**
   * The node's pipeline hash: its identity from schemas, functions and operators only, independent
   * of the data.
   */
  public String pipelineHash() {
    return node().pipelineHash();
  }

  /** The node's content hash (depends on the bound sources' data). */
  public String contentHash() {
    return node().contentHash();
  }

  /** The node's rows as records, in the node's row order; read them after the pipeline ran. */
  public List<R> rows() {
    try (VectorSchemaRoot table = stream().asTable(ColumnConfig.dataOnly(), allocator)) {
      return reader.read(table);
    }
  }

  @Override
  public String toString() {
    return "TypedNode[" + pipeline.name() + "/" + label + ": " + rowType.getSimpleName() + "]";
  }
}
