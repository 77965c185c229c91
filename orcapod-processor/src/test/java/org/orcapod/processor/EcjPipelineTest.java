package org.orcapod.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.memory.InMemoryArrowDatabase;

/**
 * Eclipse's compiler runs the processor on the sample pipelines: it generates the same pipeline
 * sources as javac (the golden files), compiles them, and the lab pipeline builds, runs and is read
 * through its typed handles.
 */
class EcjPipelineTest {
  @Test
  void ecjGeneratesTheGoldenPipelinesAndTheLabPipelineRuns(@TempDir Path dir) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path gen = Files.createDirectories(dir.resolve("gen"));
    Path out = Files.createDirectories(dir.resolve("out"));
    List<File> sources = new ArrayList<>();
    for (String s : PipelineSamples.SOURCES) {
      Path target = src.resolve(s);
      Files.createDirectories(target.getParent());
      try (InputStream in = getClass().getResourceAsStream("/pipelines/" + s)) {
        Files.write(target, in.readAllBytes());
      }
      sources.add(target.toFile());
    }
    JavaCompiler ecj = new EclipseCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean success;
    try (StandardJavaFileManager files =
        ecj.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      String classpath =
          PodSamples.classpath().stream()
              .map(File::getPath)
              .collect(Collectors.joining(File.pathSeparator));
      JavaCompiler.CompilationTask task =
          ecj.getTask(
              new StringWriter(),
              files,
              diagnostics,
              List.of(
                  "--release",
                  "17",
                  "-parameters",
                  "-classpath",
                  classpath,
                  "-s",
                  gen.toString(),
                  "-d",
                  out.toString()),
              null,
              files.getJavaFileObjectsFromFiles(sources));
      task.setProcessors(List.of(new OrcapodProcessor()));
      success = task.call();
    }
    assertThat(diagnostics.getDiagnostics())
        .filteredOn(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .isEmpty();
    assertThat(success).isTrue();

    for (String pipeline : PipelineSamples.PIPELINES) {
      String file = pipeline.replace('.', '/') + ".java";
      try (InputStream golden = getClass().getResourceAsStream("/golden/pipelines/" + file)) {
        assertThat(Files.readString(gen.resolve(file)))
            .as("ECJ's %s", file)
            .isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
      }
    }

    try (URLClassLoader loader =
            new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader());
        BufferAllocator allocator = new RootAllocator();
        InMemoryArrowDatabase database = InMemoryArrowDatabase.create(allocator)) {
      Method run =
          loader
              .loadClass("lab.LabRun")
              .getMethod("run", BufferAllocator.class, ArrowDatabase.class);
      @SuppressWarnings("unchecked")
      Map<String, Object> result = (Map<String, Object>) run.invoke(null, allocator, database);
      assertThat(result.get("succeeded")).isEqualTo(true);
      assertThat(sorted(result.get("readings")))
          .containsExactly(
              "Reading[experiment=exp1, fahrenheit=68.0, highPressure=false]",
              "Reading[experiment=exp2, fahrenheit=86.0, highPressure=true]",
              "Reading[experiment=exp3, fahrenheit=41.0, highPressure=true]");
      assertThat(sorted(result.get("alerts")))
          .containsExactly("Reading[experiment=exp2, fahrenheit=86.0, highPressure=true]");
      // The rows are records of the compiled Reading class, not maps.
      Class<?> reading = loader.loadClass("lab.Reading");
      assertThat((List<?>) result.get("readings")).allMatch(reading::isInstance);
    }
  }

  private static List<String> sorted(Object rows) {
    List<String> out = new ArrayList<>();
    for (Object r : (List<?>) rows) {
      out.add(r.toString());
    }
    out.sort(null);
    return out;
  }
}
