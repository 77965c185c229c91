package org.orcapod.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.orcapod.processor.LabSources.compile;
import static org.orcapod.processor.LabSources.lab;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per {@code [Orcapod/…]} diagnostic: its id, its text (what is wrong and how to fix it)
 * and the exact line it sits on.
 */
class DiagnosticsTest {

  private static JavaFileObject pipeline(String body) {
    return lab(
        "Lab",
        """
        package lab;

        import java.util.List;
        import org.orcapod.annotations.*;

        @Pipeline
        interface Lab {
          @Source
          Measurement measurements();

        """
            + body
            + "\n}\n");
  }

  @Test
  void unknownUpstream() {
    JavaFileObject lab =
        pipeline(
            """
              @Apply(LabFunctions.class)
              Reading readings(
                  Measurement measurement);
            """);
    Compilation compilation = compile(lab);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/UnknownUpstream] Node 'readings' reads from 'measurement', but the pipeline"
                + " has no node of that name. Did you mean 'measurements'? A parameter names its"
                + " upstream node by that node's method name; rename the parameter or declare the"
                + " node. Nodes: 'measurements', 'readings'.")
        .inFile(lab)
        .onLineContaining("Measurement measurement);");
  }

  @Test
  void dagCycle() {
    JavaFileObject lab =
        pipeline(
            """
              @Filter("pressureKpa > 1")
              Measurement a(
                  Measurement c);

              @Filter("pressureKpa > 2")
              Measurement b(Measurement a);

              @Filter("pressureKpa > 3")
              Measurement c(Measurement b);
            """);
    Compilation compilation = compile(lab);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/DagCycle] Nodes read from each other in a cycle: a -> b -> c -> a. A"
                + " pipeline is acyclic; make one of these nodes read from a node outside the"
                + " cycle.")
        .inFile(lab)
        .onLineContaining("Measurement c);");
  }

  @Test
  void unknownColumnInAFunctionParameterSuggestsTheColumn() {
    JavaFileObject functions =
        lab(
            "Typo",
            """
            package lab;

            import org.orcapod.annotations.PacketFunction;

            final class Typo {
              @PacketFunction(output = "fahrenheit")
              static double toFahrenheit(double temperatureC, double presureKpa) {
                return temperatureC * 9 / 5 + 32;
              }
            }
            """);
    JavaFileObject lab =
        pipeline(
            """
              @Apply(Typo.class)
              Measurement readings(Measurement measurements);
            """);
    Compilation compilation = compile(functions, lab);

    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/UnknownColumn] Parameter 'presureKpa' of function Typo.toFahrenheit refers"
                + " to column 'presureKpa', but the input of node 'readings' has no such column."
                + " Did you mean 'pressureKpa'? Available: 'temperatureC', 'pressureKpa'. Rename"
                + " the parameter to match a packet column, or rename the column with"
                + " @MapPackets.")
        .inFile(lab)
        .onLineContaining("@Apply(Typo.class)");
  }

  @Test
  void unknownColumnInAFilterPredicate() {
    JavaFileObject lab =
        pipeline(
            """
              @Filter("presureKpa > 101.3")
              Measurement high(Measurement measurements);
            """);
    Compilation compilation = compile(lab);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/UnknownColumn] The predicate of @Filter node 'high' refers to column"
                + " 'presureKpa'")
        .inFile(lab)
        .onLineContaining("@Filter(\"presureKpa > 101.3\")");
  }

  @Test
  void unconsumedColumn() {
    JavaFileObject functions =
        lab(
            "Celsius",
            """
            package lab;

            import org.orcapod.annotations.PacketFunction;

            final class Celsius {
              @PacketFunction(output = "kelvin")
              static double kelvin(double temperatureC) {
                return temperatureC + 273.15;
              }
            }
            """);
    JavaFileObject lab =
        pipeline(
            """
              @Apply(Celsius.class)
              Kelvin kelvin(Measurement measurements);

              record Kelvin(@Tag String experiment, double kelvin) {}
            """);
    Compilation compilation = compile(functions, lab);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/UnconsumedColumn] The input of node 'kelvin' has packet column"
                + " 'pressureKpa', but function Celsius.kelvin has no parameter of that name; a"
                + " function pod must consume every packet column. Add a parameter 'pressureKpa',"
                + " or remove the column first with @Drop or @Select.")
        .inFile(lab)
        .onLineContaining("@Apply(Celsius.class)");
  }

  @Test
  void typeMismatchNamesBothTypesAndTheirNullability() {
    JavaFileObject nullableMeasurement =
        lab(
            "Raw",
            """
            package lab;

            import org.jspecify.annotations.Nullable;
            import org.orcapod.annotations.Tag;

            public record Raw(@Tag String experiment, double temperatureC, @Nullable Double pressureKpa) {}
            """);
    JavaFileObject lab =
        lab(
            "Lab",
            """
            package lab;

            import org.orcapod.annotations.*;

            @Pipeline
            interface Lab {
              @Source
              Raw raw();

              @Apply(LabFunctions.class)
              Reading readings(Raw raw);
            }
            """);
    Compilation compilation = compile(nullableMeasurement, lab);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/TypeMismatch] Parameter 'pressureKpa' of function LabFunctions.convert is"
                + " double (non-null), but packet column 'pressureKpa' of the input of node"
                + " 'readings' is double (nullable). Nulls cannot flow into a non-null slot:"
                + " annotate it @Nullable (or use Optional<Double>), or have a packet function"
                + " upstream return a non-null value (a @Filter keeps a column\'s nullable type).")
        .inFile(lab)
        .onLineContaining("@Apply(LabFunctions.class)");
  }

  @Test
  void typeMismatchBetweenAParameterAndItsUpstreamRows() {
    JavaFileObject lab =
        pipeline(
            """
              @Apply(LabFunctions.class)
              Reading readings(Measurement measurements);

              @Filter("highPressure = true")
              Reading high(
                  Measurement readings);
            """);
    Compilation compilation = compile(lab);

    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/TypeMismatch] Parameter 'readings' of node 'high' has type Measurement, but"
                + " node 'readings' produces Reading rows. Change the parameter's type to"
                + " Reading.")
        .inFile(lab)
        .onLineContaining("Measurement readings);");
  }

  @Test
  void rowTypeMismatch() {
    JavaFileObject lab =
        pipeline(
            """
              @Apply(LabFunctions.class)
              Fahrenheit readings(Measurement measurements);

              record Fahrenheit(@Tag String experiment, double fahrenheit) {}
            """);
    Compilation compilation = compile(lab);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/RowTypeMismatch] Node 'readings' declares rows of Fahrenheit, but it"
                + " produces tags [experiment] and packets [fahrenheit, highPressure]. It lacks"
                + " 'highPressure'. Make the components of Fahrenheit match.")
        .inFile(lab)
        .onLineContaining("Fahrenheit readings(");
  }

  @Test
  void packetColumnCollision() {
    JavaFileObject lab =
        pipeline(
            """
              @Source
              Pressure pressures();

              @Join
              Measurement joined(
                  Measurement measurements,
                  Pressure pressures);

              record Pressure(@Tag String experiment, double pressureKpa) {}
            """);
    Compilation compilation = compile(lab);

    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/PacketColumnCollision] Node 'joined' joins 'measurements' and 'pressures',"
                + " which both have packet column 'pressureKpa'; joined rows cannot hold two packet"
                + " columns of one name. Rename one with @MapPackets, or use @MergeJoin to merge"
                + " them into a list.")
        .inFile(lab)
        .onLineContaining("Pressure pressures);");
  }

  @Test
  void incompatibleTagTypes() {
    JavaFileObject lab =
        pipeline(
            """
              @Source
              Note notes();

              @Join
              Noted noted(
                  Measurement measurements,
                  Note notes);

              record Note(@Tag long experiment, String note) {}

              record Noted(@Tag String experiment, double temperatureC, double pressureKpa, String note) {}
            """);
    Compilation compilation = compile(lab);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/IncompatibleTagTypes] Node 'noted' joins on tag 'experiment', which is"
                + " String (non-null) in 'measurements' but long (non-null) in 'notes'. Give the"
                + " tag one type in both row records (or rename one with @MapTags if they mean"
                + " different things).")
        .inFile(lab)
        .onLineContaining("Note notes);");
  }

  @Test
  void cartesianJoinNeedsTheOptIn() {
    String body =
        """
          @Source
          Site sites();

          @Join%s
          Placed placed(Measurement measurements, Site sites);

          record Site(@Tag String site, String country) {}

          record Placed(@Tag String experiment, @Tag String site, double temperatureC,
              double pressureKpa, String country) {}
        """;
    JavaFileObject lab = pipeline(body.formatted(""));
    Compilation compilation = compile(lab);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/CartesianJoin] Node 'placed' joins 'measurements' (tags [experiment]) and"
                + " 'sites' (tags [site]), which share no tag column, so every row would be paired"
                + " with every row (a cartesian product). Give the inputs a shared tag column (for"
                + " example with @MapTags), or set allowCartesian = true if the product is"
                + " intended.")
        .inFile(lab)
        .onLineContaining("@Join");

    assertThat(compile(pipeline(body.formatted("(allowCartesian = true)"))))
        .succeededWithoutWarnings();
  }

  @Test
  void duplicateLabel() {
    JavaFileObject lab =
        pipeline(
            """
              @Label("high")
              @Filter("pressureKpa > 101.3")
              Measurement highPressure(Measurement measurements);

              @Label("high")
              @Filter("temperatureC > 30")
              Measurement hot(Measurement measurements);
            """);
    Compilation compilation = compile(lab);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/DuplicateLabel] Label 'high' of node 'hot' is already the label of node"
                + " 'highPressure'. Labels name stored results, logs and status, so they must be"
                + " unique; give one of the nodes another label with @Label.")
        .inFile(lab)
        .onLineContaining("Measurement hot(");
  }

  @Test
  void duplicateNodeNameFromOverloads() {
    JavaFileObject lab =
        pipeline(
            """
              @Source
              Reading readings();

              @Filter("pressureKpa > 101.3")
              Measurement high(Measurement measurements);

              @Filter("highPressure = true")
              Reading high(
                  Reading readings);
            """);
    Compilation compilation = compile(lab);

    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/DuplicateLabel] Two nodes are named 'high'. Parameters refer to nodes by"
                + " method name, so overloaded node methods are ambiguous; rename one of the"
                + " methods.")
        .inFile(lab)
        .onLineContaining("Reading high(");
  }

  @Test
  void invalidRowTypeWithoutPacketColumns() {
    JavaFileObject lab =
        pipeline(
            """
              @Source
              Experiments experiments();

              record Experiments(@Tag String experiment) {}
            """);
    Compilation compilation = compile(lab);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/InvalidRowType] Node 'experiments' has row type Experiments, which has no"
                + " packet column (every component is @Tag). Add a component without @Tag: every"
                + " row carries at least one packet column.")
        .inFile(lab)
        .onLineContaining("Experiments experiments();");
  }

  @Test
  void invalidAnnotationMissingOutputName() {
    JavaFileObject functions =
        lab(
            "Single",
            """
            package lab;

            import org.orcapod.annotations.PacketFunction;

            final class Single {
              @PacketFunction
              static double twice(double x) {
                return 2 * x;
              }
            }
            """);
    Compilation compilation = compile(functions);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/InvalidAnnotation] @PacketFunction(output = \"\") is empty, but Single.twice"
                + " returns a single double value. Name its column with @PacketFunction(output ="
                + " \"...\"), or return a record whose components are the output columns.")
        .inFile(functions)
        .onLineContaining("@PacketFunction");
  }

  @Test
  void unsupportedTypeInARowRecordSitsOnTheComponent() {
    JavaFileObject counts =
        lab(
            "Counts",
            """
            package lab;

            import org.orcapod.annotations.Tag;

            public record Counts(
                @Tag String experiment,
                float ratio) {}
            """);
    JavaFileObject lab =
        pipeline(
            """
              @Source
              Counts counts();
            """);
    Compilation compilation = compile(counts, lab);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/UnsupportedType] Component 'ratio' of Counts has type float, which orcapod"
                + " cannot store in a column. Use double (Arrow float64, Python's float).")
        .inFile(counts)
        .onLineContaining("float ratio");
  }

  @Test
  void notCallableVoidFunction() {
    JavaFileObject functions =
        lab(
            "Printer",
            """
            package lab;

            import org.orcapod.annotations.PacketFunction;

            final class Printer {
              @PacketFunction
              static void print(double x) {
                System.out.println(x);
              }
            }
            """);
    Compilation compilation = compile(functions);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/NotCallable] Packet function Printer.print cannot be called as declared: it"
                + " returns void.")
        .inFile(functions)
        .onLineContaining("static void print");
  }

  @Test
  void invalidPredicate() {
    JavaFileObject lab =
        pipeline(
            """
              @Filter("pressureKpa >")
              Measurement high(Measurement measurements);
            """);
    Compilation compilation = compile(lab);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/InvalidPredicate] The predicate of @Filter node 'high' is not valid:"
                + " expected a literal (a number, a 'quoted string', true or false) at position 14,"
                + " found the end in \"pressureKpa >\".")
        .inFile(lab)
        .onLineContaining("@Filter(\"pressureKpa >\")");
  }

  @Test
  void unsupportedTypeSuggestsTheSupportedOne() {
    JavaFileObject functions =
        lab(
            "Counts",
            """
            package lab;

            import org.orcapod.annotations.PacketFunction;

            final class Counts {
              @PacketFunction(output = "doubled")
              static long doubled(
                  int count) {
                return 2L * count;
              }
            }
            """);
    Compilation compilation = compile(functions);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/UnsupportedType] Parameter 'count' of Counts.doubled has type int, which"
                + " orcapod cannot store in a column. Use long (Arrow int64, Python's int)."
                + " Supported: long, double, boolean, String, byte[], Path, LocalDate, BigDecimal,"
                + " List<T> and records of these; a nullable value is @Nullable T or Optional<T>.")
        .inFile(functions)
        .onLineContaining("int count");
  }

  @Test
  void notCallablePrivateMethod() {
    JavaFileObject functions =
        lab(
            "Hidden",
            """
            package lab;

            import org.orcapod.annotations.PacketFunction;

            final class Hidden {
              @PacketFunction(output = "twice")
              private static double twice(double x) {
                return 2 * x;
              }
            }
            """);
    Compilation compilation = compile(functions);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/NotCallable] Packet function Hidden.twice cannot be called as declared: it"
                + " is private. Make it package-private or public; generated code in the same"
                + " package calls it.")
        .inFile(functions)
        .onLineContaining("private static double twice");
  }

  @Test
  void notCallableInstanceMethodWithoutNoArgConstructor() {
    JavaFileObject functions =
        lab(
            "Scaler",
            """
            package lab;

            import org.orcapod.annotations.PacketFunction;

            final class Scaler {
              private final double factor;

              Scaler(double factor) {
                this.factor = factor;
              }

              @PacketFunction(output = "scaled")
              double scale(double x) {
                return factor * x;
              }
            }
            """);
    Compilation compilation = compile(functions);

    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/NotCallable] Packet function Scaler.scale cannot be called as declared: it"
                + " is an instance method and Scaler has no non-private no-argument constructor."
                + " Make the method static, or add a no-argument constructor.")
        .inFile(functions)
        .onLineContaining("double scale(double x)");
  }

  @Test
  void unknownFunctionSuggestsTheName() {
    JavaFileObject lab =
        pipeline(
            """
              @Apply(value = LabFunctions.class, function = "conver")
              Reading readings(Measurement measurements);
            """);
    Compilation compilation = compile(lab);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/UnknownFunction] LabFunctions declares no @PacketFunction named 'conver'."
                + " Did you mean 'convert'? Its packet functions: 'convert'.")
        .inFile(lab)
        .onLineContaining("function = \"conver\"");
  }

  @Test
  void unknownFunctionWhenTheClassLiteralIsNotAClass() {
    JavaFileObject lab =
        pipeline(
            """
              @Apply(double.class)
              Reading readings(Measurement measurements);
            """);
    Compilation compilation = compile(lab);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/UnknownFunction] double declares no @PacketFunction method. Annotate the"
                + " method to apply with @PacketFunction, or name the class that declares it.")
        .inFile(lab)
        .onLineContaining("@Apply(double.class)");
  }

  @Test
  void invalidRowType() {
    JavaFileObject lab =
        pipeline(
            """
              @Filter("pressureKpa > 1")
              String high(Measurement measurements);
            """);
    Compilation compilation = compile(lab);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/InvalidRowType] Node 'high' has row type java.lang.String, which is not a"
                + " record. Declare the rows as a record whose components are the columns,"
                + " marking tag components @Tag.")
        .inFile(lab)
        .onLineContaining("String high(");
  }

  @Test
  void invalidNodeWithoutKindAnnotation() {
    JavaFileObject lab =
        pipeline(
            """
              Measurement forgotten(Measurement measurements);
            """);
    Compilation compilation = compile(lab);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/InvalidNode] Abstract method forgotten() of pipeline Lab has no node"
                + " annotation.")
        .inFile(lab)
        .onLineContaining("Measurement forgotten(");
  }

  @Test
  void invalidNodeWithWrongInputCount() {
    JavaFileObject lab =
        pipeline(
            """
              @SemiJoin
              Measurement kept(Measurement measurements);
            """);
    Compilation compilation = compile(lab);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/InvalidNode] @SemiJoin node 'kept' takes exactly 2 inputs, but declares 1.")
        .inFile(lab)
        .onLineContaining("Measurement kept(");
  }

  @Test
  void nodeNameTakenByTheGeneratedClass() {
    JavaFileObject lab =
        pipeline(
            """
              @Source
              Measurement database();

              @Filter("temperatureC > 0")
              Measurement run(Measurement measurements);
            """);
    Compilation compilation = compile(lab);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/InvalidNode] Node 'run' has a name the generated pipeline class uses for its"
                + " own method run(). Rename the method (keep the label with @Label(\"run\") if"
                + " stored results should stay); reserved: builder, close, declaredPipelineHashes,"
                + " pipeline, run.")
        .inFile(lab)
        .onLineContaining("Measurement run(");
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/InvalidNode] Node 'database' has a name the generated pipeline class uses"
                + " for its own builder method database().")
        .inFile(lab)
        .onLineContaining("Measurement database()");
  }

  @Test
  void invalidAnnotationVersion() {
    JavaFileObject functions =
        lab(
            "Versioned",
            """
            package lab;

            import org.orcapod.annotations.PacketFunction;

            final class Versioned {
              @PacketFunction(output = "twice",
                  version = "v1")
              static double twice(double x) {
                return 2 * x;
              }
            }
            """);
    Compilation compilation = compile(functions);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/InvalidAnnotation] @PacketFunction(version = \"v1\") is not a version."
                + " Write \"<major>\" or \"<major>.<minor>\" with whole numbers, for example \"1\""
                + " or \"2.1\"; bump the major version when results change.")
        .inFile(functions)
        .onLineContaining("version = \"v1\"");
  }

  @Test
  void pipelineOnAConcreteClass() {
    JavaFileObject lab =
        lab(
            "Concrete",
            """
            package lab;

            import org.orcapod.annotations.*;

            @Pipeline
            final class Concrete {}
            """);
    Compilation compilation = compile(lab);

    assertThat(compilation)
        .hadErrorContaining(
            "[Orcapod/InvalidNode] @Pipeline type Concrete is not an interface or abstract class.")
        .inFile(lab)
        .onLineContaining("@Pipeline");
  }
}
