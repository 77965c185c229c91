/**
 * The Arrow table hasher of data context {@code std:v0.1}: a byte-for-byte Java implementation of
 * starfix 0.2.0's Arrow digest, as Python orcapod applies it to tables.
 *
 * <p>{@link org.orcapod.hashing.arrow.StarfixArrowHasher} is the orcapod hasher ({@code
 * arrow_v0.1}); {@link org.orcapod.hashing.arrow.Starfix020Digester} exposes the bare starfix 0.2.0
 * digest, so starfix's own golden values can be checked.
 */
@NullMarked
package org.orcapod.hashing.arrow;

import org.jspecify.annotations.NullMarked;
