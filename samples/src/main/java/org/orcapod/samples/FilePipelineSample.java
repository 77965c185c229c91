package org.orcapod.samples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sample 2, a file-based scientific pipeline: a folder of per-day measurement files ({@code
 * <day>.txt}) and metadata files ({@code <day>.json}) become Path packets hashed by content; {@code
 * daily_stats} parses each measurement file, {@code parse_metadata} each metadata file, the two are
 * joined on {@code day}, batched, and {@code batch_summary} summarises the batch. Results live in
 * an embedded SQLite database, so a second run serves everything from the cache and a new or edited
 * file computes only its own packets.
 *
 * <p>The nodes are declared in {@link Weather}; {@link #define} builds them with {@code
 * OrcapodWeather}, the class the annotation processor generated from that declaration, and the
 * summary is read back as {@link BatchSummary} records through its typed handle.
 *
 * <p>Usage: {@code FilePipelineSample [--data <folder>] [--db <folder>]}; exit codes: 0 success, 1
 * a node failed, 2 bad arguments.
 */
public final class FilePipelineSample implements PipelineDefinition {
  /** Exit code of a usage error. */
  public static final int USAGE_ERROR = 2;

  /** Exit code of a failed run. */
  public static final int RUN_FAILED = 1;

  static final String USAGE =
      "usage: FilePipelineSample [--data <folder>] [--db <folder>]\n"
          + "  --data  folder of <day>.txt measurement and <day>.json metadata files"
          + " (default ./orcapod-data/files; filled with the bundled 5 days when missing or empty)\n"
          + "  --db    folder of the embedded SQLite database (default ./orcapod-data/db; created if"
          + " missing)";

  private static final List<String> FUNCTION_NODES =
      List.of("daily_stats", "parse_metadata", "batch_summary");

  /** The parameter naming the data folder ({@code -P data=<folder>} on the command line). */
  public static final String DATA_PARAMETER = "data";

  /** The data folder when no parameter is given, relative to the working directory. */
  public static final String DEFAULT_DATA = "orcapod-data/files";

  private static final Logger LOG = LoggerFactory.getLogger(FilePipelineSample.class);

  /** The definition the CLI and tests build by class name; {@link #main} runs it. */
  public FilePipelineSample() {}

  /** Runs the sample and exits with its exit code. */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs the sample, printing to {@code out} and errors (one line) to {@code err}.
   *
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Path data = Path.of("orcapod-data", "files");
    Path db = Path.of("orcapod-data", "db");
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        out.println(USAGE);
        return 0;
      }
      if ((a.equals("--data") || a.equals("--db")) && i + 1 < args.length) {
        Path value = Path.of(args[++i]);
        if (a.equals("--data")) {
          data = value;
        } else {
          db = value;
        }
        continue;
      }
      err.println(
          "error: "
              + (a.equals("--data") || a.equals("--db")
                  ? "option " + a + " needs a folder"
                  : "unknown argument '" + a + "'")
              + " (see --help)");
      err.println(USAGE);
      return USAGE_ERROR;
    }
    if (Files.exists(data) && !Files.isDirectory(data)) {
      err.println("error: --data " + data + " is a file, not a folder; pass a folder");
      return USAGE_ERROR;
    }
    if (Files.exists(db) && !Files.isDirectory(db)) {
      err.println("error: --db " + db + " is a file, not a folder; pass a folder");
      return USAGE_ERROR;
    }
    try {
      return runPipeline(
          data.toAbsolutePath().normalize(), db.toAbsolutePath().normalize(), out, err);
    } catch (RuntimeException e) {
      err.println("error: " + e.getMessage());
      return RUN_FAILED;
    }
  }

  private static int runPipeline(Path data, Path dbFolder, PrintStream out, PrintStream err) {
    if (!Files.isDirectory(data) || isEmpty(data)) {
      int n = SampleData.writeBundled(data);
      out.println("wrote the bundled data set (" + n + " files) into " + data);
    }
    DataFiles files = DataFiles.scan(data);
    if (files.measurements().isEmpty() || files.metadata().isEmpty()) {
      err.println("error: " + data + " needs <day>.txt measurement and <day>.json metadata files");
      return USAGE_ERROR;
    }
    try {
      Files.createDirectories(dbFolder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create database folder " + dbFolder, e);
    }
    Path dbFile = dbFolder.resolve("orcapod.sqlite");
    out.println(
        "data: "
            + data
            + " ("
            + files.measurements().size()
            + " measurement files, "
            + files.metadata().size()
            + " metadata files)");
    out.println("database: " + dbFile + " (embedded SQLite)");

    try (BufferAllocator allocator = new RootAllocator();
        EmbeddedArrowDatabase database = EmbeddedArrowDatabase.open(dbFile, allocator);
        OrcapodWeather weather = build(database, allocator, files)) {
      Pipeline pipeline = weather.pipeline();
      PacketCounter counter = new PacketCounter();
      RunResult result =
          weather.run(
              RunOptions.defaults()
                  .withObserver(new CompositeObserver(pipeline.defaultObserver(), counter)));
      printReport(weather, counter, result, out);
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

  /**
   * Builds the weather pipeline over the data folder given as parameter {@value #DATA_PARAMETER}
   * (default {@value #DEFAULT_DATA}, resolved against the working directory; a folder that is
   * missing or empty is filled with the bundled days), with the generated {@code OrcapodWeather}.
   * The sources are handed to the returned pipeline, so closing it releases them.
   *
   * @throws IllegalArgumentException when the folder holds no measurement or no metadata file
   */
  @Override
  public Pipeline define(DefinitionContext context) {
    Path data =
        Path.of(context.parameter(DATA_PARAMETER, DEFAULT_DATA)).toAbsolutePath().normalize();
    if (!Files.isDirectory(data) || isEmpty(data)) {
      int n = SampleData.writeBundled(data);
      LOG.info("wrote the bundled data set ({} files) into {}", n, data);
    }
    DataFiles files = DataFiles.scan(data);
    if (files.measurements().isEmpty() || files.metadata().isEmpty()) {
      throw new IllegalArgumentException(
          "data folder "
              + data
              + " needs <day>.txt measurement and <day>.json metadata files; pass another folder"
              + " with -P "
              + DATA_PARAMETER
              + "=<folder>");
    }
    OrcapodWeather weather = build(context.database(), context.allocator(), files);
    return weather.pipeline();
  }

  /**
   * Builds {@link Weather} with its generated class over the files of a data folder: one {@link
   * DictSource} per kind of file (source ids {@code measurements} and {@code metadata}, tag {@code
   * day}, one Path packet column each). The sources are handed to the pipeline, so closing it (or
   * the returned object) releases everything.
   */
  static OrcapodWeather build(
      @Nullable ArrowDatabase database, BufferAllocator allocator, DataFiles files) {
    SourceContext ctx = SourceContext.defaultContext();
    List<AutoCloseable> sources = new ArrayList<>();
    try {
      DictSource days =
          own(
              sources,
              DictSource.of(files.measurements(), List.of("day"), "measurements", ctx, allocator));
      DictSource meta =
          own(sources, DictSource.of(files.metadata(), List.of("day"), "metadata", ctx, allocator));
      OrcapodWeather weather =
          OrcapodWeather.builder()
              .measurements(days)
              .metadata(meta)
              .database(database)
              .allocator(allocator)
              .context(ctx)
              .build();
      sources.forEach(weather.pipeline()::own);
      return weather;
    } catch (RuntimeException | Error e) {
      for (int i = sources.size() - 1; i >= 0; i--) {
        try {
          sources.get(i).close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  private static <T extends AutoCloseable> T own(List<AutoCloseable> owned, T resource) {
    owned.add(resource);
    return resource;
  }

  private static void printReport(
      OrcapodWeather weather, PacketCounter counter, RunResult result, PrintStream out) {
    out.println();
    counter.printTable(weather.pipeline(), result, FUNCTION_NODES, out);
    out.println();
    if (result.completed().contains("batch_summary")) {
      for (BatchSummary s : weather.batchSummary().rows()) {
        out.println(
            "summary: "
                + s.days()
                + " days, "
                + s.total_readings()
                + " readings, temperature mean "
                + s.mean_temperature_c()
                + " °C (min "
                + s.min_temperature_c()
                + ", max "
                + s.max_temperature_c()
                + "), instruments "
                + s.instruments());
      }
    }
    counter.printTotals(FUNCTION_NODES, out);
  }

  /** The measurement and metadata rows of a data folder, in file-name order. */
  record DataFiles(List<Map<String, ?>> measurements, List<Map<String, ?>> metadata) {
    static DataFiles scan(Path data) {
      List<Map<String, ?>> measurements = new ArrayList<>();
      List<Map<String, ?>> metadata = new ArrayList<>();
      for (Path f : list(data)) {
        String name = f.getFileName().toString();
        if (name.endsWith(".txt")) {
          measurements.add(row(name.substring(0, name.length() - 4), "readings", f));
        } else if (name.endsWith(".json")) {
          metadata.add(row(name.substring(0, name.length() - 5), "metadata", f));
        }
      }
      return new DataFiles(measurements, metadata);
    }
  }

  private static Map<String, ?> row(String day, String column, Path file) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("day", day);
    r.put(column, file);
    return r;
  }

  private static List<Path> list(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list data folder " + folder, e);
    }
  }

  private static boolean isEmpty(Path folder) {
    return list(folder).isEmpty();
  }
}
