/**
 * Runs packet functions on a Ray cluster: the driver connection, Arrow IPC batches as the wire
 * format, output capture inside the worker JVM, and the retry of crashed workers.
 *
 * <p>Compiled against {@code io.ray:ray-api} as a provided dependency; at run time the cluster's
 * own {@code ray_dist.jar} (from the pip {@code ray} wheel of the cluster's version) must be on the
 * class path of the driver and is on the class path of every worker.
 */
@NullMarked
package org.orcapod.execution.ray;

import org.jspecify.annotations.NullMarked;
