package org.orcapod.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.orcapod.processor.LabSources.compile;
import static org.orcapod.processor.LabSources.lab;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The processor reports each problem once, in a stable order, and never throws. */
class RobustnessTest {
  private static final JavaFileObject BROKEN_FUNCTION =
      lab(
          "Hidden",
          """
          package lab;

          import org.orcapod.annotations.PacketFunction;

          final class Hidden {
            @PacketFunction
            private static Conversion convert(double temperatureC, double pressureKpa) {
              return new Conversion(temperatureC, pressureKpa > 1);
            }
          }
          """);

  private static final JavaFileObject PIPELINE_USING_IT =
      lab(
          "Lab",
          """
          package lab;

          import org.orcapod.annotations.*;

          @Pipeline
          interface Lab {
            @Source Measurement measurements();
            @Apply(Hidden.class) Reading readings(Measurement measurements);
            @Filter("highPressure = true") Reading alerts(Reading readings);
          }
          """);

  @Test
  void aFunctionProblemSeenByItsClassAndByAPipelineIsReportedOnceAndNotEchoedDownstream() {
    Compilation compilation = compile(BROKEN_FUNCTION, PIPELINE_USING_IT);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[Orcapod/NotCallable] Packet function Hidden.convert")
        .inFile(BROKEN_FUNCTION)
        .onLineContaining("private static Conversion convert");
  }

  @Test
  void diagnosticsAreIdenticalFromRunToRun() {
    JavaFileObject lab =
        lab(
            "Lab",
            """
            package lab;

            import org.orcapod.annotations.*;

            @Pipeline
            interface Lab {
              @Source Measurement measurements();
              @Apply(LabFunctions.class) Reading readings(Measurement measurement);
              @Filter("nope = 1") Measurement alerts(Measurement measurements);
              @Filter("pressureKpa >") Measurement high(Measurement measurements);
              @Label("high") @Filter("pressureKpa > 1") Measurement higher(Measurement measurements);
            }
            """);

    List<String> first = render(compile(lab));
    List<String> second = render(compile(lab));

    assertThat(first).hasSize(4).isEqualTo(second);
    assertThat(first)
        .extracting(m -> m.substring(m.indexOf('[') + 1, m.indexOf(']')))
        .containsExactly(
            "Orcapod/DuplicateLabel",
            "Orcapod/UnknownUpstream",
            "Orcapod/UnknownColumn",
            "Orcapod/InvalidPredicate");
  }

  private static List<String> render(Compilation compilation) {
    return compilation.errors().stream()
        .map(d -> d.getLineNumber() + ":" + d.getColumnNumber() + " " + d.getMessage(null))
        .toList();
  }

  @Test
  void anAnnotationsJarOutOfStepWithTheProcessorIsAnInternalErrorNotACrash() {
    // A Join without the allowCartesian attribute, as an older annotations jar might declare it.
    JavaFileObject oldJoin =
        JavaFileObjects.forSourceString(
            "org.orcapod.annotations.Join",
            """
            package org.orcapod.annotations;

            public @interface Join {}
            """);
    JavaFileObject lab =
        lab(
            "Lab",
            """
            package lab;

            import org.orcapod.annotations.*;

            @Pipeline
            interface Lab {
              @Source Measurement measurements();
              @Source Measurement others();
              @Join Measurement joined(Measurement measurements, Measurement others);
            }
            """);
    Compilation compilation = compile(oldJoin, lab);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/InternalError] orcapod failed while processing lab.Lab:"
                + " java.lang.IllegalArgumentException: no attribute allowCartesian")
        .inFile(lab)
        .onLineContaining("interface Lab");
    assertThat(compilation.diagnostics())
        .noneMatch(
            d ->
                d.getKind() == Diagnostic.Kind.ERROR
                    && d.getMessage(null).contains("Exception in"));
  }
}
