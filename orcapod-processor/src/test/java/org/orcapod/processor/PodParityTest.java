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
 * packet at a time ({@code directCall}); nullability from {@code @Nullable} and {@code Optional}
 * included, and the same packets dropped by an empty {@code Optional} record.
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
        List.of(
            row("temperatureC", 20.0, "pressureKpa", 101.0),
            row("temperatureC", -40.0, "pressureKpa", 120.5),
            row("temperatureC", 37.5, "pressureKpa", 101.3)));
  }

  @Test
  void addAgreesWithANullableParameter() throws Exception {
    // b is @Nullable Long (JSpecify, type-use, RUNTIME retention): nullable in both schemas.
    check(
        "lab.LabFunctions",
        "add",
        "lab.LabFunctions_AddPod",
        "add",
        "v0.0",
        List.of("sum"),
        List.of(
            row("a", 1L, "b", 2L),
            row("a", -5L, "b", 7L),
            row("a", Long.MAX_VALUE, "b", 0L),
            row("a", 3L, "b", null)));
  }

  @Test
  void ratioAgreesWithANullableResult() throws Exception {
    // A @Nullable single result: a nullable column, and a null cell (not a drop) when it is null.
    check(
        "lab.Counter$Nested",
        "ratio",
        "lab.Counter_Nested_RatioPod",
        "ratio",
        "v0.0",
        List.of("ratio"),
        List.of(row("a", 1.0, "b", 4.0), row("a", 1.0, "b", 0.0), row("a", -3.0, "b", 2.0)));
  }

  @Test
  void shapeAgreesWithAnOptionalRecordThatDropsPackets() throws Exception {
    // Optional<Shape>: the record's components are the outputs, an empty Optional drops the
    // packet; struct inputs (List<Point>) become records, Optional<String> is a nullable column.
    check(
        "lab.LabFunctions",
        "shape",
        "lab.LabFunctions_ShapeOfPod",
        "shapeOf",
        "v2.1",
        List.of("points", "label", "first"),
        List.of(
            row("points", List.of(point(1L, 2.5), point(2L, null)), "label", "one"),
            row("points", List.of(), "label", "dropped"),
            row("points", List.of(point(-7L, 0.0)), "label", null)));
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
        List.of(row("text", "quiet", "loud", false), row("text", "shout", "loud", true)));
  }

  private void check(
      String owner,
      String methodName,
      String podName,
      String name,
      String version,
      List<String> outputs,
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
    assertThat(pod.inputSchema()).isEqualTo(reflective.inputSchema());
    assertThat(pod.uri(context.semanticHasher()))
        .isEqualTo(reflective.uri(context.semanticHasher()));
    assertThat(pod.bytecodeFingerprint())
        .startsWith("sha256:")
        .isEqualTo(reflective.bytecodeFingerprint());

    BitSet reflectiveDrops = new BitSet();
    BitSet directDrops = new BitSet();
    BitSet batchDrops = new BitSet();
    try (VectorSchemaRoot input = table(pod.inputSchema(), rows);
        VectorSchemaRoot expected = perPacket(reflective, input, reflectiveDrops);
        VectorSchemaRoot direct = perPacket(pod, input, directDrops);
        VectorSchemaRoot batch = invoke(pod, input, batchDrops)) {
      assertThat(batch.getRowCount()).isEqualTo(rows.size());
      assertThat(batchDrops).isEqualTo(reflectiveDrops);
      assertThat(directDrops).isEqualTo(reflectiveDrops);
      assertThat(batch.contentToTSVString()).isEqualTo(expected.contentToTSVString());
      assertThat(direct.contentToTSVString()).isEqualTo(expected.contentToTSVString());
      // Dropped packets leave no row behind (the packet loop removes them), so hash the rest.
      try (VectorSchemaRoot keptExpected = kept(expected, reflectiveDrops);
          VectorSchemaRoot keptDirect = kept(direct, directDrops);
          VectorSchemaRoot keptBatch = kept(batch, batchDrops)) {
        assertThat(keptBatch.getRowCount()).isEqualTo(rows.size() - reflectiveDrops.cardinality());
        assertThat(context.arrowHasher().hashTable(keptBatch))
            .isEqualTo(context.arrowHasher().hashTable(keptExpected));
        assertThat(context.arrowHasher().hashTable(keptDirect))
            .isEqualTo(context.arrowHasher().hashTable(keptExpected));
      }
    }
  }

  /** The rows of {@code table} not in {@code dropped}, as a new table. */
  private VectorSchemaRoot kept(VectorSchemaRoot table, BitSet dropped) {
    VectorSchemaRoot out = VectorSchemaRoot.create(table.getSchema(), allocator);
    out.allocateNew();
    int n = 0;
    for (int r = 0; r < table.getRowCount(); r++) {
      if (dropped.get(r)) {
        continue;
      }
      for (FieldVector v : out.getFieldVectors()) {
        ArrowValues.write(v, n, ArrowValues.read(table.getVector(v.getName()), r));
      }
      n++;
    }
    out.setRowCount(n);
    return out;
  }

  private VectorSchemaRoot invoke(PacketFunction pod, VectorSchemaRoot input, BitSet dropped)
      throws Exception {
    Method invoke =
        pod.getClass()
            .getMethod("invoke", VectorSchemaRoot.class, BufferAllocator.class, BitSet.class);
    return (VectorSchemaRoot) invoke.invoke(pod, input, allocator, dropped);
  }

  /**
   * Runs {@code fn} a packet at a time, as the runtime's packet loop does, into Arrow; a dropped
   * packet is marked in {@code dropped} and leaves its cells null, as a batch does.
   */
  private VectorSchemaRoot perPacket(PacketFunction fn, VectorSchemaRoot input, BitSet dropped)
      throws Exception {
    VectorSchemaRoot out = VectorSchemaRoot.create(fn.outputSchema().toArrow(), allocator);
    try {
      out.allocateNew();
      for (int r = 0; r < input.getRowCount(); r++) {
        Map<String, Object> in = new LinkedHashMap<>();
        for (String c : fn.inputSchema().names()) {
          in.put(c, ArrowValues.read(input.getVector(c), r));
        }
        Map<String, Object> values = fn.directCall(in);
        if (values == null) {
          dropped.set(r);
          continue;
        }
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

  private static Map<String, Object> point(long x, Double y) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("x", x);
    m.put("y", y);
    return m;
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
