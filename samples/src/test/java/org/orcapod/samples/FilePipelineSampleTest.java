package org.orcapod.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.pipeline.DefinitionContext;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.pipeline.PipelineDefinition;

/** Runs the README's first command's entry point end to end in a temporary directory. */
class FilePipelineSampleTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        FilePipelineSample.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs the sample and checks it parsed exactly {@code parsed} measurement files. */
  private Run sample(int parsed) {
    int before = WeatherFunctions.MEASUREMENT_FILES_PARSED.get();
    Run r = sample();
    assertThat(WeatherFunctions.MEASUREMENT_FILES_PARSED.get() - before)
        .as("measurement files parsed")
        .isEqualTo(parsed);
    return r;
  }

  private Run sample() {
    return run("--data", dir.resolve("files").toString(), "--db", dir.resolve("db").toString());
  }

  private static String line(String node, int rows, int computed, int cached) {
    return String.format("%-16s %6d %9d %7d %7d", node, rows, computed, cached, 0);
  }

  @Test
  void firstRunComputesSecondIsCachedNewAndEditedFilesRecomputeOnlyTheirPackets()
      throws IOException {
    Run first = sample(5);
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("wrote the bundled data set (10 files)")
        .contains("(5 measurement files, 5 metadata files)")
        .contains(line("daily_stats", 5, 5, 0))
        .contains(line("parse_metadata", 5, 5, 0))
        .contains(line("batch_summary", 1, 1, 0))
        .contains("summary: 5 days, 120 readings")
        .contains("computed 11 packets, 0 came from the cache");
    assertThat(Files.exists(dir.resolve("db").resolve("orcapod.sqlite"))).isTrue();

    Run second = sample(0);
    assertThat(second.code()).isZero();
    assertThat(second.out())
        .doesNotContain("wrote the bundled data set")
        .contains(line("daily_stats", 5, 0, 5))
        .contains(line("parse_metadata", 5, 0, 5))
        .contains(line("batch_summary", 1, 0, 1))
        .contains("everything came from the cache (11 packets)");

    // A sixth day: only its packets are computed (and the batch, whose input changed).
    SampleData.writeDay(dir.resolve("files"), 5);
    Run added = sample(1);
    assertThat(added.code()).isZero();
    assertThat(added.out())
        .contains("(6 measurement files, 6 metadata files)")
        .contains(line("daily_stats", 6, 1, 5))
        .contains(line("parse_metadata", 6, 1, 5))
        .contains(line("batch_summary", 1, 1, 0))
        .contains("summary: 6 days, 144 readings");

    // Editing one measurement file recomputes just its packet; the metadata stays cached.
    Path edited = dir.resolve("files").resolve(SampleData.day(2) + ".txt");
    Files.writeString(edited, "23:30 30.0 1001.0\n", StandardOpenOption.APPEND);
    Run afterEdit = sample(1);
    assertThat(afterEdit.code()).isZero();
    assertThat(afterEdit.out())
        .contains(line("daily_stats", 6, 1, 5))
        .contains(line("parse_metadata", 6, 0, 6))
        .contains(line("batch_summary", 1, 1, 0))
        .contains("summary: 6 days, 145 readings")
        .contains("max 30.0");

    Run again = sample(0);
    assertThat(again.out()).contains("everything came from the cache (13 packets)");
  }

  @Test
  void badArgumentsExitTwoWithOneClearLine() throws IOException {
    Run unknown = run("--frobnicate");
    assertThat(unknown.code()).isEqualTo(FilePipelineSample.USAGE_ERROR);
    assertThat(unknown.err().lines().findFirst())
        .hasValue("error: unknown argument '--frobnicate' (see --help)");

    Run missing = run("--db");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).startsWith("error: option --db needs a folder");

    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    Run notFolder = run("--data", file.toString());
    assertThat(notFolder.code()).isEqualTo(2);
    assertThat(notFolder.err().strip())
        .isEqualTo("error: --data " + file + " is a file, not a folder; pass a folder");

    Run help = run("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).startsWith("usage: FilePipelineSample");
  }

  @Test
  void aMalformedMeasurementFileFailsItsNodeWithExitOne() throws IOException {
    Path files = dir.resolve("files");
    SampleData.writeBundled(files);
    Files.writeString(files.resolve(SampleData.day(1) + ".txt"), "00:00 warm 1000\n");
    Run r = sample();
    assertThat(r.code()).isEqualTo(FilePipelineSample.RUN_FAILED);
    assertThat(r.err())
        .contains("error: daily_stats failed for {day=" + SampleData.day(1) + "}")
        .contains("line 1: not a number in '00:00 warm 1000'");
    assertThat(r.out())
        .contains(String.format("%-16s %6d %9d %7d %7d", "daily_stats", 4, 4, 0, 1))
        .contains("summary: 4 days, 96 readings");
  }

  @Test
  void asAPipelineDefinitionItReadsTheDataFolderFromItsParameterAndReleasesEverythingOnClose() {
    Path files = dir.resolve("param-files");
    try (BufferAllocator allocator = new RootAllocator();
        InMemoryArrowDatabase db = InMemoryArrowDatabase.create(allocator)) {
      PipelineDefinition definition = new FilePipelineSample();
      try (Pipeline p =
          definition.define(
              new DefinitionContext(
                  db, allocator, Map.of(FilePipelineSample.DATA_PARAMETER, files.toString())))) {
        p.compile();
        assertThat(p.run().succeeded()).isTrue();
        assertThat(p.stream("daily_stats").rowCount()).isEqualTo(SampleData.DAYS);
        assertThat(p.stream("batch_summary").rows().get(0).packet().get("days"))
            .isEqualTo((long) SampleData.DAYS);
      }
      // the missing folder was filled with the bundled days
      assertThat(files.resolve(SampleData.day(0) + ".txt")).exists();
    } // the allocator closes without a leak: the pipeline closed the sources and streams it owns
  }

  @Test
  void aDataFolderWithoutMetadataFilesIsRefusedNamingTheFolderAndTheParameter() throws IOException {
    Path files = Files.createDirectories(dir.resolve("only-txt"));
    SampleData.writeMeasurements(files, 0);
    try (BufferAllocator allocator = new RootAllocator()) {
      assertThatThrownBy(
              () ->
                  new FilePipelineSample()
                      .define(
                          new DefinitionContext(
                              null,
                              allocator,
                              Map.of(FilePipelineSample.DATA_PARAMETER, files.toString()))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(files.toAbsolutePath().toString())
          .hasMessageContaining("-P data=<folder>");
    }
  }

  @Test
  void theGeneratedWiringBuildsTheNodesAndEdgesThatWeatherDeclares() {
    Path files = dir.resolve("wiring-files");
    try (BufferAllocator allocator = new RootAllocator();
        Pipeline p =
            new FilePipelineSample()
                .define(
                    new DefinitionContext(
                        null,
                        allocator,
                        Map.of(FilePipelineSample.DATA_PARAMETER, files.toString())))) {
      assertThat(p.name()).isEqualTo("weather");
      assertThat(p.labels())
          .containsExactlyInAnyOrder(
              "measurements",
              "metadata",
              "daily_stats",
              "parse_metadata",
              "joined",
              "batched",
              "batch_summary");
      assertThat(p.node("daily_stats").upstream()).containsExactly("measurements");
      assertThat(p.node("parse_metadata").upstream()).containsExactly("metadata");
      assertThat(p.node("joined").upstream())
          .containsExactlyInAnyOrder("daily_stats", "parse_metadata");
      assertThat(p.node("batched").upstream()).containsExactly("joined");
      assertThat(p.node("batch_summary").upstream()).containsExactly("batched");
      assertThat(p.stream("batch_summary").keys().packet())
          .containsExactly(
              "days",
              "total_readings",
              "mean_temperature_c",
              "min_temperature_c",
              "max_temperature_c",
              "instruments");
    }
  }
}
