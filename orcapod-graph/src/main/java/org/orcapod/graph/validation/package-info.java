/**
 * The graph validators: small, separate checks of a {@link org.orcapod.graph.PipelineGraph}
 * (labels, wiring, cycles, per-kind schema rules, declared rows), run by {@link
 * org.orcapod.graph.validation.GraphValidator}.
 *
 * <p>A validator reports each problem once, on the exact part of the declaration, and does not
 * report follow-on problems of nodes whose inputs are already broken.
 */
@NullMarked
package org.orcapod.graph.validation;

import org.jspecify.annotations.NullMarked;
