package org.orcapod.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * The sample pipelines of {@code src/test/resources/pipelines/}: {@code lab} (source → apply →
 * filter, with a driver {@code LabRun} that uses the generated class), {@code weather} (two
 * sources, two applies, join, batch) and {@code ops} (every operator kind), compiled with the
 * processor against the test class path (so the runtime is there and implementations are
 * generated).
 */
final class PipelineSamples {
  private PipelineSamples() {}

  /** The sample sources by resource name under {@code /pipelines/}. */
  static final List<String> SOURCES =
      List.of(
          "lab/Measurement.java",
          "lab/Reading.java",
          "lab/LabFunctions.java",
          "lab/Lab.java",
          "lab/LabRun.java",
          "weather/Rows.java",
          "weather/WeatherFunctions.java",
          "weather/Weather.java",
          "weather/WeatherRun.java",
          "ops/Measurement.java",
          "ops/Calibration.java",
          "ops/Ops.java",
          "ops/OpsRun.java");

  /** The generated pipeline implementations, by qualified name. */
  static final List<String> PIPELINES =
      List.of("lab.OrcapodLab", "ops.OrcapodOps", "weather.OrcapodWeather");

  static List<JavaFileObject> sources() {
    List<JavaFileObject> files = new ArrayList<>();
    for (String s : SOURCES) {
      URL url = PipelineSamples.class.getResource("/pipelines/" + s);
      if (url == null) {
        throw new IllegalStateException("missing test resource /pipelines/" + s);
      }
      files.add(JavaFileObjects.forResource(url));
    }
    return files;
  }

  /** Compiles the samples with the processor, linting everything (the generated code too). */
  static Compilation compile() {
    return Compiler.javac()
        .withProcessors(new OrcapodProcessor())
        .withClasspath(PodSamples.classpath())
        .withOptions("-parameters", "-Xlint:all", "-Xlint:-processing")
        .compile(sources());
  }
}
