/**
 * Execution observers: what a pipeline run reports per run, per node and per packet, and where it
 * goes (nothing, log rows, status rows, or several of these at once).
 *
 * <p>An {@link org.orcapod.observe.ExecutionObserver} is contextualised once per node into a {@link
 * org.orcapod.node.NodeExecutionListener}, which the node's per-packet loop calls; only strings
 * (node hash, label, storage path) cross that boundary.
 */
@NullMarked
package org.orcapod.observe;

import org.jspecify.annotations.NullMarked;
