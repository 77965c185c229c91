/**
 * The filter predicate language: column-versus-literal comparisons, {@code in}, {@code is null},
 * combined with {@code and}, {@code or}, {@code not}.
 *
 * <p>Predicates are data, not code, so a filter has a stable canonical form to hash and its columns
 * and literals can be checked against a schema before anything runs.
 */
@NullMarked
package org.orcapod.graph.predicate;

import org.jspecify.annotations.NullMarked;
