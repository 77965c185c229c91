package org.orcapod.database.memory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.InvalidRecordsException;
import org.orcapod.database.RecordPath;
import org.orcapod.database.RecordSchemaMismatchException;

/**
 * Rows handed to {@code addRecords}, validated: their record ids (the last row of a repeated id
 * wins), the data columns without the id column, and which source row each id takes.
 *
 * @param path the full record path the rows go to (for messages)
 * @param schema the data columns
 * @param vectors the caller's data vectors, in schema order (not owned)
 * @param rows record id to source row, in first-seen order
 */
public record IncomingRecords(
    RecordPath path, Schema schema, List<FieldVector> vectors, Map<String, Integer> rows) {

  /** Validates rows whose ids are in column {@code idColumn}. */
  public static IncomingRecords of(RecordPath path, VectorSchemaRoot root, String idColumn) {
    FieldVector idVector = root.getVector(idColumn);
    if (idVector == null) {
      throw new InvalidRecordsException(
          "Records for "
              + path
              + " have no record-id column \""
              + idColumn
              + "\"; columns are "
              + columnNames(root.getSchema())
              + ". Pass the name of the column holding the ids.");
    }
    int n = root.getRowCount();
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (idVector.isNull(i)) {
        throw new InvalidRecordsException(
            "Records for "
                + path
                + ": record-id column \""
                + idColumn
                + "\" is null in row "
                + i
                + "; every row needs an id");
      }
      if (idVector instanceof VarCharVector v) {
        ids.add(new String(v.get(i), StandardCharsets.UTF_8));
      } else if (idVector instanceof LargeVarCharVector v) {
        ids.add(new String(v.get(i), StandardCharsets.UTF_8));
      } else {
        throw new InvalidRecordsException(
            "Records for "
                + path
                + ": record-id column \""
                + idColumn
                + "\" has type "
                + idVector.getField().getType()
                + "; it must be utf8 or large_utf8");
      }
    }
    List<Field> fields = new ArrayList<>();
    List<FieldVector> vectors = new ArrayList<>();
    for (FieldVector v : root.getFieldVectors()) {
      if (v != idVector) {
        fields.add(v.getField());
        vectors.add(v);
      }
    }
    return of(path, new Schema(fields), vectors, ids);
  }

  /** Validates rows that all share one record id. */
  public static IncomingRecords withId(RecordPath path, VectorSchemaRoot root, String id) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < root.getRowCount(); i++) {
      ids.add(id);
    }
    return of(path, root.getSchema(), root.getFieldVectors(), ids);
  }

  private static IncomingRecords of(
      RecordPath path, Schema schema, List<FieldVector> vectors, List<String> ids) {
    Set<String> seen = new HashSet<>();
    for (Field f : schema.getFields()) {
      String name = f.getName();
      if (name.equals(ArrowDatabase.RECORD_ID_COLUMN)) {
        throw new InvalidRecordsException(
            "Records for "
                + path
                + " have a data column named \""
                + name
                + "\", which the database uses for record ids; rename it or pass it as the"
                + " record-id column");
      }
      if (name.isEmpty() || name.indexOf('\0') >= 0) {
        throw new InvalidRecordsException(
            "Records for "
                + path
                + " have a column named \""
                + name
                + "\"; column names must be"
                + " non-empty and free of NUL characters");
      }
      if (!seen.add(name)) {
        throw new InvalidRecordsException(
            "Records for " + path + " have two columns named \"" + name + "\"; rename one");
      }
    }
    Map<String, Integer> rows = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      rows.put(ids.get(i), i);
    }
    return new IncomingRecords(path, schema, List.copyOf(vectors), rows);
  }

  /**
   * Checks that these rows have the columns already stored under the path.
   *
   * @throws RecordSchemaMismatchException if names or types differ
   */
  public void requireSchema(Schema stored) {
    if (!sameColumns(stored, schema)) {
      throw new RecordSchemaMismatchException(
          "Records for "
              + path
              + " have columns "
              + describe(schema)
              + " but "
              + describe(stored)
              + " are stored under that path; write them under another path or convert them");
    }
  }

  /** Same column names and types, nested children included; nullability may differ. */
  public static boolean sameColumns(Schema a, Schema b) {
    return sameFields(a.getFields(), b.getFields());
  }

  private static boolean sameFields(List<Field> a, List<Field> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      Field x = a.get(i);
      Field y = b.get(i);
      if (!x.getName().equals(y.getName())
          || !x.getType().equals(y.getType())
          || !sameFields(x.getChildren(), y.getChildren())) {
        return false;
      }
    }
    return true;
  }

  static String describe(Schema schema) {
    List<String> parts = new ArrayList<>();
    for (Field f : schema.getFields()) {
      parts.add(f.getName() + ": " + f.getType() + (f.getChildren().isEmpty() ? "" : "<…>"));
    }
    return parts.toString();
  }

  private static List<String> columnNames(Schema schema) {
    List<String> names = new ArrayList<>();
    schema.getFields().forEach(f -> names.add(f.getName()));
    return names;
  }
}
