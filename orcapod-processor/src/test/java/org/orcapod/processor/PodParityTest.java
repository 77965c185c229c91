package org.orcapod.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orcapod.context.DataContext;
import org.orcapod.function.JavaPacketFunction;
import org.orcapod.function.PacketFunction;
import org.orcapod.schema.ArrowValues;
import org.orcapod.schema.Schema;

/**
 * A generated pod and the runtime's reflective {@link JavaPacketFunction} built from the same
 * method agree: the same schemas, uri (output-schema hash), bytecode fingerprint, and the same
 * output rows and Arrow table hash, whether the pod runs a batch at a time ({@code invoke}) or a
 * packet at a time ({@code directCall}).
 */
class PodParityTest {
  private static ClassLoader loader;

  private final BufferAllocator allocator = new RootAllocator();
  private final DataContext context = DataContext.defaultContext();

  @BeforeAll
  static void compileSamples() {
    Compilation compilation = PodSamples.compile();
    assertThat(compilation).succeededWithoutWarnings();
    loader = PodSamples.loader(compilation);
  }

  @AfterEach
  void closeAllocator() {
    allocator.close(); // throws if a vector leaked
  }

  @Test
  void convertAgrees() throws Exception {
    check(
        "lab.LabFunctions",
        "convert",
        "lab.LabFunctions_ConvertPod",
        "convert",
        "v1.0",
        List.of("fahrenheit", "highPressure"),
        true,
        List.of(
            row("temperatureC", 20.0, "pressureKpa", 101.0),
            row("temperatureC", -40.0, "pressureKpa", 120.5),
            row("temperatureC", 37.5, "pressureKpa", 101.3)));
  }

  @Test
  void addAgreesOnItsOutputAndRows() throws Exception {
    // The reflective path ignores @Nullable on parameters (b is nullable only in the pod), so the
    // input schemas differ in b's nullability; outputs, uri and rows agree.
    check(
        "lab.LabFunctions",
        "add",
        "lab.LabFunctions_AddPod",
        "add",
        "v0.0",
        List.of("sum"),
        false,
        List.of(row("a", 1L, "b", 2L), row("a", -5L, "b", 7L), row("a", Long.MAX_VALUE, "b", 0L)));
  }

  @Test
  void describeAgreesOnEveryScalarType(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.txt"), "hello");
    Path b = Files.writeString(dir.resolve("b.txt"), "");
    check(
        "lab.LabFunctions",
        "describe",
        "lab.LabFunctions_DescribePod",
        "describe",
        "v3.0",
        List.of("upper", "size", "next", "more", "fileSize", "total"),
        true,
        List.of(
            row(
                "text",
                "abc",
                "blob",
                new byte[] {1, 2, 3},
                "day",
                LocalDate.of(2024, 2, 28),
                "amount",
                new BigDecimal("1.5"),
                "file",
                a,
                "counts",
                List.of(1L, 2L, 3L)),
            row(
                "text",
                "Zürich",
                "blob",
                new byte[0],
                "day",
                LocalDate.of(1999, 12, 31),
                "amount",
                new BigDecimal("-2"),
                "file",
                b,
                "counts",
                List.of())));
  }

  @Test
  void instanceMethodAgrees() throws Exception {
    check(
        "lab.Counter",
        "label",
        "lab.Counter_LabelPod",
        "label",
        "v0.0",
        List.of("label"),
        true,
        List.of(row("text", "quiet", "loud", false), row("text", "shout", "loud", true)));
  }

  private void check(
      String owner,
      String methodName,
      String podName,
      String name,
      String version,
      List<String> outputs,
      boolean sameInputSchema,
      List<Map<String, Object>> rows)
      throws Exception {
    Class<?> ownerClass = Class.forName(owner, true, loader);
    Method method =
        Arrays.stream(ownerClass.getDeclaredMethods())
            .filter(m -> m.getName().equals(methodName))
            .findFirst()
            .orElseThrow();
    Object target = null;
    if (!java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
      var constructor = ownerClass.getDeclaredConstructor();
      constructor.setAccessible(true);
      target = constructor.newInstance();
    }
    JavaPacketFunction reflective =
        JavaPacketFunction.ofMethod(method, target, name, version, null, outputs);
    Class<?> podClass = Class.forName(podName, true, loader);
    PacketFunction pod = (PacketFunction) podClass.getConstructor().newInstance();

    assertThat(pod.canonicalName()).isEqualTo(reflective.canonicalName());
    assertThat(pod.version()).isEqualTo(version);
    assertThat(pod.outputSchema()).isEqualTo(reflective.outputSchema());
    if (sameInputSchema) {
      assertThat(pod.inputSchema()).isEqualTo(reflective.inputSchema());
    } else {
      assertThat(pod.inputSchema().names()).isEqualTo(reflective.inputSchema().names());
    }
    assertThat(pod.uri(context.semanticHasher()))
        .isEqualTo(reflective.uri(context.semanticHasher()));
    assertThat(pod.bytecodeFingerprint())
        .startsWith("sha256:")
        .isEqualTo(reflective.bytecodeFingerprint());

    try (VectorSchemaRoot input = table(pod.inputSchema(), rows);
        VectorSchemaRoot expected = perPacket(reflective, input);
        VectorSchemaRoot direct = perPacket(pod, input);
        VectorSchemaRoot batch = invoke(pod, input)) {
      assertThat(batch.getRowCount()).isEqualTo(rows.size());
      assertThat(batch.contentToTSVString()).isEqualTo(expected.contentToTSVString());
      assertThat(direct.contentToTSVString()).isEqualTo(expected.contentToTSVString());
      assertThat(context.arrowHasher().hashTable(batch))
          .isEqualTo(context.arrowHasher().hashTable(expected));
      assertThat(context.arrowHasher().hashTable(direct))
          .isEqualTo(context.arrowHasher().hashTable(expected));
    }
  }

  private VectorSchemaRoot invoke(PacketFunction pod, VectorSchemaRoot input) throws Exception {
    Method invoke =
        pod.getClass()
            .getMethod("invoke", VectorSchemaRoot.class, BufferAllocator.class, BitSet.class);
    BitSet dropped = new BitSet();
    VectorSchemaRoot out = (VectorSchemaRoot) invoke.invoke(pod, input, allocator, dropped);
    assertThat(dropped.isEmpty()).isTrue();
    return out;
  }

  /** Runs {@code fn} a packet at a time, as the runtime's packet loop does, into Arrow. */
  private VectorSchemaRoot perPacket(PacketFunction fn, VectorSchemaRoot input) throws Exception {
    VectorSchemaRoot out = VectorSchemaRoot.create(fn.outputSchema().toArrow(), allocator);
    try {
      out.allocateNew();
      for (int r = 0; r < input.getRowCount(); r++) {
        Map<String, Object> in = new LinkedHashMap<>();
        for (String c : fn.inputSchema().names()) {
          in.put(c, ArrowValues.read(input.getVector(c), r));
        }
        Map<String, Object> values = fn.directCall(in);
        assertThat(values).isNotNull();
        assertThat(new ArrayList<>(values.keySet())).isEqualTo(fn.outputSchema().names());
        for (FieldVector v : out.getFieldVectors()) {
          ArrowValues.write(v, r, values.get(v.getName()));
        }
      }
      out.setRowCount(input.getRowCount());
      return out;
    } catch (Exception | Error e) {
      out.close();
      throw e;
    }
  }

  private VectorSchemaRoot table(Schema schema, List<Map<String, Object>> rows) {
    VectorSchemaRoot root = VectorSchemaRoot.create(schema.toArrow(), allocator);
    root.allocateNew();
    for (int r = 0; r < rows.size(); r++) {
      for (FieldVector v : root.getFieldVectors()) {
        ArrowValues.write(v, r, rows.get(r).get(v.getName()));
      }
    }
    root.setRowCount(rows.size());
    return root;
  }

  private static Map<String, Object> row(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void aBatchThatDropsPacketsMarksThemAndLeavesNullCells() throws Exception {
    PacketFunction pod =
        (PacketFunction)
            Class.forName("lab.LabFunctions_ShapeOfPod", true, loader)
                .getConstructor()
                .newInstance();
    List<Map<String, Object>> rows =
        List.of(
            row("points", List.of(Map.of("x", 1L, "y", 2.5)), "label", "one"),
            row("points", List.of(), "label", null));
    try (VectorSchemaRoot input = table(pod.inputSchema(), rows)) {
      Method invoke =
          pod.getClass()
              .getMethod("invoke", VectorSchemaRoot.class, BufferAllocator.class, BitSet.class);
      BitSet dropped = new BitSet();
      try (VectorSchemaRoot out =
          (VectorSchemaRoot) invoke.invoke(pod, input, allocator, dropped)) {
        assertThat(dropped.stream().toArray()).containsExactly(1);
        assertThat(out.getRowCount()).isEqualTo(2);
        assertThat(ArrowValues.read(out.getVector("label"), 0)).isEqualTo("one");
        assertThat(ArrowValues.read(out.getVector("first"), 0))
            .isEqualTo(Map.of("x", 1L, "y", 2.5));
        assertThat(out.getVector("first").isNull(1)).isTrue();
      }
      Map<String, Object> in = new LinkedHashMap<>();
      in.put("points", List.of());
      in.put("label", null);
      assertThat(pod.directCall(in)).isNull();
    }
  }
}
