package org.orcapod.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.orcapod.processor.LabSources.compile;
import static org.orcapod.processor.LabSources.lab;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The examples of docs/dsl.md compile cleanly: no error and no warning. */
class ValidPipelinesTest {
  @Test
  void gettingStartedPipeline() {
    JavaFileObject lab =
        lab(
            "Lab",
            """
            package lab;

            import org.orcapod.annotations.*;

            @Pipeline(name = "lab")
            public interface Lab {
              @Source
              Measurement measurements();

              @Apply(LabFunctions.class)
              Reading readings(Measurement measurements);

              @Label("pressure_alerts")
              @Filter("highPressure = true and fahrenheit > 50")
              Reading alerts(Reading readings);
            }
            """);

    assertThat(compile(lab)).succeededWithoutWarnings();
  }

  @Test
  void fileBasedPipelineWithJoinAndBatch() {
    JavaFileObject rows =
        JavaFileObjects.forSourceString(
            "weather.Rows",
            """
            package weather;

            import java.nio.file.Path;
            import java.time.LocalDate;
            import java.util.List;
            import org.orcapod.annotations.Tag;

            final class Rows {
              private Rows() {}

              record DayFile(@Tag LocalDate day, Path data) {}

              record MetaFile(@Tag LocalDate day, Path meta) {}

              record Stats(long count, double mean, double min, double max) {}

              record DayStats(@Tag LocalDate day, long count, double mean, double min, double max) {}

              record Meta(String station, String operator) {}

              record DayMeta(@Tag LocalDate day, String station, String operator) {}

              record DayReport(
                  @Tag LocalDate day, long count, double mean, double min, double max,
                  String station, String operator) {}

              record Summary(
                  @Tag List<LocalDate> day, List<Long> count, List<Double> mean, List<Double> min,
                  List<Double> max, List<String> station, List<String> operator) {}
            }
            """);
    JavaFileObject functions =
        JavaFileObjects.forSourceString(
            "weather.WeatherFunctions",
            """
            package weather;

            import java.io.IOException;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.DoubleSummaryStatistics;
            import org.orcapod.annotations.PacketFunction;
            import weather.Rows.Meta;
            import weather.Rows.Stats;

            public final class WeatherFunctions {
              private WeatherFunctions() {}

              @PacketFunction(version = "1")
              public static Stats dayStats(Path data) throws IOException {
                DoubleSummaryStatistics s;
                try (var lines = Files.lines(data)) {
                  s = lines.filter(l -> !l.isBlank()).mapToDouble(Double::parseDouble).summaryStatistics();
                }
                return new Stats(s.getCount(), s.getAverage(), s.getMin(), s.getMax());
              }

              @PacketFunction(version = "1")
              public static Meta parseMeta(Path meta) throws IOException {
                String[] parts = Files.readString(meta).trim().split(",");
                return new Meta(parts[0], parts[1]);
              }
            }
            """);
    JavaFileObject pipeline =
        JavaFileObjects.forSourceString(
            "weather.Weather",
            """
            package weather;

            import org.orcapod.annotations.*;
            import weather.Rows.*;

            @Pipeline(name = "weather")
            public abstract class Weather {
              @Source
              abstract DayFile dayFiles();

              @Source
              abstract MetaFile metaFiles();

              @Apply(value = WeatherFunctions.class, function = "dayStats")
              abstract DayStats dayStats(DayFile dayFiles);

              @Apply(value = WeatherFunctions.class, function = "parseMeta")
              abstract DayMeta dayMeta(MetaFile metaFiles);

              @Join
              abstract DayReport reports(DayStats dayStats, DayMeta dayMeta);

              @Batch
              abstract Summary summary(DayReport reports);

              /** Helpers with bodies are not nodes. */
              static String describe() {
                return "per-day statistics joined with station metadata";
              }
            }
            """);

    assertThat(LabSources.compileOnly(rows, functions, pipeline)).succeededWithoutWarnings();
  }

  @Test
  void everyOperatorKindWithNullableAndInstanceFunctions() {
    JavaFileObject functions =
        lab(
            "Calibration",
            """
            package lab;

            import java.util.Optional;
            import org.jspecify.annotations.Nullable;
            import org.orcapod.annotations.PacketFunction;

            public class Calibration {
              private final double offset = 0.5;

              @PacketFunction(name = "calibrate", version = "2.1", output = "calibrated")
              public Optional<Double> apply(double temperatureC, @Nullable Double pressureKpa) {
                return pressureKpa == null ? Optional.empty() : Optional.of(temperatureC + offset);
              }
            }
            """);
    JavaFileObject lab =
        lab(
            "Lab",
            """
            package lab;

            import java.util.List;
            import org.jspecify.annotations.Nullable;
            import org.orcapod.annotations.*;

            @Pipeline
            interface Lab {
              record Approval(@Tag String experiment, boolean approved) {}
              record Calibrated(@Tag String experiment, @Nullable Double calibrated) {}
              record Celsius(@Tag String run, double celsius, double pressureKpa) {}
              record Temperatures(@Tag String experiment, double temperatureC) {}
              record Batched(@Tag List<String> experiment, List<Double> temperatureC) {}
              record Merged(@Tag String experiment, List<Double> temperatureC) {}

              @Source Measurement measurements();
              @Source Approval approvals();
              @SemiJoin Measurement approved(Measurement measurements, Approval approvals);
              @Apply(Calibration.class) Calibrated calibrated(Measurement approved);
              @MapTags(@Rename(from = "experiment", to = "run"))
              @Label("renamed_tags")
              Measurement2 byRun(Measurement measurements);
              @MapPackets(@Rename(from = "temperatureC", to = "celsius"))
              Celsius celsius(Measurement2 byRun);
              @Select Temperatures temperatures(Measurement measurements);
              @Drop("pressureKpa") Temperatures dropped(Measurement measurements);
              @MergeJoin Merged merged(Temperatures temperatures, Temperatures dropped);
              @Batch(size = 10, dropPartial = true) Batched batched(Temperatures temperatures);
              @Filter("experiment in ('exp1', 'exp2') and not temperatureC < -10.5")
              Measurement filtered(Measurement measurements);

              record Measurement2(@Tag String run, double temperatureC, double pressureKpa) {}
            }
            """);

    assertThat(compile(functions, lab)).succeededWithoutWarnings();
  }
}
