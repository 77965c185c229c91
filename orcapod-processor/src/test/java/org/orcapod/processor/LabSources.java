package org.orcapod.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * The getting-started example's types, shared by the processor tests: measurements tagged by
 * experiment, and a function computing Fahrenheit and a high-pressure flag.
 */
final class LabSources {
  private LabSources() {}

  static final JavaFileObject MEASUREMENT =
      JavaFileObjects.forSourceString(
          "lab.Measurement",
          """
          package lab;

          import org.orcapod.annotations.Tag;

          public record Measurement(@Tag String experiment, double temperatureC, double pressureKpa) {}
          """);

  static final JavaFileObject CONVERSION =
      JavaFileObjects.forSourceString(
          "lab.Conversion",
          """
          package lab;

          public record Conversion(double fahrenheit, boolean highPressure) {}
          """);

  static final JavaFileObject READING =
      JavaFileObjects.forSourceString(
          "lab.Reading",
          """
          package lab;

          import org.orcapod.annotations.Tag;

          public record Reading(@Tag String experiment, double fahrenheit, boolean highPressure) {}
          """);

  static final JavaFileObject LAB_FUNCTIONS =
      JavaFileObjects.forSourceString(
          "lab.LabFunctions",
          """
          package lab;

          import org.orcapod.annotations.PacketFunction;

          public final class LabFunctions {
            private LabFunctions() {}

            @PacketFunction(version = "1.0")
            public static Conversion convert(double temperatureC, double pressureKpa) {
              return new Conversion(temperatureC * 9 / 5 + 32, pressureKpa > 101.3);
            }
          }
          """);

  /** A source file in package {@code lab}. */
  static JavaFileObject lab(String simpleName, String text) {
    return JavaFileObjects.forSourceString("lab." + simpleName, text);
  }

  /** The class path user code compiles against: the annotations and JSpecify. */
  static List<File> userClasspath() {
    return List.of(
        jarOf(org.orcapod.annotations.Tag.class), jarOf(org.jspecify.annotations.Nullable.class));
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** javac with the processor and the user class path. */
  static Compiler javac() {
    return Compiler.javac().withProcessors(new OrcapodProcessor()).withClasspath(userClasspath());
  }

  /** Compiles the lab types plus {@code extra} with the processor. */
  static Compilation compile(JavaFileObject... extra) {
    List<JavaFileObject> files =
        new ArrayList<>(List.of(MEASUREMENT, CONVERSION, READING, LAB_FUNCTIONS));
    files.addAll(Arrays.asList(extra));
    return javac().compile(files);
  }

  /** Compiles exactly {@code files} with the processor. */
  static Compilation compileOnly(JavaFileObject... files) {
    return javac().compile(files);
  }
}
