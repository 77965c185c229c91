/**
 * Checks a pipeline built through the runtime API with the annotation processor's graph validators,
 * before {@link org.orcapod.pipeline.Pipeline#compile()} creates or writes anything.
 *
 * <p>{@link org.orcapod.pipeline.validation.RuntimeGraphBuilder} describes the runtime DAG in the
 * {@code orcapod-graph} model; a failure is one {@link
 * org.orcapod.pipeline.validation.PipelineValidationException} listing every diagnostic.
 */
@NullMarked
package org.orcapod.pipeline.validation;

import org.jspecify.annotations.NullMarked;
