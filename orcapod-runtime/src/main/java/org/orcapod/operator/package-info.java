/**
 * The eleven operators of orcapod (Join, MergeJoin, SemiJoin, Batch, column selection and dropping,
 * tag and packet renaming, Filter), which route and rename rows of streams without computing new
 * values.
 *
 * <p>An {@link org.orcapod.operator.Operator} predicts its output schema, validates its inputs with
 * typed exceptions and produces an {@link org.orcapod.operator.OperatorStream} whose content and
 * pipeline identities are those of Python orcapod's operator streams.
 */
@NullMarked
package org.orcapod.operator;

import org.jspecify.annotations.NullMarked;
