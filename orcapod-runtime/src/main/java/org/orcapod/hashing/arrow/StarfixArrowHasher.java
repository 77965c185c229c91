package org.orcapod.hashing.arrow;

import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;
import org.orcapod.hashing.ArrowHasher;
import org.orcapod.hashing.ContentHash;

/**
 * The Arrow table hasher of data context {@code std:v0.1} ({@code arrow_v0.1}): the hash Python
 * orcapod's {@code StarfixArrowHasher} gives the same table.
 *
 * <p>That is starfix 0.2.0's digest of the table after orcapod's re-typing of struct and list
 * columns (see {@link OrcapodRetyping}), with one deliberate difference: boolean bits are packed as
 * if the table were a single batch, so the hash never depends on how rows are split into batches
 * (starfix 0.2.0 packs them per batch). For a single batch the two agree.
 *
 * <p>Semantic structs (orcapod's path structs, which Python replaces by the hash of the file they
 * name) are not resolved here: the caller converts them first. Stateless and thread-safe.
 */
public final class StarfixArrowHasher implements ArrowHasher {
  /** The method id of Python orcapod's context {@code std:v0.1} for Arrow hashes. */
  public static final String HASHER_ID = "arrow_v0.1";

  /** Creates the hasher; a data context instantiates it by class name. */
  public StarfixArrowHasher() {}

  @Override
  public String hasherId() {
    return HASHER_ID;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code batches} is empty (use {@link #hashTable(Schema,
   *     List, DictionaryProvider)} for a table without batches) or the batches' schemas differ
   * @throws UnsupportedArrowTypeException if a column holds a type starfix 0.2.0 cannot hash
   */
  @Override
  public ContentHash hashTable(List<VectorSchemaRoot> batches) {
    return hashTable(batches, null);
  }

  /** Hashes batches whose dictionary-encoded columns are resolved through {@code dictionaries}. */
  public ContentHash hashTable(
      List<VectorSchemaRoot> batches, @Nullable DictionaryProvider dictionaries) {
    Objects.requireNonNull(batches, "batches");
    if (batches.isEmpty()) {
      throw new IllegalArgumentException(
          "cannot hash a table given as no batches: its schema is unknown; call"
              + " hashTable(schema, batches, dictionaries) instead");
    }
    return hashTable(batches.get(0).getSchema(), batches, dictionaries);
  }

  /**
   * Hashes the table with {@code schema} made of {@code batches} (possibly none).
   *
   * @throws IllegalArgumentException naming the batch whose schema differs from {@code schema}
   * @throws UnsupportedArrowTypeException if a column holds a type starfix 0.2.0 cannot hash
   */
  public ContentHash hashTable(
      Schema schema, List<VectorSchemaRoot> batches, @Nullable DictionaryProvider dictionaries) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(batches, "batches");
    for (int b = 0; b < batches.size(); b++) {
      Schema actual = batches.get(b).getSchema();
      if (!actual.equals(schema)) {
        throw new IllegalArgumentException(
            "batch "
                + b
                + " has schema "
                + actual
                + " but the table's schema is "
                + schema
                + "; all batches of a table must have the same schema");
      }
    }
    Schema valueSchema = DictionaryFields.toValueTypes(schema, dictionaries);
    for (Field field : valueSchema.getFields()) {
      requireHashable(field, field.getName(), field.getName());
    }
    requireNoNullsInNonNullableStructs(valueSchema, batches);
    Schema retyped = OrcapodRetyping.retype(valueSchema, batches);
    Starfix020Digester digester =
        new Starfix020Digester(retyped, StarfixEngine.BoolPacking.WHOLE_TABLE);
    for (VectorSchemaRoot batch : batches) {
      digester.update(
          retyped.getFields(), batch.getFieldVectors(), batch.getRowCount(), dictionaries);
    }
    return ContentHash.of(HASHER_ID, digester.finish());
  }

  /**
   * {@inheritDoc}
   *
   * <p>As in Python, schemas are hashed as given (no re-typing), and types that starfix can
   * describe but not hash (timestamp, duration, fixed-size list, map) are accepted here.
   */
  @Override
  public ContentHash hashSchema(Schema schema) {
    return hashSchema(schema, null);
  }

  /**
   * Hashes a schema whose dictionary-encoded fields are described by the value types of the
   * dictionaries in {@code dictionaries} (Arrow Java's in-memory fields hold the index type).
   */
  public ContentHash hashSchema(Schema schema, @Nullable DictionaryProvider dictionaries) {
    return ContentHash.of(HASHER_ID, Starfix020Digester.hashSchema(schema, dictionaries));
  }

  /**
   * Rejects up front any type whose values starfix 0.2.0 cannot hash, even in an empty table, so a
   * table's hashability never depends on its row count.
   */
  private static void requireHashable(Field field, String column, String path) {
    ArrowType type = field.getType();
    switch (type.getTypeID()) {
      case Struct -> {
        for (Field child : field.getChildren()) {
          requireHashable(child, column, StarfixEngine.childPath(path, child.getName()));
        }
      }
      case List, LargeList ->
          requireHashable(field.getChildren().get(0), column, path + StarfixEngine.DELIMITER);
      default -> {
        if (StarfixEngine.leafKind(type) == null) {
          throw new UnsupportedArrowTypeException(column, path, type, "starfix 0.2.0 cannot hash");
        }
      }
    }
  }

  /**
   * Rejects a top-level struct column declared non-nullable that holds null rows. Python orcapod
   * rebuilds such a column with placeholder child values (0, "", false) that starfix then hashes as
   * valid data; that hash is an artefact of pyarrow's builder, not of the values, so it is not
   * imitated.
   */
  private static void requireNoNullsInNonNullableStructs(
      Schema schema, List<VectorSchemaRoot> batches) {
    List<Field> fields = schema.getFields();
    for (int c = 0; c < fields.size(); c++) {
      Field field = fields.get(c);
      if (field.isNullable() || field.getType().getTypeID() != ArrowType.ArrowTypeID.Struct) {
        continue;
      }
      for (int b = 0; b < batches.size(); b++) {
        if (batches.get(b).getVector(c).getNullCount() > 0) {
          throw new IllegalArgumentException(
              "column '"
                  + field.getName()
                  + "' is a struct declared non-nullable but batch "
                  + b
                  + " holds null rows in it; declare the field nullable or replace the nulls"
                  + " (Python orcapod would hash placeholder child values for those rows)");
        }
      }
    }
  }
}
