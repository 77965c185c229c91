package org.orcapod.samples.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.orcapod.context.DataContext;
import org.orcapod.datagram.TagPacket;
import org.orcapod.function.FunctionPod;
import org.orcapod.function.FunctionPodStream;
import org.orcapod.function.JavaPacketFunction;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;

/** The pod generated while this module compiled runs in the runtime's function pod. */
class LabFunctionsPodTest {
  private final DataContext data = DataContext.defaultContext();
  private final SourceContext context =
      new SourceContext(data.contextKey(), data.arrowHasher(), data.semanticHasher());

  @Test
  void theGeneratedPodConvertsEveryMeasurement() {
    try (BufferAllocator allocator = new RootAllocator()) {
      List<Map<String, Object>> rows =
          List.of(
              measurement("exp1", 20.0, 0.99),
              measurement("exp2", 100.0, 1.5),
              measurement("exp3", -40.0, 1.0));
      FunctionPod pod = new FunctionPod(new LabFunctions_Analyze_conditionsPod(), context);
      Map<String, Object> fahrenheit = new HashMap<>();
      Map<String, Object> high = new HashMap<>();
      try (DictSource source =
              DictSource.of(rows, List.of("experiment"), null, context, allocator);
          FunctionPodStream out = pod.process(allocator, source)) {
        assertThat(out.keys().tag()).containsExactly("experiment");
        assertThat(out.keys().packet()).containsExactly("temp_fahrenheit", "is_high_pressure");
        for (TagPacket tp : out.rows()) {
          fahrenheit.put((String) tp.tag().get("experiment"), tp.packet().get("temp_fahrenheit"));
          high.put((String) tp.tag().get("experiment"), tp.packet().get("is_high_pressure"));
        }
      }
      assertThat(fahrenheit)
          .containsExactlyInAnyOrderEntriesOf(Map.of("exp1", 68.0, "exp2", 212.0, "exp3", -40.0));
      assertThat(high)
          .containsExactlyInAnyOrderEntriesOf(Map.of("exp1", false, "exp2", true, "exp3", false));
    }
  }

  @Test
  void theGeneratedPodHasTheReflectivePathsIdentity() throws NoSuchMethodException {
    JavaPacketFunction reflective =
        JavaPacketFunction.ofMethod(
            LabFunctions.class.getMethod("analyzeConditions", double.class, double.class),
            null,
            "analyze_conditions",
            "v0.0",
            null,
            List.of("temp_fahrenheit", "is_high_pressure"));
    LabFunctions_Analyze_conditionsPod generated = new LabFunctions_Analyze_conditionsPod();
    assertThat(generated.uri(data.semanticHasher()))
        .isEqualTo(reflective.uri(data.semanticHasher()));
    assertThat(new FunctionPod(generated, context).uri())
        .isEqualTo(new FunctionPod(reflective, context).uri());
    assertThat(LabFunctions_Analyze_conditionsPod.OUTPUT_COLUMNS)
        .containsExactly("temp_fahrenheit", "is_high_pressure");
  }

  private static Map<String, Object> measurement(String experiment, double c, double bar) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("experiment", experiment);
    m.put("temperature", c);
    m.put("pressure", bar);
    return m;
  }
}
