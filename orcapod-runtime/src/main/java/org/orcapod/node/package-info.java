/**
 * Pipeline nodes: the elements that own execution and storage of a source, a function pod or an
 * operator inside a pipeline, with Python orcapod's record layouts and non-active semantics
 * (reading a node never computes; only {@code run()} does).
 *
 * <p>The per-packet loop reports to a {@link org.orcapod.node.NodeExecutionListener}, which is
 * where the pipeline's observers plug in.
 */
@NullMarked
package org.orcapod.node;

import org.jspecify.annotations.NullMarked;
