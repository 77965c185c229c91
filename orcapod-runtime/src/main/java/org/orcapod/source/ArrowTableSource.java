package org.orcapod.source;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.orcapod.stream.VectorSharing;

/**
 * A source over an Arrow table, as Python orcapod's {@code ArrowTableSource}. The table's
 * nullability flags are trusted unless {@code inferNullable} is set, which marks a field nullable
 * exactly when it holds a null (as Python's {@code infer_schema_nullable}).
 */
public final class ArrowTableSource extends RootSource {
  private ArrowTableSource(SourceStreamBuilder.Result result, SourceContext context) {
    super(result, context);
  }

  @Override
  protected String pythonClassName() {
    return "ArrowTableSource";
  }

  /**
   * Options of an {@link ArrowTableSource}: by default no tag columns and the source id is the
   * first 20 hex characters of the table's hash.
   */
  public static final class Builder extends SourceOptions<Builder> {
    private final VectorSchemaRoot table;
    private final SourceContext context;
    private boolean inferNullable;

    private Builder(VectorSchemaRoot table, SourceContext context) {
      this.table = table;
      this.context = context;
    }

    @Override
    Builder self() {
      return this;
    }

    /** Derive nullability from the data instead of trusting the table's flags. */
    public Builder inferNullable(boolean value) {
      this.inferNullable = value;
      return this;
    }

    /**
     * Builds the source; its memory is a child of {@code allocator}; the table stays the caller's.
     */
    public ArrowTableSource build(BufferAllocator allocator) {
      SourceStreamBuilder builder = new SourceStreamBuilder(context);
      if (!inferNullable) {
        return new ArrowTableSource(
            builder.build(
                table,
                tagColumnsOrNone(),
                givenSourceId(),
                givenRecordIdColumn(),
                givenSystemTagColumns(),
                allocator),
            context);
      }
      try (VectorSchemaRoot inferred = withInferredNullability(table, allocator)) {
        return new ArrowTableSource(
            builder.build(
                inferred,
                tagColumnsOrNone(),
                givenSourceId(),
                givenRecordIdColumn(),
                givenSystemTagColumns(),
                allocator),
            context);
      }
    }
  }

  /** Starts a source over {@code table}. */
  public static Builder builder(VectorSchemaRoot table, SourceContext context) {
    return new Builder(table, context);
  }

  /**
   * A view of {@code table} (sharing buffers) whose top-level fields are nullable exactly when they
   * hold a null, as Python's {@code infer_schema_nullable}.
   */
  static VectorSchemaRoot withInferredNullability(VectorSchemaRoot table, BufferAllocator alloc) {
    List<FieldVector> out = new ArrayList<>();
    int rows = table.getRowCount();
    for (FieldVector v : table.getFieldVectors()) {
      Field f = v.getField();
      boolean nullable = v.getNullCount() > 0;
      Field nf =
          new Field(
              f.getName(),
              new FieldType(nullable, f.getType(), f.getDictionary(), f.getMetadata()),
              f.getChildren());
      out.add(VectorSharing.share(v, nf, alloc));
    }
    VectorSchemaRoot root = new VectorSchemaRoot(out);
    root.setRowCount(rows);
    return root;
  }
}
