/**
 * The in-memory {@link org.orcapod.database.ArrowDatabase} and the Arrow row tables it is built
 * from, which the on-disk databases reuse for their pending batches.
 *
 * <p>Nothing here survives the process; it is meant for tests and ephemeral pipelines.
 */
@NullMarked
package org.orcapod.database.memory;

import org.jspecify.annotations.NullMarked;
