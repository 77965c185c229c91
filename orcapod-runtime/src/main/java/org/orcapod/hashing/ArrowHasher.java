package org.orcapod.hashing;

import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Hashes Arrow tables by content: schema and values, independent of column order and of how rows
 * are split into batches.
 */
public interface ArrowHasher {
  /** The method id written into every hash this hasher produces, e.g. {@code arrow_v0.1}. */
  String hasherId();

  /** Hashes one batch as a whole table. */
  default ContentHash hashTable(VectorSchemaRoot table) {
    return hashTable(List.of(table));
  }

  /**
   * Hashes the concatenation of {@code batches}, which must all have the same schema; the result
   * equals the hash of the same rows in a single batch.
   */
  ContentHash hashTable(List<VectorSchemaRoot> batches);

  /** Hashes a schema alone (field names, types and nullability). */
  ContentHash hashSchema(Schema schema);
}
