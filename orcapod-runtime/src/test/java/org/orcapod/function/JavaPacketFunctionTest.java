package org.orcapod.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.orcapod.execution.ExecutorOptions;
import org.orcapod.execution.IncompatibleExecutorException;
import org.orcapod.execution.JavaFunctionExecutor;
import org.orcapod.execution.LocalExecutor;
import org.orcapod.execution.PacketFunctionExecutor;
import org.orcapod.execution.PacketLogger;
import org.orcapod.schema.Schema;
import org.orcapod.source.SourceContext;
import org.orcapod.source.TestContexts;

class JavaPacketFunctionTest {
  /** Two outputs of one method. */
  record SumAndProduct(long sum, long product) {}

  static long addOne(long x) {
    return x + 1;
  }

  static long addTwo(long x) {
    return x + 2;
  }

  static SumAndProduct both(long a, long b) {
    return new SumAndProduct(a + b, a * b);
  }

  static String shout(String text) {
    System.out.println("shouting " + text);
    return text.toUpperCase(java.util.Locale.ROOT);
  }

  private static JavaPacketFunction method(String name, List<String> outputs) throws Exception {
    for (var m : JavaPacketFunctionTest.class.getDeclaredMethods()) {
      if (m.getName().equals(name)) {
        return JavaPacketFunction.ofMethod(m, null, null, "v1.0", null, outputs);
      }
    }
    throw new AssertionError(name);
  }

  @Test
  void aMethodBecomesAFunctionWithSchemasFromItsSignature() throws Exception {
    JavaPacketFunction f = method("addOne", List.of("y"));
    assertThat(f.canonicalName()).isEqualTo("addOne");
    assertThat(f.inputSchema().names()).containsExactly("x");
    assertThat(f.inputSchema().require("x").getType()).isEqualTo(new ArrowType.Int(64, true));
    assertThat(f.inputSchema().require("x").isNullable()).isFalse();
    assertThat(f.outputSchema().names()).containsExactly("y");
    assertThat(f.call(Map.of("x", 41L), PacketLogger.noOp())).containsEntry("y", 42L);
    assertThat(f.typeId()).isEqualTo("java.function.v0");
  }

  @Test
  void aRecordReturnFillsSeveralOutputsInOrder() throws Exception {
    JavaPacketFunction f = method("both", List.of("s", "p"));
    assertThat(f.outputSchema().names()).containsExactly("s", "p");
    assertThat(f.directCall(Map.of("a", 3L, "b", 4L)))
        .containsEntry("s", 7L)
        .containsEntry("p", 12L);
    assertThatThrownBy(() -> method("addOne", List.of("a", "b")))
        .hasMessageContaining("[Orcapod/OutputNames]")
        .hasMessageContaining("record");
  }

  @Test
  void theFingerprintIsTheMethodsBytecodeAndTellsBodiesApart() throws Exception {
    String one = method("addOne", List.of("y")).bytecodeFingerprint();
    assertThat(one).startsWith("sha256:").hasSize(7 + 64);
    assertThat(method("addOne", List.of("y")).bytecodeFingerprint()).isEqualTo(one);
    assertThat(method("addTwo", List.of("y")).bytecodeFingerprint()).isNotEqualTo(one);
    // the fingerprint is of that method's Code attribute, not of the whole class file
    assertThat(one)
        .isNotEqualTo(BytecodeFingerprint.ofClass(JavaPacketFunctionTest.class))
        .isNotEqualTo(BytecodeFingerprint.UNKNOWN);
  }

  @Test
  void theVersionNeedsAMajorAndMinorNumber() {
    assertThat(PacketFunction.parseMajorVersion("f", "v2.3")).isEqualTo(2);
    assertThat(PacketFunction.parseMajorVersion("f", "0.5.2")).isZero();
    assertThatThrownBy(() -> PacketFunction.parseMajorVersion("f", "v1"))
        .hasMessageContaining("[Orcapod/InvalidVersion]")
        .hasMessageContaining("'f'");
  }

  @Test
  void aLambdaReturningOtherColumnsFailsClearly() {
    Field x = new Field("x", FieldType.notNullable(new ArrowType.Int(64, true)), null);
    JavaPacketFunction f =
        JavaPacketFunction.ofLambda(
            "bad",
            "v0.1",
            Schema.of(List.of(x)),
            Schema.of(List.of(x)),
            in -> {
              Map<String, @Nullable Object> out = new HashMap<>();
              out.put("z", 1L);
              return out;
            });
    assertThatThrownBy(() -> f.directCall(Map.of("x", 1L)))
        .isInstanceOf(FunctionOutputException.class)
        .hasMessageContaining("'bad'")
        .hasMessageContaining("[z]");
  }

  @Test
  void callsGoThroughTheExecutorWithTheLoggerWhenOneIsSet() throws Exception {
    JavaPacketFunction f = method("shout", List.of("loud"));
    assertThat(f.executor()).isNull();
    Map<String, Object> recorded = new HashMap<>();
    try (LocalExecutor local = new LocalExecutor()) {
      f.setExecutor(local);
      assertThat(f.call(Map.of("text", "hi"), recorded::putAll)).containsEntry("loud", "HI");
    }
    assertThat(recorded).containsEntry(PacketLogger.SUCCESS, true);
    assertThat((String) recorded.get(PacketLogger.STDOUT)).contains("shouting hi");
    f.setExecutor(null);
    Map<String, Object> none = new HashMap<>();
    assertThat(f.call(Map.of("text", "a"), none::putAll)).containsEntry("loud", "A");
    assertThat(none).isEmpty(); // direct call: nothing captured
  }

  @Test
  void anExecutorThatCannotRunJavaFunctionsIsRejected() throws Exception {
    JavaPacketFunction f = method("addOne", List.of("y"));
    PacketFunctionExecutor pythonOnly =
        new JavaFunctionExecutor() {
          @Override
          public String executorTypeId() {
            return "python-only";
          }

          @Override
          public Set<String> supportedFunctionTypeIds() {
            return Set.of("python.function.v0");
          }

          @Override
          public <T> T executeCallable(Callable<T> c, PacketLogger l) throws Exception {
            return c.call();
          }

          @Override
          public <T> CompletableFuture<T> executeCallableAsync(Callable<T> c, PacketLogger l) {
            throw new UnsupportedOperationException();
          }

          @Override
          public JavaFunctionExecutor withOptions(ExecutorOptions options) {
            return this;
          }

          @Override
          public void close() {}
        };
    assertThatThrownBy(() -> f.setExecutor(pythonOnly))
        .isInstanceOf(IncompatibleExecutorException.class)
        .hasMessageContaining("python-only")
        .hasMessageContaining("addOne");
    assertThat(f.executor()).isNull();
  }

  @Test
  void theUriMatchesPythonOrcapodForEqualNamesAndSchemas() throws Exception {
    SourceContext real = TestContexts.real();
    Map<String, String> golden = new HashMap<>();
    try (InputStream in = getClass().getResourceAsStream("/golden/function/uri.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.startsWith("#") && line.contains("\t")) {
          golden.put(line.split("\t")[0], line.split("\t")[1]);
        }
      }
    }
    Field y = new Field("y", FieldType.notNullable(new ArrowType.Int(64, true)), null);
    JavaPacketFunction f =
        JavaPacketFunction.ofLambda(
            "add_one", "v1.2", Schema.of(List.of(y)), Schema.of(List.of(y)), in -> in);
    FunctionUri uri = f.uri(real.semanticHasher());
    assertThat(uri.outputSchemaHash()).isEqualTo(golden.get("output_schema_hash"));
    assertThat(uri.majorVersion()).isEqualTo("v1");
    assertThat(real.semanticHasher().hash(uri.identityStructure()).toString())
        .isEqualTo(golden.get("uri_hash"));
  }

  @Test
  void theUriHasPythonsFourComponents() {
    Field y = new Field("y", FieldType.notNullable(new ArrowType.Int(64, true)), null);
    JavaPacketFunction f =
        JavaPacketFunction.ofLambda(
            "add_one", "v3.0", Schema.of(List.of(y)), Schema.of(List.of(y)), in -> in);
    FunctionUri uri = f.uri(TestContexts.real().semanticHasher());
    assertThat(uri.components()).hasSize(4);
    assertThat(uri.components().get(0)).isEqualTo("add_one");
    assertThat(uri.components().get(1)).startsWith("semantic_v0.1:");
    assertThat(uri.components().subList(2, 4)).containsExactly("v3", "java.function.v0");
    assertThat(uri.joined()).isEqualTo(String.join(":", uri.components()));
  }
}
