package org.orcapod.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated pod sources, compared byte for byte with {@code src/test/resources/golden/pods/}.
 * After an intended change, regenerate them with {@code -Dorcapod.golden.update=true} and review
 * the diff.
 */
class GeneratedPodsTest {
  private static final String GOLDEN = "src/test/resources/golden/pods/";

  @Test
  void podsMatchTheGoldenFilesByteForByte() throws IOException {
    Compilation compilation = PodSamples.compile();
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSourceNames(compilation)).containsExactlyElementsOf(PodSamples.PODS);
    boolean update = Boolean.getBoolean("orcapod.golden.update");
    for (String pod : PodSamples.PODS) {
      String file = pod.replace('.', '/') + ".java";
      String actual = PodSamples.generated(compilation, pod);
      if (update) {
        Path p = Path.of(GOLDEN, file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, actual, StandardCharsets.UTF_8);
        continue;
      }
      try (InputStream in = getClass().getResourceAsStream("/golden/pods/" + file)) {
        assertThat(in).as("golden file %s", file).isNotNull();
        byte[] expected = in.readAllBytes();
        assertThat(actual.getBytes(StandardCharsets.UTF_8))
            .as("generated %s differs from %s%s", pod, GOLDEN, file)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void compilingTwiceGivesIdenticalFiles() {
    Compilation first = PodSamples.compile();
    Compilation second = PodSamples.compile();
    assertThat(generatedSourceNames(second)).isEqualTo(generatedSourceNames(first));
    for (String pod : PodSamples.PODS) {
      assertThat(PodSamples.generated(second, pod)).isEqualTo(PodSamples.generated(first, pod));
    }
  }

  @Test
  void everyPodIsGeneratedWithoutTimestampAndNamesItsGenerator() {
    Compilation compilation = PodSamples.compile();
    for (String pod : PodSamples.PODS) {
      String text = PodSamples.generated(compilation, pod);
      assertThat(text)
          .contains("@Generated(")
          .contains("\"org.orcapod.processor.OrcapodProcessor\"")
          .doesNotContain("date =");
    }
  }

  @Test
  void nothingIsGeneratedWhenAFunctionHasAnError(@TempDir Path generated, @TempDir Path classes)
      throws IOException {
    JavaFileObject broken =
        LabSources.lab(
            "Broken",
            """
            package lab;

            import org.orcapod.annotations.PacketFunction;

            public final class Broken {
              private Broken() {}

              @PacketFunction(output = "ok")
              public static long fine(long a) {
                return a;
              }

              @PacketFunction(output = "bad")
              public static long bad(int a) {
                return a;
              }
            }
            """);
    // compile-testing hides generated files of a failed compilation; write them to a folder.
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(generated.toFile()));
      files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
      files.setLocation(StandardLocation.CLASS_PATH, PodSamples.classpath());
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, List.of("-proc:only"), null, List.of(broken));
      task.setProcessors(List.of(new OrcapodProcessor()));
      assertThat(task.call()).isFalse();
    }
    assertThat(diagnostics.getDiagnostics())
        .anySatisfy(d -> assertThat(d.getMessage(null)).contains("[Orcapod/UnsupportedType]"));
    try (Stream<Path> written = Files.walk(generated)) {
      assertThat(written.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void withoutTheRuntimeOnTheClassPathOnlyValidationRuns() {
    Compilation compilation = LabSources.compile();
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSourceNames(compilation)).isEmpty();
  }

  private static List<String> generatedSourceNames(Compilation compilation) {
    return compilation.generatedSourceFiles().stream()
        .map(f -> f.toUri().getPath())
        .map(p -> p.substring(p.indexOf("SOURCE_OUTPUT/") + "SOURCE_OUTPUT/".length()))
        .map(p -> p.substring(0, p.length() - ".java".length()).replace('/', '.'))
        .sorted()
        .collect(Collectors.toList());
  }
}
