package org.orcapod.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eclipse's compiler (ECJ, what Eclipse IDE builds with) runs the processor: a valid pipeline
 * compiles cleanly and a broken one gets the same {@code [Orcapod/…]} error on the same line.
 */
class EcjTest {
  private static final String MEASUREMENT =
      """
      package lab;

      import org.jspecify.annotations.Nullable;
      import org.orcapod.annotations.Tag;

      public record Measurement(@Tag String experiment, double temperatureC, %s pressureKpa) {}
      """;

  private static final String FUNCTIONS =
      """
      package lab;

      import org.jspecify.annotations.Nullable;
      import org.orcapod.annotations.PacketFunction;

      public final class LabFunctions {
        private LabFunctions() {}

        public record Conversion(double fahrenheit, boolean highPressure) {}

        @PacketFunction(version = "1.0")
        public static Conversion convert(double temperatureC, %s pressureKpa) {
          return new Conversion(temperatureC * 9 / 5 + 32, pressureKpa > 101.3);
        }
      }
      """;

  private static final String PIPELINE =
      """
      package lab;

      import org.orcapod.annotations.*;

      @Pipeline
      interface Lab {
        record Reading(@Tag String experiment, double fahrenheit, boolean highPressure) {}

        @Source
        Measurement measurements();

        @Apply(LabFunctions.class)
        Reading readings(Measurement %s);

        @Filter("highPressure = true")
        Reading alerts(Reading readings);
      }
      """;

  private record Result(List<Diagnostic<? extends JavaFileObject>> diagnostics, boolean success) {}

  private static Result compile(Path dir, String pipelineParameter) throws IOException {
    return compile(dir, pipelineParameter, "double", "@Nullable Double");
  }

  private static Result compile(
      Path dir, String pipelineParameter, String columnType, String parameterType)
      throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/lab"));
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(src.resolve("Measurement.java"), MEASUREMENT.formatted(columnType));
    Files.writeString(src.resolve("LabFunctions.java"), FUNCTIONS.formatted(parameterType));
    Files.writeString(src.resolve("Lab.java"), PIPELINE.formatted(pipelineParameter));
    JavaCompiler ecj = new EclipseCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        ecj.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      String classpath =
          LabSources.userClasspath().stream()
              .map(File::getPath)
              .collect(Collectors.joining(File.pathSeparator));
      JavaCompiler.CompilationTask task =
          ecj.getTask(
              new StringWriter(), // ECJ echoes diagnostics here; the collector gets them too
              files,
              diagnostics,
              List.of(
                  "--release",
                  "17",
                  "-proc:only",
                  "-classpath",
                  classpath,
                  "-d",
                  out.toString(),
                  "-s", // ECJ writes generated sources to the working directory without it
                  Files.createDirectories(dir.resolve("gen")).toString()),
              null,
              files.getJavaFileObjects(
                  src.resolve("Measurement.java").toFile(),
                  src.resolve("LabFunctions.java").toFile(),
                  src.resolve("Lab.java").toFile()));
      task.setProcessors(List.of(new OrcapodProcessor()));
      boolean success = task.call();
      return new Result(diagnostics.getDiagnostics(), success);
    }
  }

  @Test
  void validPipelineCompilesCleanly(@TempDir Path dir) throws IOException {
    Result result = compile(dir, "measurements");

    assertThat(result.diagnostics())
        .filteredOn(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .isEmpty();
    assertThat(result.success()).isTrue();
  }

  @Test
  void brokenPipelineReportsTheSameDiagnosticOnTheParameter(@TempDir Path dir) throws IOException {
    Result result = compile(dir, "measurement");

    assertThat(result.success()).isFalse();
    List<Diagnostic<? extends JavaFileObject>> orcapod =
        result.diagnostics().stream()
            .filter(d -> d.getMessage(Locale.ROOT).contains("[Orcapod/"))
            .toList();
    assertThat(orcapod).hasSize(1);
    Diagnostic<? extends JavaFileObject> d = orcapod.get(0);
    assertThat(d.getMessage(Locale.ROOT))
        .startsWith("[Orcapod/UnknownUpstream] Node 'readings' reads from 'measurement'")
        .contains("Did you mean 'measurements'?")
        .endsWith("Nodes: 'measurements', 'readings', 'alerts'.");
    assertThat(d.getSource().getName()).endsWith("Lab.java");
    assertThat(d.getLineNumber()).isEqualTo(13L);
  }

  @Test
  void nullabilityFromTypeUseAnnotationsIsSeenToo(@TempDir Path dir) throws IOException {
    Result result = compile(dir, "measurements", "@Nullable Double", "double");

    List<String> orcapod =
        result.diagnostics().stream()
            .map(d -> d.getMessage(Locale.ROOT))
            .filter(m -> m.contains("[Orcapod/"))
            .toList();
    assertThat(orcapod)
        .containsExactly(
            "[Orcapod/TypeMismatch] Parameter 'pressureKpa' of function LabFunctions.convert is"
                + " double (non-null), but packet column 'pressureKpa' of the input of node"
                + " 'readings' is double (nullable). Nulls cannot flow into a non-null slot:"
                + " annotate it @Nullable (or use Optional<Double>), or have a packet function"
                + " upstream return a non-null value (a @Filter keeps a column\'s nullable type).");
  }
}
