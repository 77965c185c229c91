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
import org.orcapod.database.embedded.EmbeddedArrowDatabase;
import org.orcapod.datagram.Packet;
import org.orcapod.datagram.Tag;
import org.orcapod.datagram.TagPacket;
import org.orcapod.function.FunctionPod;
import org.orcapod.function.FunctionPodStream;
import org.orcapod.node.NodeExecutionListener;
import org.orcapod.observe.CompositeObserver;
import org.orcapod.observe.ExecutionObserver;
import org.orcapod.operator.Batch;
import org.orcapod.operator.Join;
import org.orcapod.operator.OperatorContext;
import org.orcapod.operator.OperatorStream;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.pipeline.RunOptions;
import org.orcapod.pipeline.RunResult;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.schema.Schema;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;

/**
 * Sample 2, a file-based scientific pipeline: a folder of per-day measurement files ({@code
 * <day>.txt}) and metadata files ({@code <day>.json}) become Path packets hashed by content; {@code
 * daily_stats} parses each measurement file, {@code parse_metadata} each metadata file, the two are
 * joined on {@code day}, batched, and {@code batch_summary} summarises the batch. Results live in
 * an embedded SQLite database, so a second run serves everything from the cache and a new or edited
 * file computes only its own packets.
 *
 * <p>Usage: {@code FilePipelineSample [--data <folder>] [--db <folder>]}; exit codes: 0 success, 1
 * a node failed, 2 bad arguments.
 */
public final class FilePipelineSample {
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

  private FilePipelineSample() {}

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
    if (measurements.isEmpty() || metadata.isEmpty()) {
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
            + measurements.size()
            + " measurement files, "
            + metadata.size()
            + " metadata files)");
    out.println("database: " + dbFile + " (embedded SQLite)");

    SourceContext ctx = SourceContext.defaultContext();
    List<AutoCloseable> toClose = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator();
        EmbeddedArrowDatabase database = EmbeddedArrowDatabase.open(dbFile, allocator)) {
      try {
        DictSource days =
            track(
                toClose,
                DictSource.of(measurements, List.of("day"), "measurements", ctx, allocator));
        DictSource meta =
            track(toClose, DictSource.of(metadata, List.of("day"), "metadata", ctx, allocator));
        FunctionPodStream stats =
            track(
                toClose,
                new FunctionPod(WeatherFunctions.dailyStats(), ctx).process(allocator, days));
        FunctionPodStream parsed =
            track(
                toClose,
                new FunctionPod(WeatherFunctions.parseMetadata(), ctx).process(allocator, meta));
        OperatorContext oc =
            new OperatorContext(ctx.semanticHasher(), allocator, ctx.arrowHasher());
        OperatorStream joined = track(toClose, new Join().process(oc, stats, parsed));
        OperatorStream batched = track(toClose, new Batch().process(oc, joined));
        Schema batchSchema = batched.outputSchema(ColumnConfig.dataOnly()).packet();
        FunctionPodStream summary =
            track(
                toClose,
                new FunctionPod(WeatherFunctions.batchSummary(batchSchema), ctx)
                    .process(allocator, batched));

        Pipeline pipeline =
            track(toClose, Pipeline.builder("weather", database, allocator).build());
        pipeline.add(summary);
        pipeline.compile();
        Counter counter = new Counter();
        RunResult result =
            pipeline.run(
                RunOptions.defaults()
                    .withObserver(new CompositeObserver(pipeline.defaultObserver(), counter)));
        printReport(pipeline, counter, result, out);
        if (!counter.crashes.isEmpty()) {
          counter.crashes.forEach(c -> err.println("error: " + c));
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
      } finally {
        for (int i = toClose.size() - 1; i >= 0; i--) {
          try {
            toClose.get(i).close();
          } catch (Exception e) {
            err.println("warning: closing " + toClose.get(i) + " failed: " + e.getMessage());
          }
        }
      }
    }
  }

  private static void printReport(Pipeline p, Counter counter, RunResult result, PrintStream out) {
    out.println();
    out.println(
        String.format("%-16s %6s %9s %7s %7s", "node", "rows", "computed", "cached", "failed"));
    int computed = 0;
    int cached = 0;
    for (String label : FUNCTION_NODES) {
      int[] c = counter.counts.getOrDefault(label, new int[3]);
      computed += c[0];
      cached += c[1];
      int rows = result.completed().contains(label) ? p.stream(label).rowCount() : 0;
      out.println(String.format("%-16s %6d %9d %7d %7d", label, rows, c[0], c[1], c[2]));
    }
    out.println();
    if (result.completed().contains("batch_summary")) {
      for (TagPacket tp : p.stream("batch_summary").rows()) {
        Map<String, @Nullable Object> d = tp.packet().data();
        out.println(
            "summary: "
                + d.get("days")
                + " days, "
                + d.get("total_readings")
                + " readings, temperature mean "
                + d.get("mean_temperature_c")
                + " °C (min "
                + d.get("min_temperature_c")
                + ", max "
                + d.get("max_temperature_c")
                + "), instruments "
                + d.get("instruments"));
      }
    }
    if (computed == 0) {
      out.println("everything came from the cache (" + cached + " packets)");
    } else {
      out.println("computed " + computed + " packets, " + cached + " came from the cache");
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

  private static <T extends AutoCloseable> T track(List<AutoCloseable> toClose, T c) {
    toClose.add(c);
    return c;
  }

  /** Counts, per node label, the packets computed and the packets served from the cache. */
  static final class Counter implements ExecutionObserver {
    final Map<String, int[]> counts = new LinkedHashMap<>();
    final List<String> crashes = new ArrayList<>();

    @Override
    public NodeExecutionListener contextualize(
        String nodeHash, String nodeLabel, List<String> pipelinePath) {
      int[] c;
      synchronized (counts) {
        c = counts.computeIfAbsent(nodeLabel, k -> new int[3]);
      }
      return new NodeExecutionListener() {
        @Override
        public void onPacketEnd(Tag tag, Packet input, @Nullable Packet output, boolean cached) {
          synchronized (c) {
            c[cached ? 1 : 0]++;
          }
        }

        @Override
        public void onPacketCrash(Tag tag, Packet packet, Throwable error) {
          synchronized (c) {
            c[2]++;
          }
          synchronized (crashes) {
            crashes.add(nodeLabel + " failed for " + tag.data() + ": " + error.getMessage());
          }
        }
      };
    }
  }
}
