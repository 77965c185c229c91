package org.orcapod.cli;

import static org.orcapod.cli.SquaresPipeline.int64;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.jspecify.annotations.Nullable;
import org.orcapod.function.FunctionPod;
import org.orcapod.function.FunctionPodStream;
import org.orcapod.function.JavaPacketFunction;
import org.orcapod.operator.Join;
import org.orcapod.operator.OperatorContext;
import org.orcapod.operator.OperatorStream;
import org.orcapod.pipeline.DefinitionContext;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.pipeline.PipelineDefinition;
import org.orcapod.schema.Schema;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;

/**
 * A diamond, named {@code diamond}: one source feeds {@code left} ({@code y = x + 1}) and {@code
 * right} ({@code w = x + 2}), joined on the tag and summed by {@code merge} ({@code s = y + w}).
 */
public final class DiamondPipeline implements PipelineDefinition {
  /** Used by the command. */
  public DiamondPipeline() {}

  private static JavaPacketFunction add(String name, String in, String out, long k) {
    return JavaPacketFunction.ofLambda(
        name,
        "v1.0",
        Schema.of(List.of(int64(in))),
        Schema.of(List.of(int64(out))),
        m -> {
          Map<String, @Nullable Object> r = new HashMap<>();
          r.put(out, (Long) m.get(in) + k);
          return r;
        });
  }

  @Override
  public Pipeline define(DefinitionContext c) {
    BufferAllocator allocator = c.allocator();
    SourceContext ctx = SourceContext.defaultContext();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (long i = 0; i < 3; i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", i);
      r.put("x", 10 * i);
      rows.add(r);
    }
    Pipeline p = Pipeline.builder("diamond", c.database(), allocator).build();
    DictSource src = p.own(DictSource.of(rows, List.of("id"), "points", ctx, allocator));
    FunctionPodStream left =
        p.own(new FunctionPod(add("left", "x", "y", 1), ctx).process(allocator, src));
    FunctionPodStream right =
        p.own(new FunctionPod(add("right", "x", "w", 2), ctx).process(allocator, src));
    OperatorContext oc = new OperatorContext(ctx.semanticHasher(), allocator, ctx.arrowHasher());
    OperatorStream joined = p.own(new Join().process(oc, left, right));
    JavaPacketFunction sum =
        JavaPacketFunction.ofLambda(
            "merge",
            "v1.0",
            Schema.of(List.of(int64("y"), int64("w"))),
            Schema.of(List.of(int64("s"))),
            m -> {
              Map<String, @Nullable Object> r = new HashMap<>();
              r.put("s", (Long) m.get("y") + (Long) m.get("w"));
              return r;
            });
    FunctionPodStream merged = p.own(new FunctionPod(sum, ctx).process(allocator, joined));
    p.add(merged);
    p.compile();
    return p;
  }
}
