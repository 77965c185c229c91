package org.orcapod.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.embedded.EmbeddedArrowDatabase;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.database.postgres.PostgresArrowDatabase;
import org.orcapod.function.FunctionPod;
import org.orcapod.function.JavaPacketFunction;
import org.orcapod.hashing.ArrowHasher;
import org.orcapod.hashing.ContentHash;
import org.orcapod.hashing.SemanticHasher;
import org.orcapod.node.FunctionNode;
import org.orcapod.node.RunReport;
import org.orcapod.schema.ArrowValues;
import org.orcapod.schema.Schema;
import org.orcapod.schema.SystemConstants;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Per-packet overhead of a function node with a trivial function ({@code y = x + 1}) over 10,000
 * packets, in one run: a plain loop calling the method (see {@link #reflectiveLoop}), the node with
 * no database, and on each database (in-memory, embedded SQLite, PostgreSQL when reachable through
 * the {@code PG*} variables) a fully uncached run (every packet computed and stored) and a fully
 * cached run (a fresh node on the same database: every packet served from stored results). Prints
 * µs per packet and the ratio to the plain loop.
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=org.apache.arrow.memory.core,ALL-UNNAMED -cp
 * benchmarks/target/benchmarks.jar org.orcapod.benchmarks.FunctionNodeBenchmark}. Uses the default
 * data context's hashers; {@code --cheap-hasher} replaces them by Arrow's per-cell hash codes to
 * isolate the node's own overhead.
 */
public final class FunctionNodeBenchmark {
  static final int PACKETS = 10_000;
  static final int REPETITIONS = 5;

  private FunctionNodeBenchmark() {}

  static long addOne(long x) {
    return x + 1;
  }

  public static void main(String[] args) throws Exception {
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    boolean cheap = Arrays.asList(args).contains("--cheap-hasher");
    Optional<SourceContext> real = cheap ? Optional.empty() : realContext();
    SourceContext ctx = real.orElseGet(() -> standIn(cheap));
    System.out.printf(
        "hashers: %s%n",
        real.isPresent()
            ? "real (DataContext std:v0.1)"
            : cheap
                ? "cheap (Arrow's per-cell hashCode; isolates the node's own overhead)"
                : "stand-in SHA-256 over rendered values (real ones absent)");
    Map<String, double[]> results = new LinkedHashMap<>();
    double direct = plainLoop();
    double loop = reflectiveLoop();
    results.put("direct loop", new double[] {direct, Double.NaN});
    results.put("plain loop", new double[] {loop, Double.NaN});
    try (BufferAllocator allocator = new RootAllocator()) {
      results.put("no database", new double[] {nodeRun(ctx, allocator, null, 0), Double.NaN});
      results.put(
          "in-memory", databaseRuns(ctx, allocator, () -> InMemoryArrowDatabase.create(allocator)));
      Path dir = Files.createTempDirectory("orcapod-bench");
      int[] n = {0};
      results.put(
          "embedded",
          databaseRuns(
              ctx,
              allocator,
              () -> EmbeddedArrowDatabase.open(dir.resolve("b" + n[0]++ + ".db"), allocator)));
      PGSimpleDataSource pg = postgres();
      if (pg != null) {
        results.put(
            "postgres",
            databaseRuns(ctx, allocator, () -> PostgresArrowDatabase.open(pg, allocator)));
      } else {
        System.out.println("postgres: not reachable through PG* variables; skipped");
      }
    }
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    System.out.printf(
        "%nFunction node, trivial function, %d packets, median of %d runs (µs per packet;"
            + " ratio to the plain loop: reflective call over the boxed input maps; the direct"
            + " loop is a static call over a long[])%n",
        PACKETS, REPETITIONS);
    System.out.printf("%-12s %14s %10s %14s %10s%n", "", "uncached", "ratio", "cached", "ratio");
    for (Map.Entry<String, double[]> e : results.entrySet()) {
      double[] v = e.getValue();
      System.out.printf(
          "%-12s %14.4f %10.1f %14s %10s%n",
          e.getKey(),
          v[0],
          v[0] / loop,
          Double.isNaN(v[1]) ? "-" : String.format("%.4f", v[1]),
          Double.isNaN(v[1]) ? "-" : String.format("%.1f", v[1] / loop));
    }
    System.out.printf(
        "%d available processors; load average %.2f before, %.2f after; baseline sink %d%n",
        Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter, sink);
  }

  /**
   * Where the baselines leave their results. The first version of this benchmark summed into a
   * local that was only compared with 42, and the JIT reduced the loop to ~0.0003 µs per call; the
   * loops now sum into this field, which {@link #main} prints, so the calls cannot be dropped.
   */
  static volatile long sink;

  /**
   * µs per call of the method in a plain loop over a {@code long[]} of the same inputs (median of
   * repetitions): the floor, a direct static call the JIT may inline. Its sum is kept in {@link
   * #sink}. Reading the inputs from an array (not the loop counter) keeps the JIT from replacing
   * the loop by a closed form.
   */
  static double plainLoop() {
    long[] xs = new long[PACKETS];
    for (int i = 0; i < PACKETS; i++) {
      xs[i] = i;
    }
    double[] t = new double[REPETITIONS];
    for (int warm = 0; warm < 20; warm++) {
      long sum = 0;
      for (int i = 0; i < PACKETS; i++) {
        sum += addOne(xs[i]);
      }
      sink += sum;
    }
    for (int r = 0; r < REPETITIONS; r++) {
      long start = System.nanoTime();
      long sum = 0;
      for (int i = 0; i < PACKETS; i++) {
        sum += addOne(xs[i]);
      }
      sink += sum;
      t[r] = (System.nanoTime() - start) / 1000.0 / PACKETS;
    }
    return median(t);
  }

  /**
   * µs per call of a plain loop doing what the node's function body does per packet, without the
   * node: take {@code x} from the same 10,000 boxed input maps, call {@link #addOne} through the
   * same {@link Method#invoke} indirection {@code JavaPacketFunction.ofMethod} uses, and put the
   * boxed result in a new output map. This is the fair baseline for the node's overhead (hashing,
   * Arrow conversion, cache lookups, database writes), so the ratios are taken to it; the direct
   * loop above is printed beside it to show what reflection and boxing alone cost.
   */
  static double reflectiveLoop() throws Exception {
    Method m = FunctionNodeBenchmark.class.getDeclaredMethod("addOne", long.class);
    List<Map<String, Object>> inputs = inputRows();
    double[] t = new double[REPETITIONS];
    for (int r = -20; r < REPETITIONS; r++) {
      long start = System.nanoTime();
      long sum = 0;
      for (Map<String, Object> in : inputs) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("y", m.invoke(null, in.get("x")));
        sum += (Long) out.get("y");
      }
      sink += sum;
      if (r >= 0) {
        t[r] = (System.nanoTime() - start) / 1000.0 / PACKETS;
      }
    }
    return median(t);
  }

  /** The node's input rows: {@code id = x = i}, boxed, one map per packet. */
  static List<Map<String, Object>> inputRows() {
    List<Map<String, Object>> rows = new ArrayList<>(PACKETS);
    for (long i = 0; i < PACKETS; i++) {
      Map<String, Object> m = new HashMap<>();
      m.put("id", i);
      m.put("x", i);
      rows.add(m);
    }
    return rows;
  }

  interface DatabaseFactory {
    ArrowDatabase open() throws Exception;
  }

  /** {uncached, cached} µs per packet on fresh databases from {@code factory}. */
  static double[] databaseRuns(
      SourceContext ctx, BufferAllocator allocator, DatabaseFactory factory) throws Exception {
    double[] uncached = new double[REPETITIONS];
    double[] cached = new double[REPETITIONS];
    // one warm-up round, then measured rounds; each round uses a fresh pipeline scope
    for (int r = -1; r < REPETITIONS; r++) {
      try (ArrowDatabase db = factory.open()) {
        ArrowDatabase scoped = db.at("bench" + System.nanoTime());
        double u = nodeRun(ctx, allocator, scoped, PACKETS);
        double c = nodeRun(ctx, allocator, scoped, 0);
        if (r >= 0) {
          uncached[r] = u;
          cached[r] = c;
        }
      }
    }
    return new double[] {median(uncached), median(cached)};
  }

  /** µs per packet of one run of a fresh node; checks the expected number of computed packets. */
  static double nodeRun(
      SourceContext ctx, BufferAllocator allocator, @Nullable ArrowDatabase db, int expectComputed)
      throws Exception {
    if (db == null) {
      double[] t = new double[REPETITIONS];
      for (int r = -1; r < REPETITIONS; r++) {
        double v = oneRun(ctx, allocator, null, PACKETS);
        if (r >= 0) {
          t[r] = v;
        }
      }
      return median(t);
    }
    return oneRun(ctx, allocator, db, expectComputed);
  }

  private static double oneRun(
      SourceContext ctx, BufferAllocator allocator, @Nullable ArrowDatabase db, int expectComputed)
      throws Exception {
    Field x = new Field("x", FieldType.notNullable(new ArrowType.Int(64, true)), null);
    Field y = new Field("y", FieldType.notNullable(new ArrowType.Int(64, true)), null);
    JavaPacketFunction f =
        JavaPacketFunction.ofMethod(
            FunctionNodeBenchmark.class.getDeclaredMethod("addOne", long.class),
            null,
            "add_one",
            "v1.0",
            List.of("x"),
            List.of("y"));
    if (!f.inputSchema().equals(Schema.of(List.of(x)))
        || !f.outputSchema().equals(Schema.of(List.of(y)))) {
      throw new IllegalStateException(
          "unexpected schemas " + f.inputSchema() + " " + f.outputSchema());
    }
    List<Map<String, Object>> rows = inputRows();
    try (DictSource source = DictSource.of(rows, List.of("id"), "bench", ctx, allocator)) {
      FunctionNode.Builder b = FunctionNode.builder(new FunctionPod(f, ctx), source, allocator);
      if (db != null) {
        b.pipelineDatabase(db);
      }
      try (FunctionNode node = b.build()) {
        long start = System.nanoTime();
        RunReport report = node.run();
        long elapsed = System.nanoTime() - start;
        if (report.computed() != expectComputed || report.outputRows() != PACKETS) {
          throw new IllegalStateException("unexpected run: " + report);
        }
        return elapsed / 1000.0 / PACKETS;
      }
    }
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static @Nullable PGSimpleDataSource postgres() {
    Map<String, String> env = System.getenv();
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {env.getOrDefault("PGHOST", "localhost")});
    ds.setPortNumbers(new int[] {Integer.parseInt(env.getOrDefault("PGPORT", "5432"))});
    ds.setDatabaseName(env.getOrDefault("PGDATABASE", "testdb"));
    ds.setUser(env.getOrDefault("PGUSER", "postgres"));
    ds.setPassword(env.getOrDefault("PGPASSWORD", "postgres"));
    ds.setConnectTimeout(5);
    String schema = "orcapod_bench_" + System.nanoTime();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (Exception e) {
      return null;
    }
    ds.setCurrentSchema(schema);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (Connection c = ds.getConnection();
                      Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                  } catch (Exception ignored) {
                    // best effort
                  }
                }));
    return ds;
  }

  private static Optional<SourceContext> realContext() {
    return Optional.of(SourceContext.defaultContext());
  }

  /** SHA-256 over a plain rendering of the values: the stand-in until the real hashers land. */
  static SourceContext standIn(boolean cheap) {
    ArrowHasher arrow =
        new ArrowHasher() {
          @Override
          public String hasherId() {
            return "bench_arrow";
          }

          @Override
          public ContentHash hashTable(List<VectorSchemaRoot> batches) {
            if (cheap) {
              long h = 17;
              for (VectorSchemaRoot b : batches) {
                for (FieldVector v : b.getFieldVectors()) {
                  h = h * 31 + v.getName().hashCode();
                  for (int i = 0; i < b.getRowCount(); i++) {
                    h = h * 31 + v.hashCode(i);
                  }
                }
              }
              byte[] d = new byte[8];
              for (int i = 0; i < 8; i++) {
                d[i] = (byte) (h >>> (8 * i));
              }
              return ContentHash.of(hasherId(), d);
            }
            TreeMap<String, List<String>> cols = new TreeMap<>();
            for (VectorSchemaRoot b : batches) {
              for (FieldVector v : b.getFieldVectors()) {
                List<String> values = cols.computeIfAbsent(v.getName(), k -> new ArrayList<>());
                for (int i = 0; i < b.getRowCount(); i++) {
                  values.add(String.valueOf(ArrowValues.read(v, i)));
                }
              }
            }
            return ContentHash.of(hasherId(), sha256(cols.toString()));
          }

          @Override
          public ContentHash hashSchema(org.apache.arrow.vector.types.pojo.Schema schema) {
            return ContentHash.of(hasherId(), sha256(schema.toString()));
          }
        };
    SemanticHasher semantic =
        new SemanticHasher() {
          @Override
          public String hasherId() {
            return "bench_semantic";
          }

          @Override
          public ContentHash hash(Object structure) {
            return ContentHash.of(hasherId(), sha256(render(structure)));
          }

          private String render(Object o) {
            if (o instanceof org.orcapod.hashing.ContentIdentifiable ci) {
              return ci.contentHash(this).toString();
            }
            if (o instanceof Iterable<?> it) {
              List<String> parts = new ArrayList<>();
              it.forEach(i -> parts.add(render(i)));
              return parts.toString();
            }
            if (o instanceof Map<?, ?> m) {
              TreeMap<String, String> s = new TreeMap<>();
              m.forEach((k, v) -> s.put(String.valueOf(k), render(v)));
              return s.toString();
            }
            return String.valueOf(o);
          }
        };
    return new SourceContext(SystemConstants.DEFAULT_CONTEXT_KEY, arrow, semantic);
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
