/**
 * Executors: the contracts that decide where and how a packet function's computation runs, the
 * {@link org.orcapod.execution.PacketLogger} that receives what an execution recorded, and the
 * in-process {@link org.orcapod.execution.LocalExecutor}.
 *
 * <p>Capture itself lives in {@code org.orcapod.execution.capture}; the layout of log rows in
 * {@code org.orcapod.execution.logs}.
 */
@NullMarked
package org.orcapod.execution;

import org.jspecify.annotations.NullMarked;
