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
              measurement("exp1", 20.0, 101.0),
              measurement("exp2", 100.0, 150.0),
              measurement("exp3", -40.0, 101.3));
      FunctionPod pod = new FunctionPod(new LabFunctions_ConvertPod(), context);
      Map<String, Object> fahrenheit = new HashMap<>();
      Map<String, Object> high = new HashMap<>();
      try (DictSource source =
              DictSource.of(rows, List.of("experiment"), null, context, allocator);
          FunctionPodStream out = pod.process(allocator, source)) {
        assertThat(out.keys().tag()).containsExactly("experiment");
        assertThat(out.keys().packet()).containsExactly("fahrenheit", "highPressure");
        for (TagPacket tp : out.rows()) {
          fahrenheit.put((String) tp.tag().get("experiment"), tp.packet().get("fahrenheit"));
          high.put((String) tp.tag().get("experiment"), tp.packet().get("highPressure"));
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
            LabFunctions.class.getMethod("convert", double.class, double.class),
            null,
            null,
            "v1.0",
            null,
            List.of("fahrenheit", "highPressure"));
    LabFunctions_ConvertPod generated = new LabFunctions_ConvertPod();
    assertThat(generated.uri(data.semanticHasher()))
        .isEqualTo(reflective.uri(data.semanticHasher()));
    assertThat(new FunctionPod(generated, context).uri())
        .isEqualTo(new FunctionPod(reflective, context).uri());
    assertThat(LabFunctions_ConvertPod.OUTPUT_COLUMNS)
        .containsExactly("fahrenheit", "highPressure");
  }

  private static Map<String, Object> measurement(String experiment, double c, double kpa) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("experiment", experiment);
    m.put("temperatureC", c);
    m.put("pressureKpa", kpa);
    return m;
  }
}
