/**
 * The semantic hasher {@code semantic_v0.1}: hashes identity structures (nested nulls, booleans,
 * numbers, strings, lists, tuples, sets, maps, type tokens and identifiable objects) through the
 * same canonical JSON as Python orcapod.
 *
 * <p>Python-only values have Java counterparts here: {@link org.orcapod.hashing.semantic.PyTuple},
 * {@link org.orcapod.hashing.semantic.NamedTuple} and {@link org.orcapod.hashing.semantic.PyType}.
 */
@NullMarked
package org.orcapod.hashing.semantic;

import org.jspecify.annotations.NullMarked;
