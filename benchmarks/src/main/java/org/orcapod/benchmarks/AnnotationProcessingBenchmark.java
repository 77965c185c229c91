package org.orcapod.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.orcapod.processor.OrcapodProcessor;

/**
 * The cost of the annotation processor on a generated project of 200 {@code @PacketFunction}s (20
 * classes of 10) and 20 {@code @Pipeline}s (a source, four applied functions and a filter each):
 * in-process javac with {@code -proc:none}, and with the processor (which also compiles the 200
 * generated pods), alternating, in the same JVM. Prints the medians and the difference; the target
 * is under 2 s added.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.orcapod.benchmarks.AnnotationProcessingBenchmark
 * </pre>
 */
public final class AnnotationProcessingBenchmark {
  private static final int CLASSES = 20;
  private static final int FUNCTIONS_PER_CLASS = 10;
  private static final int PIPELINES = 20;
  private static final int WARMUP = 2;
  private static final int RUNS = 5;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private AnnotationProcessingBenchmark() {}

  /** Runs the benchmark; an optional argument sets the number of measured runs of each kind. */
  public static void main(String[] args) throws IOException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : RUNS;
    Path dir = Files.createTempDirectory("orcapod-apt-bench");
    try {
      List<File> sources = writeProject(dir.resolve("src"));
      long[] without = new long[runs];
      long[] with = new long[runs];
      long[] only = new long[runs];
      int generated = 0;
      for (int i = 0; i < WARMUP + runs; i++) {
        long a = run(dir, sources, Mode.NONE).nanos;
        Result r = run(dir, sources, Mode.FULL);
        long o = run(dir, sources, Mode.ONLY).nanos;
        generated = r.generated;
        if (i >= WARMUP) {
          without[i - WARMUP] = a;
          with[i - WARMUP] = r.nanos;
          only[i - WARMUP] = o;
        }
      }
      double base = median(without) / 1e9;
      double processed = median(with) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "Annotation processing: %d sources (%d @PacketFunction, %d @Pipeline), %d classes generated (pods and pipeline implementations)%n"
              + "  javac -proc:none       median CPU %.2f s  %s%n"
              + "  javac + processor      median CPU %.2f s  %s%n"
              + "  added by the processor %.2f s (target < 2 s)%n"
              + "  of which processing    median CPU %.2f s  %s (-proc:only: validation and"
              + " generation, no class files)%n",
          sources.size(),
          CLASSES * FUNCTIONS_PER_CLASS,
          PIPELINES,
          generated,
          base,
          seconds(without),
          processed,
          seconds(with),
          processed - base,
          median(only) / 1e9,
          seconds(only));
    } finally {
      delete(dir);
    }
  }

  private record Result(long nanos, int generated) {}

  private enum Mode {
    NONE,
    FULL,
    ONLY
  }

  private static Result run(Path dir, List<File> sources, Mode mode) throws IOException {
    Path out = dir.resolve("out");
    Path gen = dir.resolve("gen");
    delete(out);
    delete(gen);
    Files.createDirectories(out);
    Files.createDirectories(gen);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = new ArrayList<>();
    options.addAll(
        List.of(
            "--release",
            "17",
            "-classpath",
            System.getProperty("java.class.path"),
            "-d",
            out.toString(),
            "-s",
            gen.toString()));
    if (mode == Mode.NONE) {
      options.add("-proc:none");
    } else if (mode == Mode.ONLY) {
      options.add("-proc:only");
    }
    // CPU time of this thread (javac runs on it): the machine may be shared, wall time is noisy.
    long start = THREADS.getCurrentThreadCpuTime();
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null, files, diagnostics, options, null, files.getJavaFileObjectsFromFiles(sources));
      if (mode != Mode.NONE) {
        task.setProcessors(List.of(new OrcapodProcessor()));
      }
      ok = task.call();
    }
    long nanos = THREADS.getCurrentThreadCpuTime() - start;
    if (!ok) {
      throw new IllegalStateException(
          "the generated project did not compile: " + diagnostics.getDiagnostics());
    }
    int generated;
    try (Stream<Path> s = Files.walk(gen)) {
      generated = (int) s.filter(p -> p.toString().endsWith(".java")).count();
    }
    return new Result(nanos, generated);
  }

  /** Writes the project: records, function classes and pipelines in package {@code bench}. */
  private static List<File> writeProject(Path src) throws IOException {
    Path pkg = Files.createDirectories(src.resolve("bench"));
    List<File> files = new ArrayList<>();
    files.add(
        write(
            pkg,
            "Row",
            """
            package bench;

            import org.orcapod.annotations.Tag;

            public record Row(@Tag String id, double x, long n) {}
            """));
    files.add(
        write(
            pkg,
            "XN",
            """
            package bench;

            public record XN(double x, long n) {}
            """));
    for (int c = 0; c < CLASSES; c++) {
      StringBuilder b = new StringBuilder();
      b.append("package bench;\n\nimport org.orcapod.annotations.PacketFunction;\n\n")
          .append("public final class Fns")
          .append(c)
          .append(" {\n")
          .append("  private Fns")
          .append(c)
          .append("() {}\n");
      for (int f = 0; f < FUNCTIONS_PER_CLASS; f++) {
        b.append("\n  @PacketFunction(version = \"1.")
            .append(f)
            .append("\")\n")
            .append("  public static XN f")
            .append(f)
            .append("(double x, long n) {\n")
            .append("    return new XN(x * ")
            .append(f + 2)
            .append(" + ")
            .append(c)
            .append(", n + ")
            .append(f)
            .append(");\n  }\n");
      }
      b.append("}\n");
      files.add(write(pkg, "Fns" + c, b.toString()));
    }
    for (int p = 0; p < PIPELINES; p++) {
      int c = p % CLASSES;
      StringBuilder b = new StringBuilder();
      b.append("package bench;\n\nimport org.orcapod.annotations.*;\n\n")
          .append("@Pipeline(name = \"p")
          .append(p)
          .append("\")\n")
          .append("public interface P")
          .append(p)
          .append(" {\n")
          .append("  @Source\n  Row source();\n\n");
      String previous = "source";
      for (int f = 0; f < FUNCTIONS_PER_CLASS; f += 2) {
        String node = "n" + f;
        if (f == 4) {
          b.append("  @Filter(\"x > 0 and n <= 1000\")\n  Row ")
              .append(node)
              .append("(Row ")
              .append(previous)
              .append(");\n\n");
        } else {
          b.append("  @Apply(value = Fns")
              .append(c)
              .append(".class, function = \"f")
              .append(f)
              .append("\")\n  Row ")
              .append(node)
              .append("(Row ")
              .append(previous)
              .append(");\n\n");
        }
        previous = node;
      }
      b.append("}\n");
      files.add(write(pkg, "P" + p, b.toString()));
    }
    return files;
  }

  private static File write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name + ".java");
    Files.writeString(file, text);
    return file.toFile();
  }

  private static double median(long[] values) {
    long[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
  }

  private static String seconds(long[] values) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", values[i] / 1e9));
    }
    return b.append("]").toString();
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
