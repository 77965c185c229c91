package org.orcapod.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jspecify.annotations.Nullable;
import org.orcapod.function.FunctionPod;
import org.orcapod.function.FunctionPodStream;
import org.orcapod.function.JavaPacketFunction;
import org.orcapod.operator.Filter;
import org.orcapod.operator.OperatorContext;
import org.orcapod.operator.OperatorStream;
import org.orcapod.operator.predicate.Predicate;
import org.orcapod.pipeline.DefinitionContext;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.pipeline.PipelineDefinition;
import org.orcapod.schema.Schema;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;

/**
 * A small real pipeline for the command's tests, named {@code squares}: rows {@code id = x = 1..n}
 * ({@code -P n=…}, default 4) → {@code square} ({@code y = x * x}; prints {@code squaring <x>} and
 * throws for {@code x = fail}, {@code -P fail=…}) → a filter {@code y > 1} → {@code plus_one}
 * ({@code z = y + 1}).
 */
public final class SquaresPipeline implements PipelineDefinition {
  /** Used by the command. */
  public SquaresPipeline() {}

  static Field int64(String name) {
    return new Field(name, FieldType.nullable(new ArrowType.Int(64, true)), null);
  }

  @Override
  public Pipeline define(DefinitionContext c) {
    int n = Integer.parseInt(c.parameter("n", "4"));
    long fail = Long.parseLong(c.parameter("fail", "-1"));
    BufferAllocator allocator = c.allocator();
    SourceContext ctx = SourceContext.defaultContext();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (long i = 0; i <= n; i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", i);
      r.put("x", i);
      rows.add(r);
    }
    // The pipeline owns everything the DAG is built from, so closing it releases all of it.
    Pipeline p = Pipeline.builder("squares", c.database(), allocator).build();
    DictSource numbers = p.own(DictSource.of(rows, List.of("id"), "numbers", ctx, allocator));
    JavaPacketFunction square =
        JavaPacketFunction.ofLambda(
            "square",
            "v1.0",
            Schema.of(List.of(int64("x"))),
            Schema.of(List.of(int64("y"))),
            m -> {
              long x = (Long) m.get("x");
              System.out.println("squaring " + x);
              if (x == fail) {
                throw new IllegalStateException("cannot square " + x);
              }
              Map<String, @Nullable Object> out = new HashMap<>();
              out.put("y", x * x);
              return out;
            });
    JavaPacketFunction plusOne =
        JavaPacketFunction.ofLambda(
            "plus_one",
            "v1.0",
            Schema.of(List.of(int64("y"))),
            Schema.of(List.of(int64("z"))),
            m -> {
              Map<String, @Nullable Object> out = new HashMap<>();
              out.put("z", (Long) m.get("y") + 1);
              return out;
            });
    OperatorContext oc = new OperatorContext(ctx.semanticHasher(), allocator, ctx.arrowHasher());
    OperatorStream positive = p.own(new Filter(Predicate.col("x").gt(0L)).process(oc, numbers));
    FunctionPodStream squared = p.own(new FunctionPod(square, ctx).process(allocator, positive));
    FunctionPodStream plus = p.own(new FunctionPod(plusOne, ctx).process(allocator, squared));
    p.add(plus);
    return p;
  }
}
