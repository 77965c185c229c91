package org.orcapod.hashing.arrow;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The bare Arrow digest of starfix 0.2.0 (the {@code ArrowDigester} of starfix-python v0.2.0), byte
 * for byte, including its quirk of packing boolean bits separately for every batch.
 *
 * <p>Use {@link StarfixArrowHasher} to hash tables as orcapod does; this class exists so that the
 * algorithm can be checked against starfix's own golden values. A digester is fed batches with
 * {@link #update} and closed with {@link #finish}; the static methods mirror starfix's {@code
 * hash_schema}, {@code hash_record_batch}, {@code hash_table} and {@code hash_array}. Results are
 * 35 bytes: {@code 00 00 01} followed by a SHA-256 digest. Instances are not thread-safe.
 */
public final class Starfix020Digester {
  private final StarfixEngine engine;

  /** Starts a digest of a table with {@code schema} (starfix's {@code ArrowDigester(schema)}). */
  public Starfix020Digester(Schema schema) {
    this(schema, (DictionaryProvider) null);
  }

  /**
   * Starts a digest of a table whose dictionary-encoded columns are described by the value types of
   * the dictionaries in {@code dictionaries}.
   */
  public Starfix020Digester(Schema schema, @Nullable DictionaryProvider dictionaries) {
    this(DictionaryFields.toValueTypes(schema, dictionaries), StarfixEngine.BoolPacking.PER_BATCH);
  }

  /** A digester of a schema whose dictionary fields already carry their value types. */
  Starfix020Digester(Schema valueSchema, StarfixEngine.BoolPacking packing) {
    Objects.requireNonNull(valueSchema, "schema");
    this.engine = new StarfixEngine(schemaDigest(valueSchema), packing);
    for (Field field : valueSchema.getFields()) {
      engine.addEntries(field, field.isNullable(), field.getName());
    }
  }

  /**
   * Feeds one batch. As in starfix, the batch is walked by its own schema (so its columns may be in
   * any order) and routed to the entries of the digester's schema by path.
   *
   * @throws UnsupportedArrowTypeException if a column holds a type starfix 0.2.0 cannot hash
   */
  public void update(VectorSchemaRoot batch) {
    update(batch, null);
  }

  /** Feeds one batch whose dictionary-encoded columns are resolved through {@code dictionaries}. */
  public void update(VectorSchemaRoot batch, @Nullable DictionaryProvider dictionaries) {
    Objects.requireNonNull(batch, "batch");
    update(
        DictionaryFields.toValueTypes(batch.getSchema().getFields(), dictionaries),
        batch.getFieldVectors(),
        batch.getRowCount(),
        dictionaries);
  }

  /**
   * Feeds one batch given as fields (which decide nullability; dictionary fields with value types)
   * and matching vectors.
   */
  void update(
      List<Field> fields,
      List<? extends ValueVector> vectors,
      int rowCount,
      @Nullable DictionaryProvider dictionaries) {
    try {
      for (int i = 0; i < fields.size(); i++) {
        Field field = fields.get(i);
        StarfixEngine.Node node =
            engine.compile(
                field, field.isNullable(), field.getName(), field.getName(), false, dictionaries);
        node.feed(vectors.get(i), 0, rowCount, null);
      }
    } finally {
      engine.endBatch();
    }
  }

  /** Finishes the digest: 35 bytes, {@code 00 00 01} + SHA-256. Call once. */
  public byte[] finish() {
    return engine.finish();
  }

  /** starfix's {@code hash_schema}: the version bytes and the SHA-256 of the canonical schema. */
  public static byte[] hashSchema(Schema schema) {
    return hashSchema(schema, null);
  }

  /** starfix's {@code hash_schema} for a schema with dictionary-encoded fields. */
  public static byte[] hashSchema(Schema schema, @Nullable DictionaryProvider dictionaries) {
    byte[] digest = schemaDigest(DictionaryFields.toValueTypes(schema, dictionaries));
    byte[] out = new byte[35];
    System.arraycopy(StarfixEngine.VERSION, 0, out, 0, 3);
    System.arraycopy(digest, 0, out, 3, 32);
    return out;
  }

  /** starfix's {@code hash_record_batch}. */
  public static byte[] hashRecordBatch(VectorSchemaRoot batch) {
    return hashBatches(batch.getSchema(), List.of(batch), null);
  }

  /** starfix's {@code hash_table}: the batches of one table, in order (booleans per batch). */
  public static byte[] hashBatches(
      Schema schema, List<VectorSchemaRoot> batches, @Nullable DictionaryProvider dictionaries) {
    Starfix020Digester digester = new Starfix020Digester(schema, dictionaries);
    for (VectorSchemaRoot batch : batches) {
      digester.update(batch, dictionaries);
    }
    return digester.finish();
  }

  /** starfix's {@code hash_array} for a vector that is not dictionary-encoded. */
  public static byte[] hashArray(FieldVector vector) {
    return hashArray(vector, null);
  }

  /**
   * starfix's {@code hash_array}: the canonical JSON of the value type (not its hash) followed by
   * the entries of the array, which counts as nullable exactly when it holds a null.
   */
  public static byte[] hashArray(FieldVector vector, @Nullable DictionaryProvider dictionaries) {
    Objects.requireNonNull(vector, "vector");
    Field field = DictionaryFields.toValueTypes(vector.getField(), dictionaries, "");
    boolean nullable = vector.getNullCount() > 0;
    Field plain =
        new Field(
            field.getName(),
            new FieldType(nullable, field.getType(), field.getDictionary(), field.getMetadata()),
            field.getChildren());
    byte[] typeJson = StarfixSchemaJson.typeJson(plain).getBytes(StandardCharsets.UTF_8);
    StarfixEngine engine = new StarfixEngine(typeJson, StarfixEngine.BoolPacking.PER_BATCH);
    engine.addEntries(plain, nullable, "");
    try {
      engine
          .compile(plain, nullable, "", field.getName(), false, dictionaries)
          .feed(vector, 0, vector.getValueCount(), null);
    } finally {
      engine.endBatch();
    }
    return engine.finish();
  }

  /** The SHA-256 of the canonical JSON of a schema whose dictionary fields have value types. */
  static byte[] schemaDigest(Schema schema) {
    return StarfixEngine.sha256()
        .digest(StarfixSchemaJson.schemaJson(schema).getBytes(StandardCharsets.UTF_8));
  }
}
