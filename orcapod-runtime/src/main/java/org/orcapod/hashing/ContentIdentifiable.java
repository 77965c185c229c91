package org.orcapod.hashing;

/**
 * An object whose identity is a structure of plain values; a {@link SemanticHasher} replaces it,
 * wherever it appears inside another structure, by the token of its own hash (a Merkle chain).
 */
public interface ContentIdentifiable {
  /**
   * The structure that determines this object's content identity. It must depend only on meaning,
   * never on memory addresses or run-time state.
   */
  Object identityStructure();

  /** This object's hash under {@code hasher}. */
  default ContentHash contentHash(SemanticHasher hasher) {
    return hasher.hash(identityStructure());
  }
}
