package lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.pipeline.RunResult;
import org.orcapod.pipeline.typed.TypedNode;
import org.orcapod.source.ArrowTableSource;
import org.orcapod.source.SourceContext;

/** Uses the generated OrcapodLab as a user would: bind, build, run, read typed rows. */
public final class LabRun {
  private LabRun() {}

  public static final List<Measurement> MEASUREMENTS =
      List.of(
          new Measurement("exp1", 20.0, 99.0),
          new Measurement("exp2", 30.0, 120.0),
          new Measurement("exp3", 5.0, 150.0));

  /** Runs the pipeline; returns the rows and the hashes of every node by label. */
  public static Map<String, Object> run(BufferAllocator allocator, ArrowDatabase database) {
    Map<String, Object> out = new LinkedHashMap<>();
    try (ArrowTableSource source =
            OrcapodLab.measurementsSource(MEASUREMENTS, SourceContext.defaultContext(), allocator);
        OrcapodLab lab =
            OrcapodLab.builder()
                .measurements(source)
                .database(database)
                .allocator(allocator)
                .build()) {
      RunResult result = lab.run();
      out.put("succeeded", result.succeeded());
      List<Measurement> measurements = lab.measurements().rows();
      List<Reading> readings = lab.readings().rows();
      List<Reading> alerts = lab.alerts().rows();
      out.put("measurements", measurements);
      out.put("readings", readings);
      out.put("alerts", alerts);
      for (TypedNode<?> node : List.of(lab.measurements(), lab.readings(), lab.alerts())) {
        out.put("pipelineHash:" + node.label(), node.pipelineHash());
        out.put("contentHash:" + node.label(), node.contentHash());
      }
    }
    return out;
  }
}
