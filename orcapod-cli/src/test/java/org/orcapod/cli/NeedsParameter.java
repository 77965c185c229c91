package org.orcapod.cli;

import org.orcapod.pipeline.DefinitionContext;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.pipeline.PipelineDefinition;

/** A definition that requires {@code -P data=…}, for the command's error tests. */
public final class NeedsParameter implements PipelineDefinition {
  /** Used by the command. */
  public NeedsParameter() {}

  @Override
  public Pipeline define(DefinitionContext context) {
    context.requireParameter("data");
    throw new IllegalStateException("not reached in the tests");
  }
}
