package org.orcapod.cli;

import java.util.List;
import java.util.Map;
import org.orcapod.pipeline.DefinitionContext;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.pipeline.PipelineDefinition;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;

/**
 * A definition that breaks the ownership rule: its source is not handed to {@code Pipeline.own}, so
 * its buffers outlive the pipeline.
 */
public final class UnownedSourcePipeline implements PipelineDefinition {
  /** Used by the command. */
  public UnownedSourcePipeline() {}

  @Override
  public Pipeline define(DefinitionContext c) {
    DictSource src =
        DictSource.of(
            List.of(Map.of("id", 1L, "x", 2L)),
            List.of("id"),
            "one",
            SourceContext.defaultContext(),
            c.allocator());
    Pipeline p = Pipeline.builder("unowned", c.database(), c.allocator()).build();
    p.add(src);
    return p;
  }
}
