/**
 * The layout of execution log rows: context columns, the {@code __}-prefixed fields an executor
 * recorded, and the packet's tag columns, built as Arrow batches for a log database.
 *
 * <p>The observer layer binds a {@link org.orcapod.execution.logs.LogContext} and the tag data per
 * packet and writes what {@link org.orcapod.execution.logs.LogRowBuilder} builds.
 */
@NullMarked
package org.orcapod.execution.logs;

import org.jspecify.annotations.NullMarked;
