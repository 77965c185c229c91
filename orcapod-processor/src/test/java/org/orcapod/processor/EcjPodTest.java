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
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orcapod.function.PacketFunction;
import org.orcapod.schema.ArrowValues;

/**
 * Eclipse's compiler runs the processor on the sample functions: it generates the same pod sources
 * as javac (the golden files), compiles them, and the compiled pod runs.
 */
class EcjPodTest {
  @Test
  void ecjGeneratesTheGoldenPodsAndTheyRun(@TempDir Path dir) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path gen = Files.createDirectories(dir.resolve("gen"));
    Path out = Files.createDirectories(dir.resolve("out"));
    List<File> sources = new ArrayList<>();
    for (String s : PodSamples.SOURCES) {
      Path target = src.resolve(s);
      Files.createDirectories(target.getParent());
      try (InputStream in = getClass().getResourceAsStream("/pods/" + s)) {
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

    for (String pod : PodSamples.PODS) {
      String file = pod.replace('.', '/') + ".java";
      try (InputStream golden = getClass().getResourceAsStream("/golden/pods/" + file)) {
        assertThat(Files.readString(gen.resolve(file)))
            .as("ECJ's %s", file)
            .isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
      }
    }

    try (URLClassLoader loader =
            new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader());
        BufferAllocator allocator = new RootAllocator()) {
      PacketFunction pod =
          (PacketFunction)
              loader.loadClass("lab.LabFunctions_ConvertPod").getConstructor().newInstance();
      Method invoke =
          pod.getClass()
              .getMethod("invoke", VectorSchemaRoot.class, BufferAllocator.class, BitSet.class);
      try (VectorSchemaRoot input =
          VectorSchemaRoot.create(pod.inputSchema().toArrow(), allocator)) {
        input.allocateNew();
        ((Float8Vector) input.getVector("temperatureC")).setSafe(0, 100.0);
        ((Float8Vector) input.getVector("pressureKpa")).setSafe(0, 99.0);
        ((Float8Vector) input.getVector("temperatureC")).setSafe(1, 0.0);
        ((Float8Vector) input.getVector("pressureKpa")).setSafe(1, 150.0);
        input.setRowCount(2);
        BitSet dropped = new BitSet();
        try (VectorSchemaRoot result =
            (VectorSchemaRoot) invoke.invoke(pod, input, allocator, dropped)) {
          assertThat(ArrowValues.read(result.getVector("fahrenheit"), 0)).isEqualTo(212.0);
          assertThat(ArrowValues.read(result.getVector("highPressure"), 0)).isEqualTo(false);
          assertThat(ArrowValues.read(result.getVector("fahrenheit"), 1)).isEqualTo(32.0);
          assertThat(ArrowValues.read(result.getVector("highPressure"), 1)).isEqualTo(true);
          assertThat(dropped.isEmpty()).isTrue();
        }
      }
    }
  }
}
