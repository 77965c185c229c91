package org.orcapod.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orcapod.pipeline.Fixtures.add;
import static org.orcapod.pipeline.Fixtures.pod;
import static org.orcapod.pipeline.Fixtures.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.function.FunctionPodStream;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;
import org.orcapod.source.TestContexts;

/** A pipeline closes what was handed to {@link Pipeline#own}, so closing it releases the DAG. */
class PipelineOwnTest {
  private final SourceContext ctx = TestContexts.real();

  /**
   * What a {@link PipelineDefinition} does: build the DAG and hand every stream to the pipeline.
   */
  private static Pipeline define(DefinitionContext c, SourceContext ctx) {
    Pipeline p = Pipeline.builder("owned", c.database(), c.allocator()).build();
    DictSource src = p.own(source("x", 4, 0, ctx, c.allocator()));
    FunctionPodStream out = p.own(pod(add("a", "x", "y", 1), ctx).process(c.allocator(), src));
    p.add(out);
    return p;
  }

  @Test
  void closingThePipelineReleasesTheOwnedStreamsSoTheAllocatorClosesWithoutALeak() {
    BufferAllocator allocator = new RootAllocator();
    ArrowDatabase db = InMemoryArrowDatabase.create(allocator);
    try (Pipeline p = define(new DefinitionContext(db, allocator, Map.of()), ctx)) {
      p.compile();
      assertThat(p.run().succeeded()).isTrue();
      assertThat(p.stream("a").rowCount()).isEqualTo(4);
    }
    db.close();
    allocator
        .close(); // throws on a leak: the source and the pod stream were closed by the pipeline
  }

  @Test
  void ownedResourcesCloseInReverseOrderAfterTheNodesAndEveryOneIsClosedWhenOneFails() {
    List<String> closed = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator()) {
      Pipeline p = Pipeline.builder("order", null, allocator).build();
      p.own(() -> closed.add("first"));
      p.own(
          () -> {
            closed.add("second");
            throw new java.io.IOException("disk gone");
          });
      p.own(() -> closed.add("third"));
      assertThatThrownBy(p::close)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("pipeline 'order'")
          .hasRootCauseMessage("disk gone");
      assertThat(closed).containsExactly("third", "second", "first");
      p.close(); // a second close closes nothing again
      assertThat(closed).hasSize(3);
    }
  }
}
