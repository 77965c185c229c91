/**
 * The pipeline graph as both the annotation processor and the runtime see it: nodes, their wiring,
 * column schemas (type names and nullability), and the one catalogue of {@code [Orcapod/…]}
 * diagnostics.
 *
 * <p>It depends on nothing, so the processor can shade it and the runtime can check pipelines built
 * through its API with the same validators and the same messages.
 */
@NullMarked
package org.orcapod.graph;

import org.jspecify.annotations.NullMarked;
