/**
 * Typed exceptions that every orcapod component throws for bad input, each naming the offending
 * element and saying how to fix it.
 *
 * <p>All of them extend {@link org.orcapod.error.OrcapodException}, which carries a stable id such
 * as {@code Orcapod/MissingColumn} that tests and tools can match on.
 */
@NullMarked
package org.orcapod.error;

import org.jspecify.annotations.NullMarked;
