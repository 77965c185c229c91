package org.orcapod.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orcapod.pipeline.Fixtures.int64;
import static org.orcapod.pipeline.Fixtures.pod;
import static org.orcapod.pipeline.Fixtures.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.function.FunctionPodStream;
import org.orcapod.function.JavaPacketFunction;
import org.orcapod.operator.Batch;
import org.orcapod.operator.Join;
import org.orcapod.operator.OperatorContext;
import org.orcapod.operator.OperatorStream;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.schema.Schema;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;
import org.orcapod.stream.StreamSchema;

/**
 * Building a DAG over function pod streams (operators and pods validating their inputs) reads the
 * predicted data schema and computes nothing; only the pipeline's run calls the functions.
 */
class PredictedSchemaTest {
  private static JavaPacketFunction counting(String name, String in, String out, AtomicInteger n) {
    return JavaPacketFunction.ofLambda(
        name,
        "v1.0",
        Schema.of(List.of(int64(in))),
        Schema.of(List.of(int64(out))),
        m -> {
          n.incrementAndGet();
          Map<String, @Nullable Object> r = new HashMap<>();
          r.put(out, (Long) m.get(in) * 2);
          return r;
        });
  }

  @Test
  void buildingOverFunctionPodStreamsComputesNothingAndThePredictionMatches() {
    SourceContext ctx = SourceContext.defaultContext();
    AtomicInteger calls = new AtomicInteger();
    try (BufferAllocator allocator = new RootAllocator();
        InMemoryArrowDatabase db = InMemoryArrowDatabase.create(allocator);
        DictSource s1 = source("x", 4, 0, ctx, allocator);
        DictSource s2 = source("w", 4, 1, ctx, allocator);
        FunctionPodStream a = pod(counting("a", "x", "y", calls), ctx).process(allocator, s1);
        FunctionPodStream b = pod(counting("b", "w", "v", calls), ctx).process(allocator, s2);
        FunctionPodStream c = pod(counting("c", "y", "z", calls), ctx).process(allocator, a)) {
      OperatorContext oc = new OperatorContext(ctx.semanticHasher(), allocator, ctx.arrowHasher());
      try (OperatorStream joined = new Join().process(oc, c, b);
          OperatorStream batched = new Batch().process(oc, joined)) {
        StreamSchema predicted = c.outputSchema(ColumnConfig.dataOnly());
        assertThat(batched.outputSchema(ColumnConfig.dataOnly()).packet().names())
            .containsExactlyInAnyOrder("z", "v");
        assertThat(calls.get()).isZero();

        try (Pipeline p = Pipeline.builder("p", db, allocator).build()) {
          p.add(batched);
          p.compile();
          assertThat(calls.get()).isZero();
          assertThat(p.run().succeeded()).isTrue();
          assertThat(calls.get()).isEqualTo(12); // a, b and c, four packets each
          p.run();
          assertThat(calls.get()).isEqualTo(12);
          // Read outside the pipeline (no result cache), c computes a and c itself, once; then it
          // reports the computed schema, which equals the prediction.
          assertThat(c.rowCount()).isEqualTo(4);
          assertThat(calls.get()).isEqualTo(20);
          assertThat(c.outputSchema(ColumnConfig.dataOnly())).isEqualTo(predicted);
          assertThat(c.keys().packet()).containsExactly("z");
        }
      }
    }
  }
}
