package org.orcapod.execution.logs;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;
import org.orcapod.execution.PacketLogger;

/**
 * Collects execution log rows and builds them as one Arrow batch.
 *
 * <p>Column order: the context columns of {@link LogColumns#CONTEXT}; then one {@code __}-prefixed
 * column per recorded field, in the order first recorded; then one column per tag, bare-named, in
 * the order first seen. A row lacking a column holds null there.
 *
 * <p>Types follow Python orcapod: every column is {@code large_utf8} (values as {@link
 * String#valueOf}) except boolean fields, which are {@code bool}. {@code __success} is always
 * {@code bool}; the other standard fields and every context column are always {@code large_utf8}; a
 * custom field is {@code bool} only if all its non-null values are booleans.
 *
 * <p>Not thread-safe: one builder per writer.
 */
public final class LogRowBuilder {
  private static final DateTimeFormatter TIMESTAMP_FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final Supplier<String> logIds;
  private final List<Map<String, @Nullable Object>> rows = new ArrayList<>();
  private final LinkedHashMap<String, ColumnKind> fieldColumns = new LinkedHashMap<>();
  private final LinkedHashMap<String, ColumnKind> tagColumns = new LinkedHashMap<>();

  /** A builder stamping rows with the system UTC clock and random UUIDv7 ids. */
  public LogRowBuilder() {
    this(Clock.systemUTC(), null);
  }

  /**
   * A builder with a given clock and id source, for reproducible rows in tests.
   *
   * @param logIds supplies {@code __log_id} values; {@code null} for UUIDv7 from {@code clock}
   */
  public LogRowBuilder(Clock clock, @Nullable Supplier<String> logIds) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.logIds = logIds != null ? logIds : () -> UuidV7.next(clock.millis()).toString();
  }

  /**
   * Adds a row and returns its {@code __log_id} (usable as the database record id).
   *
   * @param context the run and node the row belongs to
   * @param tags the packet's tag values by column name, in column order
   * @param fields what the executor recorded (see {@link PacketLogger}), unprefixed
   * @throws LogColumnCollisionException if a tag name starts with {@code __}, a field name is
   *     empty, or a field would land on a context column
   */
  public String addRow(
      LogContext context, Map<String, ?> tags, Map<String, ? extends @Nullable Object> fields) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(fields, "fields");
    Map<String, @Nullable Object> row = new HashMap<>();
    String logId = logIds.get();
    Instant now = clock.instant();
    row.put(LogColumns.LOG_ID, logId);
    row.put(LogColumns.RUN_ID, context.runId());
    row.put(LogColumns.NODE_LABEL, context.nodeLabel());
    row.put(LogColumns.NODE_HASH, context.nodeHash());
    row.put(LogColumns.TIMESTAMP, TIMESTAMP_FORMAT.format(now));

    Map<String, ColumnKind> newFields = new LinkedHashMap<>();
    for (Map.Entry<String, ? extends @Nullable Object> field : fields.entrySet()) {
      String column = fieldColumn(field.getKey());
      Object value = field.getValue();
      row.put(column, value);
      ColumnKind known = fieldColumns.get(column);
      newFields.put(column, ColumnKind.merge(known, column, value));
    }
    Map<String, ColumnKind> newTags = new LinkedHashMap<>();
    for (Map.Entry<String, ?> tag : tags.entrySet()) {
      String column = Objects.requireNonNull(tag.getKey(), "tag name");
      if (column.startsWith(LogColumns.PREFIX)) {
        throw new LogColumnCollisionException(
            column,
            "tag column '"
                + column
                + "' starts with '__', which log tables reserve for system columns; rename the"
                + " tag");
      }
      row.put(column, tag.getValue());
      newTags.put(column, ColumnKind.UTF8);
    }
    // Commit only after every check passed, so a rejected row leaves the builder unchanged.
    fieldColumns.putAll(newFields);
    newTags.forEach(tagColumns::putIfAbsent);
    rows.add(row);
    return logId;
  }

  private static String fieldColumn(@Nullable String fieldName) {
    if (fieldName == null || fieldName.isEmpty()) {
      throw new LogColumnCollisionException(
          String.valueOf(fieldName),
          "an executor recorded a field with an empty name; every recorded field needs a name");
    }
    String column = LogColumns.forField(fieldName);
    if (LogColumns.CONTEXT.contains(column)) {
      throw new LogColumnCollisionException(
          column,
          "recorded field '"
              + fieldName
              + "' would become the context column '"
              + column
              + "'; the executor must record it under another name");
    }
    return column;
  }

  /** The number of rows added so far. */
  public int rowCount() {
    return rows.size();
  }

  /** The schema {@link #build} will produce for the rows added so far. */
  public Schema schema() {
    List<Field> fields = new ArrayList<>();
    for (String column : LogColumns.CONTEXT) {
      fields.add(Field.nullable(column, ColumnKind.UTF8.arrowType()));
    }
    fieldColumns.forEach((name, kind) -> fields.add(Field.nullable(name, kind.arrowType())));
    tagColumns.forEach((name, kind) -> fields.add(Field.nullable(name, kind.arrowType())));
    return new Schema(fields);
  }

  /**
   * Builds the rows added so far as a new batch; the caller owns (and closes) it. The builder keeps
   * its rows, so build once and then {@link #clear()}.
   */
  public VectorSchemaRoot build(BufferAllocator allocator) {
    Schema schema = schema();
    VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
    try {
      for (FieldVector vector : root.getFieldVectors()) {
        String column = vector.getName();
        for (int i = 0; i < rows.size(); i++) {
          set(vector, i, rows.get(i).get(column));
        }
        vector.setValueCount(rows.size());
      }
      root.setRowCount(rows.size());
      return root;
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }

  /** Forgets the rows and columns added so far. */
  public void clear() {
    rows.clear();
    fieldColumns.clear();
    tagColumns.clear();
  }

  private static void set(FieldVector vector, int index, @Nullable Object value) {
    if (vector instanceof BitVector) {
      BitVector bits = (BitVector) vector;
      if (value == null) {
        bits.setNull(index);
      } else {
        bits.setSafe(index, ((Boolean) value) ? 1 : 0);
      }
    } else {
      LargeVarCharVector text = (LargeVarCharVector) vector;
      if (value == null) {
        text.setNull(index);
      } else {
        text.setSafe(index, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /** The Arrow type a column gets. */
  private enum ColumnKind {
    UTF8,
    BOOL,
    /** A custom field seen only with null values so far; written as {@code large_utf8}. */
    UNTYPED;

    ArrowType arrowType() {
      return this == BOOL ? ArrowType.Bool.INSTANCE : ArrowType.LargeUtf8.INSTANCE;
    }

    /** The kind of a field column after seeing {@code value}, given its kind so far. */
    static ColumnKind merge(@Nullable ColumnKind known, String column, @Nullable Object value) {
      if (column.equals(LogColumns.SUCCESS)) {
        if (value != null && !(value instanceof Boolean)) {
          throw new LogColumnCollisionException(
              column,
              "the '"
                  + PacketLogger.SUCCESS
                  + "' field must be a Boolean but an executor recorded "
                  + value
                  + " ("
                  + value.getClass().getSimpleName()
                  + ")");
        }
        return BOOL;
      }
      if (isStandardText(column)) {
        return UTF8;
      }
      if (value == null) {
        return known != null ? known : UNTYPED;
      }
      boolean bool = value instanceof Boolean;
      if (known == null || known == UNTYPED) {
        return bool ? BOOL : UTF8;
      }
      return known == BOOL && bool ? BOOL : UTF8;
    }

    private static boolean isStandardText(String column) {
      return column.equals(LogColumns.STDOUT)
          || column.equals(LogColumns.STDERR)
          || column.equals(LogColumns.LOGS)
          || column.equals(LogColumns.TRACEBACK);
    }
  }
}
