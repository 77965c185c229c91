package org.orcapod.hashing;

/**
 * Hashes identity structures: nested values built from nulls, booleans, numbers, strings, lists,
 * tuples, sets, maps, {@link ContentHash} leaves and {@link ContentIdentifiable} objects, with the
 * same result as Python orcapod's semantic hasher for the equivalent Python value.
 */
public interface SemanticHasher {
  /** The method id written into every hash this hasher produces, e.g. {@code semantic_v0.1}. */
  String hasherId();

  /** Hashes an identity structure; throws a typed exception naming any unsupported value. */
  ContentHash hash(Object structure);
}
