package org.orcapod.samples.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.embedded.EmbeddedArrowDatabase;
import org.orcapod.observe.CompositeObserver;
import org.orcapod.pipeline.DefinitionContext;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.pipeline.PipelineDefinition;
import org.orcapod.pipeline.RunOptions;
import org.orcapod.pipeline.RunResult;
import org.orcapod.samples.PacketCounter;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;

/**
 * Sample 1, Python orcapod's getting-started example in Java: three lab measurements tagged by
 * {@code experiment} (source id {@code lab_results}), and {@code analyze_conditions}, which
 * computes the temperature in Fahrenheit and a high-pressure flag for each. The data, the column
 * names and the function's name are Python's, so the source hash, the record ids, the input and
 * output packet hashes are the values Python orcapod computes (see docs/interoperability.md).
 *
 * <p>The nodes are declared in {@link Lab}; {@link #wire} builds them with {@code OrcapodLab}, the
 * class the annotation processor generated from that declaration, and the results are read back as
 * {@link Conditions} records through its typed handle {@code conditions()}.
 *
 * <p>Usage: {@code LabSample [--db <folder>]}; exit codes: 0 success, 1 a packet or node failed, 2
 * bad arguments.
 */
public final class LabSample implements PipelineDefinition {
  /** Exit code of a usage error. */
  public static final int USAGE_ERROR = 2;

  /** Exit code of a failed run. */
  public static final int RUN_FAILED = 1;

  /** The source id of the measurements, as in Python's example. */
  public static final String SOURCE_ID = "lab_results";

  /** Python orcapod's getting-started measurements (temperature in °C, pressure in bar). */
  public static final List<Measurement> MEASUREMENTS =
      List.of(
          new Measurement("exp_001", 20.5, 1.01),
          new Measurement("exp_002", 22.3, 0.98),
          new Measurement("exp_003", 19.8, 1.05));

  static final String USAGE =
      "usage: LabSample [--db <folder>]\n"
          + "  --db    folder of the embedded SQLite database (default ./orcapod-data/db; created if"
          + " missing)";

  private static final List<String> FUNCTION_NODES = List.of("conditions");

  /** The definition the CLI and tests build by class name; {@link #main} runs it. */
  public LabSample() {}

  /** Builds the {@code lab} pipeline over {@link #MEASUREMENTS}; it takes no parameters. */
  @Override
  public Pipeline define(DefinitionContext context) {
    return wire(context.database(), context.allocator(), MEASUREMENTS).pipeline();
  }

  /**
   * Builds {@link Lab} with its generated class {@code OrcapodLab}: the {@code measurements} source
   * node bound to a {@code DictSource} of {@code rows} (source id {@value #SOURCE_ID}, as Python's
   * example), and {@code conditions} applying the generated {@code
   * LabFunctions_Analyze_conditionsPod}. The source is handed to the pipeline, so closing the
   * returned object (or its {@code pipeline()}) releases everything.
   */
  static OrcapodLab wire(
      @Nullable ArrowDatabase database, BufferAllocator allocator, List<Measurement> rows) {
    SourceContext ctx = SourceContext.defaultContext();
    DictSource measurements =
        DictSource.ofRecords(
            Measurement.class, rows, List.of("experiment"), SOURCE_ID, ctx, allocator);
    try {
      OrcapodLab lab =
          OrcapodLab.builder()
              .measurements(measurements)
              .database(database)
              .allocator(allocator)
              .context(ctx)
              .build();
      lab.pipeline().own(measurements);
      return lab;
    } catch (RuntimeException | Error e) {
      measurements.close();
      throw e;
    }
  }

  /** Runs the sample and exits with its exit code. */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs the sample, printing to {@code out} and errors (one line each) to {@code err}.
   *
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Path db = Path.of("orcapod-data", "db");
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        out.println(USAGE);
        return 0;
      }
      if (a.equals("--db") && i + 1 < args.length) {
        db = Path.of(args[++i]);
        continue;
      }
      err.println(
          "error: "
              + (a.equals("--db") ? "option --db needs a folder" : "unknown argument '" + a + "'")
              + " (see --help)");
      err.println(USAGE);
      return USAGE_ERROR;
    }
    if (Files.exists(db) && !Files.isDirectory(db)) {
      err.println("error: --db " + db + " is a file, not a folder; pass a folder");
      return USAGE_ERROR;
    }
    try {
      return runPipeline(db.toAbsolutePath().normalize(), out, err);
    } catch (RuntimeException e) {
      err.println("error: " + e.getMessage());
      return RUN_FAILED;
    }
  }

  private static int runPipeline(Path dbFolder, PrintStream out, PrintStream err) {
    try {
      Files.createDirectories(dbFolder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create database folder " + dbFolder, e);
    }
    Path dbFile = dbFolder.resolve("orcapod.sqlite");
    out.println("measurements: " + MEASUREMENTS.size() + " rows (source id " + SOURCE_ID + ")");
    out.println("database: " + dbFile + " (embedded SQLite)");
    try (BufferAllocator allocator = new RootAllocator();
        EmbeddedArrowDatabase database = EmbeddedArrowDatabase.open(dbFile, allocator);
        OrcapodLab lab = wire(database, allocator, MEASUREMENTS)) {
      Pipeline pipeline = lab.pipeline();
      PacketCounter counter = new PacketCounter();
      RunResult result =
          lab.run(
              RunOptions.defaults()
                  .withObserver(new CompositeObserver(pipeline.defaultObserver(), counter)));
      out.println();
      counter.printTable(pipeline, result, FUNCTION_NODES, out);
      out.println();
      if (result.completed().contains("conditions")) {
        printResults(lab.conditions().rows(), out);
        out.println();
      }
      counter.printTotals(FUNCTION_NODES, out);
      if (!counter.crashes().isEmpty()) {
        counter.crashes().forEach(c -> err.println("error: " + c));
        return RUN_FAILED;
      }
      if (!result.succeeded()) {
        result
            .failed()
            .forEach(
                (label, error) ->
                    err.println("error: node " + label + " failed: " + error.getMessage()));
        return RUN_FAILED;
      }
      return 0;
    }
  }

  /** The results as Python's example prints them: one row per experiment, two decimals. */
  private static void printResults(List<Conditions> rows, PrintStream out) {
    out.println(
        String.format("%-10s %16s %17s", "experiment", "temp_fahrenheit", "is_high_pressure"));
    rows.stream()
        .sorted(Comparator.comparing(Conditions::experiment))
        .forEach(
            c ->
                out.println(
                    String.format(
                        Locale.ROOT,
                        "%-10s %16.2f %17s",
                        c.experiment(),
                        c.temp_fahrenheit(),
                        c.is_high_pressure())));
  }
}
