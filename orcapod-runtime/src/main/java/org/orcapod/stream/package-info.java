/**
 * Immutable streams of (tag, packet) rows held in Arrow vectors, with their schemas, key listings,
 * tables under every {@link org.orcapod.schema.ColumnConfig} and identities.
 *
 * <p>A stream owns its Arrow memory through its own child allocator and is {@link AutoCloseable};
 * tables it returns are new vectors in the caller's allocator, sharing buffers where possible.
 */
@NullMarked
package org.orcapod.stream;

import org.jspecify.annotations.NullMarked;
