package org.orcapod.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jspecify.annotations.Nullable;
import org.orcapod.error.MissingColumnException;
import org.orcapod.error.NoPacketColumnsException;
import org.orcapod.hashing.ContentHash;
import org.orcapod.schema.ArrowValues;
import org.orcapod.schema.Schema;
import org.orcapod.schema.SystemConstants;
import org.orcapod.stream.ArrowTableStream;
import org.orcapod.stream.Identity;
import org.orcapod.stream.StringColumns;
import org.orcapod.stream.VectorSharing;

/**
 * Python orcapod's source enrichment, on Arrow vectors: drops system columns, checks the tag and
 * record-id columns, computes the schema hash and the table hash, defaults the source id to the
 * table hash, and appends one {@code _source_<col>} column per packet column (tokens {@code
 * source_id::record_id::col}) and the two system-tag columns {@code _tag_source_id::<h12>} and
 * {@code _tag_record_id::<h12>}.
 *
 * <p>Record ids are {@code col=value} for a record-id column (value as Python's {@code str}) or
 * {@code row_<i>}. They are built once into a byte column; each source-info column is then written
 * by concatenating bytes into the vector, with no per-row strings.
 */
public final class SourceStreamBuilder {
  private final SourceContext context;

  /** A builder hashing with {@code context}. */
  public SourceStreamBuilder(SourceContext context) {
    this.context = context;
  }

  /**
   * What {@link #build} produced.
   *
   * @param stream the enriched stream (the caller owns and closes it)
   * @param schemaHash the 12-character schema hash in the system-tag column names
   * @param tableHash the Arrow hash of the input without system columns
   * @param sourceId the source id (given or the table hash's first 20 hex characters)
   * @param tagColumns the tag columns
   * @param systemTagColumns the user columns turned into system tags
   */
  public record Result(
      ArrowTableStream stream,
      String schemaHash,
      ContentHash tableHash,
      String sourceId,
      List<String> tagColumns,
      List<String> systemTagColumns) {}

  /**
   * Enriches {@code table} (left untouched; the caller still owns it) into a stream whose memory is
   * a child of {@code allocator}.
   *
   * @throws MissingColumnException naming a tag or record-id column that is not in the table
   * @throws NoPacketColumnsException when every data column is a tag column
   */
  public Result build(
      VectorSchemaRoot table,
      Collection<String> tagColumns,
      @Nullable String sourceId,
      @Nullable String recordIdColumn,
      Collection<String> systemTagColumns,
      BufferAllocator allocator) {
    List<String> tags = List.copyOf(tagColumns);
    List<FieldVector> dataVectors = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (FieldVector v : table.getFieldVectors()) {
      if (!SystemConstants.isSystemColumn(v.getName())) {
        dataVectors.add(v);
        names.add(v.getName());
      }
    }
    for (String t : tags) {
      if (!names.contains(t)) {
        throw new MissingColumnException("tag column", t, names);
      }
    }
    if (recordIdColumn != null && !names.contains(recordIdColumn)) {
      throw new MissingColumnException("record_id column", recordIdColumn, names);
    }
    List<Field> tagFields = new ArrayList<>();
    for (String t : tags) {
      tagFields.add(table.getVector(t).getField());
    }
    List<Field> packetFields = new ArrayList<>();
    for (FieldVector v : dataVectors) {
      if (!tags.contains(v.getName())) {
        packetFields.add(v.getField());
      }
    }
    if (packetFields.isEmpty()) {
      throw new NoPacketColumnsException(tags);
    }
    int rows = table.getRowCount();
    String schemaHash =
        context
            .semanticHasher()
            .hash(
                Identity.tuple(
                    Schema.of(tagFields).identityStructure(),
                    Schema.of(packetFields).identityStructure()))
            .toHex(SystemConstants.SCHEMA_HASH_CHARS);

    List<FieldVector> owned = new ArrayList<>();
    try (BufferAllocator work =
        allocator.newChildAllocator("source-enrichment", 0, Long.MAX_VALUE)) {
      try {
        for (FieldVector v : dataVectors) {
          owned.add(VectorSharing.share(v, v.getName(), work));
        }
        // A root is only a view; not closing it leaves the vectors to the stream.
        VectorSchemaRoot plain = new VectorSchemaRoot(List.copyOf(owned));
        plain.setRowCount(rows);
        ContentHash tableHash = context.arrowHasher().hashTable(plain);
        String sid = sourceId != null ? sourceId : tableHash.toHex(SystemConstants.PATH_HASH_CHARS);

        try (LargeVarCharVector recordIds =
            recordIds(
                recordIdColumn == null ? null : table.getVector(recordIdColumn), rows, work)) {
          byte[] prefix = (sid + SystemConstants.BLOCK_SEPARATOR).getBytes(StandardCharsets.UTF_8);
          for (Field p : packetFields) {
            byte[] suffix =
                (SystemConstants.BLOCK_SEPARATOR + p.getName()).getBytes(StandardCharsets.UTF_8);
            owned.add(
                StringColumns.concat(
                    SystemConstants.sourceInfoColumn(p.getName()),
                    prefix,
                    recordIds,
                    suffix,
                    work));
          }
          owned.add(
              ArrowTableStream.constantString(
                  SystemConstants.sourceIdTagColumn(schemaHash), sid, rows, work));
          owned.add(
              StringColumns.concat(
                  SystemConstants.recordIdTagColumn(schemaHash),
                  new byte[0],
                  recordIds,
                  new byte[0],
                  work));
        }
        ArrowTableStream stream;
        try (VectorSchemaRoot enriched = new VectorSchemaRoot(owned)) {
          enriched.setRowCount(rows);
          owned = List.of();
          stream =
              ArrowTableStream.builder(enriched, allocator)
                  .tagColumns(tags)
                  .systemTagColumns(systemTagColumns)
                  .contextKey(context.contextKey())
                  .arrowHasher(context.arrowHasher())
                  .build();
        }
        return new Result(stream, schemaHash, tableHash, sid, tags, List.copyOf(systemTagColumns));
      } finally {
        owned.forEach(FieldVector::close);
      }
    }
  }

  /** The record id of every row, {@code col=value} or {@code row_i}, as one string column. */
  private static LargeVarCharVector recordIds(
      @Nullable FieldVector column, int rows, BufferAllocator allocator) {
    LargeVarCharVector out =
        new LargeVarCharVector(
            new Field("record_id", FieldType.notNullable(ArrowType.LargeUtf8.INSTANCE), null),
            allocator);
    if (column == null) {
      // row_<i>, written as ASCII digits without a String per row
      out.allocateNew(Math.max(1L, 12L * rows), Math.max(rows, 1));
      byte[] scratch = new byte[24];
      scratch[0] = 'r';
      scratch[1] = 'o';
      scratch[2] = 'w';
      scratch[3] = '_';
      for (int i = 0; i < rows; i++) {
        int len = 4;
        int v = i;
        int digits = 1;
        for (int rest = v / 10; rest > 0; rest /= 10) {
          digits++;
        }
        for (int d = digits - 1; d >= 0; d--) {
          scratch[len + d] = (byte) ('0' + v % 10);
          v /= 10;
        }
        len += digits;
        out.setSafe(i, scratch, 0, len);
      }
    } else {
      out.allocateNew(Math.max(rows, 1));
      String prefix = column.getName() + "=";
      for (int i = 0; i < rows; i++) {
        String value = PythonStr.of(ArrowValues.read(column, i));
        out.setSafe(i, (prefix + value).getBytes(StandardCharsets.UTF_8));
      }
    }
    out.setValueCount(rows);
    return out;
  }
}
