package org.orcapod.function;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;
import org.orcapod.datagram.Packet;
import org.orcapod.datagram.Tag;
import org.orcapod.schema.ArrowValues;
import org.orcapod.schema.Schema;
import org.orcapod.schema.SystemConstants;

/**
 * The rows a function pod works on, as one Arrow table: tag columns, system-tag columns, packet
 * columns and (optionally) the packets' {@code _source_<column>} columns. The caller owns the
 * table.
 *
 * @param table the rows
 * @param tagColumns the tag columns, in tag order
 * @param systemTagColumns the {@code _tag_…} columns
 * @param packetColumns the input packet columns
 * @param contextKey the data context key of the input packets
 */
public record BatchInput(
    VectorSchemaRoot table,
    List<String> tagColumns,
    List<String> systemTagColumns,
    List<String> packetColumns,
    String contextKey) {
  /** Copies the lists. */
  public BatchInput {
    Objects.requireNonNull(table, "table");
    tagColumns = List.copyOf(tagColumns);
    systemTagColumns = List.copyOf(systemTagColumns);
    packetColumns = List.copyOf(packetColumns);
    Objects.requireNonNull(contextKey, "contextKey");
  }

  /** The number of rows. */
  public int rowCount() {
    return table.getRowCount();
  }

  /** The input values of row {@code row} by packet column name. */
  public Map<String, @Nullable Object> packetValues(int row) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    for (String p : packetColumns) {
      m.put(p, ArrowValues.read(table.getVector(p), row));
    }
    return m;
  }

  /** The source-info column of packet column {@code column}, or null if the table has none. */
  public @Nullable FieldVector sourceVector(String column) {
    return table.getVector(SystemConstants.sourceInfoColumn(column));
  }

  /** Row {@code row}'s tag as a datagram (for observers). */
  public Tag tag(int row) {
    Map<String, @Nullable Object> values = new LinkedHashMap<>();
    for (String t : tagColumns) {
      values.put(t, ArrowValues.read(table.getVector(t), row));
    }
    Map<String, String> sys = new LinkedHashMap<>();
    for (String s : systemTagColumns) {
      String v = Vectors.string(table.getVector(s), row);
      sys.put(s, v == null ? "None" : v);
    }
    return new Tag(schemaOf(tagColumns), values, sys, Map.of(), contextKey);
  }

  /** Row {@code row}'s input packet as a datagram (for observers). */
  public Packet packet(int row) {
    Map<String, @Nullable String> source = new LinkedHashMap<>();
    for (String p : packetColumns) {
      FieldVector s = sourceVector(p);
      source.put(p, s == null ? null : Vectors.string(s, row));
    }
    return new Packet(schemaOf(packetColumns), packetValues(row), source, Map.of(), contextKey);
  }

  private Schema schemaOf(List<String> names) {
    List<Field> fields = new java.util.ArrayList<>();
    for (String n : names) {
      fields.add(table.getVector(n).getField());
    }
    return Schema.of(fields);
  }
}
