package org.orcapod.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.orcapod.processor.LabSources.lab;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Pipelines may use row types and functions that another processor generates: the orcapod processor
 * defers them to the round in which they exist and reports nothing in between.
 */
class DeferralTest {
  /** Generates a row record and a function class in its first round, like a user's processor. */
  static final class GeneratingProcessor extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done) {
        return false;
      }
      done = true;
      write(
          "lab.Approval",
          "package lab;\n"
              + "public record Approval(@org.orcapod.annotations.Tag String experiment,"
              + " boolean approved) {}\n");
      write(
          "lab.GeneratedFunctions",
          "package lab;\n"
              + "public final class GeneratedFunctions {\n"
              + "  @org.orcapod.annotations.PacketFunction(output = \"kelvin\")\n"
              + "  public static double kelvin(double temperatureC, double pressureKpa) {\n"
              + "    return temperatureC + 273.15;\n"
              + "  }\n"
              + "}\n");
      return false;
    }

    private void write(String name, String text) {
      try (Writer w = processingEnv.getFiler().createSourceFile(name).openWriter()) {
        w.write(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final JavaFileObject LAB =
      lab(
          "Lab",
          """
          package lab;

          import org.orcapod.annotations.*;

          @Pipeline
          interface Lab {
            record Kelvin(@Tag String experiment, double kelvin) {}

            @Source Measurement measurements();
            @Source Approval approvals();
            @SemiJoin Measurement approved(Measurement measurements, Approval approvals);
            @Apply(GeneratedFunctions.class) Kelvin kelvin(Measurement approved);
          }
          """);

  private static List<JavaFileObject> files() {
    return new ArrayList<>(List.of(LabSources.MEASUREMENT, LAB));
  }

  @Test
  void typesGeneratedInALaterRoundAreAwaited() {
    Compilation compilation =
        Compiler.javac()
            .withClasspath(LabSources.userClasspath())
            .withProcessors(new OrcapodProcessor(), new GeneratingProcessor())
            .compile(files());

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void deferredPipelinesAreStillValidatedOnceTheirTypesExist() {
    JavaFileObject wrong =
        lab(
            "Lab",
            """
            package lab;

            import org.orcapod.annotations.*;

            @Pipeline
            interface Lab {
              record Kelvin(@Tag String experiment, double celsius) {}

              @Source Measurement measurements();
              @Apply(GeneratedFunctions.class)
              Kelvin kelvin(Measurement measurements);
            }
            """);
    Compilation compilation =
        Compiler.javac()
            .withClasspath(LabSources.userClasspath())
            .withProcessors(new OrcapodProcessor(), new GeneratingProcessor())
            .compile(LabSources.MEASUREMENT, wrong);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Orcapod/RowTypeMismatch] Node 'kelvin' declares rows of Kelvin")
        .inFile(wrong)
        .onLineContaining("Kelvin kelvin(");
  }

  @Test
  void anErrorInOneRoundDoesNotLeaveDeferredPipelinesUnchecked() {
    // javac runs no further ordinary round after an error, only the final one: the deferred
    // pipeline must be checked there, without spurious "cannot find symbol" noise.
    JavaFileObject broken =
        lab(
            "Broken",
            """
            package lab;

            import org.orcapod.annotations.*;

            @Pipeline
            interface Broken {
              @Source Measurement measurements();
              @Filter("pressureKpa > 1")
              Measurement high(Measurement measurement);
            }
            """);
    JavaFileObject waiting =
        lab(
            "Lab",
            """
            package lab;

            import org.orcapod.annotations.*;

            @Pipeline
            interface Lab {
              record Kelvin(@Tag String experiment, double celsius) {}

              @Source Measurement measurements();
              @Source Approval approvals();
              @SemiJoin Measurement approved(Measurement measurements, Approval approvals);
              @Apply(GeneratedFunctions.class)
              Kelvin kelvin(Measurement approved);
            }
            """);
    Compilation compilation =
        Compiler.javac()
            .withClasspath(LabSources.userClasspath())
            .withProcessors(new OrcapodProcessor(), new GeneratingProcessor())
            .compile(LabSources.MEASUREMENT, waiting, broken);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[Orcapod/UnknownUpstream] Node 'high' reads from 'measurement'")
        .inFile(broken)
        .onLineContaining("Measurement high(");
    assertThat(compilation)
        .hadErrorContaining("[Orcapod/RowTypeMismatch] Node 'kelvin' declares rows of Kelvin")
        .inFile(waiting)
        .onLineContaining("Kelvin kelvin(");
  }

  @Test
  void typesNeverGeneratedAreLeftToTheCompilersOwnError() {
    Compilation compilation = LabSources.javac().compile(files());

    assertThat(compilation).failed();
    List<String> messages = compilation.errors().stream().map(d -> d.getMessage(null)).toList();
    assertThat(messages).anyMatch(m -> m.contains("cannot find symbol"));
    assertThat(messages).noneMatch(m -> m.contains("[Orcapod/"));
    assertThat(compilation.diagnostics())
        .noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR && d.getSource() == null);
  }
}
