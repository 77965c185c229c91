package org.orcapod.pipeline;

/**
 * A pipeline that tools can build by class name, such as the {@code orcapod run} command.
 *
 * <p>An implementation is a public class with a public no-argument constructor. {@link
 * #define(DefinitionContext)} builds the DAG against the database and allocator it is given and
 * returns the pipeline, compiled or not; the caller runs it and closes it. Inputs that vary between
 * runs (a data folder, a date range) come from {@link DefinitionContext#parameters()}, never from
 * global state, so one class serves the command line, tests and services alike.
 */
public interface PipelineDefinition {
  /** Builds the pipeline in {@code context}. */
  Pipeline define(DefinitionContext context);
}
