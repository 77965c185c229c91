package org.orcapod.source;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;

/**
 * A source over rows given as maps (Python orcapod's {@code DictSource}) or as Java records: each
 * row becomes one (tag, packet) pair. Without an explicit schema, types and nullability are
 * inferred from the values ({@link RowTables#inferFields}); records use their components' types.
 */
public final class DictSource extends RootSource {
  private DictSource(SourceStreamBuilder.Result result, SourceContext context) {
    super(result, context);
  }

  @Override
  protected String pythonClassName() {
    return "DictSource";
  }

  /**
   * A source over {@code rows} with inferred types.
   *
   * @param rows the rows; keys are column names
   * @param tagColumns the tag columns
   * @param sourceId the source id, or null for the table hash
   */
  public static DictSource of(
      List<? extends Map<String, ?>> rows,
      Collection<String> tagColumns,
      @Nullable String sourceId,
      SourceContext context,
      BufferAllocator allocator) {
    return of(RowTables.inferFields(rows), rows, tagColumns, sourceId, context, allocator);
  }

  /** A source over {@code rows} with the explicit {@code fields} (types and nullability). */
  public static DictSource of(
      List<Field> fields,
      List<? extends Map<String, ?>> rows,
      Collection<String> tagColumns,
      @Nullable String sourceId,
      SourceContext context,
      BufferAllocator allocator) {
    try (VectorSchemaRoot table = RowTables.fromMaps(fields, rows, allocator)) {
      return new DictSource(
          new SourceStreamBuilder(context)
              .build(table, tagColumns, sourceId, null, List.of(), allocator),
          context);
    }
  }

  /**
   * A source over Java records, typed by the record components ({@code @Nullable} or {@code
   * Optional} components are nullable, all others not).
   */
  public static <R extends Record> DictSource ofRecords(
      Class<R> type,
      List<R> records,
      Collection<String> tagColumns,
      @Nullable String sourceId,
      SourceContext context,
      BufferAllocator allocator) {
    return of(
        RowTables.recordFields(type),
        RowTables.recordRows(records),
        tagColumns,
        sourceId,
        context,
        allocator);
  }
}
