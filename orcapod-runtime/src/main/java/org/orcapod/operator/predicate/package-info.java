/**
 * A small hashable predicate language for the Filter operator: comparisons of a column with a
 * literal, membership in a literal set, and/or/not, each with a canonical form that is its
 * identity.
 *
 * <p>Predicates are evaluated a column at a time on Arrow vectors with SQL's three-valued logic: a
 * comparison with a null cell is unknown, and a filter keeps only rows that are true.
 */
@NullMarked
package org.orcapod.operator.predicate;

import org.jspecify.annotations.NullMarked;
