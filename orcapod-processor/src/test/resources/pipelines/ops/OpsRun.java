package ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.orcapod.pipeline.typed.TypedNode;
import org.orcapod.source.ArrowTableSource;
import org.orcapod.source.SourceContext;

/** Builds and runs the generated OrcapodOps; returns each node's rows as text, sorted. */
public final class OpsRun {
  private OpsRun() {}

  public static Map<String, Object> run(BufferAllocator allocator) {
    SourceContext context = SourceContext.defaultContext();
    Map<String, Object> out = new LinkedHashMap<>();
    try (ArrowTableSource measurements =
            OrcapodOps.measurementsSource(
                List.of(
                    new Measurement("exp1", 20.0, 99.0),
                    new Measurement("exp2", -20.0, 120.0),
                    new Measurement("exp3", 5.0, 150.0)),
                context,
                allocator);
        ArrowTableSource approvals =
            OrcapodOps.approvalsSource(
                List.of(new Ops.Approval("exp1", true), new Ops.Approval("exp3", false)),
                context,
                allocator);
        OrcapodOps ops =
            OrcapodOps.builder()
                .measurements(measurements)
                .approvals(approvals)
                .allocator(allocator)
                .build()) {
      out.put("succeeded", ops.run().succeeded());
      List<TypedNode<?>> nodes =
          List.of(
              ops.approved(),
              ops.calibrated(),
              ops.byRun(),
              ops.celsius(),
              ops.temperatures(),
              ops.dropped(),
              ops.merged(),
              ops.batched(),
              ops.filtered());
      for (TypedNode<?> node : nodes) {
        List<String> rows = new ArrayList<>();
        for (Object row : node.rows()) {
          rows.add(row.toString());
        }
        rows.sort(null);
        out.put(node.label(), rows);
      }
    }
    return out;
  }
}
