/**
 * Pipelines: a named DAG of sources, function pods and operators compiled into nodes with scoped
 * storage, and the orchestrators that run those nodes in order or concurrently.
 *
 * <p>{@link org.orcapod.pipeline.Pipeline#compile()} wraps every element in a node and gives every
 * function node a default executor; {@link org.orcapod.pipeline.Pipeline#run} applies an executor,
 * an orchestrator and an observer, as the Python orcapod README lays out.
 */
@NullMarked
package org.orcapod.pipeline;

import org.jspecify.annotations.NullMarked;
